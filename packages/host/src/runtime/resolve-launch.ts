import type { Manifest, PluginRuntimeName } from "../manifest.js";
import { HostError, HostErrorCode } from "../host-error.js";
import { resolveInsideBundle } from "./bundle-path.js";
import type { LaunchOptions, LaunchSpec } from "./launch-spec.js";
import { nativeLaunch } from "./native.js";
import { nodeLaunch } from "./node.js";
import { pythonLaunch } from "./python.js";

/** Picks the runtime from the manifest (as Mattermost: runtime field, else a .py executable is Python). */
export function runtimeOf(manifest: Manifest, executable: string): PluginRuntimeName {
  if (manifest.server?.runtime) return manifest.server.runtime;
  if (executable.endsWith(".py")) return "python";
  if (/\.(m?js|m?ts)$/.test(executable)) return "node";
  return "native";
}

/** Works out how to start a bundle's server part, validating the executable path. */
export async function resolveLaunch(manifest: Manifest, bundleDir: string, options: LaunchOptions): Promise<LaunchSpec> {
  const platformKey = `${process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`;
  const executable = manifest.server?.executables?.[platformKey] ?? manifest.server?.executable;
  if (!executable) {
    throw new HostError(HostErrorCode.ExecutableInvalid, `plugin ${manifest.id} has no server executable for ${platformKey}`);
  }
  const entry = await resolveInsideBundle(bundleDir, executable);
  switch (runtimeOf(manifest, executable)) {
    case "python":
      return pythonLaunch(bundleDir, entry, options);
    case "node":
      return nodeLaunch(bundleDir, entry);
    case "native":
      return nativeLaunch(manifest.id, bundleDir, entry, options);
  }
}
