import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { eventually, runningServer } from "./support/running-server.js";
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from "./support/test-database.js";

// Mattermost's KV store (reference B10) end to end: Python plugins call every KV method of the SDK's
// clients, over gRPC, into the real host, on the database the suite runs on (scripts/test.sh runs
// it on SQLite and again on PostgreSQL). The py-kv fixture runs one client call per HTTP request
// and answers what it returned; the assertions are all here.
const KV = "com.polyplug.test.py-kv";
const OTHER = "com.polyplug.test.py-kv-other";
const COUNTER = "com.polyplug.test.py-kv-counter";
const FIXTURES = "packages/server/test/fixtures/plugins";

/** What a KV call returned: bytes as {bytes: text} (so b"" and None differ), or the AppError. */
type Answer = { result?: unknown; error?: { id: string; status: number } };

describe(`the KV store through the Plugin API, on ${TEST_DIALECT}`, () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof runningServer>>;
  let otherBundle: string;

  before(async () => {
    database = await createTestDatabase();
    // The same bundle under a second id, to show that KV keys belong to the plugin id.
    otherBundle = path.join(await mkdtemp(path.join(tmpdir(), "pp-kv-other-")), "py-kv-other");
    await cp(path.resolve(FIXTURES, "py-kv"), otherBundle, { recursive: true });
    const manifest = JSON.parse(await readFile(path.join(otherBundle, "plugin.json"), "utf8"));
    await writeFile(path.join(otherBundle, "plugin.json"), JSON.stringify({ ...manifest, id: OTHER }));
    server = await runningServer([`${FIXTURES}/py-kv`, otherBundle, `${FIXTURES}/py-kv-counter`], {}, {
      dataDir: database.dir,
      ...("url" in database.options ? { databaseUrl: database.options.url } : {}),
      kvCleanupIntervalMs: 200,
    });
    for (const id of [KV, OTHER, COUNTER]) assert.equal(server.plugins.get(id)?.state, PluginState.Running, id);
  });
  after(async () => {
    await server?.close();
    await database?.close();
    if (otherBundle) await rm(path.dirname(otherBundle), { recursive: true, force: true });
  });

  async function call(plugin: string, op: string, args: Record<string, unknown> = {}, viaAsync = false): Promise<Answer> {
    const response = await fetch(`${server.url}/plugins/${plugin}/op`, { method: "POST", body: JSON.stringify({ op, args, async: viaAsync }) });
    assert.equal(response.status, 200, `${op}: ${await response.clone().text()}`);
    return (await response.json()) as Answer;
  }

  /** The call's result; fails the test on an AppError. */
  async function ok(plugin: string, op: string, args: Record<string, unknown> = {}, viaAsync = false): Promise<unknown> {
    const answer = await call(plugin, op, args, viaAsync);
    assert.equal(answer.error, undefined, `${op}(${JSON.stringify(args)})`);
    return answer.result;
  }

  const row = (plugin: string, key: string) =>
    database.database.db.selectFrom("plugin_kv").selectAll().where("plugin_id", "=", plugin).where("pkey", "=", key).executeTakeFirst();

  for (const viaAsync of [false, true]) {
    const client = viaAsync ? "AsyncPluginAPIClient" : "PluginAPIClient";
    const p = viaAsync ? "async:" : "sync:";
    const kv = (op: string, args: Record<string, unknown> = {}) => ok(KV, op, args, viaAsync);

    test(`${client}: an absent key (None) and an empty value (b"") stay apart in get, compare-and-set and compare-and-delete`, async () => {
      assert.equal(await kv("kv_get", { key: `${p}missing` }), null);
      await kv("kv_delete", { key: `${p}missing` });
      await kv("kv_set", { key: `${p}empty`, value: "" });
      assert.deepEqual(await kv("kv_get", { key: `${p}empty` }), { bytes: "" });

      const cas = (old_value: string | null, new_value: string | null) => kv("kv_compare_and_set", { key: `${p}cas`, old_value, new_value });
      assert.equal(await cas(null, "1"), true, "nil old value: insert if absent");
      assert.equal(await cas(null, "2"), false, "nil old value: the key exists");
      assert.equal(await cas("", "2"), false, "an empty old value is a value, and not the current one");
      assert.equal(await cas("1", ""), true);
      assert.deepEqual(await kv("kv_get", { key: `${p}cas` }), { bytes: "" });
      assert.equal(await cas(null, "3"), false, "a key holding an empty value exists");
      assert.equal(await cas("", "3"), true);
      assert.equal(await cas("3", null), true, "a nil new value deletes");
      assert.equal(await kv("kv_get", { key: `${p}cas` }), null);
      assert.equal(await kv("kv_compare_and_set", { key: `${p}absent`, old_value: "x", new_value: "y" }), false);

      const cad = (old_value: string | null) => kv("kv_compare_and_delete", { key: `${p}empty`, old_value });
      assert.equal(await cad(null), false, "nil never matches");
      assert.equal(await cad("x"), false);
      assert.equal(await cad(""), true);
      assert.equal(await kv("kv_get", { key: `${p}empty` }), null);
      assert.equal(await cad(""), false, "already gone");
    });

    test(`${client}: kv_set(key, None) deletes the key, as KVSet(key, nil) does; b"" stores an empty value`, async () => {
      await kv("kv_set", { key: `${p}nil`, value: "v" });
      await kv("kv_set", { key: `${p}nil`, value: null });
      assert.equal(await kv("kv_get", { key: `${p}nil` }), null);
      assert.equal(await row(KV, `${p}nil`), undefined, "the row is gone, not emptied");
      await kv("kv_set", { key: `${p}nil`, value: "" });
      assert.deepEqual(await kv("kv_get", { key: `${p}nil` }), { bytes: "" });
    });

    test(`${client}: set-with-options follows Mattermost's table`, async () => {
      const key = `${p}opt`;
      const swo = (value: string | null, options: Record<string, unknown> = {}) => call(KV, "kv_set_with_options", { key, value, ...options }, viaAsync);
      assert.deepEqual(await swo("1"), { result: true }, "not atomic: upsert");
      assert.deepEqual(await swo("2", { old_value: "1" }), { error: { id: "model.plugin_kvset_options.is_valid.old_value.app_error", status: 400 } });
      assert.deepEqual(await swo(null), { result: true }, "not atomic, nil value: delete");
      assert.equal(await kv("kv_get", { key }), null);
      assert.deepEqual(await swo("1", { atomic: true }), { result: true }, "atomic, nil old value: insert if absent");
      assert.deepEqual(await swo("x", { atomic: true }), { result: false });
      assert.deepEqual(await swo("2", { atomic: true, old_value: "nope" }), { result: false });
      assert.deepEqual(await swo("2", { atomic: true, old_value: "1", expire_in_seconds: 3600 }), { result: true });
      assert.deepEqual(await kv("kv_get", { key }), { bytes: "2" });
      assert.ok(Number((await row(KV, key))!.expire_at) > Date.now(), "the swap set the expiry");
      assert.deepEqual(await swo(null, { atomic: true, old_value: "1" }), { result: false });
      assert.deepEqual(await swo(null, { atomic: true }), { result: false }, "atomic delete with a nil old value");
      assert.deepEqual(await swo(null, { atomic: true, old_value: "2" }), { result: true }, "compare-and-delete");
      assert.equal(await kv("kv_get", { key }), null);
    });
  }

  test("keys are validated (1 to 150 characters) with Mattermost's error", async () => {
    await ok(KV, "kv_set", { key: "k".repeat(150), value: "ok" });
    for (const [op, args] of [["kv_set", { key: "", value: "x" }], ["kv_compare_and_set", { key: "k".repeat(151), old_value: null, new_value: "x" }]] as const) {
      assert.deepEqual(await call(KV, op, args), { error: { id: "model.plugin_key_value.is_valid.key.app_error", status: 400 } }, op);
    }
    await ok(KV, "kv_delete", { key: "k".repeat(150) });
  });

  test("expired keys are invisible at once and deleted by the background job", async () => {
    await ok(KV, "kv_set_with_expiry", { key: "exp:later", value: "y", expire_in_seconds: 3600 });
    assert.deepEqual(await ok(KV, "kv_get", { key: "exp:later" }), { bytes: "y" });
    assert.ok(Number((await row(KV, "exp:later"))!.expire_at) > Date.now());
    await ok(KV, "kv_set_with_expiry", { key: "exp:never", value: "n", expire_in_seconds: 0 });
    assert.equal(Number((await row(KV, "exp:never"))!.expire_at), 0);
    await ok(KV, "kv_set_with_expiry", { key: "exp:never", value: null, expire_in_seconds: 60 });
    assert.equal(await ok(KV, "kv_get", { key: "exp:never" }), null, "a nil value deletes");

    // A negative expiry is already over (Mattermost counts any non-zero expiry from now).
    await ok(KV, "kv_set_with_expiry", { key: "exp:past", value: "z", expire_in_seconds: -1 });
    assert.equal(await ok(KV, "kv_get", { key: "exp:past" }), null);
    assert.equal(await ok(KV, "kv_compare_and_set", { key: "exp:past", old_value: "z", new_value: "w" }), false, "an expired value never matches");
    assert.equal(await ok(KV, "kv_compare_and_set", { key: "exp:past", old_value: null, new_value: "w" }), true, "an expired key counts as absent");
    await ok(KV, "kv_delete", { key: "exp:past" });

    // A 1 s expiry, polled: no assertion depends on how fast this machine is.
    await ok(KV, "kv_set_with_expiry", { key: "exp:soon", value: "x", expire_in_seconds: 1 });
    await eventually(async () => (await ok(KV, "kv_get", { key: "exp:soon" })) === null);
    const keys = (await ok(KV, "kv_list", { page: 0, per_page: 100 })) as string[];
    assert.ok(keys.includes("exp:later") && !keys.includes("exp:soon"), keys.join());
    // Nothing purges it on read: the row goes when the cleanup job (every 200 ms here) runs.
    await eventually(async () => (await row(KV, "exp:soon")) === undefined);
    assert.ok(await row(KV, "exp:later"), "live keys stay");
  });

  test("list pages through the live keys in key order; delete-all empties the plugin's space", async () => {
    await ok(KV, "kv_delete_all");
    for (const key of ["l03", "l01", "l04", "l02", "l00"]) await ok(KV, "kv_set", { key, value: key });
    await ok(KV, "kv_set_with_expiry", { key: "l05", value: "expired", expire_in_seconds: -1 });
    const list = (args: Record<string, unknown>) => ok(KV, "kv_list", args);
    assert.deepEqual(await list({ page: 0, per_page: 2 }), ["l00", "l01"]);
    assert.deepEqual(await list({ page: 1, per_page: 2 }), ["l02", "l03"]);
    assert.deepEqual(await list({ page: 2, per_page: 2 }), ["l04"], "expired keys are not listed");
    assert.deepEqual(await list({ page: 3, per_page: 2 }), []);
    assert.deepEqual(await list({}), ["l00", "l01", "l02", "l03", "l04"], "defaults: page 0, 10 per page");
    assert.deepEqual(await list({ page: 5, per_page: 0 }), ["l00", "l01", "l02", "l03", "l04"], "per_page 0: 10 from offset 5 * 0, as Mattermost");
    assert.deepEqual(await ok(KV, "kv_list", { page: 0, per_page: 3 }, true), ["l00", "l01", "l02"], "the async client");
    await ok(KV, "kv_delete_all", {}, true);
    assert.deepEqual(await list({}), []);
    const rows = await database.database.db.selectFrom("plugin_kv").select("pkey").where("plugin_id", "=", KV).execute();
    assert.deepEqual(rows, []);
  });

  test("keys are namespaced per plugin: two plugins never see each other's keys", async () => {
    await ok(KV, "kv_set", { key: "shared", value: "mine" });
    assert.equal(await ok(OTHER, "kv_get", { key: "shared" }), null);
    assert.equal(await ok(OTHER, "kv_compare_and_set", { key: "shared", old_value: null, new_value: "theirs" }), true, "absent in the other plugin's space");
    assert.equal(await ok(OTHER, "kv_compare_and_delete", { key: "shared", old_value: "mine" }), false);
    assert.deepEqual(await ok(KV, "kv_get", { key: "shared" }), { bytes: "mine" });
    assert.deepEqual(await ok(OTHER, "kv_list"), ["shared"]);
    await ok(OTHER, "kv_delete_all");
    assert.deepEqual(await ok(KV, "kv_get", { key: "shared" }), { bytes: "mine" }, "the other plugin's delete-all leaves this one's keys");
    assert.deepEqual(await ok(KV, "kv_list"), ["shared"]);
    assert.deepEqual((await row(KV, "shared"))?.plugin_id, KV);
  });

  test("two processes incrementing one counter with compare-and-set: 2 x 1,000 increments make 2,000", async (t) => {
    // KV keys belong to a plugin id and the host runs one process per plugin, so the two contending
    // processes are the counter plugin's own process and a helper process it starts, which reaches
    // the host's PluginAPI as the same plugin (the socket and secret the host gave it) over its own
    // gRPC connection. Both wait for each other before counting (counter.py), so the loops overlap.
    const count = async (role: string) => {
      const response = await fetch(`${server.url}/plugins/${COUNTER}/count?role=${role}&n=1000`, { method: "POST" });
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as { role: string; pid: number; increments: number; retries: number };
    };
    const [inPlugin, inHelper] = await Promise.all([count("plugin"), count("helper")]);
    assert.equal(inPlugin.increments + inHelper.increments, 2000);
    assert.notEqual(inPlugin.pid, inHelper.pid, "two processes");
    assert.equal(inPlugin.pid, server.plugins.get(COUNTER)!.pid, "one of them is the plugin process the host started");
    const final = await server.app.kv.get(COUNTER, "counter");
    assert.equal(Buffer.from(final!).toString(), "2000");
    t.diagnostic(`${TEST_DIALECT}: ${inPlugin.retries} + ${inHelper.retries} compare-and-set attempts lost a race and were retried`);
  });
});
