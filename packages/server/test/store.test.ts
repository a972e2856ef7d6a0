import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { createDatabase, databaseFileIn } from "../src/store/create-database.js";
import { createMigrationProvider } from "../src/store/migration-provider.js";
import { classifyDbError, escapeLike, likeIgnoringCase, postgresSqlDialect } from "../src/store/sql-dialect.js";
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from "./support/test-database.js";

describe(`store (${TEST_DIALECT})`, () => {
  let test: TestDatabase;
  const kvRow = (pkey: string, extra: { pvalue?: Uint8Array; expire_at?: number; plugin_id?: string } = {}) => ({
    plugin_id: "p", pkey, pvalue: new Uint8Array([1]), expire_at: 0, ...extra,
  });

  before(async () => {
    test = await createTestDatabase();
  });
  after(() => test.close());

  it("creates <dataDir>/polyplug.db (and its directory) in WAL mode with foreign keys on", { skip: TEST_DIALECT !== "sqlite" && "SQLite only" }, async () => {
    const nested = await createDatabase({ file: databaseFileIn(join(test.dir, "nested")) });
    try {
      assert.ok(existsSync(join(test.dir, "nested", "polyplug.db")));
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(nested.db);
      assert.equal(journal.rows[0]?.journal_mode, "wal");
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(nested.db);
      assert.equal(fk.rows[0]?.foreign_keys, 1);
      const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(nested.db);
      assert.ok((busy.rows[0]?.timeout ?? 0) > 0);
    } finally {
      await nested.close();
    }
  });

  it("runs the migrations once: every table exists and reopening is a no-op", async () => {
    const { db, dialect } = test.database;
    assert.equal(dialect.name, TEST_DIALECT);
    const names = (await db.introspection.getTables()).map((t) => t.name);
    for (const t of ["channel_members", "channels", "commands", "plugin_kv", "posts", "sessions", "team_members", "teams", "users"]) {
      assert.ok(names.includes(t), `missing table ${t}`);
    }
    const reopened = await test.connect();
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(reopened.db);
    const expected = Object.keys(await createMigrationProvider(dialect).getMigrations()).sort();
    assert.deepEqual(applied.rows.map((r) => r.name), expected);
  });

  it("returns bigint columns and counts as numbers and bytes as Uint8Array", async () => {
    const { db } = test.database;
    const at = 1_700_000_000_123;
    await db.insertInto("plugin_kv").values(kvRow("types", { pvalue: new Uint8Array([0, 255, 0]), expire_at: at })).execute();
    const row = await db.selectFrom("plugin_kv").select(["pvalue", "expire_at"]).where("pkey", "=", "types").executeTakeFirstOrThrow();
    assert.equal(row.expire_at, at);
    assert.ok(row.pvalue instanceof Uint8Array);
    assert.deepEqual([...row.pvalue], [0, 255, 0]);
    const counted = await db.selectFrom("plugin_kv").select((eb) => eb.fn.countAll<number>().as("n")).where("pkey", "=", "types").executeTakeFirstOrThrow();
    assert.equal(counted.n, 1);
  });

  it("classifies constraint errors with the columns involved", async () => {
    const { db } = test.database;
    await db.insertInto("plugin_kv").values(kvRow("k")).execute();
    const unique = await db.insertInto("plugin_kv").values(kvRow("k")).execute().catch((e: unknown) => e);
    const violation = classifyDbError(unique);
    assert.equal(violation?.kind, "unique");
    assert.deepEqual(violation?.columns, ["plugin_id", "pkey"]);
    assert.ok((violation?.detail ?? "").length > 0, "the driver's text is kept");
    const fk = await db
      .insertInto("team_members")
      .values({ team_id: "t".repeat(26), user_id: "u".repeat(26), roles: "", create_at: 0, delete_at: 0 })
      .execute()
      .catch((e: unknown) => e);
    assert.equal(classifyDbError(fk)?.kind, "foreign_key");
    assert.equal(classifyDbError(new Error("disk I/O error")), null);
  });

  it("upserts with ON CONFLICT and rolls a failed transaction back", async () => {
    const { db } = test.database;
    for (const value of [1, 2]) {
      await db.insertInto("plugin_kv").values(kvRow("upsert", { pvalue: new Uint8Array([value]) }))
        .onConflict((oc) => oc.columns(["plugin_id", "pkey"]).doUpdateSet({ pvalue: new Uint8Array([value]) }))
        .execute();
    }
    const row = await db.selectFrom("plugin_kv").select("pvalue").where("pkey", "=", "upsert").executeTakeFirstOrThrow();
    assert.deepEqual([...row.pvalue], [2]);
    const failed = await db.transaction().execute(async (trx) => {
      await trx.insertInto("plugin_kv").values(kvRow("rolled-back")).execute();
      throw new Error("abort");
    }).catch((e: unknown) => e);
    assert.equal((failed as Error).message, "abort");
    assert.equal(await db.selectFrom("plugin_kv").select("pkey").where("pkey", "=", "rolled-back").executeTakeFirst(), undefined);
  });

  it("matches LIKE patterns ignoring case, with user text escaped", async () => {
    const { db } = test.database;
    for (const pkey of ["Alpha", "alpine", "ALPS", "a%b", "axb", "a_c"]) {
      await db.insertInto("plugin_kv").values(kvRow(pkey, { plugin_id: "like" })).execute();
    }
    const keys = async (pattern: string) =>
      (await db.selectFrom("plugin_kv").select("pkey").where("plugin_id", "=", "like").where(likeIgnoringCase("pkey", pattern)).orderBy("pkey").execute())
        .map((r) => r.pkey);
    assert.deepEqual(await keys("alp%"), ["ALPS", "Alpha", "alpine"]);
    assert.deepEqual(await keys(`${escapeLike("a%")}%`), ["a%b"]);
    assert.deepEqual(await keys(escapeLike("a_c")), ["a_c"]);
  });

  it("orders text by code point, as SQLite does", async () => {
    const { db } = test.database;
    for (const pkey of ["b", "B", "_", "é", "a"]) await db.insertInto("plugin_kv").values(kvRow(pkey, { plugin_id: "order" })).execute();
    const rows = await db.selectFrom("plugin_kv").select("pkey").where("plugin_id", "=", "order").orderBy("pkey").execute();
    assert.deepEqual(rows.map((r) => r.pkey), ["B", "_", "a", "b", "é"]);
  });

  it("says how to fix an unreachable or unsupported database URL", async () => {
    await assert.rejects(createDatabase({ url: "postgres://nobody@%2Fnonexistent-polyplug-socket-dir/db" }), /cannot connect to PostgreSQL at .*check the database URL/);
    await assert.rejects(createDatabase({ url: "mysql://root:secret@localhost/db" }), (err: Error) => {
      assert.match(err.message, /unsupported database URL.*expected postgres:\/\//);
      assert.doesNotMatch(err.message, /secret/);
      return true;
    });
  });

  it("classifies PostgreSQL errors by SQLSTATE, including the limits SQLite does not enforce", () => {
    const err = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505", detail: "Key (username)=(bob) already exists." });
    assert.deepEqual(postgresSqlDialect.classifyError(err)?.columns, ["username"]);
    assert.equal(postgresSqlDialect.binaryType, "bytea");
    const tooLong = Object.assign(new Error("value too long for type character varying(64)"), { code: "22001" });
    assert.equal(classifyDbError(tooLong)?.kind, "check");
  });
});
