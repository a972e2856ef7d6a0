import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { parseHandshake, type Handshake } from "./handshake.js";
import { HostError, HostErrorCode } from "./host-error.js";
import type { PluginLog } from "./plugin-log.js";
import type { LaunchSpec } from "./runtime/launch-spec.js";

/** How a plugin process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface StartProcessOptions {
  readonly spec: LaunchSpec;
  /**
   * Start a reaper beside the plugin: a tiny shell that holds a pipe from the host and kills the
   * plugin's process group when that pipe closes, i.e. when the host dies, even by SIGKILL. For
   * plugins that do not watch their stdin themselves (stock go-plugin binaries); our SDKs do.
   */
  readonly reaper?: boolean;
  readonly env: Readonly<Record<string, string>>;
  readonly startTimeoutMs: number;
  readonly log: PluginLog;
}

/** Process groups still alive, killed when the host exits so no plugin is orphaned. */
const liveGroups = new Set<number>();
process.on("exit", () => {
  for (const pgid of liveGroups) signalGroup(pgid, "SIGKILL");
});

/**
 * One plugin OS process: spawned in its own process group (so children it forks die with it),
 * stdin kept as a pipe (its end of file tells the plugin the host died), stdout's first line read
 * as the go-plugin handshake, everything else streamed into the plugin's log.
 */
export class PluginProcess {
  readonly #child: ChildProcess;
  readonly exited: Promise<ProcessExit>;
  #exit: ProcessExit | undefined;

  private constructor(child: ChildProcess) {
    this.#child = child;
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.#exit = { code, signal };
        if (child.pid !== undefined) liveGroups.delete(child.pid);
        resolve(this.#exit);
      });
    });
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  get hasExited(): boolean {
    return this.#exit !== undefined;
  }

  /** Spawns the plugin and waits for a valid handshake line, the process's exit, or the timeout. */
  static async start(options: StartProcessOptions): Promise<{ process: PluginProcess; handshake: Handshake }> {
    const { spec, env, startTimeoutMs, log } = options;
    let child: ChildProcess;
    try {
      child = spawn(spec.command, [...spec.args], { cwd: spec.cwd, env, detached: true, stdio: ["pipe", "pipe", "pipe"] });
    } catch (cause) {
      throw new HostError(HostErrorCode.SpawnFailed, `could not start ${spec.command}: ${(cause as Error).message}`, { cause });
    }
    const plugin = new PluginProcess(child);
    if (child.pid !== undefined) liveGroups.add(child.pid);
    if (options.reaper && child.pid !== undefined) startReaper(child.pid, plugin.exited);
    child.stdin?.on("error", () => {}); // EPIPE when the plugin exits first is expected.
    const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
    createInterface({ input: child.stderr! }).on("line", (line) => log.appendLine("stderr", line));
    const stdout = createInterface({ input: child.stdout! });
    const firstLine = new Promise<string>((resolve) => stdout.once("line", resolve));
    stdout.once("line", () => stdout.on("line", (line) => log.appendLine("stdout", line)));

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), startTimeoutMs)));
    const outcome = await Promise.race([firstLine, plugin.exited, timeout, spawnError]);
    clearTimeout(timer);

    try {
      if (typeof outcome === "string" && outcome !== "timeout") return { process: plugin, handshake: parseHandshake(outcome) };
      if (outcome === "timeout") {
        throw new HostError(HostErrorCode.HandshakeTimeout, `plugin did not print its handshake line within ${startTimeoutMs} ms${stderrTail(log)}`);
      }
      if (outcome instanceof Error) {
        throw new HostError(HostErrorCode.SpawnFailed, `could not start ${spec.command}: ${outcome.message}`, { cause: outcome });
      }
      // Give the stderr reader a moment to drain the last lines before quoting them.
      await new Promise((resolve) => setImmediate(resolve));
      throw new HostError(HostErrorCode.ExitedBeforeHandshake, `plugin exited (${describeExit(outcome)}) before its handshake${stderrTail(log)}`);
    } catch (error) {
      plugin.kill();
      throw error;
    }
  }

  /** Asks the process group to stop (SIGTERM), then forces it (SIGKILL) after `graceMs`. */
  async stop(graceMs: number): Promise<ProcessExit> {
    if (this.#exit) return this.#exit;
    this.#signal("SIGTERM");
    const forced = setTimeout(() => this.#signal("SIGKILL"), graceMs);
    const exit = await this.exited;
    clearTimeout(forced);
    // The leader is gone; make sure nothing it forked lingers in the group.
    this.#signal("SIGKILL");
    return exit;
  }

  /** Kills the whole process group at once. */
  kill(): void {
    this.#signal("SIGKILL");
  }

  /** Waits up to `ms` for the process to exit by itself; true if it did. */
  async waitForExit(ms: number): Promise<boolean> {
    if (this.#exit) return true;
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([this.exited.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))]);
    clearTimeout(timer);
    return result;
  }

  #signal(signal: NodeJS.Signals): void {
    if (this.#child.pid !== undefined) signalGroup(this.#child.pid, signal);
  }
}

/** See StartProcessOptions.reaper. The reaper is stopped (its pipe closed) when the plugin exits. */
function startReaper(pgid: number, pluginExited: Promise<ProcessExit>): void {
  const script = 'while read -r _; do :; done; kill -KILL "-$1" 2>/dev/null';
  const reaper = spawn("/bin/sh", ["-c", script, "reaper", String(pgid)], { stdio: ["pipe", "ignore", "ignore"], detached: true });
  reaper.on("error", () => undefined);
  reaper.stdin?.on("error", () => undefined);
  reaper.unref();
  void pluginExited.then(() => reaper.kill("SIGKILL"));
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** "exit code 1" / "signal SIGKILL", for messages. */
export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

function stderrTail(log: PluginLog): string {
  const tail = log.tailText(10);
  return tail ? `; its last output:\n${tail}` : "; it wrote nothing to stderr";
}
