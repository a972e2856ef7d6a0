/**
 * The second schema step, for the REST v4 surface clients drive: reactions, uploaded files,
 * preferences, user statuses, personal access tokens and bots.
 *
 * Like 0001 it uses Kysely's schema builder only, so one migration serves SQLite and PostgreSQL;
 * nothing here depends on the dialect. Rows that only make sense with their owner (a reaction on a
 * post, a user's preferences) cascade on delete; `file_infos.post_id` is `""` until the file is
 * attached, so it has no foreign key (Mattermost's FileInfo works the same way).
 */
import type { Kysely, Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

const ID = "varchar(26)";

/** Builds the migration; the dialect is accepted for symmetry with 0001 and future needs. */
export function messagingMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable("reactions")
        .addColumn("user_id", ID, (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("post_id", ID, (c) => c.notNull().references("posts.id").onDelete("cascade"))
        .addColumn("emoji_name", "varchar(64)", (c) => c.notNull())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .addColumn("remote_id", ID, (c) => c.notNull())
        .addColumn("channel_id", ID, (c) => c.notNull())
        .addPrimaryKeyConstraint("reactions_pk", ["post_id", "user_id", "emoji_name"])
        .execute();

      await db.schema
        .createTable("file_infos")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("creator_id", ID, (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("post_id", ID, (c) => c.notNull())
        .addColumn("channel_id", ID, (c) => c.notNull())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .addColumn("path", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("extension", "varchar(64)", (c) => c.notNull())
        .addColumn("size", "bigint", (c) => c.notNull())
        .addColumn("mime_type", "text", (c) => c.notNull())
        .addColumn("width", "integer", (c) => c.notNull())
        .addColumn("height", "integer", (c) => c.notNull())
        .addColumn("has_preview_image", "integer", (c) => c.notNull())
        .addColumn("remote_id", ID, (c) => c.notNull())
        .addColumn("archived", "integer", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("file_infos_post_id_idx").on("file_infos").column("post_id").execute();
      await db.schema.createIndex("file_infos_creator_id_idx").on("file_infos").column("creator_id").execute();

      await db.schema
        .createTable("preferences")
        .addColumn("user_id", ID, (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("category", "varchar(32)", (c) => c.notNull())
        .addColumn("name", "varchar(32)", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("preferences_pk", ["user_id", "category", "name"])
        .execute();

      await db.schema
        .createTable("statuses")
        .addColumn("user_id", ID, (c) => c.primaryKey().references("users.id").onDelete("cascade"))
        .addColumn("status", "varchar(32)", (c) => c.notNull())
        .addColumn("manual", "integer", (c) => c.notNull())
        .addColumn("last_activity_at", "bigint", (c) => c.notNull())
        .addColumn("dnd_end_time", "bigint", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("user_access_tokens")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("token", ID, (c) => c.notNull().unique())
        .addColumn("user_id", ID, (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("description", "varchar(512)", (c) => c.notNull())
        .addColumn("is_active", "integer", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("user_access_tokens_user_id_idx").on("user_access_tokens").column("user_id").execute();

      await db.schema
        .createTable("bots")
        .addColumn("user_id", ID, (c) => c.primaryKey().references("users.id").onDelete("cascade"))
        .addColumn("owner_id", "varchar(190)", (c) => c.notNull())
        .addColumn("description", "varchar(1024)", (c) => c.notNull())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of ["bots", "user_access_tokens", "statuses", "preferences", "file_infos", "reactions"]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
