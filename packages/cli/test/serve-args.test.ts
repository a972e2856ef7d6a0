import assert from "node:assert/strict";
import { test } from "node:test";
import { parseServeArgs } from "../src/main.js";

// The PostgreSQL URL carries a password: it can come from POLYPLUG_DATABASE_URL, which, unlike
// argv, other users cannot read in the process list (and plugins never inherit POLYPLUG_*).
test("the database URL comes from POLYPLUG_DATABASE_URL when the flag is absent", () => {
  const url = "postgres://polyplug:secret@127.0.0.1:5432/chat";
  assert.equal(parseServeArgs([], { POLYPLUG_DATABASE_URL: url }).databaseUrl, url);
  assert.equal(parseServeArgs(["--database-url", "postgres://flag@h/db"], { POLYPLUG_DATABASE_URL: url }).databaseUrl, "postgres://flag@h/db", "the flag wins");
  assert.equal("databaseUrl" in parseServeArgs([], {}), false, "neither: embedded SQLite");
  assert.equal("databaseUrl" in parseServeArgs([], { POLYPLUG_DATABASE_URL: "" }), false);
});

test("unknown options are refused, as before", () => {
  assert.throws(() => parseServeArgs(["--database"], {}), /Unknown option '--database'/);
});
