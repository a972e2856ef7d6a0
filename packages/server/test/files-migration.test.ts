import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql, type Kysely } from "kysely";
import { newId } from "../src/app/new-id.js";
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from "./support/test-database.js";

// Migration 0008 on the suite's database: file_infos loses its foreign key on creator_id (plugin
// uploads are made by "nouser", as Mattermost's) and gains `content`, with its indexes intact.

describe(`the files migration on ${TEST_DIALECT}`, () => {
  let database: TestDatabase;
  const db = () => database.database.db;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database?.close());

  const fileInfo = (creatorId: string) => ({
    id: newId(), creator_id: creatorId, post_id: "", channel_id: "", create_at: 1, update_at: 1, delete_at: 0, path: "p", name: "n",
    extension: "", size: 0, mime_type: "", width: 0, height: 0, has_preview_image: 0, remote_id: "", archived: 0,
  });

  test("file_infos has no foreign key left and accepts a creator that is no user", async () => {
    if (TEST_DIALECT === "postgres") {
      const keys = await sql<{ n: number }>`select count(*)::int as n from information_schema.table_constraints where table_name = 'file_infos' and constraint_type = 'FOREIGN KEY'`.execute(db());
      assert.equal(keys.rows[0]!.n, 0);
    } else {
      assert.deepEqual((await sql`pragma foreign_key_list(file_infos)`.execute(db())).rows, []);
      const leftovers = await sql<{ name: string }>`select name from sqlite_master where name = 'file_infos_rebuilt'`.execute(db());
      assert.deepEqual(leftovers.rows, [], "the rebuild left no half-made table");
    }
    const row = fileInfo("nouser");
    // Without `content`: the column's default fills it.
    await (db() as unknown as Kysely<any>).insertInto("file_infos").values(row).execute();
    const stored = await db().selectFrom("file_infos").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
    assert.equal(stored.creator_id, "nouser");
    assert.equal(stored.content, "", "content defaults to empty");
  });

  test("the file_infos indexes exist", async () => {
    const names = TEST_DIALECT === "postgres"
      ? (await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'file_infos'`.execute(db())).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'file_infos'`.execute(db())).rows.map((r) => r.name);
    for (const index of ["file_infos_post_id_idx", "file_infos_creator_id_idx", "file_infos_channel_id_idx"]) assert.ok(names.includes(index), `${index} in ${names.join(", ")}`);
  });
});
