import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The bench directory and the repo around it, wherever the suite is run from. */
export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_DIR = path.resolve(BENCH_DIR, "..");

/** The repo's venv interpreter (scripts/setup.sh creates it with grpcio and the SDK). */
export const PYTHON = path.join(REPO_DIR, ".venv", "bin", "python");

/** Arguments that run a TypeScript file on this node, as the host runs Node plugins. */
export function nodeTsArgs(file: string, ...args: string[]): string[] {
  return ["--import", createRequire(import.meta.url).resolve("tsx/esm"), file, ...args];
}

/** A file under bench/. */
export function benchPath(...parts: string[]): string {
  return path.join(BENCH_DIR, ...parts);
}
