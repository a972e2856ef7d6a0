import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startServer } from "../src/index.js";
import { RestClient } from "./support/running-server.js";
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from "./support/test-database.js";

describe(`startServer on ${TEST_DIALECT}`, () => {
  let test: TestDatabase;
  let pluginDir: string;
  before(async () => {
    test = await createTestDatabase();
    pluginDir = await mkdtemp(path.join(tmpdir(), "pp-no-plugins-"));
  });
  after(async () => {
    await test.close();
    await rm(pluginDir, { recursive: true, force: true });
  });

  it("stores what the REST API writes in the configured database", async () => {
    // SQLite: the test database is <dir>/polyplug.db, the file startServer opens for dataDir = dir.
    // PostgreSQL: the server is given the URL (what `polyplug serve --database-url` passes).
    const server = await startServer({
      dataDir: test.dir,
      pluginDir,
      port: 0,
      ...("url" in test.options ? { databaseUrl: test.options.url } : {}),
    });
    try {
      const client = new RestClient(server.url);
      await client.signUp("dbcheck");
      const me = await client.call("GET", "/api/v4/users/me");
      assert.equal(me.status, 200);
      assert.equal(me.json.username, "dbcheck");
    } finally {
      await server.close();
    }
    const row = await test.database.db.selectFrom("users").select(["username", "create_at"]).executeTakeFirstOrThrow();
    assert.equal(row.username, "dbcheck");
    assert.equal(typeof row.create_at, "number");
  });
});
