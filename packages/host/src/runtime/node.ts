import { createRequire } from "node:module";
import type { LaunchSpec } from "./launch-spec.js";

/** Node plugins run on the host's own node; TypeScript entries are loaded through tsx. */
export function nodeLaunch(bundleDir: string, entry: string): LaunchSpec {
  const args = entry.endsWith(".ts") || entry.endsWith(".mts") ? ["--import", tsxLoader(), entry] : [entry];
  return { command: process.execPath, args, cwd: bundleDir, entry, runtime: "node" };
}

function tsxLoader(): string {
  return createRequire(import.meta.url).resolve("tsx/esm");
}
