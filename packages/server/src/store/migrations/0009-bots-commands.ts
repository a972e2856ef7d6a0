/**
 * Schema for bots, slash commands, OAuth apps.
 *
 * Bots gain `last_icon_update` (Mattermost keeps it on the bot row). OAuth apps get their own
 * table; `callback_urls` is a JSON array in text. Custom (webhook) slash commands need nothing
 * new: they share the `commands` table with plugin commands and are told apart by having a URL.
 *
 * Kysely's schema builder only, so one migration serves SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

const ID = "varchar(26)";

export function botsCommandsMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable("bots").addColumn("last_icon_update", "bigint", (c) => c.notNull().defaultTo(0)).execute();

      await db.schema
        .createTable("oauth_apps")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("creator_id", ID, (c) => c.notNull())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("client_secret", "varchar(128)", (c) => c.notNull())
        .addColumn("name", "varchar(64)", (c) => c.notNull())
        .addColumn("description", "varchar(512)", (c) => c.notNull())
        .addColumn("icon_url", "varchar(512)", (c) => c.notNull())
        .addColumn("callback_urls", "text", (c) => c.notNull())
        .addColumn("homepage", "varchar(256)", (c) => c.notNull())
        .addColumn("is_trusted", "integer", (c) => c.notNull())
        .addColumn("mattermost_app_id", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("oauth_apps_creator_id_idx").on("oauth_apps").column("creator_id").execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable("oauth_apps").ifExists().execute();
      await db.schema.alterTable("bots").dropColumn("last_icon_update").execute();
    },
  };
}
