/**
 * The audit log (Mattermost's audit logger target): one JSON line per record appended to
 * `<dataDir>/logs/audit.jsonl`, `{timestamp, level, plugin_id, ...record}` with the record in
 * Mattermost's model.AuditRecord JSON (event_name, status, event, actor, meta, error). Appends are
 * serialized, so lines never interleave.
 */
import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { appError } from "./app-error.js";

/** mlog's audit levels, and the plain ones a plugin may pass to LogAuditRecWithLevel. */
export const AUDIT_LEVELS = new Set(["audit-api", "audit-content", "audit-permissions", "audit-cli", "debug", "info", "warn", "error"]);
/** The level LogAuditRec uses (mlog.LvlAuditAPI). */
export const DEFAULT_AUDIT_LEVEL = "audit-api";

export class AuditLog {
  readonly file: string;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(logDir: string) {
    this.file = path.join(logDir, "audit.jsonl");
  }

  /** Validates and appends one record. */
  append(record: Record<string, unknown>, level: string, source: { pluginId: string; now: number }): Promise<void> {
    const where = "LogAuditRec";
    if (typeof record["event_name"] !== "string" || record["event_name"] === "") throw appError("app.audit.log_audit_rec.event_name.app_error", { where });
    if (!AUDIT_LEVELS.has(level)) throw appError("app.audit.log_audit_rec.level.app_error", { where, params: { Level: level } });
    // The host's fields are the host's: a record carrying its own timestamp/level/plugin_id cannot
    // forge them (they are dropped from the record, the host's written in their place).
    const { timestamp: _timestamp, level: _level, plugin_id: _pluginId, ...fields } = record;
    const line = `${JSON.stringify({ timestamp: new Date(source.now).toISOString(), level, plugin_id: source.pluginId, ...fields })}\n`;
    const run = this.#tail.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, line, { mode: 0o600 });
    });
    this.#tail = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      throw appError("app.audit.log_audit_rec.write.app_error", { where, detailedError: (error as Error).message, cause: error });
    });
  }
}
