import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { eventually } from "./support/running-server.js";
import { TEST_DIALECT } from "./support/test-database.js";
import { createUsersFixture, USERS_PASSWORD } from "./support/users-fixture.js";
import { defaultProfileImage } from "../src/app/default-profile-image.js";
import type { Channel } from "../src/app/models/channel.js";
import type { Team } from "../src/app/models/team.js";
import type { User } from "../src/app/models/user.js";

// The Plugin API's users group (accounts, search, statuses, custom status, profile images), called
// by a real Python plugin (the py-api probe) on the suite's database. py-users-hooks is a second
// real plugin for the hooks these flows fire: UserWillLogIn (REST login) and UserHasBeenDeactivated.
const HOOKS_PLUGIN = "com.polyplug.test.py-users-hooks";
const PASSWORD = USERS_PASSWORD;
const GHOST = "a".repeat(26);
const PNG_SIGNATURE = "89504e470d0a1a0a";

describe(`Plugin API users, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  let admin: User;
  let alice: User;
  let bob: User;
  let team: Team;
  let channel: Channel;
  const db = () => probe.database.database.db;
  const bytes = (answer: { base64: string }) => Buffer.from(answer.base64, "base64");
  const login = (loginId: string, password = PASSWORD) =>
    fetch(`${probe.server.url}/api/v4/users/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ login_id: loginId, password }) });
  const hookRecord = async (key: string) => JSON.parse(Buffer.from(await eventually(() => probe.app.kv.get(HOOKS_PLUGIN, key))).toString());

  before(async () => {
    probe = await startApiProbe({ bundles: ["packages/server/test/fixtures/plugins/py-users-hooks"] });
    ({ admin, alice, bob, team, channel } = await createUsersFixture(probe.app));
  });
  after(async () => {
    await probe?.close();
  });


  describe("accounts", () => {
    test("CreateUser stores a new account with the server's roles; the password is hashed, works for login and never comes back", async () => {
      const created = await probe.ok("create_user", {
        user: { username: "Carol", email: "Carol@Example.com", nickname: "cc", first_name: "Carol", position: "QA", email_verified: true, roles: "system_admin", props: { team: "qa" } },
        password: "carol-secret-1",
      });
      assert.match(created.id, /^[a-z0-9]{26}$/);
      assert.deepEqual([created.username, created.email, created.nickname, created.first_name, created.position, created.email_verified, created.props],
        ["carol", "carol@example.com", "cc", "Carol", "QA", true, { team: "qa" }]);
      assert.equal(created.roles, "system_user", "roles are the server's to give, not the caller's");
      assert.ok(!("password" in created));
      assert.equal(created.notify_props.desktop, "mention", "Mattermost's default notify props");
      const row = await db().selectFrom("users").selectAll().where("id", "=", created.id).executeTakeFirstOrThrow();
      assert.match(row.password_hash, /^scrypt\$/);
      assert.equal((await login("carol", "carol-secret-1")).status, 200);

      const viaAsync = await probe.ok("create_user", { user: { username: "dave", email: "dave@example.com" }, password: "dave-secret-1" }, true);
      assert.equal((await probe.app.users.getUser(viaAsync.id)).username, "dave");
    });

    test("CreateUser: an auth-service account needs no password; duplicates and invalid fields are refused", async () => {
      const sso = await probe.ok("create_user", { user: { username: "sso-user", email: "sso@example.com", auth_service: "gitlab", auth_data: "gl-1" }, password: "" });
      assert.deepEqual([sso.auth_service, sso.auth_data], ["gitlab", "gl-1"]);
      assert.equal((await login("sso-user", "any-password-1")).status, 401, "no password login for an SSO account");

      assert.equal((await probe.fails("create_user", { user: { username: "alice", email: "other@example.com" }, password: PASSWORD }, 409)).id, "app.user.save.username_exists.app_error");
      assert.equal((await probe.fails("create_user", { user: { username: "other", email: "ALICE@example.com" }, password: PASSWORD }, 409)).id, "app.user.save.email_exists.app_error");
      const sameIdentity = await probe.fails("create_user", { user: { username: "sso-twin", email: "twin@example.com", auth_service: "gitlab", auth_data: "gl-1" }, password: "" }, 409);
      assert.equal(sameIdentity.id, "app.user.save.auth_data_exists.app_error", "a duplicate auth_data has its own id, not the generic unique violation");
      assert.equal((await probe.fails("create_user", { user: { username: "nopass", email: "nopass@example.com" }, password: "" }, 400)).id, "model.user.is_valid.pwd_length.app_error");
      assert.equal((await probe.fails("create_user", { user: { username: "1bad", email: "bad@example.com" }, password: PASSWORD }, 400)).id, "model.user.is_valid.username.app_error");
      assert.equal((await probe.fails("create_user", { user: { username: "bademail", email: "not-an-email" }, password: PASSWORD }, 400)).id, "model.user.is_valid.email.app_error");
      assert.equal(await db().selectFrom("users").select("id").where("username", "in", ["other", "nopass", "bademail"]).executeTakeFirst(), undefined);
    });

    test("GetUserByEmail and GetUserByUsername ignore case; 404 when there is none", async () => {
      assert.equal((await probe.ok("get_user_by_email", { email: "ALICE@example.com" })).id, alice.id);
      assert.equal((await probe.ok("get_user_by_username", { name: "Bob" }, true)).id, bob.id);
      assert.equal((await probe.fails("get_user_by_email", { email: "nobody@example.com" }, 404)).id, "app.user.missing_account.const");
      assert.equal((await probe.fails("get_user_by_username", { name: "nobody" }, 404)).id, "app.user.missing_account.const");
    });

    test("GetUsersByIds and GetUsersByUsernames answer the users that exist, by username", async () => {
      const byIds = await probe.ok("get_users_by_ids", { user_ids: [bob.id, GHOST, alice.id] });
      assert.deepEqual(byIds.map((u: any) => u.username), ["alice", "bob"]);
      assert.deepEqual(await probe.ok("get_users_by_ids", { user_ids: [] }), []);
      assert.equal((await probe.fails("get_users_by_ids", { user_ids: [alice.id, "bad id"] }, 400)).id, "api.context.invalid_param.app_error");
      const byNames = await probe.ok("get_users_by_usernames", { usernames: ["BOB", "nobody", "alice"] }, true);
      assert.deepEqual(byNames.map((u: any) => u.id), [alice.id, bob.id]);
    });

    test("UpdateUser replaces the profile fields; roles, delete_at and auth stay; conflicts and unknown users are refused", async () => {
      const current = await probe.ok("get_user", { user_id: bob.id });
      const updated = await probe.ok("update_user", {
        user: { ...current, nickname: "bobby", position: "Builder", email: "Robert@Example.com", props: { shoe: "42" }, roles: "system_admin", delete_at: 5, first_name: "" },
      });
      assert.deepEqual([updated.nickname, updated.position, updated.email, updated.email_verified, updated.props, updated.first_name],
        ["bobby", "Builder", "robert@example.com", false, { shoe: "42" }, ""]);
      assert.deepEqual([updated.roles, updated.delete_at], ["system_user", 0]);
      assert.ok(updated.update_at >= current.update_at);
      const stored = await probe.app.users.getUser(bob.id);
      assert.deepEqual([stored.nickname, stored.email, stored.roles], ["bobby", "robert@example.com", "system_user"]);

      assert.equal((await probe.fails("update_user", { user: { ...current, username: "alice" } }, 409)).id, "app.user.save.username_exists.app_error");
      assert.equal((await probe.fails("update_user", { user: { ...current, username: "" } }, 400)).id, "model.user.is_valid.username.app_error");
      assert.equal((await probe.fails("update_user", { user: { ...current, id: GHOST } }, 404)).id, "app.user.missing_account.const");
      assert.equal((await probe.app.users.getUser(bob.id)).username, "bob");
    });

    test("UpdateUserRoles replaces the system roles, in open sessions too; unknown roles are refused", async () => {
      const session = await probe.app.sessions.createSession(bob.id);
      const updated = await probe.ok("update_user_roles", { user_id: bob.id, new_roles: "system_user  system_admin" });
      assert.equal(updated.roles, "system_user system_admin");
      assert.equal(await probe.app.users.isSystemAdmin(bob.id), true);
      assert.equal((await probe.app.sessions.getSession(session.token)).roles, "system_user system_admin");
      const refused = await probe.fails("update_user_roles", { user_id: bob.id, new_roles: "system_user overlord" }, 400, true);
      assert.equal(refused.id, "app.role.check_roles_exist.role_not_found");
      assert.match(refused.message, /overlord/);
      // Validated against the roles table: a Mattermost role name this server never created is unknown.
      assert.equal((await probe.fails("update_user_roles", { user_id: bob.id, new_roles: "system_user system_manager" }, 400)).id, "app.role.check_roles_exist.role_not_found");
      assert.equal((await probe.fails("update_user_roles", { user_id: bob.id, new_roles: "system_user Bad-Name!" }, 400)).id, "app.role.check_roles_exist.role_not_found");
      assert.equal((await probe.app.users.getUser(bob.id)).roles, "system_user system_admin", "a refused change changes nothing");
      assert.equal((await probe.ok("update_user_roles", { user_id: bob.id, new_roles: "system_user system_user_access_token" })).roles, "system_user system_user_access_token");
      await probe.ok("update_user_roles", { user_id: bob.id, new_roles: "system_user" });
      assert.equal(await probe.app.users.isSystemAdmin(bob.id), false);
      assert.equal((await probe.fails("update_user_roles", { user_id: GHOST, new_roles: "system_user" }, 404)).id, "app.user.missing_account.const");
    });

    test("UpdateUserAuth moves an account to an auth service and clears its password; identities are unique", async () => {
      const erin = await probe.app.users.createUser({ username: "erin", email: "erin@example.com", password: PASSWORD });
      assert.equal((await login("erin")).status, 200);
      const auth = await probe.ok("update_user_auth", { user_id: erin.id, user_auth: { auth_service: "gitlab", auth_data: "gl-erin" } });
      assert.deepEqual(auth, { auth_service: "gitlab", auth_data: "gl-erin" });
      const user = await probe.ok("get_users_by_ids", { user_ids: [erin.id] });
      assert.deepEqual([user[0].auth_service, user[0].auth_data], ["gitlab", "gl-erin"]);
      assert.equal((await db().selectFrom("users").select("password_hash").where("id", "=", erin.id).executeTakeFirstOrThrow()).password_hash, "");
      assert.equal((await login("erin")).status, 401, "the old password no longer works");

      const taken = await probe.fails("update_user_auth", { user_id: alice.id, user_auth: { auth_service: "gitlab", auth_data: "gl-erin" } }, 400);
      assert.equal(taken.id, "app.user.update_auth_data.email_exists.app_error");
      assert.equal((await probe.fails("update_user_auth", { user_id: alice.id, user_auth: { auth_service: "gitlab" } }, 400)).id, "api.user.update_auth.auth_service.app_error");
      assert.equal((await probe.fails("update_user_auth", { user_id: GHOST, user_auth: { auth_service: "gitlab", auth_data: "x" } }, 404)).id, "app.user.missing_account.const");
      assert.equal((await login("alice")).status, 200, "refused changes leave the account alone");
    });
  });

  describe("deactivation and login hooks", () => {
    test("UpdateUserActive(false) soft-deletes, logs the user out everywhere and fires UserHasBeenDeactivated; true restores", async () => {
      const frank = await probe.app.users.createUser({ username: "frank", email: "frank@example.com", password: PASSWORD });
      const session = await probe.app.sessions.createSession(frank.id);
      const before = Date.now();
      await probe.ok("update_user_active", { user_id: frank.id, active: false });
      const stored = await probe.app.users.getUser(frank.id);
      assert.ok(stored.delete_at >= before, "delete_at is set: a soft delete");
      await assert.rejects(probe.app.sessions.getSession(session.token), /session/i);
      assert.equal((await login("frank")).status, 401);
      const seen = await hookRecord(`deactivated:${frank.id}`);
      assert.deepEqual([seen.username, seen.delete_at, seen.count], ["frank", stored.delete_at, 1]);

      await probe.ok("update_user_active", { user_id: frank.id, active: true }, true);
      assert.equal((await probe.app.users.getUser(frank.id)).delete_at, 0);
      assert.equal((await login("frank")).status, 200);
      assert.equal((await hookRecord(`deactivated:${frank.id}`)).count, 1, "reactivation fires no deactivation hook");
      assert.equal((await probe.fails("update_user_active", { user_id: GHOST, active: false }, 404)).id, "app.user.missing_account.const");
      assert.equal((await probe.fails("update_user_active", { user_id: "nope", active: false }, 400)).id, "api.context.invalid_param.app_error");
    });

    test("UpdateUserActive on a bot: its user and bot rows change together", async () => {
      const bot = await probe.app.bots.createPluginBot({ username: "deact-bot" }, "com.polyplug.test.py-api");
      const rows = async () => [
        Number((await db().selectFrom("users").select("delete_at").where("id", "=", bot.user_id).executeTakeFirstOrThrow()).delete_at),
        Number((await db().selectFrom("bots").select("delete_at").where("user_id", "=", bot.user_id).executeTakeFirstOrThrow()).delete_at),
      ];
      await probe.ok("update_user_active", { user_id: bot.user_id, active: false });
      const [userDeleteAt, botDeleteAt] = await rows();
      assert.ok(userDeleteAt! > 0);
      assert.equal(botDeleteAt, userDeleteAt);
      await probe.ok("update_user_active", { user_id: bot.user_id, active: true });
      assert.deepEqual(await rows(), [0, 0]);
    });

    test("DeleteUser is Mattermost's soft delete: the row stays, deactivated, and the hook fires", async () => {
      const gina = await probe.app.users.createUser({ username: "gina", email: "gina@example.com", password: PASSWORD });
      await probe.ok("delete_user", { user_id: gina.id });
      const row = await db().selectFrom("users").selectAll().where("id", "=", gina.id).executeTakeFirstOrThrow();
      assert.ok(row.delete_at > 0);
      assert.equal((await hookRecord(`deactivated:${gina.id}`)).username, "gina");
      assert.equal((await probe.fails("delete_user", { user_id: GHOST }, 404)).id, "app.user.missing_account.const");
    });

    test("REST deactivation (DELETE /users/{id}, PUT /users/{id}/active) fires UserHasBeenDeactivated; admins only", async () => {
      const kim = await probe.app.users.createUser({ username: "kim", email: "kim@example.com", password: PASSWORD });
      const rest = async (token: string, method: string, route: string, body?: object) =>
        fetch(`${probe.server.url}${route}`, { method, headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      const adminToken = (await probe.app.sessions.createSession(admin.id)).token;
      const aliceToken = (await probe.app.sessions.createSession(alice.id)).token;
      const denied = await rest(aliceToken, "DELETE", `/api/v4/users/${kim.id}`);
      assert.equal(denied.status, 403);
      assert.equal((await probe.app.users.getUser(kim.id)).delete_at, 0);

      assert.equal((await rest(adminToken, "DELETE", `/api/v4/users/${kim.id}`)).status, 200);
      assert.ok((await probe.app.users.getUser(kim.id)).delete_at > 0);
      assert.equal((await hookRecord(`deactivated:${kim.id}`)).count, 1);
      assert.equal((await rest(adminToken, "PUT", `/api/v4/users/${kim.id}/active`, { active: true })).status, 200);
      assert.equal((await probe.app.users.getUser(kim.id)).delete_at, 0);
      assert.equal((await rest(adminToken, "PUT", `/api/v4/users/${kim.id}/active`, { active: false })).status, 200);
      assert.equal((await eventually(async () => ((await hookRecord(`deactivated:${kim.id}`)).count === 2 ? 2 : 0))), 2);
      assert.equal((await rest(adminToken, "PUT", `/api/v4/users/${kim.id}/active`, {})).status, 400);
    });

    test("UserWillLogIn: a plugin's reason refuses a REST login (400); a failing plugin lets it through", async () => {
      await probe.app.users.createUser({ username: "mallory", email: "mallory@example.com", password: PASSWORD });
      await probe.app.users.createUser({ username: "crashy", email: "crashy@example.com", password: PASSWORD });
      const refused = await login("mallory");
      assert.equal(refused.status, 400);
      const body = (await refused.json()) as { id: string; message: string };
      assert.equal(body.id, "plugin.user_will_log_in.reject");
      assert.equal(body.message, "Login rejected by plugin: mallory is banned from this server");
      assert.equal(refused.headers.get("token"), null, "no session was opened");
      assert.equal((await login("crashy")).status, 200, "fail open: the plugin raised, the login goes on");
      assert.equal((await login("alice")).status, 200);
      assert.equal((await login("mallory", "wrong-password")).status, 401, "credentials are checked before plugins are asked");
    });
  });

  describe("statuses", () => {
    test("GetUserStatus: offline until set; UpdateUserStatus sets a manual status; bad values are refused", async () => {
      const ivy = await probe.app.users.createUser({ username: "ivy", email: "ivy@example.com", password: PASSWORD });
      assert.deepEqual(await probe.ok("get_user_status", { user_id: ivy.id }), { user_id: ivy.id, status: "offline", manual: false, last_activity_at: 0, active_channel: "", dnd_end_time: 0, prev_status: "" });
      const away = await probe.ok("update_user_status", { user_id: ivy.id, status: "away" });
      assert.deepEqual([away.status, away.manual], ["away", true]);
      assert.equal((await probe.app.statuses.getStatus(ivy.id)).status, "away");
      assert.equal((await probe.ok("get_user_status", { user_id: ivy.id }, true)).status, "away");
      const bad = await probe.fails("update_user_status", { user_id: ivy.id, status: "busy" }, 400);
      assert.equal(bad.id, "plugin.api.update_user_status.bad_status");
      assert.equal((await probe.app.statuses.getStatus(ivy.id)).status, "away");
      assert.equal((await probe.fails("get_user_status", { user_id: GHOST }, 404)).id, "app.user.missing_account.const");
      assert.equal((await probe.fails("update_user_status", { user_id: GHOST, status: "online" }, 404)).id, "app.user.missing_account.const");
    });

    test("GetUserStatusesByIds answers the existing users' statuses", async () => {
      await probe.app.statuses.setStatus(alice.id, "online");
      await probe.app.statuses.setStatus(bob.id, "online");
      const statuses = await probe.ok("get_user_statuses_by_ids", { user_ids: [alice.id, GHOST, bob.id] });
      assert.deepEqual(statuses.map((s: any) => [s.user_id, s.status]), [[alice.id, "online"], [bob.id, "online"]]);
      assert.equal((await probe.fails("get_user_statuses_by_ids", { user_ids: ["x"] }, 400)).id, "api.context.invalid_param.app_error");
    });

    test("SetUserStatusTimedDND: dnd until the minute of endtime, then back to the previous status", async () => {
      const jack = await probe.app.users.createUser({ username: "jack", email: "jack@example.com", password: PASSWORD });
      await probe.app.statuses.setStatus(jack.id, "away");
      const end = Math.floor(Date.now() / 1000) + 3600 + 17;
      const dnd = await probe.ok("set_user_status_timed_dnd", { user_id: jack.id, endtime: end });
      assert.deepEqual([dnd.status, dnd.manual, dnd.dnd_end_time, dnd.prev_status], ["dnd", true, end - (end % 60), "away"]);
      assert.equal((await probe.ok("get_user_status", { user_id: jack.id })).status, "dnd");
      // The end time passes: the next read finds the previous status back.
      await db().updateTable("statuses").set({ dnd_end_time: Math.floor(Date.now() / 1000) - 60 }).where("user_id", "=", jack.id).execute();
      const back = await probe.ok("get_user_status", { user_id: jack.id }, true);
      assert.deepEqual([back.status, back.dnd_end_time, back.prev_status], ["away", 0, ""]);
      assert.equal((await probe.fails("set_user_status_timed_dnd", { user_id: jack.id, endtime: Math.floor(Date.now() / 1000) - 10 }, 400)).id, "api.context.invalid_param.app_error");
      assert.equal((await probe.fails("set_user_status_timed_dnd", { user_id: jack.id, endtime: Date.now() + 60_000 }, 400)).id, "api.context.invalid_param.app_error", "milliseconds are refused");
      assert.equal((await probe.fails("set_user_status_timed_dnd", { user_id: GHOST, endtime: end }, 404)).id, "app.user.missing_account.const");
    });
  });

  describe("custom status", () => {
    const customStatus = async (userId: string) => JSON.parse((await probe.app.users.getUser(userId)).props["customStatus"] ?? "null");

    test("UpdateUserCustomStatus keeps it in the user's props as Mattermost does, and remembers it as recent", async () => {
      await probe.ok("update_user_custom_status", { user_id: alice.id, custom_status: { emoji: "coffee", text: "x".repeat(120), duration: "", expires_at: "" } });
      assert.deepEqual(await customStatus(alice.id), { emoji: "coffee", text: "x".repeat(100), duration: "", expires_at: "0001-01-01T00:00:00Z" });
      const later = new Date(Date.now() + 3_600_000).toISOString();
      await probe.ok("update_user_custom_status", { user_id: alice.id, custom_status: { emoji: "", text: "In a meeting", duration: "", expires_at: later } }, true);
      assert.deepEqual(await customStatus(alice.id), { emoji: "", text: "In a meeting", duration: "date_and_time", expires_at: later });
      await probe.ok("update_user_custom_status", { user_id: alice.id, custom_status: { emoji: "car", text: "Commuting", duration: "one_hour", expires_at: later } });
      assert.equal((await customStatus(alice.id)).duration, "one_hour");
      const recent = await db().selectFrom("preferences").select("value").where("user_id", "=", alice.id).where("category", "=", "custom_status").executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(recent.value).map((s: any) => s.text), ["Commuting", "In a meeting", "x".repeat(100)]);
    });

    test("UpdateUserCustomStatus refuses an empty status and bad expiries; RemoveUserCustomStatus clears it", async () => {
      const before = await customStatus(alice.id);
      const empty = await probe.fails("update_user_custom_status", { user_id: alice.id, custom_status: { emoji: "", text: "", duration: "", expires_at: "" } }, 400);
      assert.equal(empty.id, "api.custom_status.set_custom_statuses.update.app_error");
      const past = new Date(Date.now() - 60_000).toISOString();
      const bad = async (cs: object) => (await probe.fails("update_user_custom_status", { user_id: alice.id, custom_status: { emoji: "x", text: "t", duration: "", expires_at: "", ...cs } }, 400)).id;
      assert.equal(await bad({ expires_at: past }), "api.custom_status.set_custom_statuses.expiry.app_error");
      assert.equal(await bad({ duration: "forever" }), "api.custom_status.set_custom_statuses.expiry.app_error");
      assert.equal(await bad({ duration: "one_hour" }), "api.custom_status.set_custom_statuses.expiry.app_error", "a duration needs its expiry");
      assert.equal(await bad({ expires_at: "tomorrow-ish" }), "api.custom_status.set_custom_statuses.expiry.app_error");
      assert.deepEqual(await customStatus(alice.id), before);
      assert.equal((await probe.fails("update_user_custom_status", { user_id: GHOST, custom_status: { emoji: "x", text: "t", duration: "", expires_at: "" } }, 404)).id, "app.user.missing_account.const");

      await probe.ok("remove_user_custom_status", { user_id: alice.id });
      assert.equal((await probe.app.users.getUser(alice.id)).props["customStatus"], "");
      await probe.ok("remove_user_custom_status", { user_id: alice.id }, true);
      assert.equal((await probe.fails("remove_user_custom_status", { user_id: GHOST }, 404)).id, "app.user.missing_account.const");
    });
  });

  describe("profile images", () => {
    test("GetProfileImage answers a generated PNG, the same for the same user, until one is set", async () => {
      const image = bytes(await probe.ok("get_profile_image", { user_id: bob.id }));
      assert.equal(image.subarray(0, 8).toString("hex"), PNG_SIGNATURE);
      assert.deepEqual([image.readUInt32BE(16), image.readUInt32BE(20)], [128, 128]);
      assert.deepEqual(bytes(await probe.ok("get_profile_image", { user_id: bob.id }, true)), image);
      assert.deepEqual(image, defaultProfileImage(bob.id), "generated from the user id");
      assert.equal((await probe.fails("get_profile_image", { user_id: GHOST }, 404)).id, "app.user.missing_account.const");
    });

    test("SetProfileImage stores PNG, JPEG or GIF bytes and bumps last_picture_update; anything else is refused", async () => {
      const png = defaultProfileImage("some other seed");
      const before = (await probe.app.users.getUser(bob.id)).last_picture_update;
      await probe.ok("set_profile_image", { user_id: bob.id, data: { base64: png.toString("base64") } });
      assert.deepEqual(bytes(await probe.ok("get_profile_image", { user_id: bob.id })), png);
      assert.ok((await probe.app.users.getUser(bob.id)).last_picture_update > before);

      // A 1x1 GIF and a minimal JPEG header (SOF0 with a 2x3 frame) are accepted as they are.
      const gif = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");
      await probe.ok("set_profile_image", { user_id: bob.id, data: { base64: gif.toString("base64") } }, true);
      assert.deepEqual(bytes(await probe.ok("get_profile_image", { user_id: bob.id })), gif);
      const jpeg = Buffer.from("ffd8ffe000104a46494600010100000100010000ffc0000b080003000201011100ffd9", "hex");
      await probe.ok("set_profile_image", { user_id: bob.id, data: { base64: jpeg.toString("base64") } });
      assert.equal((await db().selectFrom("user_profile_images").select("content_type").where("user_id", "=", bob.id).executeTakeFirstOrThrow()).content_type, "image/jpeg");

      const notImage = await probe.fails("set_profile_image", { user_id: bob.id, data: { base64: Buffer.from("hello, not an image").toString("base64") } }, 400);
      assert.equal(notImage.id, "api.user.upload_profile_user.decode.app_error");
      const huge = Buffer.from(png);
      huge.writeUInt32BE(100_000, 16);
      huge.writeUInt32BE(100_000, 20);
      assert.equal((await probe.fails("set_profile_image", { user_id: bob.id, data: { base64: huge.toString("base64") } }, 400)).id, "api.user.upload_profile_user.large_image.app_error");
      assert.deepEqual(bytes(await probe.ok("get_profile_image", { user_id: bob.id })), jpeg, "refused images change nothing");
      assert.equal((await probe.fails("set_profile_image", { user_id: GHOST, data: { base64: png.toString("base64") } }, 404)).id, "app.user.missing_account.const");
    });
  });

  test("GetLDAPUserAttributes answers 501: this server runs no LDAP", async () => {
    const error = await probe.fails("get_ldap_user_attributes", { user_id: alice.id, attributes: ["cn"] }, 501);
    assert.equal(error.id, "app.plugin_api.not_supported.app_error");
    assert.match(error.message, /GetLDAPUserAttributes.*LDAP/);
  });

});
