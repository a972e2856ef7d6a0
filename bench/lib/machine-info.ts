import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PYTHON, REPO_DIR } from "./paths.js";

/** Where and with what the numbers were measured: without this a benchmark result is an anecdote. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly kernel: string;
  readonly node: string;
  readonly python: string;
  readonly pythonPackages: Record<string, string>;
  readonly npmPackages: Record<string, string>;
  readonly gitCommit: string;
  /** Files changed since that commit (the numbers belong to the working tree, not the commit). */
  readonly gitDirty: boolean;
  /** 1/5/15-minute load averages when the suite started; other work on the box shows here. */
  readonly loadAverageAtStart: number[];
}

/** Collects the machine's description; never throws (a missing tool reads "unknown"). */
export function collectMachineInfo(): MachineInfo {
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osRelease(),
    kernel: os.release(),
    node: process.version,
    python: run(PYTHON, ["-c", "import platform; print(platform.python_version())"]),
    pythonPackages: pythonPackages(),
    npmPackages: Object.fromEntries(["@grpc/grpc-js", "@bufbuild/protobuf", "fastify", "better-sqlite3", "kysely", "tsx"].map((name) => [name, npmVersion(name)])),
    gitCommit: run("git", ["-C", REPO_DIR, "rev-parse", "HEAD"]),
    gitDirty: run("git", ["-C", REPO_DIR, "status", "--porcelain"]) !== "",
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

function pythonPackages(): Record<string, string> {
  const script = "import json, importlib.metadata as m; print(json.dumps({n: m.version(n) for n in ('grpcio', 'protobuf', 'mattermost-plugin-sdk')}))";
  try {
    return JSON.parse(run(PYTHON, ["-c", script])) as Record<string, string>;
  } catch {
    return {};
  }
}

function npmVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(REPO_DIR, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function osRelease(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? os.type();
  } catch {
    return os.type();
  }
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}
