import assert from "node:assert/strict";
import { test } from "node:test";
import type { RunningServer } from "../../src/index.js";
import type { RestClient } from "./running-server.js";

/** What a hello-example test has set up: a server with the plugin (BadWord = "Kumquat"), a user alice in a team and channel. */
export interface HelloExampleWorld {
  readonly server: RunningServer;
  readonly alice: RestClient;
  readonly channelId: string;
  readonly teamId: string;
}

/**
 * The behaviour every hello example shares, whatever its language (hello_python, hello_ts):
 * registered as tests inside the caller's describe, so each language is held to one contract.
 */
export function helloExampleContract(pluginId: string, world: () => HelloExampleWorld): void {
  test("a clean post is stored and listed", async () => {
    const { alice, channelId } = world();
    const created = await alice.call("POST", "/api/v4/posts", { channel_id: channelId, message: "apples are fine", props: { from: "test" } });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    assert.equal(created.json.message, "apples are fine");
    assert.deepEqual(created.json.props, { from: "test" });
    const list = await alice.call("GET", `/api/v4/channels/${channelId}/posts`);
    assert.ok(list.json.order.includes(created.json.id));
  });

  test("a post with the configured bad word is rejected with the plugin's reason and not stored", async () => {
    const { alice, channelId } = world();
    const rejected = await alice.call("POST", "/api/v4/posts", { channel_id: channelId, message: "I hate KUMQUATs" });
    assert.equal(rejected.status, 400);
    assert.equal(rejected.json.message, "Post rejected by plugin. Message blocked: contains a forbidden word");
    const list = await alice.call("GET", `/api/v4/channels/${channelId}/posts`);
    assert.ok(Object.values(list.json.posts).every((p: any) => !p.message.includes("KUMQUAT")));
    // The manifest's default bad word is overridden by config.json, so it passes.
    assert.equal((await alice.call("POST", "/api/v4/posts", { channel_id: channelId, message: "badword is fine here" })).status, 201);
  });

  test("/hello answers through the plugin's ExecuteCommand", async () => {
    const { alice, channelId, teamId } = world();
    const plain = await alice.call("POST", "/api/v4/commands/execute", { channel_id: channelId, team_id: teamId, command: "/hello" });
    assert.equal(plain.status, 200, JSON.stringify(plain.json));
    assert.equal(plain.json.text, "Hello, alice!");
    assert.equal(plain.json.response_type, "ephemeral");
    const named = await alice.call("POST", "/api/v4/commands/execute", { channel_id: channelId, team_id: teamId, command: "/hello world" });
    assert.equal(named.json.text, "Hello, world!");
  });

  test("the HTTP endpoint counts its hits in KV: 1, then 2, persisted", async () => {
    const { server } = world();
    const first = await fetch(`${server.url}/plugins/${pluginId}/hits`);
    assert.equal(first.status, 200);
    assert.match(first.headers.get("content-type") ?? "", /application\/json/);
    assert.deepEqual(await first.json(), { hits: 1 });
    assert.deepEqual(await (await fetch(`${server.url}/plugins/${pluginId}/hits`)).json(), { hits: 2 });
    assert.equal(Buffer.from((await server.app.kv.get(pluginId, "hits"))!).toString(), "2");
    assert.equal((await fetch(`${server.url}/plugins/${pluginId}/nope`)).status, 404);
  });
}
