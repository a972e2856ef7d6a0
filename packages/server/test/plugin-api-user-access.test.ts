import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eventually } from "./support/running-server.js";
import { startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { TEST_DIALECT } from "./support/test-database.js";
import { WsClient } from "./support/ws-client.js";

// The Plugin API's preferences, sessions, access tokens and permissions, called by a real Python
// plugin (the py-api probe) over gRPC into the host and the app core, on the suite's database; and
// the WebSocket hooks, fired at the real py-hooks plugin by real WebSocket clients.
const HOOKS = "com.polyplug.test.py-hooks";
const ID = /^[a-z0-9]{26}$/;

describe(`Plugin API: preferences, sessions, access tokens, permissions, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  const ids = { admin: "", alice: "", bob: "", carol: "", team: "", town: "", quiet: "", direct: "" };
  const sockets: WsClient[] = [];

  const db = () => probe.database.database.db;
  const tokenFor = async (userId: string) => (await probe.app.sessions.createSession(userId)).token;
  const connect = async (userId: string) => {
    const ws = await WsClient.connect(probe.server.url, await tokenFor(userId));
    sockets.push(ws);
    await ws.nextEvent((e) => e.event === "hello");
    return ws;
  };
  const whoAmI = (token: string) => fetch(`${probe.server.url}/api/v4/users/me`, { headers: { Authorization: `Bearer ${token}` } });
  const hookRecord = async (key: string) => JSON.parse(Buffer.from(await eventually(() => probe.app.kv.get(HOOKS, key))).toString());

  before(async () => {
    probe = await startApiProbe({ bundles: ["packages/server/test/fixtures/plugins/py-hooks"] });
    for (const name of ["admin", "alice", "bob", "carol"] as const) {
      ids[name] = (await probe.app.users.createUser({ username: name, email: `${name}@example.com`, password: "password-123" })).id;
      await db().updateTable("users").set({ roles: name === "admin" ? "system_user system_admin" : "system_user" }).where("id", "=", ids[name]).execute();
    }
    ids.team = (await probe.app.teams.createTeam({ name: "crew", display_name: "Crew", type: "O" })).id;
    for (const name of ["alice", "bob", "carol"] as const) await probe.app.teams.addMember(ids.team, ids[name]);
    await db().updateTable("team_members").set({ roles: "team_user team_admin" }).where("user_id", "=", ids.alice).where("team_id", "=", ids.team).execute();
    ids.town = (await probe.app.channels.createChannel({ team_id: ids.team, name: "town", display_name: "Town", type: "O" })).id;
    ids.quiet = (await probe.app.channels.createChannel({ team_id: ids.team, name: "quiet", display_name: "Quiet", type: "P" })).id;
    for (const name of ["alice", "bob"] as const) await probe.app.channels.addMember(ids.town, ids[name]);
    ids.direct = (await probe.app.channelMembers.createDirectChannel([ids.alice, ids.bob])).id;
    // py-hooks makes every new member an admin (its Will hooks): set the roles this suite needs.
    await db().updateTable("team_members").set({ roles: "team_user" }).where("user_id", "!=", ids.alice).execute();
    await db().updateTable("channel_members").set({ roles: "channel_user" }).execute();
    await db().updateTable("channel_members").set({ roles: "channel_user channel_admin" }).where("user_id", "=", ids.bob).where("channel_id", "=", ids.town).execute();
  });
  after(async () => {
    for (const ws of sockets) ws.close();
    await probe?.close();
  });

  describe("preferences", () => {
    const pref = (user: string, category: string, name: string, value: string) => ({ user_id: user, category, name, value });

    test("UpdatePreferencesForUser saves the batch, tells the user's clients and fires PreferencesHaveChanged", async () => {
      const ws = await connect(ids.carol);
      const from = ws.events.length;
      const batch = [pref(ids.carol, "display_settings", "use_military_time", "true"), pref(ids.carol, "theme", "default", "{}")];
      assert.equal(await probe.ok("update_preferences_for_user", { user_id: ids.carol, preferences: batch }), null);
      const stored = await probe.app.preferences.getPreferences(ids.carol);
      assert.deepEqual(stored, [batch[0], batch[1]]);
      const changed = await ws.nextEvent((e) => e.event === "preferences_changed", from);
      assert.deepEqual(JSON.parse(changed.data["preferences"]), batch);
      assert.equal(changed.broadcast["user_id"], ids.carol);
      assert.deepEqual((await hookRecord(`PreferencesHaveChanged:${ids.carol}`)).preferences, batch);

      // An update overwrites the value under the same (category, name), through the async client too.
      await probe.ok("update_preferences_for_user", { user_id: ids.carol, preferences: [pref(ids.carol, "display_settings", "use_military_time", "false")] }, true);
      assert.equal((await probe.app.preferences.getPreference(ids.carol, "display_settings", "use_military_time")).value, "false");
    });

    test("GetPreferenceForUser and GetPreferencesForUser read them back (404 when unset)", async () => {
      assert.deepEqual(await probe.ok("get_preference_for_user", { user_id: ids.carol, category: "display_settings", name: "use_military_time" }),
        pref(ids.carol, "display_settings", "use_military_time", "false"));
      const all = await probe.ok("get_preferences_for_user", { user_id: ids.carol }, true);
      assert.deepEqual(all.map((p: any) => `${p.category}/${p.name}=${p.value}`), ["display_settings/use_military_time=false", "theme/default={}"]);
      assert.deepEqual(await probe.ok("get_preferences_for_user", { user_id: ids.bob }), []);
      const missing = await probe.fails("get_preference_for_user", { user_id: ids.carol, category: "display_settings", name: "nope" }, 404);
      assert.equal(missing.id, "app.preference.get.app_error");
      assert.equal((await probe.fails("get_preferences_for_user", { user_id: "not-an-id" }, 400)).id, "api.context.invalid_param.app_error");
    });

    test("bad batches change nothing: another user's preference (403), invalid fields (400), unknown user (404)", async () => {
      const before = await probe.app.preferences.getPreferences(ids.carol);
      const foreign = await probe.fails("update_preferences_for_user", { user_id: ids.carol, preferences: [pref(ids.carol, "a", "b", "1"), pref(ids.bob, "a", "b", "1")] }, 403);
      assert.equal(foreign.id, "api.preference.update_preferences.set_details.app_error");
      const long = await probe.fails("update_preferences_for_user", { user_id: ids.carol, preferences: [pref(ids.carol, "a", "b", "1"), pref(ids.carol, "x".repeat(33), "b", "1")] }, 400);
      assert.equal(long.id, "model.preference.is_valid.category.app_error");
      const tooBig = await probe.fails("update_preferences_for_user", { user_id: ids.carol, preferences: [pref(ids.carol, "a", "b", "v".repeat(2001))] }, 400);
      assert.equal(tooBig.id, "model.preference.is_valid.value.app_error");
      assert.deepEqual(await probe.app.preferences.getPreferences(ids.carol), before);
      const ghost = "a".repeat(26);
      assert.equal((await probe.fails("update_preferences_for_user", { user_id: ghost, preferences: [pref(ghost, "a", "b", "1")] }, 404)).id, "app.user.missing_account.const");
    });

    test("DeletePreferencesForUser removes the named preferences and tells the user's clients", async () => {
      const ws = await connect(ids.carol);
      const from = ws.events.length;
      const gone = pref(ids.carol, "theme", "default", "");
      assert.equal((await probe.fails("delete_preferences_for_user", { user_id: ids.bob, preferences: [gone] }, 403)).id, "api.preference.delete_preferences.user_id.app_error");
      await probe.ok("delete_preferences_for_user", { user_id: ids.carol, preferences: [gone, pref(ids.carol, "never", "set", "")] });
      assert.deepEqual((await probe.app.preferences.getPreferences(ids.carol)).map((p) => p.category), ["display_settings"]);
      const deleted = await ws.nextEvent((e) => e.event === "preferences_deleted", from);
      assert.deepEqual(JSON.parse(deleted.data["preferences"]).map((p: any) => p.name), ["default", "set"]);
    });
  });

  describe("sessions", () => {
    let created: any;

    test("CreateSession stores the caller's user, roles, expiry, device and props; the server picks id, token and times", async () => {
      const expiresAt = Date.now() + 3_600_000;
      const startedAt = Date.now();
      created = await probe.ok("create_session", {
        session: { user_id: ids.bob, roles: "system_user", expires_at: expiresAt, device_id: "android:abc", is_oauth: true, props: { plugin: "yes" }, token: "ignored-token-aaaaaaaaaaaa" },
      });
      assert.match(created.id, ID);
      assert.match(created.token, ID);
      assert.notEqual(created.token, "ignored-token-aaaaaaaaaaaa");
      assert.equal(created.user_id, ids.bob);
      assert.equal(created.roles, "system_user");
      assert.equal(created.expires_at, expiresAt);
      assert.equal(created.device_id, "android:abc");
      assert.equal(created.is_oauth, true);
      assert.equal(created.expired_notify, false);
      assert.deepEqual(created.props, { plugin: "yes" });
      assert.ok(created.create_at >= startedAt && created.last_activity_at === created.create_at);
      // The token is a working bearer token for that user.
      const me = await whoAmI(created.token);
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { id: string }).id, ids.bob);
    });

    test("GetSession reads a session by id, token included; 400 app.session.get.app_error when unknown", async () => {
      const got = await probe.ok("get_session", { session_id: created.id }, true);
      assert.deepEqual(got, created);
      const unknown = await probe.fails("get_session", { session_id: "b".repeat(26) }, 400);
      assert.equal(unknown.id, "app.session.get.app_error");
      await probe.fails("get_session", { session_id: "" }, 400);
    });

    test("CreateSession refuses a preset id, a bad or unknown user, over-long roles, a negative expiry", async () => {
      assert.equal((await probe.fails("create_session", { session: { id: "c".repeat(26), user_id: ids.bob } }, 400)).id, "app.session.save.existing.app_error");
      assert.equal((await probe.fails("create_session", { session: { user_id: "nobody" } }, 400)).id, "model.session.is_valid.user_id.app_error");
      assert.equal((await probe.fails("create_session", { session: { user_id: "d".repeat(26) } }, 404)).id, "app.user.missing_account.const");
      assert.equal((await probe.fails("create_session", { session: { user_id: ids.bob, roles: "r".repeat(257) } }, 400)).id, "model.session.is_valid.roles_limit.app_error");
      assert.equal((await probe.fails("create_session", { session: { user_id: ids.bob, expires_at: -5 } }, 400)).id, "api.context.invalid_param.app_error");
      assert.equal((await probe.fails("create_session", { session: null }, 400)).id, "model.session.is_valid.user_id.app_error");
    });

    test("ExtendSessionExpiry moves expires_at; a time in the past ends the session", async () => {
      const later = Date.now() + 7 * 86_400_000;
      assert.equal(await probe.ok("extend_session_expiry", { session_id: created.id, new_expiry: later }), null);
      const row = await db().selectFrom("sessions").select("expires_at").where("id", "=", created.id).executeTakeFirstOrThrow();
      assert.equal(Number(row.expires_at), later);
      assert.equal((await probe.ok("get_session", { session_id: created.id })).expires_at, later);

      const other = await probe.ok("create_session", { session: { user_id: ids.bob, roles: "system_user" } });
      assert.equal(other.expires_at, 0);
      await probe.ok("extend_session_expiry", { session_id: other.id, new_expiry: Date.now() - 1000 }, true);
      assert.equal((await whoAmI(other.token)).status, 401);

      assert.equal((await probe.fails("extend_session_expiry", { session_id: "e".repeat(26), new_expiry: later }, 400)).id, "app.session.get.app_error");
      assert.equal((await probe.fails("extend_session_expiry", { session_id: created.id, new_expiry: -1 }, 400)).id, "api.context.invalid_param.app_error");
    });

    test("RevokeSession deletes the session: its token stops working and it cannot be read", async () => {
      assert.equal(await probe.ok("revoke_session", { session_id: created.id }), null);
      assert.equal((await whoAmI(created.token)).status, 401);
      assert.equal(await db().selectFrom("sessions").select("id").where("id", "=", created.id).executeTakeFirst(), undefined);
      assert.equal((await probe.fails("get_session", { session_id: created.id }, 400)).id, "app.session.get.app_error");
      assert.equal((await probe.fails("revoke_session", { session_id: created.id }, 400, true)).id, "app.session.get.app_error");
    });
  });

  describe("personal access tokens", () => {
    test("CreateUserAccessToken returns the secret once; it authenticates; listings omit it", async () => {
      const token = await probe.ok("create_user_access_token", { token: { user_id: ids.carol, description: "ci bot" } });
      assert.match(token.id, ID);
      assert.match(token.token, ID);
      assert.equal(token.user_id, ids.carol);
      assert.equal(token.description, "ci bot");
      assert.equal(token.is_active, true);
      assert.equal(token.expires_at, 0);
      const me = await whoAmI(token.token);
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { id: string }).id, ids.carol);
      const listed = await probe.app.accessTokens.getTokensForUser(ids.carol);
      assert.deepEqual(listed, [{ id: token.id, user_id: ids.carol, description: "ci bot", is_active: true, expires_at: 0 }]);

      // RevokeUserAccessToken deletes the token and the session it opened.
      assert.equal(await probe.ok("revoke_user_access_token", { token_id: token.id }, true), null);
      assert.equal((await whoAmI(token.token)).status, 401);
      assert.deepEqual(await probe.app.accessTokens.getTokensForUser(ids.carol), []);
      assert.equal(await db().selectFrom("sessions").select("id").where("token", "=", token.token).executeTakeFirst(), undefined);
      assert.equal((await probe.fails("revoke_user_access_token", { token_id: token.id }, 404)).id, "app.user_access_token.get.app_error");
      assert.equal((await probe.fails("revoke_user_access_token", { token_id: "bad" }, 400)).id, "api.context.invalid_param.app_error");
    });

    test("an expiry and an empty description are kept, as Mattermost's model allows", async () => {
      const expiresAt = Date.now() + 86_400_000;
      const token = await probe.ok("create_user_access_token", { token: { user_id: ids.bob, description: "", expires_at: expiresAt } }, true);
      assert.equal(token.description, "");
      assert.equal(token.expires_at, expiresAt);
      assert.equal((await probe.app.accessTokens.getToken(token.id)).expires_at, expiresAt);
    });

    test("CreateUserAccessToken refuses unknown users, long descriptions, negative expiries", async () => {
      assert.equal((await probe.fails("create_user_access_token", { token: { user_id: "f".repeat(26), description: "x" } }, 404)).id, "app.user.missing_account.const");
      assert.equal((await probe.fails("create_user_access_token", { token: { user_id: "nope", description: "x" } }, 400)).id, "api.context.invalid_param.app_error");
      assert.equal((await probe.fails("create_user_access_token", { token: { user_id: ids.bob, description: "d".repeat(256) } }, 400)).id, "model.user_access_token.is_valid.description.app_error");
      assert.equal((await probe.fails("create_user_access_token", { token: { user_id: ids.bob, description: "x", expires_at: -1 } }, 400)).id, "model.user_access_token.is_valid.expires_at.app_error");
      assert.equal((await probe.app.accessTokens.getTokensForUser(ids.bob)).length, 1);
    });
  });

  describe("permissions", () => {
    const perm = (id: string) => ({ id });

    test("RolesGrantPermission reads the built-in roles table", async () => {
      const grants = (roleNames: string[], permissionId: string, viaAsync = false) => probe.ok("roles_grant_permission", { role_names: roleNames, permission_id: permissionId }, viaAsync);
      assert.equal(await grants(["system_user"], "create_team"), true);
      assert.equal(await grants(["system_user"], "manage_system"), false);
      assert.equal(await grants(["system_admin"], "manage_system", true), true);
      assert.equal(await grants(["system_admin"], "create_post"), true, "system admins hold every permission");
      assert.equal(await grants(["team_user", "channel_user"], "create_post"), true);
      assert.equal(await grants(["team_user"], "create_post"), false);
      assert.equal(await grants(["channel_guest"], "delete_post"), false);
      assert.equal(await grants(["system_user_access_token"], "create_user_access_token"), true);
      assert.equal(await grants(["no_such_role"], "create_team"), false);
      assert.equal(await grants(["system_user", "Not A Role"], "create_team"), false, "an ill-formed name fails the lookup");
      assert.equal(await grants([], "create_team"), false);
      // A deleted role grants nothing.
      await db().updateTable("roles").set({ delete_at: 1 }).where("name", "=", "team_post_all").execute();
      assert.equal(await grants(["team_post_all"], "create_post"), false);
      await db().updateTable("roles").set({ delete_at: 0 }).where("name", "=", "team_post_all").execute();
      assert.equal(await grants(["team_post_all"], "create_post"), true);
    });

    test("HasPermissionTo asks the user's system roles", async () => {
      const has = (userId: string, id: string, viaAsync = false) => probe.ok("has_permission_to", { user_id: userId, permission: perm(id) }, viaAsync);
      assert.equal(await has(ids.admin, "manage_system"), true);
      assert.equal(await has(ids.alice, "manage_system", true), false);
      assert.equal(await has(ids.alice, "create_team"), true);
      assert.equal(await has(ids.alice, "create_post"), false, "posting is a channel permission");
      assert.equal(await has("a".repeat(26), "create_team"), false);
      assert.equal((await probe.fails("has_permission_to", { user_id: ids.alice, permission: null }, 400)).id, "api.context.invalid_param.app_error");
    });

    test("HasPermissionToTeam asks the member's team roles, then the system roles", async () => {
      const has = (userId: string, id: string, teamId = ids.team) => probe.ok("has_permission_to_team", { user_id: userId, team_id: teamId, permission: perm(id) });
      assert.equal(await has(ids.bob, "create_public_channel"), true);
      assert.equal(await has(ids.bob, "manage_team"), false);
      assert.equal(await has(ids.alice, "manage_team"), true, "alice is a team admin");
      assert.equal(await has(ids.admin, "manage_team"), true, "system admin, not a member");
      assert.equal(await has(ids.admin, "create_public_channel", "a".repeat(26)), true, "unknown team: system roles only");
      assert.equal(await has(ids.bob, "create_public_channel", "a".repeat(26)), false);
      assert.equal(await has(ids.bob, "create_team"), true, "falls back to system roles");
      // A member who left the team keeps nothing from it.
      await db().updateTable("team_members").set({ delete_at: Date.now() }).where("user_id", "=", ids.carol).where("team_id", "=", ids.team).execute();
      assert.equal(await has(ids.carol, "create_public_channel"), false);
      await db().updateTable("team_members").set({ delete_at: 0 }).where("user_id", "=", ids.carol).where("team_id", "=", ids.team).execute();
      assert.equal(await has(ids.carol, "create_public_channel"), true);
      assert.equal((await probe.fails("has_permission_to_team", { user_id: ids.bob, team_id: ids.team, permission: { id: "" } }, 400)).id, "api.context.invalid_param.app_error");
    });

    test("HasPermissionToChannel asks the channel roles, then the team's, then the system's", async () => {
      const has = (userId: string, channelId: string, id: string, viaAsync = false) => probe.ok("has_permission_to_channel", { user_id: userId, channel_id: channelId, permission: perm(id) }, viaAsync);
      assert.equal(await has(ids.alice, ids.town, "create_post"), true);
      assert.equal(await has(ids.carol, ids.town, "create_post"), false, "carol is not in the channel");
      assert.equal(await has(ids.carol, ids.town, "create_public_channel", true), true, "a team permission, through her team roles");
      assert.equal(await has(ids.bob, ids.town, "manage_channel_roles"), true, "bob is a channel admin");
      assert.equal(await has(ids.alice, ids.town, "manage_channel_roles"), true, "alice is a team admin");
      assert.equal(await has(ids.carol, ids.town, "manage_channel_roles"), false);
      assert.equal(await has(ids.bob, ids.quiet, "read_channel"), false);
      assert.equal(await has(ids.admin, ids.quiet, "read_channel"), true);
      assert.equal(await has(ids.alice, ids.direct, "create_post"), true, "a member of the direct channel");
      assert.equal(await has(ids.carol, ids.direct, "create_post"), false, "direct channels have no team to fall back on");
      assert.equal(await has(ids.admin, ids.direct, "create_post"), true);
      assert.equal(await has(ids.admin, "a".repeat(26), "read_channel"), true, "unknown channel: system roles only");
      assert.equal(await has(ids.bob, "a".repeat(26), "read_channel"), false);
    });
  });

  describe("PublishUserTyping", () => {
    test("sends Mattermost's typing event to the channel's other members", async () => {
      const [wsAlice, wsBob, wsCarol] = [await connect(ids.alice), await connect(ids.bob), await connect(ids.carol)];
      const marks = [wsAlice, wsBob, wsCarol].map((ws) => ws.events.length);
      const parentId = "p".repeat(26);
      assert.equal(await probe.ok("publish_user_typing", { user_id: ids.alice, channel_id: ids.town, parent_id: parentId }), null);
      const typing = await wsBob.nextEvent((e) => e.event === "typing", marks[1]);
      assert.deepEqual(typing.data, { parent_id: parentId, user_id: ids.alice });
      assert.equal(typing.broadcast["channel_id"], ids.town);
      assert.deepEqual(typing.broadcast["omit_users"], { [ids.alice]: true });
      await probe.ok("publish_user_typing", { user_id: ids.bob, channel_id: ids.town, parent_id: "" }, true);
      const second = await wsAlice.nextEvent((e) => e.event === "typing", marks[0]);
      assert.deepEqual(second.data, { parent_id: "", user_id: ids.bob });
      // The typist never gets their own event; non-members get none.
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(wsAlice.events.slice(marks[0]).filter((e) => e.event === "typing").map((e) => e.data["user_id"]), [ids.bob]);
      assert.equal(wsCarol.events.slice(marks[2]).filter((e) => e.event === "typing").length, 0);
    });

    test("refuses ill-formed ids", async () => {
      assert.equal((await probe.fails("publish_user_typing", { user_id: ids.alice, channel_id: "town", parent_id: "" }, 400)).id, "api.context.invalid_param.app_error");
      assert.equal((await probe.fails("publish_user_typing", { user_id: "", channel_id: ids.town, parent_id: "" }, 400)).id, "api.context.invalid_param.app_error");
      assert.equal((await probe.fails("publish_user_typing", { user_id: ids.alice, channel_id: ids.town, parent_id: "x" }, 400)).id, "api.context.invalid_param.app_error");
    });
  });

  describe("WebSocket hooks", () => {
    test("OnWebSocketConnect, WebSocketMessageHasBeenPosted and OnWebSocketDisconnect reach the plugin", async () => {
      const ws = await connect(ids.bob);
      const connectionId = ws.events[0]!.data["connection_id"] as string;
      assert.deepEqual(await hookRecord(`OnWebSocketConnect:${connectionId}`), { user_id: ids.bob });

      const answer = await ws.request("user_typing", { channel_id: ids.town, parent_id: "" });
      assert.equal(answer.status, "OK");
      const posted = await hookRecord(`WebSocketMessageHasBeenPosted:${connectionId}`);
      assert.equal(posted.user_id, ids.bob);
      assert.deepEqual(posted.request, { seq: answer.seq_reply, action: "user_typing", data: { channel_id: ids.town, parent_id: "" } });

      ws.close();
      assert.deepEqual(await hookRecord(`OnWebSocketDisconnect:${connectionId}`), { user_id: ids.bob });
    });

    test("a connection that authenticates by challenge fires OnWebSocketConnect then; one that never does fires nothing", async () => {
      const ws = await WsClient.connect(probe.server.url);
      sockets.push(ws);
      const refused = await ws.request("ping");
      assert.equal(refused.status, "FAIL");
      await ws.request("authentication_challenge", { token: await tokenFor(ids.carol) });
      const hello = await ws.nextEvent((e) => e.event === "hello");
      const connectionId = hello.data["connection_id"] as string;
      assert.deepEqual(await hookRecord(`OnWebSocketConnect:${connectionId}`), { user_id: ids.carol });
      const challenge = await hookRecord(`WebSocketMessageHasBeenPosted:${connectionId}`);
      assert.equal(challenge.request.action, "authentication_challenge");

      const anonymous = await WsClient.connect(probe.server.url);
      await anonymous.request("ping");
      anonymous.close();
      await anonymous.waitFor(() => (anonymous.closed ? true : undefined));
      // The plugin's records are keyed by connection id: none can belong to the anonymous socket,
      // so count them instead — only the connections opened above have any.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const keys = await probe.app.kv.list(HOOKS, 0, 1000);
      const connects = keys.filter((k: string) => k.startsWith("OnWebSocketConnect:"));
      assert.equal(connects.length, sockets.length);
    });
  });
});
