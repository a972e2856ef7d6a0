import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isAppError } from "../src/index.js";
import { FakePluginAPI } from "../src/testing/index.js";

const text = (value: Uint8Array | undefined) => (value === undefined ? undefined : Buffer.from(value).toString());

describe("the KV methods: positional as in Mattermost's Go API, null as Go's nil", () => {
  test("compare-and-set and compare-and-delete tell an absent key (null) from an empty value", async () => {
    const fake = new FakePluginAPI();
    const { api } = fake;
    assert.equal(await api.kvCompareAndSet("k", null, "1"), true);
    assert.deepEqual(fake.calls.at(-1), { method: "KVCompareAndSet", request: { key: "k", new_value: new Uint8Array(Buffer.from("1")) } });
    assert.equal(await api.kvCompareAndSet("k", null, "2"), false);
    assert.equal(await api.kvCompareAndSet("k", "", "2"), false);
    assert.equal(await api.kvCompareAndSet("k", "1", ""), true);
    assert.equal(await api.kvCompareAndSet("k", null, "3"), false, "an empty value exists");
    assert.equal(await api.kvCompareAndDelete("k", null), false);
    assert.equal(await api.kvCompareAndDelete("k", ""), true);
    assert.equal(await api.kvGet("k"), undefined);
  });

  test("set-with-options, expiry by the fake's clock, paging and delete-all", async () => {
    const fake = new FakePluginAPI();
    const { api } = fake;
    let now = 1_000_000;
    fake.now = () => now;
    assert.equal(await api.kvSetWithOptions("n", "1", { atomic: true }), true);
    assert.equal(await api.kvSetWithOptions("n", "2", { atomic: true, old_value: "1", expire_in_seconds: 5 }), true);
    await assert.rejects(api.kvSetWithOptions("n", "x", { old_value: "y" }), (error: unknown) => isAppError(error) && error.statusCode === 400);
    await api.kvSetWithExpiry("t", "v", 60);
    assert.equal(text(await api.kvGet("n")), "2");
    now += 5_000;
    assert.equal(await api.kvGet("n"), undefined, "expired");
    assert.deepEqual(await api.kvList(), ["t"]);
    for (const key of ["b", "a", "c"]) await api.kvSet(key, key);
    assert.deepEqual(await api.kvList(0, 2), ["a", "b"]);
    assert.deepEqual(await api.kvList(1, 2), ["c", "t"]);
    await api.kvDeleteAll();
    assert.deepEqual(await api.kvList(), []);
  });
});
