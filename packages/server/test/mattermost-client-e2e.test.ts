import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import mattermostClient from "@mattermost/client";
import WebSocket from "ws";
import { PluginState } from "@polyplug/host";
import { eventually, runningServer } from "./support/running-server.js";
import { bundleFromDir } from "./support/tar-gz.js";

// The official client drives the server as a user would. It expects the browser's WebSocket
// global, which Node 20 lacks; `ws` is API-compatible for what the client uses.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
// The package is CommonJS with getter exports, which Node's ESM named-export detection misses.
const { Client4, ClientError, WebSocketClient } = mattermostClient;
type WebSocketClient = InstanceType<typeof WebSocketClient>;

const here = path.dirname(fileURLToPath(import.meta.url));
const HELLO = "com.polyplug.hello-python";
const ECHO = "com.polyplug.test.echo";
const PASSWORD = "correct-horse-1";

interface Message {
  event: string;
  data: Record<string, any>;
  broadcast: Record<string, any>;
  seq: number;
}

/** The official WebSocketClient, recording every event it hands to listeners. */
function listen(url: string, token: string): { ws: WebSocketClient; events: Message[]; next(match: (m: Message) => boolean): Promise<Message> } {
  const ws = new WebSocketClient({ newWebSocketFn: (u: string) => new WebSocket(u) as unknown as globalThis.WebSocket, minWebSocketRetryTime: 60_000 });
  const events: Message[] = [];
  ws.addMessageListener((msg) => events.push(msg as unknown as Message));
  ws.initialize(`${url.replace(/^http/, "ws")}/api/v4/websocket`, token);
  return { ws, events, next: (match) => eventually(() => events.find(match), 10_000) };
}

