/**
 * Schema for users: accounts, search, statuses, custom status, profile images.
 *
 * Kysely's schema builder only, so one migration serves SQLite and PostgreSQL.
 *  - `users.auth_data`: the account's identity at its external `auth_service` (Mattermost's
 *    AuthData); NULL for password accounts, unique otherwise (two NULLs never collide, on either
 *    database), so two accounts cannot claim the same external identity.
 *  - `statuses.prev_status`: the status a timed do-not-disturb returns to when it ends.
 *  - `user_profile_images`: the image a user (or a plugin) set; a user without a row gets a
 *    generated default, as in Mattermost.
 */
import type { Kysely, Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

const ID = "varchar(26)";

export function usersMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable("users").addColumn("auth_data", "varchar(128)").execute();
      await db.schema.createIndex("users_auth_data_key").on("users").column("auth_data").unique().execute();

      await db.schema.alterTable("statuses").addColumn("prev_status", "varchar(32)", (c) => c.notNull().defaultTo("")).execute();

      await db.schema
        .createTable("user_profile_images")
        .addColumn("user_id", ID, (c) => c.primaryKey().references("users.id").onDelete("cascade"))
        .addColumn("image", dialect.binaryType, (c) => c.notNull())
        .addColumn("content_type", "varchar(32)", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .execute();
    },
  };
}
