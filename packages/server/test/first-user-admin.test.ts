import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../src/app/app.js";
import { hasRole, SYSTEM_ADMIN_ROLE } from "../src/app/models/user.js";
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from "./support/test-database.js";

// The first account on a server becomes its system admin, and only one account can be first, even
// when two sign-ups race on two connections (on PostgreSQL both transactions would otherwise see an
// empty users table).
describe(`the first account is the one system admin, on ${TEST_DIALECT}`, () => {
  let database: TestDatabase;
  before(async () => { database = await createTestDatabase(); });
  after(async () => { await database?.close(); });

  const signUp = (app: ReturnType<typeof createApp>, username: string) =>
    app.users.createUser({ username, email: `${username}@example.com`, password: "correct-horse-1" });

  test("two simultaneous first sign-ups on two connections: exactly one admin", { skip: TEST_DIALECT === "sqlite" && "SQLite runs one writer at a time; the server uses one connection" }, async () => {
    for (let round = 0; round < 5; round++) {
      await database.database.db.deleteFrom("users").execute();
      await database.database.db.deleteFrom("systems").execute();
      const apps = [createApp({ db: (await database.connect()).db, version: "test" }), createApp({ db: (await database.connect()).db, version: "test" })];
      const users = await Promise.all(apps.map((app, i) => signUp(app, `racer${round}${i}`)));
      const admins = users.filter((user) => hasRole(user.roles, SYSTEM_ADMIN_ROLE));
      assert.equal(admins.length, 1, `round ${round}: ${users.map((u) => `${u.username}=${u.roles}`).join(", ")}`);
    }
  });

  test("one after the other: the first is admin, the next is not", async () => {
    await database.database.db.deleteFrom("users").execute();
    await database.database.db.deleteFrom("systems").execute();
    const app = createApp({ db: database.database.db, version: "test" });
    assert.ok(hasRole((await signUp(app, "first")).roles, SYSTEM_ADMIN_ROLE));
    assert.ok(!hasRole((await signUp(app, "second")).roles, SYSTEM_ADMIN_ROLE));
  });
});
