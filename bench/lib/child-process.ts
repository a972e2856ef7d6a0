import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

/** A helper process (an echo server) that announced itself with `READY <address>` on stdout. */
export interface ReadyProcess {
  readonly address: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a helper server and waits for its `READY <address>` line. Helpers are separate processes
 * on purpose: a floor must cross a process boundary exactly as the figure it is compared with.
 */
export async function startReadyProcess(command: string, args: string[], timeoutMs = 15_000): Promise<ReadyProcess> {
  const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
  const stderr = collectTail(child);
  const lines = createInterface({ input: child.stdout! });
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`no READY line within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")}: ${why}\n${stderr()}`));
    };
    lines.once("line", (line) => {
      clearTimeout(timer);
      if (line.startsWith("READY ")) resolve(line.slice(6).trim());
      else fail(`expected "READY <address>", got ${JSON.stringify(line)}`);
    });
    child.once("exit", (code, signal) => fail(`exited early (${code ?? signal})`));
  });
  return {
    address,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a helper to completion and parses the JSON it printed as its last stdout line. */
export async function runJsonProcess<T>(command: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<T> {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...(options.env ? { env: options.env } : {}) });
  const stderr = collectTail(child);
  let stdout = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (${code ?? signal})\n${stderr()}`);
  const last = stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`${command} ${args.join(" ")} printed no JSON result: ${JSON.stringify(last.slice(0, 200))}\n${stderr()}`);
  }
}

function collectTail(child: ChildProcess): () => string {
  let tail = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    tail = (tail + chunk).slice(-4000);
  });
  return () => tail;
}
