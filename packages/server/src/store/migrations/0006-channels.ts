/**
 * Schema for channels, channel members, direct/group channels, sidebar categories.
 *
 * Kysely's schema builder only, so one migration serves SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

export function channelsMigration(_dialect: SqlDialect): Migration {
  return {
    async up(_db: Kysely<any>): Promise<void> {},
  };
}
