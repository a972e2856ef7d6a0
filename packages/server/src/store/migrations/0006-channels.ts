/**
 * Schema for channels, channel members, direct/group channels, sidebar categories.
 *
 * Kysely's schema builder only, so one migration serves SQLite and PostgreSQL.
 *  - `channel_guards`: a plugin's claim on a channel (Mattermost's ChannelGuards), one row per
 *    (channel, plugin) so several plugins may co-guard a channel and a claim is idempotent;
 *  - `sidebar_categories` / `sidebar_channels`: a user's sidebar per team (Mattermost's
 *    SidebarCategories / SidebarChannels). A channel sits in at most one category of a user's
 *    team sidebar; the service keeps that, the key only forbids listing it twice in one category.
 */
import type { Kysely, Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

const ID = "varchar(26)";

export function channelsMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable("channel_guards")
        .addColumn("channel_id", ID, (c) => c.notNull())
        .addColumn("plugin_id", "varchar(190)", (c) => c.notNull())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("channel_guards_pk", ["channel_id", "plugin_id"])
        .execute();

      await db.schema
        .createTable("sidebar_categories")
        // Default categories use Mattermost's "<type>_<user id>_<team id>" ids (80 characters).
        .addColumn("id", "varchar(128)", (c) => c.primaryKey())
        .addColumn("user_id", ID, (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("team_id", ID, (c) => c.notNull().references("teams.id").onDelete("cascade"))
        .addColumn("sort_order", "bigint", (c) => c.notNull())
        .addColumn("sorting", "varchar(64)", (c) => c.notNull())
        .addColumn("type", "varchar(64)", (c) => c.notNull())
        .addColumn("display_name", "varchar(64)", (c) => c.notNull())
        .addColumn("muted", "integer", (c) => c.notNull())
        .addColumn("collapsed", "integer", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sidebar_categories_user_team_idx").on("sidebar_categories").columns(["user_id", "team_id"]).execute();

      await db.schema
        .createTable("sidebar_channels")
        .addColumn("category_id", "varchar(128)", (c) => c.notNull().references("sidebar_categories.id").onDelete("cascade"))
        .addColumn("channel_id", ID, (c) => c.notNull().references("channels.id").onDelete("cascade"))
        .addColumn("user_id", ID, (c) => c.notNull())
        .addColumn("sort_order", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("sidebar_channels_pk", ["category_id", "channel_id"])
        .execute();
      await db.schema.createIndex("sidebar_channels_user_channel_idx").on("sidebar_channels").columns(["user_id", "channel_id"]).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of ["sidebar_channels", "sidebar_categories", "channel_guards"]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
