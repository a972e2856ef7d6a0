import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { minimalPythonPlugin } from "../../host/test/python-fixture.js";
import { RestClient, runningServer } from "./support/running-server.js";

const SLOW = "com.polyplug.test.a-slow";
const FAST = "com.polyplug.test.b-fast";

// Two real plugins filter posts; the first (by id) hangs on "sleep". The hang must cost a post
// at most the hook budget, the other plugin must still run, the server must keep answering, and
// after repeated timeouts the slow plugin is skipped and reported (log, status, metrics).
describe("slow-plugin isolation", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const carol = new RestClient("");
  let channelId = "";

  before(async () => {
    const bundles = await mkdtemp(path.join(tmpdir(), "pp-bundles-"));
    const slow = await minimalPythonPlugin(bundles, SLOW);
    const fast = await minimalPythonPlugin(bundles, FAST);
    // The per-hook override, not the global 30 s deadline, bounds MessageWillBePosted here.
    server = await runningServer([slow, fast], {}, { pluginHost: { hookTimeoutsMs: { MessageWillBePosted: 1500 }, slowPlugins: { quarantineAfter: 2, quarantineMs: 60_000 } } });
    for (const s of server.plugins.statuses()) assert.equal(s.state, PluginState.Running, `${s.plugin_id}: ${s.error}`);
    Object.assign(carol, { baseUrl: server.url });
    await carol.signUp("carol");
    const team = await carol.call("POST", "/api/v4/teams", { name: "ops", display_name: "Ops", type: "O" });
    channelId = (await carol.call("POST", "/api/v4/channels", { team_id: team.json.id, name: "alerts", display_name: "Alerts", type: "O" })).json.id;
  });
  after(() => server.close());

  test("a hanging plugin fails open: the post is stored with the other plugin's change, and the server keeps answering", async () => {
    let postSettled = false;
    const posting = carol.call("POST", "/api/v4/posts", { channel_id: channelId, message: "sleep now" }).finally(() => (postSettled = true));
    const ping = await carol.call("GET", "/api/v4/system/ping");
    assert.equal(ping.json.status, "OK");
    assert.equal(postSettled, false, "the server answered while the plugin was still hanging");
    const created = await posting;
    assert.equal(created.status, 201);
    assert.equal(created.json.message, `sleep now [${FAST}]`);
    const status = server.plugins.get(SLOW)!.status();
    assert.equal(status.hook_timeouts, 1);
    assert.equal(status.last_slow_hook?.hook, "MessageWillBePosted");
    assert.ok(server.plugins.get(SLOW)!.log.tail(50).some((e) => /MessageWillBePosted timed out/.test(e.message)));
  });

  test("after repeated timeouts the slow plugin is skipped for that hook and reported", async () => {
    await carol.call("POST", "/api/v4/posts", { channel_id: channelId, message: "sleep again" });
    assert.deepEqual(server.plugins.get(SLOW)!.status().quarantined_hooks, ["MessageWillBePosted"]);
    const quick = await carol.call("POST", "/api/v4/posts", { channel_id: channelId, message: "hello" });
    assert.equal(quick.json.message, `hello [${FAST}]`, "the quarantined plugin was not asked");
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(metrics, new RegExp(`polyplug_plugin_hook_timeouts_total\\{plugin="${SLOW}",hook="MessageWillBePosted"\\} 2`));
    assert.match(metrics, new RegExp(`polyplug_plugin_hook_calls_total\\{plugin="${SLOW}",hook="MessageWillBePosted"\\} 2`));
    assert.match(metrics, new RegExp(`polyplug_plugin_hook_quarantined\\{plugin="${SLOW}",hook="MessageWillBePosted"\\} 1`));
    assert.match(metrics, new RegExp(`polyplug_plugin_hook_calls_total\\{plugin="${FAST}",hook="MessageWillBePosted"\\} 3`));
    assert.equal(server.plugins.get(SLOW)!.state, PluginState.Running, "slow is not dead: its other hooks and health are fine");
    // Neither plugin lists MessageHasBeenPosted in Implemented, so the host never called it.
    for (const id of [SLOW, FAST]) assert.ok(!server.plugins.get(id)!.hookStats.snapshot().some((s) => s.hook === "MessageHasBeenPosted"));
  });
});
