/**
 * Opens the embedded SQLite database with the settings a multi-process chat server needs.
 *
 * WAL lets readers proceed while a write is in progress; `busy_timeout` makes a second process
 * (a CLI, a backup) wait for the lock instead of failing with SQLITE_BUSY; foreign keys are off by
 * default in SQLite and must be switched on per connection. `synchronous = NORMAL` is the setting
 * SQLite recommends with WAL: durable across application crashes, at most the last transaction
 * lost on power failure.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { SqliteDialect } from "kysely";
import { withStatementCache } from "./statement-cache.js";

/** How long a writer waits for another connection's lock before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Opens (creating if needed) the file and returns a Kysely dialect bound to it. */
export function openSqlite(file: string): { dialect: SqliteDialect; raw: SqliteDatabase.Database } {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const raw = new SqliteDatabase(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("foreign_keys = ON");
  raw.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  return { dialect: new SqliteDialect({ database: withStatementCache(raw) }), raw };
}
