/**
 * Schema for files, upload sessions, emoji.
 *
 * Kysely's schema builder only, so one migration serves SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

export function filesMigration(_dialect: SqlDialect): Migration {
  return {
    async up(_db: Kysely<any>): Promise<void> {},
  };
}
