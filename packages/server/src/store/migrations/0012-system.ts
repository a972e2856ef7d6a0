/**
 * Schema for configuration, plugin management, server info, mail/push, audit, cluster events.
 *
 * `systems` is Mattermost's Systems table: one row per server-wide fact, written once and read
 * forever after (the install date, the telemetry id, the key that signs trigger ids).
 *
 * Kysely's schema builder only, so one migration serves SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

export function systemMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable("systems")
        .addColumn("name", "varchar(64)", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
    },
  };
}
