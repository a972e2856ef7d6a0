import assert from "node:assert/strict";
import { cp, mkdtemp, symlink } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { bundlePlugin } from "@polyplug/plugin/bundle";
import { helloExampleContract } from "./support/hello-example-contract.js";
import { eventually, RestClient, runningServer } from "./support/running-server.js";

// TypeScript plugins (@polyplug/plugin) through the whole stack, for real: HTTP → app core →
// SQLite, and each plugin as its own Node process over gRPC. Run from source (through tsx), a
// bundle needs the repo's node_modules beside it, as in a plugin author's checkout; the bundled
// distribution needs nothing.
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const HELLO = "com.polyplug.hello-ts";
const SINK = "com.polyplug.test.ts-kitchen-sink";

/** A copy of a TS plugin's source directory with the repo's node_modules linked in. */
async function staged(bundle: string): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), "pp-ts-src-")), path.basename(bundle));
  await cp(path.join(repo, bundle), dir, { recursive: true, filter: (source) => !["dist", "node_modules"].includes(path.basename(source)) });
  await symlink(path.join(repo, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

function statusOf(server: { plugins: { statuses(): Array<{ plugin_id: string; state: number; error: string }> } }, id: string) {
  return server.plugins.statuses().find((s) => s.plugin_id === id)!;
}

describe("TypeScript plugins through the real stack", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const alice = new RestClient("");
  let aliceId = "";
  let channelId = "";
  let teamId = "";

  before(async () => {
    const bundles = [await staged("examples/hello_ts"), await staged("packages/plugin-sdk/test/fixtures/kitchen-sink")];
    server = await runningServer(bundles, { PluginSettings: { Plugins: { [HELLO]: { BadWord: "Kumquat" }, [SINK]: { Greeting: "ahoy" } } } });
    for (const id of [HELLO, SINK]) assert.equal(statusOf(server, id).state, PluginState.Running, statusOf(server, id).error);
    Object.assign(alice, { baseUrl: server.url });
    aliceId = (await alice.signUp("alice")).id;
    const team = await alice.call("POST", "/api/v4/teams", { name: "garden", display_name: "Garden", type: "O" });
    teamId = team.json.id;
    const channel = await alice.call("POST", "/api/v4/channels", { team_id: teamId, name: "fruit", display_name: "Fruit", type: "O" });
    channelId = channel.json.id;
  });
  after(() => server.close());

  describe("hello_ts (the example, run from its TypeScript source)", () => {
    helloExampleContract(HELLO, () => ({ server, alice, channelId, teamId }));

    test("its log lines reach the plugin's log with their level and fields", () => {
      const line = server.plugins.get(HELLO)!.log.tail(50).find((entry) => entry.message === "Hello, TypeScript!");
      assert.equal(line?.level, "info");
      assert.equal(line?.fields?.server_version, server.version);
    });
  });

  describe("every hook family the host fires, and every API group (a Plugin subclass)", () => {
    test("lifecycle: OnConfigurationChange ran before OnActivate, with the admin's settings", async () => {
      assert.deepEqual(await (await fetch(`${server.url}/plugins/${SINK}/events`)).json(), ["OnConfigurationChange", "OnActivate"]);
      const command = await alice.call("POST", "/api/v4/commands/execute", { channel_id: channelId, team_id: teamId, command: "/sink now" });
      assert.equal(command.json.text, `ahoy from ${channelId}: /sink now`);
    });

    test("posts: MessageWillBePosted modifies (props kept) and rejects; MessageHasBeenPosted sees the stored post", async () => {
      const shouted = await alice.call("POST", "/api/v4/posts", { channel_id: channelId, message: "please shout", props: { keep: "me" } });
      assert.equal(shouted.status, 201);
      assert.equal(shouted.json.message, "PLEASE SHOUT");
      assert.deepEqual(shouted.json.props, { keep: "me", shouted: true });
      const rejected = await alice.call("POST", "/api/v4/posts", { channel_id: channelId, message: "reject-me" });
      assert.equal(rejected.json.message, "Post rejected by plugin. rejected by the sink");
      await eventually(async () => Buffer.from((await server.app.kv.get(SINK, "last_post")) ?? []).toString() === shouted.json.id);
    });

    test("API: every group answers with Mattermost JSON models, and errors arrive as AppErrors", async () => {
      const response = await fetch(`${server.url}/plugins/${SINK}/api-tour`, { method: "POST", body: JSON.stringify({ user_id: aliceId, channel_id: channelId }) });
      assert.equal(response.status, 200);
      const tour = (await response.json()) as any;
      assert.equal(tour.version, server.version);
      assert.deepEqual(tour.config, { Greeting: "ahoy" });
      assert.deepEqual(tour.user, { id: aliceId, username: "alice", has_password: false });
      assert.deepEqual(tour.channel, { id: channelId, name: "fruit" });
      assert.deepEqual([tour.created.message, tour.created.props, tour.created.create_at_is_number], ["made by the sink", { tour: 1 }, true]);
      assert.equal(tour.fetched.id, tour.created.id);
      assert.equal((await server.app.posts.getPost(tour.created.id)).user_id, aliceId);
      assert.deepEqual(tour.kv, { stored: [0, 1, 2, 255], deleted: null, empty: [] });
      assert.deepEqual([tour.missing.id, tour.missing.status], ["app.user.missing_account.const", 404]);
      assert.ok(server.plugins.get(SINK)!.log.tail(50).some((e) => e.source === "api" && e.message === "tour log line" && e.fields?.answer === 42));
      const commands = await server.app.commands.listPluginCommands(teamId);
      assert.deepEqual(commands.filter((c) => c.plugin_id === SINK).map((c) => c.trigger), ["sink"]);
    });

    test("HTTP: the plugin answers before the request body has ended, then reads the rest", async () => {
      const url = new URL(`${server.url}/plugins/${SINK}/stream`);
      const body = await new Promise<string>((resolve, reject) => {
        const req = request({ hostname: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "Transfer-Encoding": "chunked" } }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            text += chunk;
            // Only once the plugin's first answer is here does the client send the rest.
            if (text === "got:first") req.end("second");
          });
          res.on("end", () => resolve(text));
          res.on("error", reject);
        });
        req.on("error", reject);
        req.write("first");
      });
      assert.equal(body, "got:first|rest:second");
    });

    test("HTTP: identity and query reach the plugin; big bodies stream both ways; a failing handler is a 500", async () => {
      const who = (await (await fetch(`${server.url}/plugins/${SINK}/who?x=1`, { headers: { Authorization: `Bearer ${alice.token}`, "Mattermost-User-Id": "forged", "X-Agent": "test" } })).json()) as any;
      assert.deepEqual(who, { user_id: aliceId, method: "GET", query: "x=1", x: "1", agent: "test", plugin: null });
      const upload = Buffer.alloc(5 * 1024 * 1024, 7);
      assert.deepEqual(await (await fetch(`${server.url}/plugins/${SINK}/count`, { method: "POST", body: upload })).json(), { bytes: upload.length });
      const big = Buffer.from(await (await fetch(`${server.url}/plugins/${SINK}/big`)).arrayBuffer());
      assert.equal(big.length, 4 * 1024 * 1024);
      assert.equal(big[32 * 1024 * 127], 127);
      const failed = await fetch(`${server.url}/plugins/${SINK}/fail`);
      assert.equal(failed.status, 500);
      assert.equal(await failed.text(), "Internal Server Error");
    });

    test("API: PluginHTTP reaches a plugin's ServeHTTP through the host, which sets the caller's id", async () => {
      const relay = (await (await fetch(`${server.url}/plugins/${SINK}/relay`)).json()) as any;
      assert.deepEqual(relay.who, { status: 200, body: { user_id: "", method: "GET", query: "x=2", x: "2", agent: "relay", plugin: SINK } });
      assert.deepEqual(relay.count, { bytes: 1024 * 1024 });
      assert.equal(relay.missing, 404);
    });

    test("lifecycle: deactivation runs OnDeactivate (with a working API), the process exits, reactivation works", async () => {
      const pid = server.plugins.get(SINK)!.pid!;
      await server.plugins.deactivate(SINK);
      assert.equal(Buffer.from((await server.app.kv.get(SINK, "deactivated"))!).toString(), "yes");
      assert.equal(statusOf(server, SINK).state, PluginState.NotRunning);
      assert.throws(() => process.kill(pid, 0), /ESRCH/);
      assert.equal(await server.plugins.activate(SINK), true);
      assert.deepEqual(await (await fetch(`${server.url}/plugins/${SINK}/events`)).json(), ["OnConfigurationChange", "OnActivate"]);
    });
  });

  test("killing a TS plugin's process leaves the server up and reports the plugin as failed", async () => {
    const pid = server.plugins.get(HELLO)!.pid!;
    process.kill(pid, "SIGKILL");
    const status = await eventually(async () => {
      const statuses = await alice.call("GET", "/api/v4/plugins/statuses");
      const s = statuses.json.find((x: { plugin_id: string }) => x.plugin_id === HELLO);
      return s.state === PluginState.FailedToStayRunning ? s : undefined;
    });
    assert.match(status.error, /exited unexpectedly \(signal SIGKILL\)/);
    assert.equal(status.error_code, "POLYPLUG_PROCESS_EXITED");
    assert.equal((await alice.call("GET", "/api/v4/system/ping")).json.status, "OK");
    assert.equal((await alice.call("POST", "/api/v4/posts", { channel_id: channelId, message: "kumquat, now allowed" })).status, 201);
    assert.equal((await fetch(`${server.url}/plugins/${HELLO}/hits`)).status, 404);
  });
});

describe("hello_ts bundled to plain JS for distribution", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;

  before(async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), "pp-ts-dist-")), "hello_ts");
    const bundled = await bundlePlugin({ sourceDir: path.join(repo, "examples/hello_ts"), outDir: out });
    assert.equal(bundled.executable, "server/plugin.mjs");
    server = await runningServer([out]);
  });
  after(() => server.close());

  test("starts under the host with no node_modules and no tsx, and serves", async () => {
    const status = statusOf(server, HELLO);
    assert.equal(status.state, PluginState.Running, status.error);
    assert.deepEqual(await (await fetch(`${server.url}/plugins/${HELLO}/hits`)).json(), { hits: 1 });
  });
});
