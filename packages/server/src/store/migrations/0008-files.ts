/**
 * Schema for files, upload sessions, emoji.
 *
 * - `file_infos` loses the foreign key (ON DELETE CASCADE) on `creator_id`: Mattermost stores files
 *   whose creator is no user — "nouser", for the Plugin API's UploadFile and local-mode upload
 *   sessions — which the key refused. Mattermost has no such key either: its PermanentDeleteUser
 *   removes a user's file infos explicitly, while PermanentDeleteBot (the only hard user delete this
 *   server has) leaves them, as here. The table gains `content`, the searchable text a plugin may
 *   set (SetFileSearchableContent). PostgreSQL drops the constraint in place; SQLite cannot, so the
 *   table is rebuilt inside one transaction (Kysely runs SQLite migrations outside one).
 * - `emoji`: custom emoji (the image is in the file store under `emoji/<id>/image`); a name is
 *   unique among live emoji, as Mattermost's (Name, DeleteAt) key.
 * - `upload_sessions`: resumable uploads; `path` is where the partial file grows.
 *
 * Kysely's schema builder only, so one migration serves SQLite and PostgreSQL.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { SqlDialect } from "../sql-dialect.js";

const ID = "varchar(26)";
const FILE_INFO_COLUMNS = [
  "id", "creator_id", "post_id", "channel_id", "create_at", "update_at", "delete_at", "path", "name", "extension",
  "size", "mime_type", "width", "height", "has_preview_image", "remote_id", "archived",
] as const;

/** PostgreSQL's name for the inline `references users.id` of migration 0002. */
const CREATOR_FK = "file_infos_creator_id_fkey";

export function filesMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect.name === "postgres") {
        await sql`alter table file_infos drop constraint ${sql.ref(CREATOR_FK)}`.execute(db);
        await db.schema.alterTable("file_infos").addColumn("content", "text", (c) => c.notNull().defaultTo("")).execute();
      } else {
        await db.transaction().execute((trx) => rebuildFileInfosWithoutCreatorKey(trx));
      }
      await db.schema.createIndex("file_infos_channel_id_idx").on("file_infos").columns(["channel_id", "create_at"]).execute();
      await createEmojiAndUploadSessions(db);
    },
  };
}

async function rebuildFileInfosWithoutCreatorKey(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("file_infos_rebuilt")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("creator_id", ID, (c) => c.notNull())
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
    .addColumn("content", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  const columns = sql.join(FILE_INFO_COLUMNS.map((c) => sql.ref(c)));
  await sql`insert into file_infos_rebuilt (${columns}) select ${columns} from file_infos`.execute(db);
  await db.schema.dropTable("file_infos").execute();
  await db.schema.alterTable("file_infos_rebuilt").renameTo("file_infos").execute();
  await db.schema.createIndex("file_infos_post_id_idx").on("file_infos").column("post_id").execute();
  await db.schema.createIndex("file_infos_creator_id_idx").on("file_infos").column("creator_id").execute();
}

async function createEmojiAndUploadSessions(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("emoji")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("creator_id", ID, (c) => c.notNull())
    .addColumn("name", "varchar(64)", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("image_format", "varchar(8)", (c) => c.notNull())
    .addColumn("create_at", "bigint", (c) => c.notNull())
    .addColumn("update_at", "bigint", (c) => c.notNull())
    .addColumn("delete_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("emoji_name_delete_at_key", ["name", "delete_at"])
    .execute();

  await db.schema
    .createTable("upload_sessions")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("type", "varchar(32)", (c) => c.notNull())
    .addColumn("create_at", "bigint", (c) => c.notNull())
    .addColumn("user_id", ID, (c) => c.notNull())
    .addColumn("channel_id", ID, (c) => c.notNull())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("file_size", "bigint", (c) => c.notNull())
    .addColumn("file_offset", "bigint", (c) => c.notNull())
    .addColumn("remote_id", ID, (c) => c.notNull())
    .addColumn("req_file_id", ID, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("upload_sessions_user_id_idx").on("upload_sessions").column("user_id").execute();
}
