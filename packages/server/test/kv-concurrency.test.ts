import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createApp, type App } from "../src/app/app.js";
import { createTestEnv, type TestEnv } from "./support/test-env.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe("plugin KV compare-and-set under concurrency", () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  it("two connections each doing 1,000 compare-and-set increments of one counter end at 2,000", async (t) => {
    // Two apps over two independent connections (two SQLite handles on one file, or two pg pools),
    // so each read-modify-write really races the other one in the database.
    const other = await env.testDatabase.connect();
    const apps: App[] = [env.app, createApp({ db: other.db, version: "0.1.0-test" })];
    const plugin = "com.example.counter";
    const key = "hits";
    let retries = 0;

    async function increment(app: App): Promise<void> {
      for (;;) {
        const current = await app.kv.get(plugin, key);
        const next = (current === null ? 0 : Number(decoder.decode(current))) + 1;
        if (await app.kv.setWithOptions(plugin, key, encoder.encode(String(next)), { atomic: true, oldValue: current })) return;
        retries += 1;
      }
    }

    await Promise.all(apps.map(async (app) => {
      for (let i = 0; i < 1000; i += 1) await increment(app);
    }));

    const final = await env.app.kv.get(plugin, key);
    assert.ok(final !== null);
    assert.equal(decoder.decode(final), "2000");
    t.diagnostic(`${retries} compare-and-set attempts lost a race and were retried`);
  });
});
