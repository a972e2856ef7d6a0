import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { RestClient, runningServer } from "./support/running-server.js";

type Reply = Awaited<ReturnType<RestClient["call"]>>;

function assertError(reply: Reply, status: number, id: string): void {
  assert.equal(reply.status, status, JSON.stringify(reply.json));
  assert.equal(reply.json.id, id);
  assert.equal(reply.json.status_code, status);
  assert.deepEqual(Object.keys(reply.json).sort(), ["detailed_error", "id", "message", "request_id", "status_code"]);
}

// The REST v4 routes beyond the basics, over real HTTP, with Mattermost's permission rules:
// users, statuses, teams and members, channels and DMs, posts (edit/delete/thread/paging),
// reactions, preferences, personal access tokens and bots.
describe("REST v4: users, teams, channels, posts, reactions, preferences, tokens", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const admin = new RestClient("");
  const bob = new RestClient("");
  const eve = new RestClient("");
  const id: Record<string, string> = {};
  let teamId = "";
  let channelId = "";
  let secretId = "";

  before(async () => {
    server = await runningServer([]);
    for (const [name, client] of [["admin", admin], ["bob", bob], ["eve", eve]] as const) {
      Object.assign(client, { baseUrl: server.url });
      id[name] = (await client.signUp(name)).id;
    }
    teamId = (await admin.call("POST", "/api/v4/teams", { name: "acme", display_name: "Acme", type: "O" })).json.id;
    await admin.call("POST", `/api/v4/teams/${teamId}/members`, { team_id: teamId, user_id: id["bob"] });
    channelId = (await admin.call("POST", "/api/v4/channels", { team_id: teamId, name: "general", display_name: "General", type: "O" })).json.id;
    await admin.call("POST", `/api/v4/channels/${channelId}/members`, { user_id: id["bob"] });
    secretId = (await admin.call("POST", "/api/v4/channels", { team_id: teamId, name: "secret", display_name: "Secret", type: "P" })).json.id;
  });
  after(() => server.close());

  test("users: by email, list, ids, patch own profile only, with sign-up's rules", async () => {
    assert.equal((await bob.call("GET", "/api/v4/users/email/EVE@example.com")).json.id, id["eve"]);
    assert.equal((await bob.call("GET", "/api/v4/users/me")).json.id, id["bob"]);
    const inTeam = (await bob.call("GET", `/api/v4/users?in_team=${teamId}&page=0&per_page=10`)).json.map((u: { username: string }) => u.username);
    assert.deepEqual(inTeam, ["admin", "bob"]);
    assert.deepEqual((await bob.call("POST", "/api/v4/users/ids", [id["eve"], id["bob"]])).json.map((u: { username: string }) => u.username), ["bob", "eve"]);
    const patched = await bob.call("PUT", "/api/v4/users/me/patch", { nickname: "Bobby", props: { pronouns: "he" } });
    assert.equal(patched.status, 200, JSON.stringify(patched.json));
    assert.equal(patched.json.nickname, "Bobby");
    assert.deepEqual(patched.json.props, { pronouns: "he" });
    assertError(await bob.call("PUT", `/api/v4/users/${id["eve"]}/patch`, { nickname: "hacked" }), 403, "api.context.permissions.app_error");
    assertError(await bob.call("PUT", "/api/v4/users/me/patch", { email: "not-an-email" }), 400, "model.user.is_valid.email.app_error");
    assertError(await bob.call("PUT", "/api/v4/users/me/patch", { username: "eve" }), 409, "app.user.save.username_exists.app_error");
    assert.equal((await admin.call("PUT", `/api/v4/users/${id["eve"]}/patch`, { position: "Auditor" })).json.position, "Auditor");
    assert.equal((await bob.call("GET", "/api/v4/users/me")).json.nickname, "Bobby");
  });

  test("statuses: offline by default, set by the user (dnd is manual), not by others", async () => {
    assert.deepEqual((await bob.call("GET", `/api/v4/users/${id["eve"]}/status`)).json, { user_id: id["eve"], status: "offline", manual: false, last_activity_at: 0, dnd_end_time: 0 });
    const set = await bob.call("PUT", "/api/v4/users/me/status", { user_id: id["bob"], status: "dnd" });
    assert.equal(set.json.status, "dnd");
    assert.equal(set.json.manual, true);
    assert.deepEqual((await eve.call("POST", "/api/v4/users/status/ids", [id["bob"]])).json.map((s: { status: string }) => s.status), ["dnd"]);
    assertError(await bob.call("PUT", `/api/v4/users/${id["eve"]}/status`, { user_id: id["eve"], status: "away" }), 403, "api.context.permissions.app_error");
    assertError(await bob.call("PUT", "/api/v4/users/me/status", { user_id: id["bob"], status: "sleepy" }), 400, "model.status.is_valid.status.app_error");
  });

  test("teams: listing, by name, members with paging, and leaving takes the user out of its channels", async () => {
    const invite = (await admin.call("POST", "/api/v4/teams", { name: "board", display_name: "Board", type: "I" })).json.id;
    assert.deepEqual((await eve.call("GET", "/api/v4/teams")).json.map((t: { name: string }) => t.name), ["acme"]);
    assert.deepEqual((await admin.call("GET", "/api/v4/teams")).json.map((t: { name: string }) => t.name), ["acme", "board"]);
    assert.equal((await bob.call("GET", "/api/v4/teams/name/acme")).json.id, teamId);
    assertError(await eve.call("GET", `/api/v4/teams/${invite}`), 403, "api.context.permissions.app_error");
    assert.deepEqual((await bob.call("GET", "/api/v4/users/me/teams")).json.map((t: { id: string }) => t.id), [teamId]);
    const page0 = (await bob.call("GET", `/api/v4/teams/${teamId}/members?page=0&per_page=1`)).json;
    const page1 = (await bob.call("GET", `/api/v4/teams/${teamId}/members?page=1&per_page=1`)).json;
    assert.equal(page0.length + page1.length, 2);
    assert.notEqual(page0[0].user_id, page1[0].user_id);
    assert.equal((await bob.call("GET", `/api/v4/teams/${teamId}/members/me`)).json.user_id, id["bob"]);

    await eve.call("POST", `/api/v4/teams/${teamId}/members`, { team_id: teamId, user_id: id["eve"] });
    await eve.call("POST", `/api/v4/channels/${channelId}/members`, { user_id: id["eve"] });
    assertError(await bob.call("DELETE", `/api/v4/teams/${teamId}/members/${id["eve"]}`), 403, "api.context.permissions.app_error");
    assert.deepEqual((await eve.call("DELETE", `/api/v4/teams/${teamId}/members/me`)).json, { status: "OK" });
    assertError(await eve.call("GET", `/api/v4/channels/${channelId}/posts`), 403, "api.context.permissions.app_error");
    assert.equal((await eve.call("GET", "/api/v4/users/me/teams")).json.length, 0);
  });

  test("channels: public list, by name, members, removal, and direct messages", async () => {
    assert.deepEqual((await bob.call("GET", `/api/v4/teams/${teamId}/channels`)).json.map((c: { name: string }) => c.name), ["general"]);
    assert.equal((await bob.call("GET", `/api/v4/teams/${teamId}/channels/name/general`)).json.id, channelId);
    assertError(await bob.call("GET", `/api/v4/teams/${teamId}/channels/name/secret`), 403, "api.context.permissions.app_error");
    assertError(await eve.call("GET", `/api/v4/teams/${teamId}/channels`), 403, "api.context.permissions.app_error");
    const members = (await bob.call("GET", `/api/v4/channels/${channelId}/members`)).json.map((m: { user_id: string }) => m.user_id).sort();
    assert.deepEqual(members, [id["admin"], id["bob"]].sort());

    const dm = await bob.call("POST", "/api/v4/channels/direct", [id["bob"], id["eve"]]);
    assert.equal(dm.status, 201);
    assert.equal(dm.json.type, "D");
    assert.equal(dm.json.team_id, "");
    assert.equal(dm.json.name, [id["bob"], id["eve"]].sort().join("__"));
    assert.equal((await eve.call("POST", "/api/v4/channels/direct", [id["eve"], id["bob"]])).json.id, dm.json.id);
    assertError(await bob.call("POST", "/api/v4/channels/direct", [id["admin"], id["eve"]]), 403, "api.context.permissions.app_error");
    assertError(await bob.call("POST", "/api/v4/channels/direct", [id["bob"]]), 400, "api.channel.create_direct_channel.invalid_user.app_error");
    assertError(await bob.call("POST", "/api/v4/channels/direct", [id["bob"], "x"]), 400, "api.context.invalid_body_param.app_error");
    assert.equal((await eve.call("POST", "/api/v4/posts", { channel_id: dm.json.id, message: "psst" })).status, 201);
    assertError(await admin.call("GET", `/api/v4/channels/${dm.json.id}/posts`), 403, "api.context.permissions.app_error");
    assertError(await bob.call("DELETE", `/api/v4/channels/${dm.json.id}/members/me`), 400, "api.channel.remove_member.direct.app_error");
    const mine = (await bob.call("GET", `/api/v4/users/me/teams/${teamId}/channels`)).json.map((c: { id: string }) => c.id);
    assert.ok(mine.includes(channelId) && mine.includes(dm.json.id) && !mine.includes(secretId));

    const temp = (await admin.call("POST", "/api/v4/channels", { team_id: teamId, name: "temp", display_name: "Temp", type: "O" })).json.id;
    await admin.call("POST", `/api/v4/channels/${temp}/members`, { user_id: id["bob"] });
    assert.equal((await bob.call("DELETE", `/api/v4/channels/${temp}/members/me`)).status, 200);
    assertError(await bob.call("GET", `/api/v4/channels/${temp}/members/me`), 404, "app.channel.get_member.missing.app_error");
  });

  test("posts: only the author (or an admin) edits or deletes; threads; before/after/since paging", async () => {
    const root = (await bob.call("POST", "/api/v4/posts", { channel_id: channelId, message: "v1" })).json;
    const edited = await bob.call("PUT", `/api/v4/posts/${root.id}/patch`, { message: "v2", is_pinned: true });
    assert.equal(edited.status, 200);
    assert.equal(edited.json.message, "v2");
    assert.equal(edited.json.is_pinned, true);
    assert.ok(edited.json.edit_at > 0);
    assert.equal((await bob.call("PUT", `/api/v4/posts/${root.id}`, { id: root.id, message: "v3", channel_id: channelId })).json.message, "v3");
    const adminPost = (await admin.call("POST", "/api/v4/posts", { channel_id: channelId, message: "admin's" })).json;
    assertError(await bob.call("PUT", `/api/v4/posts/${adminPost.id}/patch`, { message: "mine now" }), 403, "api.context.permissions.app_error");
    assertError(await bob.call("DELETE", `/api/v4/posts/${adminPost.id}`), 403, "api.context.permissions.app_error");
    assert.equal((await admin.call("PUT", `/api/v4/posts/${root.id}/patch`, { message: "moderated" })).json.message, "moderated");

    const r1 = (await admin.call("POST", "/api/v4/posts", { channel_id: channelId, message: "r1", root_id: root.id })).json;
    const r2 = (await bob.call("POST", "/api/v4/posts", { channel_id: channelId, message: "r2", root_id: root.id })).json;
    const thread = (await bob.call("GET", `/api/v4/posts/${r1.id}/thread`)).json;
    assert.deepEqual(thread.order, [r2.id, r1.id, root.id]);
    assert.equal(thread.posts[root.id].reply_count, 2);

    const before = (await bob.call("GET", `/api/v4/channels/${channelId}/posts?before=${r2.id}&per_page=2`)).json;
    assert.deepEqual(before.order, [r1.id, adminPost.id]);
    const afterPosts = (await bob.call("GET", `/api/v4/channels/${channelId}/posts?after=${root.id}&per_page=10`)).json;
    assert.deepEqual(afterPosts.order, [r2.id, r1.id, adminPost.id]);
    const since = (await bob.call("GET", `/api/v4/channels/${channelId}/posts?since=${r1.create_at}`)).json;
    assert.deepEqual(since.order, [r2.id, r1.id], "since: what was created or changed from then on");

    assert.deepEqual((await bob.call("DELETE", `/api/v4/posts/${root.id}`)).json, { status: "OK" });
    for (const gone of [root.id, r1.id, r2.id]) assertError(await bob.call("GET", `/api/v4/posts/${gone}`), 404, "app.post.get.app_error");
    const deleted = (await bob.call("GET", `/api/v4/channels/${channelId}/posts?since=${root.create_at}`)).json;
    assert.ok(deleted.posts[root.id].delete_at > 0, "since includes deleted posts so clients can drop them");
  });

  test("reactions: as yourself, in channels you belong to, with valid emoji names", async () => {
    const post = (await admin.call("POST", "/api/v4/posts", { channel_id: channelId, message: "react to me" })).json;
    const saved = await bob.call("POST", "/api/v4/reactions", { user_id: id["bob"], post_id: post.id, emoji_name: "+1" });
    assert.equal(saved.status, 200);
    assert.equal(saved.json.channel_id, channelId);
    assert.equal((await bob.call("POST", "/api/v4/reactions", { user_id: id["bob"], post_id: post.id, emoji_name: "+1" })).status, 200, "saving twice is fine");
    assertError(await bob.call("POST", "/api/v4/reactions", { user_id: id["admin"], post_id: post.id, emoji_name: "smile" }), 403, "api.reaction.save_reaction.user_id.app_error");
    assertError(await bob.call("POST", "/api/v4/reactions", { user_id: id["bob"], post_id: post.id, emoji_name: "no spaces" }), 400, "model.reaction.is_valid.emoji_name.app_error");
    assertError(await eve.call("POST", "/api/v4/reactions", { user_id: id["eve"], post_id: post.id, emoji_name: "smile" }), 403, "api.context.permissions.app_error");
    assertError(await bob.call("DELETE", `/api/v4/users/${id["admin"]}/posts/${post.id}/reactions/+1`), 403, "api.context.permissions.app_error");
    assert.deepEqual((await admin.call("GET", `/api/v4/posts/${post.id}/reactions`)).json.map((r: { user_id: string }) => r.user_id), [id["bob"]]);
    assert.equal((await bob.call("DELETE", `/api/v4/users/me/posts/${post.id}/reactions/+1`)).status, 200);
    assert.deepEqual((await admin.call("GET", `/api/v4/posts/${post.id}/reactions`)).json, []);
  });

  test("preferences: a batch is all or nothing; only your own", async () => {
    const good = { user_id: id["bob"], category: "theme", name: "color", value: "dark" };
    assert.deepEqual((await bob.call("PUT", "/api/v4/users/me/preferences", [good])).json, { status: "OK" });
    const bad = await bob.call("PUT", "/api/v4/users/me/preferences", [{ ...good, name: "font", value: "mono" }, { ...good, category: "x".repeat(40) }]);
    assertError(bad, 400, "model.preference.is_valid.category.app_error");
    assert.deepEqual((await bob.call("GET", "/api/v4/users/me/preferences")).json, [good], "the valid item of a refused batch is not saved");
    assert.deepEqual((await bob.call("GET", "/api/v4/users/me/preferences/theme/name/color")).json, good);
    assertError(await bob.call("GET", "/api/v4/users/me/preferences/theme/name/missing"), 404, "app.preference.get.app_error");
    assertError(await bob.call("GET", `/api/v4/users/${id["eve"]}/preferences`), 403, "api.context.permissions.app_error");
    assertError(await bob.call("PUT", "/api/v4/users/me/preferences", [{ ...good, user_id: id["eve"] }]), 400, "model.preference.is_valid.id.app_error");
    assert.equal((await bob.call("POST", "/api/v4/users/me/preferences/delete", [good])).status, 200);
    assert.deepEqual((await bob.call("GET", "/api/v4/users/me/preferences/theme")).json, []);
  });

  test("personal access tokens and bot tokens authenticate; revoked ones do not", async () => {
    const token = await bob.call("POST", "/api/v4/users/me/tokens", { description: "scripts" });
    assert.equal(token.status, 200, JSON.stringify(token.json));
    const viaToken = new RestClient(server.url);
    viaToken.token = token.json.token;
    assert.equal((await viaToken.call("GET", "/api/v4/users/me")).json.id, id["bob"]);
    const listed = (await bob.call("GET", "/api/v4/users/me/tokens")).json;
    assert.equal(listed.length, 1);
    assert.equal(listed[0].token, undefined, "secrets are shown once");
    assertError(await eve.call("POST", `/api/v4/users/${id["bob"]}/tokens`, { description: "steal" }), 403, "api.context.permissions.app_error");
    assert.deepEqual((await bob.call("POST", "/api/v4/users/tokens/revoke", { token_id: token.json.id })).json, { status: "OK" });
    assertError(await viaToken.call("GET", "/api/v4/users/me"), 401, "api.context.session_expired.app_error");

    assertError(await bob.call("POST", "/api/v4/bots", { username: "robot" }), 403, "api.context.permissions.app_error");
    const bot = await admin.call("POST", "/api/v4/bots", { username: "robot", display_name: "Robot", description: "beep" });
    assert.equal(bot.status, 201, JSON.stringify(bot.json));
    assert.equal(bot.json.owner_id, id["admin"]);
    const botToken = (await admin.call("POST", `/api/v4/users/${bot.json.user_id}/tokens`, { description: "bot" })).json.token;
    const asBot = new RestClient(server.url);
    asBot.token = botToken;
    const me = (await asBot.call("GET", "/api/v4/users/me")).json;
    assert.equal(me.is_bot, true);
    assert.equal(me.username, "robot");
    assertError(await admin.call("POST", "/api/v4/users/login", { login_id: "robot", password: "whatever-123" }), 401, "api.user.login.bot_login_forbidden.app_error");
  });
});
