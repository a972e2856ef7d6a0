import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import WebSocket from "ws";
import { RestClient, runningServer } from "./support/running-server.js";
import { WsClient, type WsEvent } from "./support/ws-client.js";

const PUBLISHER = "com.polyplug.test.publisher";

// Mattermost's WebSocket protocol against the real server: authentication (header and challenge),
// hello, sequence numbers, the event shapes, and above all who receives what.
describe("/api/v4/websocket", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const alice = new RestClient(""); // system admin (first user)
  const bob = new RestClient("");
  const carol = new RestClient("");
  const ids: Record<string, string> = {};
  let teamId = "";
  let channelId = "";
  const sockets: WsClient[] = [];
  let wsAlice: WsClient;
  let wsBob: WsClient;
  let wsCarol: WsClient;

  const connect = async (client: RestClient) => {
    const ws = await WsClient.connect(server.url, client.token);
    sockets.push(ws);
    await ws.nextEvent((e) => e.event === "hello");
    return ws;
  };
  const postedIn = (channel: string, message: string) => (e: WsEvent) => e.event === "posted" && JSON.parse(e.data["post"]).channel_id === channel && JSON.parse(e.data["post"]).message === message;

  before(async () => {
    server = await runningServer(["packages/server/test/fixtures/plugins/publisher"]);
    for (const [name, client] of [["alice", alice], ["bob", bob], ["carol", carol]] as const) {
      Object.assign(client, { baseUrl: server.url });
      ids[name] = (await client.signUp(name)).id;
    }
    teamId = (await alice.call("POST", "/api/v4/teams", { name: "crew", display_name: "Crew", type: "O" })).json.id;
    for (const who of [bob, carol]) await who.call("POST", `/api/v4/teams/${teamId}/members`, { team_id: teamId, user_id: (await who.call("GET", "/api/v4/users/me")).json.id });
    channelId = (await alice.call("POST", "/api/v4/channels", { team_id: teamId, name: "deck", display_name: "Deck", type: "P" })).json.id;
    await alice.call("POST", `/api/v4/channels/${channelId}/members`, { user_id: ids["bob"] });
    [wsAlice, wsBob, wsCarol] = [await connect(alice), await connect(bob), await connect(carol)];
  });
  after(async () => {
    for (const ws of sockets) ws.close();
    await server.close();
  });

  test("a token in the upgrade request gets hello at once, numbered 0, with Mattermost's fields", () => {
    const hello = wsAlice.events[0]!;
    assert.equal(hello.event, "hello");
    assert.equal(hello.seq, 0);
    assert.match(hello.data["connection_id"], /^[a-z0-9]{26}$/);
    assert.match(hello.data["server_version"], /^10\.5\.0\./);
    assert.deepEqual(Object.keys(hello.broadcast).sort(), ["channel_id", "connection_id", "omit_connection_id", "omit_users", "team_id", "user_id"]);
    assert.equal(hello.broadcast["user_id"], ids["alice"]);
  });

  test("without a token: requests fail with 401 until authentication_challenge, then hello and pong", async () => {
    const ws = await WsClient.connect(server.url);
    sockets.push(ws);
    const early = await ws.request("ping");
    assert.equal(early.status, "FAIL");
    assert.equal(early.error?.id, "api.web_socket_router.not_authenticated.app_error");
    assert.equal(early.error?.status_code, 401);
    const auth = await ws.request("authentication_challenge", { token: bob.token });
    assert.deepEqual(auth, { status: "OK", seq_reply: 2 });
    const hello = await ws.nextEvent((e) => e.event === "hello");
    assert.equal(hello.seq, 0);
    assert.equal(hello.broadcast["user_id"], ids["bob"]);
    const pong = await ws.request("ping");
    assert.equal(pong.status, "OK");
    assert.equal(pong.data?.["text"], "pong");
    ws.close();
  });

  test("a bad challenge token closes the connection; malformed requests fail with router errors", async () => {
    const bad = await WsClient.connect(server.url);
    await bad.request("ping"); // unauthenticated, answered
    bad.socket.send(JSON.stringify({ action: "authentication_challenge", seq: 9, data: { token: "nope" } }));
    await bad.waitFor(() => (bad.closed ? true : undefined));
    wsAlice.sendRaw("not json");
    wsAlice.sendRaw(JSON.stringify({ action: "ping", seq: 0 }));
    const [noAction, badSeq] = await wsAlice.waitFor(() => (wsAlice.responses.filter((r) => r.status === "FAIL").length >= 2 ? wsAlice.responses.filter((r) => r.status === "FAIL") : undefined));
    assert.equal(noAction?.error?.id, "api.web_socket_router.no_action.app_error");
    assert.equal(badSeq?.error?.id, "api.web_socket_router.bad_seq.app_error");
    const plain = await fetch(`${server.url}/api/v4/websocket`);
    assert.equal(plain.status, 400);
  });

  test("a page from another origin cannot open a socket with the user's cookie", async () => {
    const url = `${server.url.replace(/^http/, "ws")}/api/v4/websocket`;
    const attempt = (origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url, { origin, headers: { Cookie: `MMAUTHTOKEN=${alice.token}` } });
        socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.on("open", () => {
          socket.close();
          resolve(101);
        });
      });
    assert.equal(await attempt("https://evil.example"), 400);
    assert.equal(await attempt(server.url), 101);
  });

  test("posted goes to channel members only, with the post as a JSON string and gap-free seq", async () => {
    const created = await bob.call("POST", "/api/v4/posts", { channel_id: channelId, message: "secret plans" });
    assert.equal(created.status, 201);
    const seen = await wsAlice.nextEvent(postedIn(channelId, "secret plans"));
    assert.equal(seen.broadcast["channel_id"], channelId);
    assert.equal(seen.data["channel_name"], "deck");
    assert.equal(seen.data["channel_type"], "P");
    assert.equal(seen.data["sender_name"], "@bob");
    assert.equal(seen.data["team_id"], teamId);
    assert.equal(JSON.parse(seen.data["post"]).id, created.json.id);
    await wsBob.nextEvent(postedIn(channelId, "secret plans"));
    // Carol is on the team but not in the channel: a later event that she may see proves the order.
    const town = (await carol.call("POST", "/api/v4/channels", { team_id: teamId, name: "town", display_name: "Town", type: "O" })).json.id;
    await carol.call("POST", "/api/v4/posts", { channel_id: town, message: "public chatter" });
    await wsCarol.nextEvent(postedIn(town, "public chatter"));
    assert.equal(wsCarol.events.filter(postedIn(channelId, "secret plans")).length, 0);
    for (const ws of [wsAlice, wsBob, wsCarol]) ws.events.forEach((e, i) => assert.equal(e.seq, i));
  });

  test("edits, reactions and deletes reach members as post_edited, reaction_added/removed and post_deleted", async () => {
    const post = (await alice.call("POST", "/api/v4/posts", { channel_id: channelId, message: "draft" })).json;
    const from = wsBob.events.length;
    assert.equal((await alice.call("PUT", `/api/v4/posts/${post.id}/patch`, { message: "final" })).status, 200);
    const edited = await wsBob.nextEvent((e) => e.event === "post_edited", from);
    assert.equal(JSON.parse(edited.data["post"]).message, "final");
    assert.ok(JSON.parse(edited.data["post"]).edit_at > 0);
    await bob.call("POST", "/api/v4/reactions", { user_id: ids["bob"], post_id: post.id, emoji_name: "tada" });
    const added = await wsAlice.nextEvent((e) => e.event === "reaction_added");
    assert.deepEqual(
      { ...JSON.parse(added.data["reaction"]), create_at: 0, update_at: 0 },
      { user_id: ids["bob"], post_id: post.id, emoji_name: "tada", create_at: 0, update_at: 0, delete_at: 0, remote_id: "", channel_id: channelId },
    );
    await bob.call("DELETE", `/api/v4/users/me/posts/${post.id}/reactions/tada`);
    assert.equal(JSON.parse((await wsAlice.nextEvent((e) => e.event === "reaction_removed")).data["reaction"]).emoji_name, "tada");
    await alice.call("DELETE", `/api/v4/posts/${post.id}`);
    const deleted = await wsBob.nextEvent((e) => e.event === "post_deleted");
    assert.equal(JSON.parse(deleted.data["post"]).id, post.id);
    assert.equal(deleted.data["delete_by"], ids["alice"]);
    assert.equal(wsCarol.named("post_edited").length + wsCarol.named("reaction_added").length + wsCarol.named("post_deleted").length, 0);
  });

  test("typing goes to the other members, never back to the typist", async () => {
    const typed = await wsBob.request("user_typing", { channel_id: channelId, parent_id: "" });
    assert.equal(typed.status, "OK");
    const typing = await wsAlice.nextEvent((e) => e.event === "typing");
    assert.deepEqual(typing.data, { parent_id: "", user_id: ids["bob"] });
    assert.deepEqual(typing.broadcast["omit_users"], { [ids["bob"]!]: true });
    const notMember = await wsCarol.request("user_typing", { channel_id: channelId });
    assert.equal(notMember.error?.id, "api.context.permissions.app_error");
    await bob.call("POST", "/api/v4/posts", { channel_id: channelId, message: "after typing" });
    await wsBob.nextEvent(postedIn(channelId, "after typing"));
    assert.equal(wsBob.named("typing").length, 0);
  });

  test("user_added, then user_removed to the user and to the channel; a removed user stops receiving", async () => {
    await alice.call("POST", `/api/v4/channels/${channelId}/members`, { user_id: ids["carol"] });
    const added = await wsBob.nextEvent((e) => e.event === "user_added");
    assert.deepEqual(added.data, { user_id: ids["carol"], team_id: teamId });
    await bob.call("POST", "/api/v4/posts", { channel_id: channelId, message: "welcome carol" });
    await wsCarol.nextEvent(postedIn(channelId, "welcome carol"));

    assert.equal((await alice.call("DELETE", `/api/v4/channels/${channelId}/members/${ids["carol"]}`)).status, 200);
    const toCarol = await wsCarol.nextEvent((e) => e.event === "user_removed");
    assert.deepEqual(toCarol.data, { channel_id: channelId, remover_id: ids["alice"] });
    assert.equal(toCarol.broadcast["user_id"], ids["carol"]);
    const toChannel = await wsBob.nextEvent((e) => e.event === "user_removed");
    assert.deepEqual(toChannel.data, { user_id: ids["carol"], remover_id: ids["alice"] });
    await bob.call("POST", "/api/v4/posts", { channel_id: channelId, message: "carol is gone" });
    await wsAlice.nextEvent(postedIn(channelId, "carol is gone"));
    const own = (await carol.call("POST", "/api/v4/channels", { team_id: teamId, name: "nook", display_name: "Nook", type: "O" })).json;
    const created = await wsCarol.nextEvent((e) => e.event === "channel_created" && e.data["channel_id"] === own.id);
    assert.deepEqual(created.data, { channel_id: own.id, team_id: teamId });
    assert.equal(created.broadcast["user_id"], ids["carol"]);
    assert.equal(wsCarol.events.filter(postedIn(channelId, "carol is gone")).length, 0);
    assert.equal(wsAlice.events.filter((e) => e.event === "channel_created" && e.data["channel_id"] === own.id).length, 0);
  });

  test("a plugin's PublishWebSocketEvent arrives as custom_<id>_<event>, to the channel's members only", async () => {
    const ran = await bob.call("POST", "/api/v4/commands/execute", { channel_id: channelId, team_id: teamId, command: "/announce all hands" });
    assert.equal(ran.status, 200, JSON.stringify(ran.json));
    const name = `custom_${PUBLISHER}_announcement`;
    const custom = await wsAlice.nextEvent((e) => e.event === name);
    assert.deepEqual(custom.data, { text: "all hands", by: ids["bob"] });
    assert.equal(custom.broadcast["channel_id"], channelId);
    await wsBob.nextEvent((e) => e.event === name);
    await bob.call("POST", "/api/v4/posts", { channel_id: channelId, message: "after announcement" });
    await wsAlice.nextEvent(postedIn(channelId, "after announcement"));
    await carol.call("POST", "/api/v4/posts", { channel_id: (await carol.call("GET", `/api/v4/teams/${teamId}/channels/name/town`)).json.id, message: "carol barrier" });
    await wsCarol.nextEvent((e) => e.event === "posted" && JSON.parse(e.data["post"]).message === "carol barrier");
    assert.equal(wsCarol.named(name).length, 0);
  });

  test("plugin_disabled/plugin_enabled go to everyone, plugin_statuses_changed to system admins only", async () => {
    const from = { alice: wsAlice.events.length, bob: wsBob.events.length };
    assert.equal((await alice.call("POST", `/api/v4/plugins/${PUBLISHER}/disable`)).status, 200);
    const disabled = await wsBob.nextEvent((e) => e.event === "plugin_disabled", from.bob);
    assert.equal(disabled.data["manifest"].id, PUBLISHER);
    const statuses = await wsAlice.nextEvent((e) => e.event === "plugin_statuses_changed", from.alice);
    assert.ok(Array.isArray(statuses.data["plugin_statuses"]));
    assert.equal(statuses.broadcast["contains_sensitive_data"], true);
    assert.equal((await alice.call("POST", `/api/v4/plugins/${PUBLISHER}/enable`)).status, 200);
    const enabled = await wsBob.nextEvent((e) => e.event === "plugin_enabled", from.bob);
    assert.equal(enabled.data["manifest"].id, PUBLISHER);
    assert.equal(wsBob.named("plugin_statuses_changed").length, 0);
  });
});
