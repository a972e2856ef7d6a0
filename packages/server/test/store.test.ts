import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { createDatabase, databaseFileIn, type Database } from "../src/store/create-database.js";
import { classifyDbError, postgresSqlDialect } from "../src/store/sql-dialect.js";

describe("store", () => {
  let dir: string;
  let database: Database;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "polyplug-store-test-"));
    database = await createDatabase({ file: databaseFileIn(join(dir, "nested")) });
  });
  after(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("creates <dataDir>/polyplug.db (and its directory) in WAL mode with foreign keys on", async () => {
    assert.ok(existsSync(join(dir, "nested", "polyplug.db")));
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
    assert.equal(journal.rows[0]?.journal_mode, "wal");
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database.db);
    assert.equal(fk.rows[0]?.foreign_keys, 1);
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(database.db);
    assert.ok((busy.rows[0]?.timeout ?? 0) > 0);
  });

  it("runs the migrations once: every table exists and reopening is a no-op", async () => {
    const tables = await database.db.introspection.getTables();
    const names = tables.map((t) => t.name).sort();
    for (const t of ["channel_members", "channels", "commands", "plugin_kv", "posts", "sessions", "team_members", "teams", "users"]) {
      assert.ok(names.includes(t), `missing table ${t}`);
    }
    const again = await createDatabase({ file: join(dir, "second.db") });
    await again.close();
    const reopened = await createDatabase({ file: join(dir, "second.db") });
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(reopened.db);
    assert.deepEqual(applied.rows.map((r) => r.name), ["0001_initial"]);
    await reopened.close();
  });

  it("classifies SQLite constraint errors with the columns involved", async () => {
    const row = { plugin_id: "p", pkey: "k", pvalue: new Uint8Array([1]), expire_at: 0 };
    await database.db.insertInto("plugin_kv").values(row).execute();
    const unique = await database.db.insertInto("plugin_kv").values(row).execute().catch((e: unknown) => e);
    assert.deepEqual(classifyDbError(unique), { kind: "unique", columns: ["plugin_id", "pkey"], detail: "UNIQUE constraint failed: plugin_kv.plugin_id, plugin_kv.pkey" });
    const fk = await database.db
      .insertInto("team_members")
      .values({ team_id: "t".repeat(26), user_id: "u".repeat(26), roles: "", create_at: 0, delete_at: 0 })
      .execute()
      .catch((e: unknown) => e);
    assert.equal(classifyDbError(fk)?.kind, "foreign_key");
    assert.equal(classifyDbError(new Error("disk I/O error")), null);
  });

  it("classifies PostgreSQL errors by SQLSTATE (ready for a pg dialect)", () => {
    const err = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505", detail: "Key (username)=(bob) already exists." });
    assert.deepEqual(postgresSqlDialect.classifyError(err)?.columns, ["username"]);
    assert.equal(postgresSqlDialect.binaryType, "bytea");
  });
});
