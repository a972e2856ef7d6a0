/**
 * Schema for groups, group members, group syncables.
 *
 * Kysely's schema builder only, so one migration serves SQLite and PostgreSQL.
 *  - `user_groups`: Mattermost's UserGroups. Names are unique (NULL for unnamed groups, which both
 *    databases let repeat); a remote id is unique within its source (the (source, remote_id) key).
 *    Archiving sets delete_at, so names stay taken by archived groups, as in Mattermost.
 *  - `group_members`: one row per (group, user), kept with delete_at set when the user is removed.
 *  - `group_syncables`: a group's link to a team or channel (Mattermost's GroupTeams and
 *    GroupChannels in one table, told apart by `type`), kept with delete_at set when unlinked.
 *  - `teams.group_constrained` / `channels.group_constrained`: membership limited to the members of
 *    the linked groups (DeleteGroupConstrainedMemberships enforces it).
 */
import type { Kysely, Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

const ID = "varchar(26)";

export function groupsMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable("user_groups")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("name", "varchar(64)", (c) => c.unique())
        .addColumn("display_name", "varchar(128)", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("source", "varchar(64)", (c) => c.notNull())
        .addColumn("remote_id", "varchar(48)")
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .addColumn("allow_reference", "integer", (c) => c.notNull())
        .addUniqueConstraint("user_groups_source_remote_id_key", ["source", "remote_id"])
        .execute();
      await db.schema.createIndex("user_groups_display_name_idx").on("user_groups").column("display_name").execute();

      await db.schema
        .createTable("group_members")
        .addColumn("group_id", ID, (c) => c.notNull().references("user_groups.id").onDelete("cascade"))
        .addColumn("user_id", ID, (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("group_members_pk", ["group_id", "user_id"])
        .execute();
      await db.schema.createIndex("group_members_user_id_idx").on("group_members").column("user_id").execute();

      await db.schema
        .createTable("group_syncables")
        .addColumn("group_id", ID, (c) => c.notNull().references("user_groups.id").onDelete("cascade"))
        .addColumn("syncable_id", ID, (c) => c.notNull())
        .addColumn("type", "varchar(16)", (c) => c.notNull())
        .addColumn("auto_add", "integer", (c) => c.notNull())
        .addColumn("scheme_admin", "integer", (c) => c.notNull())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("group_syncables_pk", ["group_id", "syncable_id", "type"])
        .execute();
      await db.schema.createIndex("group_syncables_syncable_idx").on("group_syncables").columns(["syncable_id", "type"]).execute();

      await db.schema.alterTable("teams").addColumn("group_constrained", "integer", (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable("channels").addColumn("group_constrained", "integer", (c) => c.notNull().defaultTo(0)).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable("channels").dropColumn("group_constrained").execute();
      await db.schema.alterTable("teams").dropColumn("group_constrained").execute();
      for (const table of ["group_syncables", "group_members", "user_groups"]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
