import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { eventually, RestClient, runningServer } from "./support/running-server.js";

const PLUGIN = "com.polyplug.test.py-hooks";

// The app fires hooks at Mattermost's points and the host runs them on a real Python plugin that
// records what it received in KV (see fixtures/plugins/py-hooks). Everything goes through REST.
describe("app flows fire the plugin hooks", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const dana = new RestClient("");
  const erin = new RestClient("");
  let danaId = "";
  let erinId = "";
  let teamId = "";
  let channelId = "";
  const recorded = (key: string) => eventually(async () => {
    const value = await server.app.kv.get(PLUGIN, key);
    return value ? (JSON.parse(Buffer.from(value).toString()) as Record<string, any>) : undefined;
  });

  before(async () => {
    server = await runningServer(["packages/server/test/fixtures/plugins/py-hooks"]);
    assert.equal(server.plugins.get(PLUGIN)!.state, PluginState.Running, server.plugins.get(PLUGIN)!.status().error);
    Object.assign(dana, { baseUrl: server.url });
    Object.assign(erin, { baseUrl: server.url });
    danaId = (await dana.signUp("dana")).id;
    erinId = (await erin.signUp("erin")).id;
    teamId = (await dana.call("POST", "/api/v4/teams", { name: "hooks", display_name: "Hooks", type: "O" })).json.id;
    await dana.call("POST", `/api/v4/teams/${teamId}/members`, { team_id: teamId, user_id: erinId });
    channelId = (await dana.call("POST", "/api/v4/channels", { team_id: teamId, name: "town", display_name: "Town", type: "O" })).json.id;
  });
  after(() => server.close());

  test("users: created and logged in", async () => {
    assert.equal((await recorded(`UserHasBeenCreated:${erinId}`)).user.username, "erin");
    assert.equal((await recorded(`UserHasLoggedIn:${erinId}`)).user.username, "erin");
  });

  test("channels and teams: created, joined with the actor", async () => {
    assert.equal((await recorded(`ChannelHasBeenCreated:${channelId}`)).channel.name, "town");
    assert.equal((await recorded(`UserHasJoinedTeam:${teamId}/${erinId}`)).actor.id, danaId);
    await dana.call("POST", `/api/v4/channels/${channelId}/members`, { user_id: erinId });
    const joined = await recorded(`UserHasJoinedChannel:${channelId}/${erinId}`);
    assert.equal(joined.member.user_id, erinId);
    assert.equal(joined.actor.id, danaId);
  });

  test("posts: an edit goes through MessageWillBeUpdated (rewrite, reject), then Has been updated / deleted", async () => {
    const post = (await dana.call("POST", "/api/v4/posts", { channel_id: channelId, message: "hello" })).json;
    const edited = await dana.call("PUT", `/api/v4/posts/${post.id}/patch`, { message: "hi" });
    assert.equal(edited.status, 200, JSON.stringify(edited.json));
    assert.equal(edited.json.message, "hi (edited; was: hello)");
    assert.equal((await recorded(`MessageHasBeenUpdated:${post.id}`)).old_post.message, "hello");

    const frozen = (await dana.call("POST", "/api/v4/posts", { channel_id: channelId, message: "frozen fact" })).json;
    const refused = await dana.call("PUT", `/api/v4/posts/${frozen.id}/patch`, { message: "thawed" });
    assert.equal(refused.status, 400);
    assert.match(refused.json.message, /this post is frozen/);
    assert.equal((await dana.call("GET", `/api/v4/posts/${frozen.id}`)).json.message, "frozen fact");

    assert.equal((await dana.call("DELETE", `/api/v4/posts/${post.id}`)).status, 200);
    assert.equal((await recorded(`MessageHasBeenDeleted:${post.id}`)).post.id, post.id);
  });

  test("reactions: added and removed", async () => {
    const post = (await dana.call("POST", "/api/v4/posts", { channel_id: channelId, message: "react to me" })).json;
    await dana.call("POST", "/api/v4/reactions", { user_id: danaId, post_id: post.id, emoji_name: "tada" });
    assert.equal((await recorded(`ReactionHasBeenAdded:${post.id}`)).reaction.emoji_name, "tada");
    await dana.call("DELETE", `/api/v4/users/${danaId}/posts/${post.id}/reactions/tada`);
    assert.equal((await recorded(`ReactionHasBeenRemoved:${post.id}`)).reaction.emoji_name, "tada");
  });

  test("preferences: changed", async () => {
    await dana.call("PUT", `/api/v4/users/${danaId}/preferences`, [{ user_id: danaId, category: "display_settings", name: "theme", value: "dark" }]);
    const changed = await recorded(`PreferencesHaveChanged:${danaId}`);
    assert.deepEqual(changed.preferences.map((p: { value: string }) => p.value), ["dark"]);
  });

  test("files: FileWillBeUploaded streams the upload through the plugin, which may rewrite or refuse it", async () => {
    const form = new FormData();
    form.append("channel_id", channelId);
    form.append("files", new Blob(["hello file"]), "notes.txt");
    const uploaded = await fetch(`${server.url}/api/v4/files`, { method: "POST", headers: { Authorization: `Bearer ${dana.token}` }, body: form });
    assert.equal(uploaded.status, 201);
    const [info] = ((await uploaded.json()) as { file_infos: Array<{ id: string; name: string; size: number }> }).file_infos;
    assert.equal(info!.name, "checked-notes.txt");
    assert.equal(info!.size, "HELLO FILE".length);
    const content = await fetch(`${server.url}/api/v4/files/${info!.id}`, { headers: { Authorization: `Bearer ${dana.token}` } });
    assert.equal(await content.text(), "HELLO FILE");

    const refused = new FormData();
    refused.append("channel_id", channelId);
    refused.append("files", new Blob(["MZ"]), "setup.exe");
    const response = await fetch(`${server.url}/api/v4/files`, { method: "POST", headers: { Authorization: `Bearer ${dana.token}` }, body: refused });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /py-hooks refuses executables/);
  });
});
