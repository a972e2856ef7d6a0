/**
 * Schema for preferences, sessions, access tokens, permissions.
 *
 * Kysely's schema builder only, so one migration serves SQLite and PostgreSQL.
 *  - `sessions.is_oauth`, `sessions.expired_notify`: Mattermost's Session flags (0/1), settable
 *    through the Plugin API's CreateSession.
 *  - `roles`: Mattermost's Roles table — a role name and the permission ids it grants
 *    (space-separated, as Mattermost stores them) — seeded with the built-in roles of
 *    app/models/role.ts, which the permission checks read.
 */
import type { Kysely, Migration } from "kysely";
import { DEFAULT_ROLES } from "../../app/models/role.js";
import { newId } from "../../app/new-id.js";
import type { SqlDialect } from "../sql-dialect.js";

const ID = "varchar(26)";

export function userAccessMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable("sessions").addColumn("is_oauth", "integer", (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable("sessions").addColumn("expired_notify", "integer", (c) => c.notNull().defaultTo(0)).execute();

      await db.schema
        .createTable("roles")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("name", "varchar(64)", (c) => c.notNull().unique())
        .addColumn("display_name", "varchar(128)", (c) => c.notNull())
        .addColumn("description", "varchar(1024)", (c) => c.notNull())
        .addColumn("permissions", "text", (c) => c.notNull())
        .addColumn("scheme_managed", "integer", (c) => c.notNull())
        .addColumn("built_in", "integer", (c) => c.notNull())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .execute();
      const now = Date.now();
      await db.insertInto("roles").values(DEFAULT_ROLES.map((role) => ({
        id: newId(), name: role.name,
        // Mattermost's display names and descriptions are these translation keys.
        display_name: `authentication.roles.${role.name}.name`, description: `authentication.roles.${role.name}.description`,
        permissions: role.permissions.join(" "), scheme_managed: role.schemeManaged ? 1 : 0, built_in: 1,
        create_at: now, update_at: now, delete_at: 0,
      }))).execute();
    },
  };
}
