import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error";

/** One line of a plugin's log, whatever its source. */
export interface PluginLogEntry {
  readonly time: string;
  readonly level: LogLevel;
  readonly message: string;
  /** Where the line came from: the process's stderr/stdout, the Log* API, or the host itself. */
  readonly source: "stderr" | "stdout" | "api" | "host";
  readonly fields?: Readonly<Record<string, unknown>>;
}

const TAIL_LINES = 200;
const LEVEL_PREFIX = /^\s*\[(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL)\]\s*/i;
const LEVEL_WORD = /\b(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL)\b/;

/**
 * A plugin's log: a bounded in-memory tail (for statuses and error messages) plus an optional
 * JSON-lines file. stderr lines are read as hclog JSON (`@level`, `@message`, other keys as
 * fields) or by a `[LEVEL]` prefix, as go-plugin does; other lines count as info.
 */
export class PluginLog {
  readonly #tail: PluginLogEntry[] = [];
  readonly #file: string | undefined;
  readonly #onEntry: ((entry: PluginLogEntry) => void) | undefined;
  #panicking = false;

  constructor(options: { file?: string; onEntry?: (entry: PluginLogEntry) => void } = {}) {
    this.#file = options.file;
    this.#onEntry = options.onEntry;
    if (this.#file) mkdirSync(path.dirname(this.#file), { recursive: true });
  }

  /** Records one raw line from the plugin's stderr or stdout. */
  appendLine(source: "stderr" | "stdout", line: string): void {
    if (line.trim() === "") return;
    this.append(parseLogLine(source, line, this.#panicking));
    if (/^(panic: |fatal error: |Traceback \(most recent call last\))/.test(line)) this.#panicking = true;
  }

  append(entry: PluginLogEntry): void {
    this.#tail.push(entry);
    if (this.#tail.length > TAIL_LINES) this.#tail.shift();
    if (this.#file) appendFileSync(this.#file, `${JSON.stringify(entry)}\n`);
    this.#onEntry?.(entry);
  }

  /** The last `count` entries, oldest first. */
  tail(count = 20): PluginLogEntry[] {
    return this.#tail.slice(-count);
  }

  /** The last lines as plain text, for error messages ("…; stderr: …"). */
  tailText(count = 10): string {
    return this.tail(count).filter((e) => e.source !== "host").map((e) => e.message).join("\n");
  }
}

/** Parses one raw line into an entry (exported for tests). */
export function parseLogLine(source: "stderr" | "stdout", line: string, panicking = false): PluginLogEntry {
  const time = new Date().toISOString();
  if (line.startsWith("{")) {
    try {
      const json = JSON.parse(line) as Record<string, unknown>;
      if (typeof json["@message"] === "string") {
        const { "@level": level, "@message": message, "@timestamp": stamp, ...fields } = json;
        return { time: typeof stamp === "string" ? stamp : time, level: toLevel(String(level ?? "info")), message, source, fields };
      }
    } catch {
      // Not JSON after all: fall through to the text rules.
    }
  }
  if (panicking) return { time, level: "error", message: line, source };
  const prefix = LEVEL_PREFIX.exec(line);
  if (prefix) return { time, level: toLevel(prefix[1]!), message: line.slice(prefix[0].length), source };
  // Python's default logging format puts the level in a bracket or a word mid-line.
  const word = LEVEL_WORD.exec(line);
  return { time, level: word ? toLevel(word[1]!) : "info", message: line, source };
}

function toLevel(raw: string): LogLevel {
  switch (raw.toLowerCase()) {
    case "trace":
      return "trace";
    case "debug":
      return "debug";
    case "warn":
    case "warning":
      return "warn";
    case "error":
    case "critical":
    case "fatal":
      return "error";
    default:
      return "info";
  }
}
