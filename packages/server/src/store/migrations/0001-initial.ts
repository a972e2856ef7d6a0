/**
 * The first schema: users, sessions, teams, channels, their members, posts, plugin KV, commands.
 *
 * Written with Kysely's schema builder only (no raw SQL) so the same migration runs on SQLite and
 * PostgreSQL; the one type that differs (bytes) comes from the {@link SqlDialect}. Foreign keys
 * guard the membership and post tables. `channels.team_id` and `commands.team_id` deliberately have
 * none: Mattermost uses `""` there for direct-message channels and for commands on every team.
 */
import type { Kysely, Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

const ID = "varchar(26)";

/** Builds the migration for a dialect (the binary column type is the only input). */
export function initialMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable("users")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .addColumn("username", "varchar(64)", (c) => c.notNull().unique())
        .addColumn("password_hash", "varchar(256)", (c) => c.notNull())
        .addColumn("auth_service", "varchar(32)", (c) => c.notNull())
        .addColumn("email", "varchar(128)", (c) => c.notNull().unique())
        .addColumn("email_verified", "integer", (c) => c.notNull())
        .addColumn("nickname", "varchar(64)", (c) => c.notNull())
        .addColumn("first_name", "varchar(64)", (c) => c.notNull())
        .addColumn("last_name", "varchar(64)", (c) => c.notNull())
        .addColumn("position", "varchar(128)", (c) => c.notNull())
        .addColumn("roles", "varchar(256)", (c) => c.notNull())
        .addColumn("locale", "varchar(5)", (c) => c.notNull())
        .addColumn("props", "text", (c) => c.notNull())
        .addColumn("notify_props", "text", (c) => c.notNull())
        .addColumn("timezone", "text", (c) => c.notNull())
        .addColumn("last_password_update", "bigint", (c) => c.notNull())
        .addColumn("last_picture_update", "bigint", (c) => c.notNull())
        .addColumn("failed_attempts", "integer", (c) => c.notNull())
        .addColumn("mfa_active", "integer", (c) => c.notNull())
        .addColumn("mfa_secret", "varchar(128)", (c) => c.notNull())
        .addColumn("is_bot", "integer", (c) => c.notNull())
        .addColumn("bot_description", "text", (c) => c.notNull())
        .addColumn("last_login", "bigint", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("sessions")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("token", ID, (c) => c.notNull().unique())
        .addColumn("user_id", ID, (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .addColumn("last_activity_at", "bigint", (c) => c.notNull())
        .addColumn("device_id", "varchar(512)", (c) => c.notNull())
        .addColumn("roles", "varchar(256)", (c) => c.notNull())
        .addColumn("props", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_user_id_idx").on("sessions").column("user_id").execute();

      await db.schema
        .createTable("teams")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .addColumn("display_name", "varchar(64)", (c) => c.notNull())
        .addColumn("name", "varchar(64)", (c) => c.notNull().unique())
        .addColumn("description", "varchar(255)", (c) => c.notNull())
        .addColumn("email", "varchar(128)", (c) => c.notNull())
        .addColumn("type", "varchar(1)", (c) => c.notNull())
        .addColumn("company_name", "varchar(64)", (c) => c.notNull())
        .addColumn("allowed_domains", "text", (c) => c.notNull())
        .addColumn("invite_id", ID, (c) => c.notNull())
        .addColumn("allow_open_invite", "integer", (c) => c.notNull())
        .addColumn("last_team_icon_update", "bigint", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("team_members")
        .addColumn("team_id", ID, (c) => c.notNull().references("teams.id").onDelete("cascade"))
        .addColumn("user_id", ID, (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("roles", "varchar(256)", (c) => c.notNull())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("team_members_pk", ["team_id", "user_id"])
        .execute();
      await db.schema.createIndex("team_members_user_id_idx").on("team_members").column("user_id").execute();

      await db.schema
        .createTable("channels")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .addColumn("team_id", ID, (c) => c.notNull())
        .addColumn("type", "varchar(1)", (c) => c.notNull())
        .addColumn("display_name", "varchar(64)", (c) => c.notNull())
        .addColumn("name", "varchar(64)", (c) => c.notNull())
        .addColumn("header", "text", (c) => c.notNull())
        .addColumn("purpose", "varchar(250)", (c) => c.notNull())
        .addColumn("last_post_at", "bigint", (c) => c.notNull())
        .addColumn("last_root_post_at", "bigint", (c) => c.notNull())
        .addColumn("total_msg_count", "bigint", (c) => c.notNull())
        .addColumn("total_msg_count_root", "bigint", (c) => c.notNull())
        .addColumn("extra_update_at", "bigint", (c) => c.notNull())
        .addColumn("creator_id", ID, (c) => c.notNull())
        .addUniqueConstraint("channels_team_id_name_key", ["team_id", "name"])
        .execute();

      await db.schema
        .createTable("channel_members")
        .addColumn("channel_id", ID, (c) => c.notNull().references("channels.id").onDelete("cascade"))
        .addColumn("user_id", ID, (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("roles", "varchar(256)", (c) => c.notNull())
        .addColumn("last_viewed_at", "bigint", (c) => c.notNull())
        .addColumn("msg_count", "bigint", (c) => c.notNull())
        .addColumn("msg_count_root", "bigint", (c) => c.notNull())
        .addColumn("mention_count", "bigint", (c) => c.notNull())
        .addColumn("mention_count_root", "bigint", (c) => c.notNull())
        .addColumn("notify_props", "text", (c) => c.notNull())
        .addColumn("last_update_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("channel_members_pk", ["channel_id", "user_id"])
        .execute();
      await db.schema.createIndex("channel_members_user_id_idx").on("channel_members").column("user_id").execute();

      await db.schema
        .createTable("posts")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("edit_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .addColumn("is_pinned", "integer", (c) => c.notNull())
        .addColumn("user_id", ID, (c) => c.notNull().references("users.id"))
        .addColumn("channel_id", ID, (c) => c.notNull().references("channels.id").onDelete("cascade"))
        .addColumn("root_id", ID, (c) => c.notNull())
        .addColumn("original_id", ID, (c) => c.notNull())
        .addColumn("message", "text", (c) => c.notNull())
        .addColumn("type", "varchar(26)", (c) => c.notNull())
        .addColumn("props", "text", (c) => c.notNull())
        .addColumn("hashtags", "text", (c) => c.notNull())
        .addColumn("file_ids", "text", (c) => c.notNull())
        .addColumn("pending_post_id", ID, (c) => c.notNull())
        .addColumn("reply_count", "bigint", (c) => c.notNull())
        .addColumn("last_reply_at", "bigint", (c) => c.notNull())
        .addColumn("metadata", "text", (c) => c.notNull())
        .addColumn("remote_id", ID, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("posts_channel_id_create_at_idx").on("posts").columns(["channel_id", "create_at"]).execute();
      await db.schema.createIndex("posts_root_id_idx").on("posts").column("root_id").execute();

      await db.schema
        .createTable("plugin_kv")
        .addColumn("plugin_id", "varchar(190)", (c) => c.notNull())
        .addColumn("pkey", "varchar(150)", (c) => c.notNull())
        .addColumn("pvalue", dialect.binaryType, (c) => c.notNull())
        .addColumn("expire_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("plugin_kv_pk", ["plugin_id", "pkey"])
        .execute();

      await db.schema
        .createTable("commands")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("token", ID, (c) => c.notNull())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .addColumn("creator_id", ID, (c) => c.notNull())
        .addColumn("team_id", ID, (c) => c.notNull())
        .addColumn("trigger", "varchar(128)", (c) => c.notNull())
        .addColumn("method", "varchar(1)", (c) => c.notNull())
        .addColumn("username", "varchar(64)", (c) => c.notNull())
        .addColumn("icon_url", "text", (c) => c.notNull())
        .addColumn("auto_complete", "integer", (c) => c.notNull())
        .addColumn("auto_complete_desc", "text", (c) => c.notNull())
        .addColumn("auto_complete_hint", "text", (c) => c.notNull())
        .addColumn("display_name", "varchar(64)", (c) => c.notNull())
        .addColumn("description", "varchar(128)", (c) => c.notNull())
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("plugin_id", "varchar(190)", (c) => c.notNull())
        .addUniqueConstraint("commands_team_id_trigger_key", ["team_id", "trigger"])
        .execute();
      await db.schema.createIndex("commands_plugin_id_idx").on("commands").column("plugin_id").execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of ["commands", "plugin_kv", "posts", "channel_members", "channels", "team_members", "teams", "sessions", "users"]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
