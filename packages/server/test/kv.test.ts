import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { catchAppError, createTestEnv, type TestEnv } from "./support/test-env.js";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("plugin KV store", () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  it("distinguishes an absent key (null) from an empty value (empty bytes)", async () => {
    assert.equal(await env.app.kv.get("com.example.a", "missing"), null);
    await env.app.kv.set("com.example.a", "empty", new Uint8Array());
    const empty = await env.app.kv.get("com.example.a", "empty");
    assert.ok(empty instanceof Uint8Array);
    assert.equal(empty.byteLength, 0);
  });

  it("round-trips binary values, overwrites, deletes, and isolates plugins", async () => {
    const value = new Uint8Array([0, 255, 1, 128, 0]);
    await env.app.kv.set("com.example.a", "bin", value);
    assert.deepEqual(await env.app.kv.get("com.example.a", "bin"), value);
    assert.equal(await env.app.kv.get("com.example.b", "bin"), null, "another plugin's key space is separate");
    await env.app.kv.set("com.example.a", "bin", bytes("v2"));
    assert.deepEqual(await env.app.kv.get("com.example.a", "bin"), bytes("v2"));
    await env.app.kv.delete("com.example.a", "bin");
    assert.equal(await env.app.kv.get("com.example.a", "bin"), null);
    await env.app.kv.delete("com.example.a", "bin");
  });

  it("accepts keys of 1..150 characters and rejects others with 400", async () => {
    await env.app.kv.set("com.example.a", "k".repeat(150), bytes("ok"));
    assert.deepEqual(await env.app.kv.get("com.example.a", "k".repeat(150)), bytes("ok"));
    for (const key of ["", "k".repeat(151)]) {
      const err = await catchAppError(() => env.app.kv.set("com.example.a", key, bytes("x")));
      assert.equal(err.id, "model.plugin_key_value.is_valid.key.app_error");
      assert.equal(err.statusCode, 400);
    }
  });

  it("hides expired values and purges them", async () => {
    await env.app.kv.set("com.example.exp", "soon", bytes("x"), 60);
    assert.deepEqual(await env.app.kv.get("com.example.exp", "soon"), bytes("x"));
    env.clock.advance(61_000);
    assert.equal(await env.app.kv.get("com.example.exp", "soon"), null);
    assert.ok((await env.app.kv.deleteAllExpired()) >= 1);
  });

  it("implements atomic set-with-options like Mattermost", async () => {
    const p = "com.example.atomic";
    assert.equal(await env.app.kv.setWithOptions(p, "k", bytes("1"), { atomic: true, oldValue: null }), true, "insert if absent");
    assert.equal(await env.app.kv.setWithOptions(p, "k", bytes("2"), { atomic: true, oldValue: null }), false, "already present");
    assert.equal(await env.app.kv.setWithOptions(p, "k", bytes("2"), { atomic: true, oldValue: bytes("nope") }), false, "old value differs");
    assert.equal(await env.app.kv.setWithOptions(p, "k", bytes("2"), { atomic: true, oldValue: bytes("1") }), true, "compare and swap");
    assert.deepEqual(await env.app.kv.get(p, "k"), bytes("2"));
    assert.equal(await env.app.kv.setWithOptions(p, "k", null, { atomic: true, oldValue: bytes("1") }), false);
    assert.equal(await env.app.kv.setWithOptions(p, "k", null, { atomic: true, oldValue: bytes("2") }), true, "compare and delete");
    assert.equal(await env.app.kv.get(p, "k"), null);
    const err = await catchAppError(() => env.app.kv.setWithOptions(p, "k", bytes("x"), { oldValue: bytes("y") }));
    assert.equal(err.id, "model.plugin_kvset_options.is_valid.old_value.app_error");
  });

  it("lists live keys in order, page by page", async () => {
    const p = "com.example.list";
    for (const k of ["c", "a", "b", "d"]) await env.app.kv.set(p, k, bytes(k));
    assert.deepEqual(await env.app.kv.list(p, 0, 3), ["a", "b", "c"]);
    assert.deepEqual(await env.app.kv.list(p, 1, 3), ["d"]);
    await env.app.kv.deleteAll(p);
    assert.deepEqual(await env.app.kv.list(p, 0, 0), []);
  });
});
