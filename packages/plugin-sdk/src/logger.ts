import type { LogLevel } from "./runtime-config.js";

/** Key-values attached to a log line. Errors are written with their message and stack. */
export type LogFields = Record<string, unknown>;

/**
 * Structured logging to stderr, which the host stores in the plugin's log. Lines are hclog JSON
 * (`{"@level":"info","@message":…, key: value}`), the format go-plugin hosts read the level and
 * the fields from (docs/protocol.md §7). stdout is never written: it carries the handshake.
 */
export interface Logger {
  readonly level: LogLevel;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. `{ hook: "ServeHTTP" }`). */
  with(fields: LogFields): Logger;
}

/** How createLogger writes: level, hclog module, fields on every line, destination. */
export interface LoggerOptions {
  level?: LogLevel;
  /** hclog's `@module`; defaults to "plugin". */
  module?: string;
  fields?: LogFields;
  /** Where lines go; defaults to process.stderr. Tests pass an array's push. */
  write?: (line: string) => void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** A logger writing hclog JSON lines at `level` and above. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? "info";
  const module = options.module ?? "plugin";
  const base = options.fields ?? {};
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const log = (lineLevel: LogLevel) => (message: string, fields?: LogFields) => {
    if (RANK[lineLevel] < RANK[level]) return;
    write(`${formatLine(lineLevel, module, message, { ...base, ...fields })}\n`);
  };
  return {
    level,
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    with: (fields) => createLogger({ ...options, level, module, fields: { ...base, ...fields } }),
  };
}

/** One hclog JSON line (without the newline). Fields never override the `@` keys. */
export function formatLine(level: LogLevel, module: string, message: string, fields: LogFields): string {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!key.startsWith("@")) record[key] = plain(value);
  }
  return safeStringify({ "@level": level, "@message": message, "@module": module, "@timestamp": new Date().toISOString(), ...record });
}

function plain(value: unknown): unknown {
  if (value instanceof Error) return { error: value.message, ...(value.stack ? { stack: value.stack } : {}) };
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  return value;
}

function safeStringify(record: Record<string, unknown>): string {
  try {
    return JSON.stringify(record);
  } catch {
    // A cycle or an exotic value in the fields must not lose the line itself.
    return JSON.stringify({ "@level": record["@level"], "@message": record["@message"], "@module": record["@module"], "@timestamp": record["@timestamp"], fields_error: "unserializable fields" });
  }
}
