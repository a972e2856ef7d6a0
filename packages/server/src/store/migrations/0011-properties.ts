/**
 * Schema for property fields, values and groups (Mattermost's PropertyGroups, PropertyFields and
 * PropertyValues tables).
 *
 * `attrs` is JSON text and `value` the value's JSON text. Deletes are soft (`delete_at`), so the
 * "one live value per (group, target, field)" rule is a UNIQUE over those columns plus
 * `delete_at`, as in Mattermost; a field name is unique per (group, target type, target id) among
 * live fields — a partial UNIQUE index (`where delete_at = 0`, which SQLite and PostgreSQL both
 * support), so two concurrent creates cannot both win; the service checks first for a clear message.
 *
 * Kysely's schema builder only, so one migration serves SQLite and PostgreSQL.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

const ID = "varchar(26)";

export function propertiesMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable("property_groups")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("name", "varchar(64)", (c) => c.notNull().unique())
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("property_fields")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("group_id", ID, (c) => c.notNull())
        .addColumn("name", "varchar(255)", (c) => c.notNull())
        .addColumn("type", "varchar(32)", (c) => c.notNull())
        .addColumn("attrs", "text", (c) => c.notNull())
        .addColumn("target_id", "varchar(255)", (c) => c.notNull())
        .addColumn("target_type", "varchar(255)", (c) => c.notNull())
        .addColumn("object_type", "varchar(255)", (c) => c.notNull())
        .addColumn("linked_field_id", ID)
        .addColumn("created_by", "varchar(190)", (c) => c.notNull())
        .addColumn("updated_by", "varchar(190)", (c) => c.notNull())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("property_fields_group_target_idx").on("property_fields").columns(["group_id", "target_type", "target_id"]).execute();
      await db.schema
        .createIndex("property_fields_live_name_uq")
        .on("property_fields")
        .columns(["group_id", "target_type", "target_id", "name"])
        .unique()
        .where(sql.ref("delete_at"), "=", 0)
        .execute();
      await db.schema.createIndex("property_fields_create_at_id_idx").on("property_fields").columns(["create_at", "id"]).execute();
      await db.schema.createIndex("property_fields_linked_field_id_idx").on("property_fields").column("linked_field_id").execute();

      await db.schema
        .createTable("property_values")
        .addColumn("id", ID, (c) => c.primaryKey())
        .addColumn("target_id", "varchar(255)", (c) => c.notNull())
        .addColumn("target_type", "varchar(255)", (c) => c.notNull())
        .addColumn("group_id", ID, (c) => c.notNull())
        .addColumn("field_id", ID, (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("created_by", "varchar(190)", (c) => c.notNull())
        .addColumn("updated_by", "varchar(190)", (c) => c.notNull())
        .addColumn("create_at", "bigint", (c) => c.notNull())
        .addColumn("update_at", "bigint", (c) => c.notNull())
        .addColumn("delete_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("property_values_group_target_field_uq")
        .on("property_values")
        .columns(["group_id", "target_id", "field_id", "delete_at"])
        .unique()
        .execute();
      await db.schema.createIndex("property_values_field_id_idx").on("property_values").column("field_id").execute();
      await db.schema.createIndex("property_values_create_at_id_idx").on("property_values").columns(["create_at", "id"]).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable("property_values").ifExists().execute();
      await db.schema.dropTable("property_fields").ifExists().execute();
      await db.schema.dropTable("property_groups").ifExists().execute();
    },
  };
}
