import { fstatSync, writeSync } from "node:fs";

/*
 * The process's standard streams, as go-plugin uses them. stdout carries exactly one line, the
 * handshake: anything before it fails the start, anything after it would be mixed into the host's
 * parsing. So once the process knows the host started it, writes to process.stdout (console.log,
 * a library's banner) are sent to stderr instead, which the host stores in the plugin's log, and
 * the handshake alone goes to file descriptor 1 directly. stdin is the host's lifeline: it reaches
 * end of file when the host dies.
 */

let reserved = false;

/** Sends every later process.stdout write to stderr; the handshake is written to fd 1 directly. */
export function reserveStdout(): void {
  if (reserved) return;
  reserved = true;
  const toStderr = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean =>
    (process.stderr.write as (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean)(chunk, encoding, callback);
  process.stdout.write = toStderr as typeof process.stdout.write;
}

/** Writes the handshake line (the only bytes this process ever writes to stdout). */
export function writeHandshake(line: string): void {
  const data = Buffer.from(`${line}\n`);
  for (let offset = 0; offset < data.length; ) offset += writeSync(1, data, offset);
}

/** `CORE|APP|NETWORK|ADDRESS|PROTOCOL|CERT` for protocol 1 over gRPC, without AutoMTLS. */
export function handshakeLine(network: string, address: string): string {
  return `1|1|${network}|${address}|grpc|`;
}

/**
 * Calls `onEnd` when stdin reaches end of file. Only a pipe or socket is watched: that is what the
 * host gives; a terminal or /dev/null (a plugin started by hand) would otherwise mean "exit now"
 * or steal keystrokes. Returns whether stdin is watched.
 */
export function watchStdin(onEnd: () => void): boolean {
  let stat;
  try {
    stat = fstatSync(0);
  } catch {
    return false;
  }
  if (!stat.isFIFO() && !stat.isSocket()) return false;
  process.stdin.on("end", onEnd);
  process.stdin.on("error", onEnd);
  process.stdin.on("data", () => undefined); // the host never writes; read to see the end
  return true;
}
