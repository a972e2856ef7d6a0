import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { PROBE_PLUGIN_ID, startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { TEST_DIALECT } from "./support/test-database.js";

// SendPushNotification runs NotificationWillBePushed before anything reaches the push outbox, as
// Mattermost's sendPushNotificationToAllSessions does. Three real Python plugins, in id order:
// py-push-1-rewrite rewrites, py-push-2-reject refuses "classified" messages, py-push-3-raise
// notes what it was shown (KV "last-push") and raises.
const FIXTURES = "packages/server/test/fixtures/plugins";
const PLUGINS = ["py-push-1-rewrite", "py-push-2-reject", "py-push-3-raise"];
const RAISER = "com.polyplug.test.py-push-3-raise";

describe(`SendPushNotification runs NotificationWillBePushed, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  let userId: string;

  before(async () => {
    probe = await startApiProbe({ bundles: PLUGINS.map((p) => `${FIXTURES}/${p}`), server: { pluginHost: { hookTimeoutsMs: { NotificationWillBePushed: 1000 } } } });
    for (const p of PLUGINS) assert.equal(probe.server.plugins.get(`com.polyplug.test.${p}`)?.state, PluginState.Running, p);
    userId = (await probe.app.users.createUser({ username: "pushed", email: "pushed@example.com", password: "correct-horse-1" } as never)).id;
  });
  after(async () => probe?.close());

  const outbox = async () => {
    const dir = path.join(probe.server.dataDir, "push");
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".json")).sort();
    return Promise.all(files.map(async (f) => ({ file: f, ...JSON.parse(await readFile(path.join(dir, f), "utf8")) })));
  };
  const seenByRaiser = async () => {
    const row = await probe.database.database.db.selectFrom("plugin_kv").select("pvalue").where("plugin_id", "=", RAISER).where("pkey", "=", "last-push").executeTakeFirst();
    return row ? JSON.parse(Buffer.from(row.pvalue).toString()) : undefined;
  };
  const send = async (notification: Record<string, unknown>, viaAsync = false) => {
    const before = await outbox();
    assert.equal(await probe.ok("send_push_notification", { notification, user_id: userId }, viaAsync), null);
    const after = await outbox();
    return after.filter((entry) => !before.some((b) => b.file === entry.file));
  };

  test("a plugin's rewrite is what gets queued; the next plugins see it; a raising plugin changes nothing", async () => {
    const queued = await send({ message: "ping", channel_id: "c1", type: "message", badge: 3 });
    assert.equal(queued.length, 1);
    assert.equal(queued[0].user_id, userId);
    assert.deepEqual(queued[0].notification, { message: `ping (for ${userId})`, sub_type: "rewritten", channel_id: "c1", type: "message", badge: 3 });
    assert.deepEqual(await seenByRaiser(), queued[0].notification, "the last plugin was shown the first one's rewrite");
  });

  test("a rejection queues nothing, ends the chain, and the API call still succeeds", async () => {
    const marker = await seenByRaiser();
    // py-push-2-reject refuses what py-push-1-rewrite turned into "classified: …".
    assert.deepEqual(await send({ message: "hush, nobody must know", type: "message" }), []);
    assert.deepEqual(await send({ message: "plain but classified", type: "message" }, true), [], "refused through the async client too");
    assert.deepEqual(await seenByRaiser(), marker, "the chain stopped at the rejection");
    const noted = probe.server.plugins.get(PROBE_PLUGIN_ID)!.log.tail(50).filter((e) => e.message.includes("rejected by a plugin"));
    assert.equal(noted.length, 2);
    assert.match(noted[0]!.message, /classified content stays off phones/);
  });

  test("with no rewrite, a plugin that raises leaves the notification exactly as sent", async () => {
    const notification = { message: "plain words", channel_id: "c2", post_id: "p2", type: "message", sub_type: "calls" };
    const queued = await send(notification, true);
    assert.equal(queued.length, 1);
    assert.deepEqual(queued[0].notification, notification);
    assert.deepEqual(await seenByRaiser(), notification, "the raising plugin was called");
    const failOpen = probe.server.plugins.get(RAISER)!.log.tail(200).filter((e) => e.source === "host" && e.message.includes("ignored (fail open)"));
    assert.equal(failOpen.length, 2, "both of its failures were logged and ignored");
    assert.match(failOpen[1]!.message, /the push hook broke/);
  });

  test("the notification is still checked before any plugin runs", async () => {
    const raised = await seenByRaiser();
    assert.equal((await probe.fails("send_push_notification", { notification: {}, user_id: userId }, 400)).id, "api.push_notification.invalid.app_error");
    assert.equal((await probe.fails("send_push_notification", { notification: { message: "x" }, user_id: "a".repeat(26) }, 404)).id, "app.user.missing_account.const");
    assert.deepEqual(await seenByRaiser(), raised);
  });

  test("a plugin that answers too late has no say: the notification goes out as the others left it", async () => {
    const started = Date.now();
    const queued = await send({ message: "slow news", type: "message" });
    assert.ok(Date.now() - started < 2500, "the call did not wait for the late answer");
    assert.equal(queued.length, 1);
    assert.deepEqual(queued[0].notification, { message: `slow news (for ${userId})`, sub_type: "rewritten", type: "message" });
  });
});