describe("@mattermost/client (Client4 + WebSocketClient) against the server", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const admin = new Client4();
  const bob = new Client4();
  let adminId = "";
  let bobId = "";
  let teamId = "";
  let channelId = "";
  let bobSocket: ReturnType<typeof listen>;
  const quiet = console.log;

  before(async () => {
    console.log = () => {}; // the client logs every connection step
    server = await runningServer(["examples/hello_python"], { PluginSettings: { EnableUploads: true } });
    for (const client of [admin, bob]) client.setUrl(server.url);
    adminId = (await admin.createUser({ username: "admin", email: "admin@example.com", password: PASSWORD } as never, "", "")).id;
    bobId = (await bob.createUser({ username: "bob", email: "bob@example.com", password: PASSWORD } as never, "", "")).id;
    await admin.login("admin", PASSWORD);
    await bob.login("bob@example.com", PASSWORD);
  });
  after(async () => {
    bobSocket?.ws.close();
    await server.close();
    console.log = quiet;
  });

  test("log in, create a team and a channel, add a member; the member's socket is greeted and sees the post", async () => {
    assert.equal((await admin.getMe()).id, adminId);
    assert.ok(admin.getToken().length > 0);
    teamId = (await admin.createTeam({ name: "garden", display_name: "Garden", type: "O" } as never)).id;
    await admin.addToTeam(teamId, bobId);
    channelId = (await admin.createChannel({ team_id: teamId, name: "beds", display_name: "Beds", type: "P" } as never)).id;
    await admin.addToChannel(bobId, channelId);
    assert.deepEqual((await bob.getMyTeams()).map((t) => t.id), [teamId]);

    bobSocket = listen(server.url, bob.getToken());
    const hello = await bobSocket.next((m) => m.event === "hello");
    assert.equal(hello.broadcast["user_id"], bobId);

    const post = await admin.createPost({ channel_id: channelId, message: "tomatoes are ripe" } as never);
    const posted = await bobSocket.next((m) => m.event === "posted");
    assert.equal(JSON.parse(posted.data["post"]).id, post.id);
    assert.equal(posted.data["sender_name"], "@admin");
    const list = await bob.getPosts(channelId, 0, 30);
    assert.deepEqual(list.order, [post.id]);
  });

  test("a plugin rejects a post: ClientError with Mattermost's fields, nothing stored", async () => {
    await assert.rejects(bob.createPost({ channel_id: channelId, message: "no BADWORD here" } as never), (error: unknown) => {
      assert.ok(error instanceof ClientError);
      assert.equal(error.status_code, 400);
      assert.equal(error.server_error_id, "plugin.message_will_be_posted.reject");
      assert.equal(error.message, "Post rejected by plugin. Message blocked: contains a forbidden word");
      return true;
    });
    const list = await bob.getPosts(channelId, 0, 30);
    assert.ok(Object.values(list.posts).every((p) => !p.message.includes("BADWORD")));
  });

  test("a plugin's slash command runs through ExecuteCommand, and is listed for autocomplete", async () => {
    const response = await bob.executeCommand("/hello", { channel_id: channelId, team_id: teamId } as never);
    assert.equal(response.text, "Hello, bob!");
    assert.equal(response.response_type, "ephemeral");
    const commands = await bob.getAutocompleteCommandsList(teamId);
    assert.ok(commands.some((c) => c.trigger === "hello" && c.auto_complete_hint === "[name]"));
    const suggestions = await bob.getCommandAutocompleteSuggestionsList("/he", teamId, { channel_id: channelId } as never);
    assert.deepEqual(suggestions.map((s) => s.Suggestion), ["/hello"]);
  });

  test("edit, react, reply, delete — each seen by the member's socket", async () => {
    const root = await admin.createPost({ channel_id: channelId, message: "lettuce" } as never);
    await admin.patchPost({ id: root.id, message: "lettuce and kale" } as never);
    assert.equal(JSON.parse((await bobSocket.next((m) => m.event === "post_edited")).data["post"]).message, "lettuce and kale");
    await bob.addReaction(bobId, root.id, "seedling");
    assert.deepEqual((await admin.getReactionsForPost(root.id)).map((r) => r.emoji_name), ["seedling"]);
    await bobSocket.next((m) => m.event === "reaction_added");
    const reply = await bob.createPost({ channel_id: channelId, message: "yum", root_id: root.id } as never);
    const thread = await admin.getPostThread(root.id);
    assert.deepEqual(thread.order, [reply.id, root.id]);
    await admin.deletePost(root.id);
    assert.equal(JSON.parse((await bobSocket.next((m) => m.event === "post_deleted")).data["post"]).id, root.id);
    await assert.rejects(bob.getPost(reply.id), (e: unknown) => e instanceof ClientError && e.status_code === 404);
  });

  test("files, preferences, direct messages and personal access tokens through the client", async () => {
    const form = new FormData();
    form.append("channel_id", channelId);
    form.append("client_ids", "c1");
    form.append("files", new Blob(["seed catalogue"]), "seeds.txt");
    const uploaded = await bob.uploadFile(form);
    assert.deepEqual(uploaded.client_ids, ["c1"]);
    const info = uploaded.file_infos[0]!;
    assert.equal(info.name, "seeds.txt");
    assert.equal(info.size, 14);
    const withFile = await bob.createPost({ channel_id: channelId, message: "see attached", file_ids: [info.id] } as never);
    assert.deepEqual((await admin.getFileInfosForPost(withFile.id)).map((f) => f.id), [info.id]);
    const download = await fetch(`${server.url}/api/v4/files/${info.id}`, { headers: { Authorization: `Bearer ${admin.getToken()}` } });
    assert.equal(await download.text(), "seed catalogue");

    await bob.savePreferences(bobId, [{ user_id: bobId, category: "display_settings", name: "use_military_time", value: "true" }]);
    assert.deepEqual(await bob.getMyPreferences(), [{ user_id: bobId, category: "display_settings", name: "use_military_time", value: "true" }]);

    const dm = await bob.createDirectChannel([bobId, adminId]);
    assert.equal(dm.type, "D");
    assert.equal((await admin.createDirectChannel([adminId, bobId])).id, dm.id);

    const pat = await bob.createUserAccessToken(bobId, "ci bot", undefined as never);
    const viaToken = new Client4();
    viaToken.setUrl(server.url);
    viaToken.setToken(pat.token!);
    assert.equal((await viaToken.getMe()).id, bobId);
  });

  test("an admin uploads a plugin bundle and enables it; members get plugin_enabled", async () => {
    const manifest = await admin.uploadPlugin(new Blob([bundleFromDir(path.join(here, "fixtures/plugins/echo"), "echo")]) as unknown as File);
    assert.equal(manifest.id, ECHO);
    let plugins = await admin.getPlugins();
    assert.ok(plugins.inactive.some((m) => m.id === ECHO));
    await admin.enablePlugin(ECHO);
    const enabled = await bobSocket.next((m) => m.event === "plugin_enabled");
    assert.equal(enabled.data["manifest"].id, ECHO);
    const statuses = await admin.getPluginStatuses();
    assert.equal(statuses.find((s) => s.plugin_id === ECHO)?.state, PluginState.Running);
    assert.equal((await fetch(`${server.url}/plugins/${ECHO}/hi`)).status, 200);
    plugins = await admin.getPlugins();
    assert.ok(plugins.active.some((m) => m.id === ECHO) && plugins.active.some((m) => m.id === HELLO));
    await assert.rejects(bob.enablePlugin(ECHO), (e: unknown) => e instanceof ClientError && e.status_code === 403);
  });

  test("logging out ends the session", async () => {
    const token = bob.getToken();
    await bob.logout();
    assert.equal(bob.getToken(), "");
    const stale = new Client4();
    stale.setUrl(server.url);
    stale.setToken(token);
    await assert.rejects(stale.getMe(), (e: unknown) => e instanceof ClientError && e.status_code === 401 && e.server_error_id === "api.context.session_expired.app_error");
  });
});
