import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { access, constants } from "node:fs/promises";
import { HostError, HostErrorCode } from "../host-error.js";
import type { LaunchOptions, LaunchSpec } from "./launch-spec.js";

/** Native plugins (any go-plugin gRPC binary) run directly, after an optional SHA-256 check. */
export async function nativeLaunch(pluginId: string, bundleDir: string, entry: string, options: LaunchOptions): Promise<LaunchSpec> {
  try {
    await access(entry, constants.X_OK);
  } catch (cause) {
    throw new HostError(HostErrorCode.ExecutableInvalid, `${entry} is not executable: chmod +x it in the bundle`, { cause });
  }
  const expected = options.nativeChecksums?.[pluginId];
  if (expected !== undefined) {
    const actual = await sha256File(entry);
    if (actual !== expected.toLowerCase()) {
      throw new HostError(HostErrorCode.ExecutableInvalid, `checksum of ${entry} is ${actual}, expected ${expected}: the binary was changed`);
    }
  }
  return { command: entry, args: [], cwd: bundleDir, entry, runtime: "native" };
}

/** Hex SHA-256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
