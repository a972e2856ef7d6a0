import { access, constants } from "node:fs/promises";
import path from "node:path";
import { HostError, HostErrorCode } from "../host-error.js";
import type { LaunchOptions, LaunchSpec } from "./launch-spec.js";

/**
 * Python plugins run as `<interpreter> <script>`. The interpreter is the bundle's own venv when it
 * ships one (its dependencies win), else the host's configured interpreter, else python3 on PATH.
 */
export async function pythonLaunch(bundleDir: string, entry: string, options: LaunchOptions): Promise<LaunchSpec> {
  const candidates = [
    path.join(bundleDir, "venv", "bin", "python3"),
    path.join(bundleDir, "venv", "bin", "python"),
    path.join(bundleDir, ".venv", "bin", "python3"),
    path.join(bundleDir, ".venv", "bin", "python"),
    ...(options.pythonInterpreter ? [path.resolve(options.pythonInterpreter)] : []),
    ...pathCandidates("python3"),
  ];
  for (const candidate of candidates) {
    if (await isExecutable(candidate)) {
      // -u: unbuffered stdout, so the handshake line is never stuck in a pipe buffer.
      return { command: candidate, args: ["-u", entry], cwd: bundleDir, entry, runtime: "python" };
    }
  }
  throw new HostError(HostErrorCode.RuntimeUnavailable, `no Python interpreter found for ${bundleDir}: ship venv/ in the bundle, configure one, or install python3`);
}

function pathCandidates(name: string): string[] {
  return (process.env["PATH"] ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name));
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
