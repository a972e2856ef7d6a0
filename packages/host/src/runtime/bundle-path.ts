import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { HostError, HostErrorCode } from "../host-error.js";

/**
 * Resolves `relative` inside `bundleDir` and refuses anything that escapes the bundle, by
 * `..`, an absolute path, or a symlink pointing outside. Returns the real absolute path.
 */
export async function resolveInsideBundle(bundleDir: string, relative: string): Promise<string> {
  if (path.isAbsolute(relative)) {
    throw new HostError(HostErrorCode.ExecutableInvalid, `server executable ${JSON.stringify(relative)} must be relative to the bundle`);
  }
  const normalized = path.normalize(relative);
  if (normalized === ".." || normalized.startsWith(`..${path.sep}`)) {
    throw new HostError(HostErrorCode.ExecutableInvalid, `server executable ${JSON.stringify(relative)} escapes the plugin bundle`);
  }
  const bundleReal = await realpath(bundleDir);
  let target: string;
  try {
    target = await realpath(path.join(bundleReal, normalized));
  } catch (cause) {
    throw new HostError(HostErrorCode.ExecutableInvalid, `server executable ${JSON.stringify(relative)} does not exist in ${bundleDir}`, { cause });
  }
  if (!target.startsWith(bundleReal + path.sep)) {
    throw new HostError(HostErrorCode.ExecutableInvalid, `server executable ${JSON.stringify(relative)} links outside the plugin bundle`);
  }
  if (!(await stat(target)).isFile()) {
    throw new HostError(HostErrorCode.ExecutableInvalid, `server executable ${JSON.stringify(relative)} is not a file`);
  }
  return target;
}
