import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { createApp } from "../src/app/app.js";
import { readImageHeader } from "../src/app/image-header.js";
import type { User } from "../src/app/models/user.js";
import { newId } from "../src/app/new-id.js";
import { startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { eventually, RestClient } from "./support/running-server.js";
import { createTestDatabase, TEST_DIALECT } from "./support/test-database.js";
import { catchAppError } from "./support/test-env.js";

// The Plugin API's teams group called by a real Python plugin (the py-api probe), with the
// py-teams-hooks plugin beside it implementing TeamMemberWillBeAdded, UserHasJoinedTeam and
// UserHasLeftTeam. Every call is checked against what it returned and what it left in the store.
const HOOKS = "com.polyplug.test.py-teams-hooks";
const HOOKS_BUNDLE = "packages/server/test/fixtures/plugins/py-teams-hooks";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** A minimal PNG of the given size: signature, IHDR, IEND (the header is all the server reads). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, "latin1"), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8);
  ihdr.writeUInt8(6, 9);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", Buffer.from([0x78, 0x9c])), chunk("IEND", Buffer.alloc(0))]);
}

/** A minimal baseline JPEG header of the given size (SOI, APP0, SOF0, EOI). */
function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

describe(`the Plugin API's teams group through a Python plugin, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  const db = () => probe.database.database.db;

  before(async () => {
    probe = await startApiProbe({ bundles: [HOOKS_BUNDLE] });
    for (const status of probe.server.plugins.statuses()) assert.equal(status.state, PluginState.Running, `${status.plugin_id}: ${status.error}`);
  });
  after(() => probe?.close());

  const makeUser = (prefix = "tu"): Promise<User> => {
    const username = `${prefix}${process.pid % 1000}x${++counter}`;
    return probe.app.users.createUser({ username, email: `${username}@example.com`, password: "password-123" });
  };
  const makeTeam = (prefix: string, extra: Record<string, unknown> = {}) =>
    probe.ok("create_team", { team: { name: unique(prefix), display_name: `Team ${prefix}`, type: "O", allow_open_invite: true, ...extra } });
  const memberRow = (teamId: string, userId: string) =>
    db().selectFrom("team_members").selectAll().where("team_id", "=", teamId).where("user_id", "=", userId).executeTakeFirst();
  /** What the hooks plugin recorded for (hook, team, user), once it has. */
  const recorded = async (hook: string, teamId: string, userId: string) => {
    const raw = await eventually(() => probe.app.kv.get(HOOKS, `${hook}:${teamId}/${userId}`));
    return JSON.parse(Buffer.from(raw).toString());
  };
  const notRecorded = async (hook: string, teamId: string, userId: string) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await probe.app.kv.get(HOOKS, `${hook}:${teamId}/${userId}`) ?? null, null, `${hook} fired for ${teamId}/${userId}`);
  };

  test("CreateTeam stores a team without members, validated as Mattermost's Team.IsValid", async () => {
    const name = unique("alpha");
    const team = await probe.ok("create_team", { team: { name, display_name: " Alpha ", type: "I", description: "the first", email: "team@example.com", company_name: "ACME" } });
    assert.equal(team.id.length, 26);
    assert.equal(team.name, name);
    assert.equal(team.display_name, "Alpha");
    assert.equal(team.type, "I");
    assert.equal(team.description, "the first");
    assert.equal(team.email, "team@example.com");
    assert.equal(team.company_name, "ACME");
    assert.equal(team.allow_open_invite, false);
    assert.equal(team.delete_at, 0);
    assert.ok(team.create_at > 0 && team.update_at === team.create_at);
    assert.equal(team.invite_id.length, 26);
    const row = await db().selectFrom("teams").selectAll().where("id", "=", team.id).executeTakeFirstOrThrow();
    assert.equal(row.name, name);
    assert.equal(row.type, "I");
    const members = await db().selectFrom("team_members").selectAll().where("team_id", "=", team.id).execute();
    assert.deepEqual(members, [], "a plugin-created team has no creator member");

    const dup = await probe.fails("create_team", { team: { name, display_name: "Again", type: "O" } }, 409, true);
    assert.equal(dup.id, "app.team.save.existing.app_error");
    const invalid: Array<[Record<string, unknown>, string]> = [
      [{ name: "Bad Name", display_name: "x", type: "O" }, "model.team.is_valid.name.app_error"],
      [{ name: "api", display_name: "x", type: "O" }, "model.team.is_valid.name.app_error"],
      [{ name: unique("ok"), display_name: "", type: "O" }, "model.team.is_valid.display_name.app_error"],
      [{ name: unique("ok"), display_name: "x", type: "P" }, "model.team.is_valid.type.app_error"],
      [{ name: unique("ok"), display_name: "x", type: "O", email: "not-an-email" }, "model.team.is_valid.email.app_error"],
      [{ name: unique("ok"), display_name: "x", type: "O", description: "d".repeat(256) }, "model.team.is_valid.description.app_error"],
      [{ name: unique("ok"), display_name: "x", type: "O", company_name: "c".repeat(65) }, "model.team.is_valid.company.app_error"],
      [{ id: newId(), name: unique("ok"), display_name: "x", type: "O" }, "store.sql_team.save.existing.app_error"],
    ];
    for (const [input, id] of invalid) {
      assert.equal((await probe.fails("create_team", { team: input }, 400)).id, id, JSON.stringify(input));
    }
  });

  test("GetTeam, GetTeamByName and GetTeams read teams, archived ones included", async () => {
    const team = await makeTeam("beta");
    assert.deepEqual(await probe.ok("get_team", { team_id: team.id }), team);
    assert.deepEqual(await probe.ok("get_team_by_name", { name: team.name }, true), team);
    assert.equal((await probe.fails("get_team", { team_id: newId() }, 404)).id, "app.team.get.find.app_error");
    assert.equal((await probe.fails("get_team", { team_id: "not-an-id" }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("get_team_by_name", { name: unique("missing") }, 404)).id, "app.team.get_by_name.missing.app_error");

    const all = await probe.ok("get_teams", {});
    const rows = await db().selectFrom("teams").select(["id", "display_name"]).execute();
    assert.equal(all.length, rows.length);
    assert.deepEqual(all.find((t: { id: string }) => t.id === team.id), team);
    const names = all.map((t: { display_name: string }) => t.display_name);
    assert.deepEqual(names, [...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)), "ordered by display name");
  });

  test("UpdateTeam changes only the updatable fields; DeleteTeam archives the team", async () => {
    const team = await makeTeam("gamma");
    const updated = await probe.ok("update_team", {
      team: { ...team, name: "renamed", type: "I", display_name: "Gamma Two", description: "new text", allow_open_invite: false, company_name: "Co", allowed_domains: "example.com" },
    }, true);
    assert.equal(updated.name, team.name, "the name is kept");
    assert.equal(updated.type, "O", "the type is kept");
    assert.equal(updated.display_name, "Gamma Two");
    assert.equal(updated.description, "new text");
    assert.equal(updated.allow_open_invite, false);
    assert.equal(updated.allowed_domains, "example.com");
    assert.ok(updated.update_at >= team.update_at);
    const row = await db().selectFrom("teams").selectAll().where("id", "=", team.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.name, row.type, row.display_name, row.description, row.allow_open_invite, row.company_name], [team.name, "O", "Gamma Two", "new text", 0, "Co"]);
    assert.deepEqual(await probe.ok("get_team", { team_id: team.id }), updated);
    assert.equal((await probe.fails("update_team", { team: { ...team, display_name: "" } }, 400)).id, "model.team.is_valid.display_name.app_error");
    assert.equal((await probe.fails("update_team", { team: { ...team, id: newId() } }, 404)).id, "app.team.get.find.app_error");

    const user = await makeUser();
    await probe.ok("create_team_member", { team_id: team.id, user_id: user.id });
    await probe.ok("delete_team", { team_id: team.id });
    const archived = await probe.ok("get_team", { team_id: team.id });
    assert.ok(archived.delete_at > 0, "soft delete: the team is still there, archived");
    const deletedRow = await db().selectFrom("teams").select("delete_at").where("id", "=", team.id).executeTakeFirstOrThrow();
    assert.equal(Number(deletedRow.delete_at), archived.delete_at);
    assert.ok((await probe.ok("get_teams", {})).some((t: { id: string }) => t.id === team.id), "GetTeams includes archived teams");
    assert.deepEqual(await probe.ok("search_teams", { term: team.name }), [], "search skips archived teams");
    assert.deepEqual(await probe.ok("get_teams_for_user", { user_id: user.id }), [], "a user's teams skip archived ones");
    assert.equal((await probe.fails("delete_team", { team_id: newId() }, 404)).id, "app.team.get.find.app_error");
  });

  test("SearchTeams matches name or display name prefixes, case-insensitively", async () => {
    const stem = unique("srch");
    const byName = await probe.ok("create_team", { team: { name: `${stem}-one`, display_name: "Unrelated", type: "O" } });
    const byDisplay = await probe.ok("create_team", { team: { name: unique("other"), display_name: `${stem.toUpperCase()} Display`, type: "I" } });
    const found = await probe.ok("search_teams", { term: stem.toUpperCase() }, true);
    assert.deepEqual(found.map((t: { id: string }) => t.id).sort(), [byName.id, byDisplay.id].sort());
    assert.deepEqual(await probe.ok("search_teams", { term: `${stem}%` }), [], "LIKE wildcards are literal");
    assert.deepEqual(await probe.ok("search_teams", { term: `zz${stem}` }), []);
  });

  test("team members: add, read, list, roles, remove, with UserHasJoinedTeam / UserHasLeftTeam", async () => {
    const team = await makeTeam("delta");
    const [alice, bob, requestor] = [await makeUser(), await makeUser(), await makeUser()];

    const member = await probe.ok("create_team_member", { team_id: team.id, user_id: alice.id });
    assert.deepEqual(
      { ...member, create_at: 0 },
      { team_id: team.id, user_id: alice.id, roles: "team_user", delete_at: 0, scheme_guest: false, scheme_user: true, scheme_admin: false, explicit_roles: "", create_at: 0 },
    );
    assert.equal((await memberRow(team.id, alice.id))?.delete_at, 0);
    const joined = await recorded("UserHasJoinedTeam", team.id, alice.id);
    assert.equal(joined.member.roles, "team_user");
    assert.equal(joined.actor_id, null, "CreateTeamMember has no actor");
    assert.equal((await recorded("TeamMemberWillBeAdded", team.id, alice.id)).team_name, team.name);
    // Adding a member again returns the membership and fires nothing.
    await probe.app.kv.delete(HOOKS, `UserHasJoinedTeam:${team.id}/${alice.id}`);
    assert.deepEqual(await probe.ok("create_team_member", { team_id: team.id, user_id: alice.id }, true), member);
    await notRecorded("UserHasJoinedTeam", team.id, alice.id);

    assert.equal((await probe.fails("create_team_member", { team_id: team.id, user_id: newId() }, 404)).id, "app.user.missing_account.const");
    assert.equal((await probe.fails("create_team_member", { team_id: newId(), user_id: alice.id }, 404)).id, "app.team.get.find.app_error");
    assert.equal((await probe.fails("create_team_member", { team_id: team.id, user_id: "nope" }, 400)).id, "api.context.invalid_param.app_error");

    // CreateTeamMembers reports the requestor as the actor.
    const added = await probe.ok("create_team_members", { team_id: team.id, user_ids: [bob.id, requestor.id], requestor_id: requestor.id });
    assert.deepEqual(added.map((m: { user_id: string }) => m.user_id), [bob.id, requestor.id]);
    assert.equal((await recorded("UserHasJoinedTeam", team.id, bob.id)).actor_id, requestor.id);
    assert.equal((await recorded("UserHasJoinedTeam", team.id, requestor.id)).actor_id, null, "no actor when the requestor adds themself");

    assert.deepEqual(await probe.ok("get_team_member", { team_id: team.id, user_id: bob.id }), added[0]);
    assert.equal((await probe.fails("get_team_member", { team_id: team.id, user_id: newId() }, 404)).id, "app.team.get_member.missing.app_error");
    const listed = await probe.ok("get_team_members", { team_id: team.id, page: 0, per_page: 10 });
    assert.deepEqual(listed.map((m: { user_id: string }) => m.user_id), [alice.id, bob.id, requestor.id].sort());
    assert.deepEqual(await probe.ok("get_team_members", { team_id: team.id, page: 0, per_page: 0 }), [], "per_page 0 is an empty page, as Mattermost's LIMIT 0");
    const paged = await probe.ok("get_team_members", { team_id: team.id, page: 1, per_page: 2 }, true);
    assert.deepEqual(paged.map((m: { user_id: string }) => m.user_id), [[alice.id, bob.id, requestor.id].sort()[2]]);
    assert.equal((await probe.fails("get_team_members", { team_id: team.id, page: -1, per_page: 10 }, 400)).id, "api.context.invalid_param.app_error");

    const other = await makeTeam("delta-other");
    await probe.ok("create_team_member", { team_id: other.id, user_id: alice.id });
    const forAlice = await probe.ok("get_team_members_for_user", { user_id: alice.id, page: 0, per_page: 10 });
    assert.deepEqual(forAlice.map((m: { team_id: string }) => m.team_id), [team.id, other.id].sort());
    assert.deepEqual((await probe.ok("get_team_members_for_user", { user_id: alice.id, page: 0, per_page: 1 })).length, 1);
    const teamsForAlice = await probe.ok("get_teams_for_user", { user_id: alice.id }, true);
    assert.deepEqual(teamsForAlice.map((t: { id: string }) => t.id).sort(), [team.id, other.id].sort());

    // Roles: scheme roles become flags, others explicit roles.
    const admin = await probe.ok("update_team_member_roles", { team_id: team.id, user_id: bob.id, new_roles: "team_admin team_user team_post_all" });
    assert.deepEqual([admin.roles, admin.scheme_user, admin.scheme_admin, admin.explicit_roles], ["team_user team_admin team_post_all", true, true, "team_post_all"]);
    assert.equal((await memberRow(team.id, bob.id))?.roles, "team_user team_admin team_post_all");
    const guest = await probe.ok("update_team_member_roles", { team_id: team.id, user_id: bob.id, new_roles: "team_guest" }, true);
    assert.deepEqual([guest.roles, guest.scheme_guest, guest.scheme_user, guest.scheme_admin], ["team_guest", true, false, false]);
    assert.equal((await probe.fails("update_team_member_roles", { team_id: team.id, user_id: bob.id, new_roles: "team_user system_admin" }, 400)).id, "app.role.get_by_name.app_error");
    assert.equal((await probe.fails("update_team_member_roles", { team_id: team.id, user_id: bob.id, new_roles: "team_user team_guest" }, 400)).id, "api.team.update_team_member_roles.guest_and_user.app_error");
    assert.equal((await probe.fails("update_team_member_roles", { team_id: team.id, user_id: newId(), new_roles: "team_user" }, 404)).id, "app.team.get_member.missing.app_error");
    assert.equal((await memberRow(team.id, bob.id))?.roles, "team_guest", "failed updates change nothing");

    // DeleteTeamMember: the row stays with delete_at, the user leaves the team's channels too.
    const channel = await probe.app.channels.createChannel({ team_id: team.id, name: unique("ch"), display_name: "Ch", type: "O" });
    await probe.app.channels.addMember(channel.id, bob.id);
    await probe.ok("delete_team_member", { team_id: team.id, user_id: bob.id, requestor_id: alice.id });
    const left = await memberRow(team.id, bob.id);
    assert.ok(left && left.delete_at > 0);
    assert.equal(await probe.app.channels.isMember(channel.id, bob.id), false);
    const leftRecord = await recorded("UserHasLeftTeam", team.id, bob.id);
    assert.equal(leftRecord.actor_id, alice.id);
    assert.ok(leftRecord.member.delete_at > 0);
    assert.ok((await probe.ok("get_team_member", { team_id: team.id, user_id: bob.id })).delete_at > 0, "a left membership is still readable");
    assert.ok(!(await probe.ok("get_team_members", { team_id: team.id, page: 0, per_page: 60 })).some((m: { user_id: string }) => m.user_id === bob.id));
    assert.equal((await probe.fails("delete_team_member", { team_id: team.id, user_id: bob.id, requestor_id: "" }, 404)).id, "app.team.get_member.missing.app_error");
    // Rejoining revives the row as a plain team_user.
    const back = await probe.ok("create_team_member", { team_id: team.id, user_id: bob.id });
    assert.deepEqual([back.delete_at, back.roles], [0, "team_user"]);
  });

  test("CreateTeamMembers stops at the first failure; CreateTeamMembersGracefully reports each user", async () => {
    const team = await makeTeam("epsilon");
    const [a, b] = [await makeUser(), await makeUser()];
    const missing = newId();
    assert.equal((await probe.fails("create_team_members", { team_id: team.id, user_ids: [a.id, missing, b.id], requestor_id: "" }, 404)).id, "app.user.missing_account.const");
    assert.ok(await memberRow(team.id, a.id), "users before the failure stay added");
    assert.equal(await memberRow(team.id, b.id), undefined, "users after it are not added");

    const results = await probe.ok("create_team_members_gracefully", { team_id: team.id, user_ids: [b.id, missing], requestor_id: a.id }, true);
    assert.equal(results.length, 2);
    assert.equal(results[0].user_id, b.id);
    assert.equal(results[0].member.user_id, b.id);
    assert.deepEqual(results[0].error, {});
    assert.equal(results[1].user_id, missing);
    assert.equal(results[1].member, null);
    assert.equal(results[1].error.id, "app.user.missing_account.const");
    assert.equal(results[1].error.status_code, 404);
    assert.ok(await memberRow(team.id, b.id));
    assert.equal((await probe.fails("create_team_members_gracefully", { team_id: newId(), user_ids: [a.id], requestor_id: "" }, 404)).id, "app.team.get.find.app_error");
  });

  test("TeamMemberWillBeAdded: a plugin rejects, rewrites roles, or fails open, for the Plugin API and REST", async () => {
    const closed = await makeTeam("closed");
    const admins = await makeTeam("admins");
    const broken = await makeTeam("broken");
    const [u1, u2] = [await makeUser(), await makeUser()];

    const rejected = await probe.fails("create_team_member", { team_id: closed.id, user_id: u1.id }, 400);
    assert.equal(rejected.id, "app.team.join_user_to_team.rejected_by_plugin");
    assert.match(rejected.message, new RegExp(`${closed.name} takes no new members`));
    assert.equal(await memberRow(closed.id, u1.id), undefined, "a rejected member is not stored");
    assert.equal((await recorded("TeamMemberWillBeAdded", closed.id, u1.id)).member.scheme_user, true);
    await notRecorded("UserHasJoinedTeam", closed.id, u1.id);
    const graceful = await probe.ok("create_team_members_gracefully", { team_id: closed.id, user_ids: [u1.id, u2.id], requestor_id: "" });
    assert.deepEqual(graceful.map((r: { error: { id: string } }) => r.error.id), ["app.team.join_user_to_team.rejected_by_plugin", "app.team.join_user_to_team.rejected_by_plugin"]);

    const promoted = await probe.ok("create_team_member", { team_id: admins.id, user_id: u1.id });
    assert.deepEqual([promoted.roles, promoted.scheme_admin, promoted.scheme_user], ["team_user team_admin", true, true]);
    assert.equal((await memberRow(admins.id, u1.id))?.roles, "team_user team_admin");
    assert.equal((await recorded("UserHasJoinedTeam", admins.id, u1.id)).member.scheme_admin, true, "UserHasJoinedTeam sees the rewritten member");

    const failedOpen = await probe.ok("create_team_member", { team_id: broken.id, user_id: u1.id });
    assert.equal(failedOpen.roles, "team_user", "a plugin that raises has no say");
    assert.ok(await memberRow(broken.id, u1.id));

    // REST goes through the same hook: a user joining the open "closed-" team is refused.
    const rest = new RestClient(probe.server.url);
    const me = await rest.signUp(`rest${process.pid % 1000}x${++counter}`);
    const refused = await rest.call("POST", `/api/v4/teams/${closed.id}/members`, { team_id: closed.id, user_id: me.id });
    assert.equal(refused.status, 400);
    assert.equal(refused.json.id, "app.team.join_user_to_team.rejected_by_plugin");
    assert.equal(await memberRow(closed.id, me.id), undefined);
    const joinedByRest = await rest.call("POST", `/api/v4/teams/${admins.id}/members`, { team_id: admins.id, user_id: me.id });
    assert.equal(joinedByRest.status, 201);
    assert.equal(joinedByRest.json.roles, "team_user team_admin");
  });

  test("joining a team with allowed domains needs an email at one of them", async () => {
    const team = await makeTeam("domains", { allowed_domains: "corp.test, other.test" });
    const outsider = await makeUser();
    assert.equal((await probe.fails("create_team_member", { team_id: team.id, user_id: outsider.id }, 400)).id, "api.team.join_user_to_team.allowed_domains.app_error");
    const username = `corp${process.pid % 1000}x${++counter}`;
    const insider = await probe.app.users.createUser({ username, email: `${username}@corp.test`, password: "password-123" });
    assert.equal((await probe.ok("create_team_member", { team_id: team.id, user_id: insider.id })).user_id, insider.id);
  });

  test("team icons: set (validated image), get, remove; last_team_icon_update follows", async () => {
    const team = await makeTeam("icons");
    assert.equal((await probe.fails("get_team_icon", { team_id: team.id }, 404)).id, "api.team.get_team_icon.read_file.app_error");

    const image = png(64, 48);
    await probe.ok("set_team_icon", { team_id: team.id, data: { base64: image.toString("base64") } });
    const stored = path.join(probe.database.dir, "files", "teams", team.id, "teamIcon.png");
    assert.deepEqual(await readFile(stored), image);
    const got = await probe.ok("get_team_icon", { team_id: team.id }, true);
    assert.deepEqual(Buffer.from(got.base64, "base64"), image);
    const stamped = await probe.ok("get_team", { team_id: team.id });
    assert.ok(stamped.last_team_icon_update > 0);

    const photo = jpeg(300, 200);
    await probe.ok("set_team_icon", { team_id: team.id, data: { base64: photo.toString("base64") } }, true);
    assert.deepEqual(await readFile(stored), photo, "a new icon replaces the old one");
    assert.ok((await probe.ok("get_team", { team_id: team.id })).last_team_icon_update >= stamped.last_team_icon_update);

    assert.equal((await probe.fails("set_team_icon", { team_id: team.id, data: { base64: Buffer.from("not an image").toString("base64") } }, 400)).id, "api.team.set_team_icon.decode.app_error");
    assert.equal((await probe.fails("set_team_icon", { team_id: team.id, data: { base64: png(10_000, 10_000).toString("base64") } }, 400)).id, "api.team.set_team_icon.too_large.app_error");
    const truncated = png(16, 16).subarray(0, 40);
    assert.equal((await probe.fails("set_team_icon", { team_id: team.id, data: { base64: truncated.toString("base64") } }, 400)).id, "api.team.set_team_icon.decode.app_error");
    assert.deepEqual(await readFile(stored), photo, "rejected icons leave the stored one alone");
    assert.equal((await probe.fails("set_team_icon", { team_id: newId(), data: { base64: image.toString("base64") } }, 404)).id, "app.team.get.find.app_error");

    await probe.ok("remove_team_icon", { team_id: team.id });
    assert.equal((await probe.ok("get_team", { team_id: team.id })).last_team_icon_update, 0);
    await assert.rejects(stat(stored), "the icon file is gone");
    assert.equal((await probe.fails("get_team_icon", { team_id: team.id }, 404)).id, "api.team.get_team_icon.read_file.app_error");
    assert.equal((await probe.fails("remove_team_icon", { team_id: newId() }, 404)).id, "app.team.get.find.app_error");
    assert.equal((await probe.fails("get_team_icon", { team_id: newId() }, 404)).id, "app.team.get.find.app_error");
  });

  test("GetTeamStats counts current members and active ones; GetTeamsUnreadForUser sums channel unreads", async () => {
    const team = await makeTeam("stats");
    const [active, deactivated, leaver] = [await makeUser(), await makeUser(), await makeUser()];
    await probe.ok("create_team_members", { team_id: team.id, user_ids: [active.id, deactivated.id, leaver.id], requestor_id: "" });
    await probe.ok("delete_team_member", { team_id: team.id, user_id: leaver.id, requestor_id: "" });
    await db().updateTable("users").set({ delete_at: Date.now() }).where("id", "=", deactivated.id).execute();
    assert.deepEqual(await probe.ok("get_team_stats", { team_id: team.id }), { team_id: team.id, total_member_count: 2, active_member_count: 1 });
    assert.equal((await probe.fails("get_team_stats", { team_id: newId() }, 404)).id, "app.team.get.find.app_error");

    const quiet = await makeTeam("stats-quiet");
    await probe.ok("create_team_member", { team_id: quiet.id, user_id: active.id });
    const channel = await probe.app.channels.createChannel({ team_id: team.id, name: unique("news"), display_name: "News", type: "O" });
    const poster = await makeUser();
    await probe.ok("create_team_member", { team_id: team.id, user_id: poster.id });
    await probe.app.channels.addMember(channel.id, active.id);
    await probe.app.channels.addMember(channel.id, poster.id);
    const root = await probe.app.posts.createPost({ channel_id: channel.id, user_id: poster.id, message: "one" });
    await probe.app.posts.createPost({ channel_id: channel.id, user_id: poster.id, message: "two", root_id: root.id });

    const unreads = await probe.ok("get_teams_unread_for_user", { user_id: active.id }, true);
    const zero = { mention_count: 0, mention_count_root: 0, thread_count: 0, thread_mention_count: 0, thread_urgent_mention_count: 0 };
    assert.deepEqual(unreads, [
      { team_id: quiet.id, msg_count: 0, msg_count_root: 0, ...zero },
      { team_id: team.id, msg_count: 2, msg_count_root: 1, ...zero },
    ].sort((x, y) => (x.team_id < y.team_id ? -1 : 1)));
    const posterUnreads = await probe.ok("get_teams_unread_for_user", { user_id: poster.id });
    assert.deepEqual(posterUnreads, [{ team_id: team.id, msg_count: 0, msg_count_root: 0, ...zero }], "the poster has read their own posts");
    assert.equal((await probe.fails("get_teams_unread_for_user", { user_id: newId() }, 404)).id, "app.user.missing_account.const");
  });
});

describe(`team icons without file storage, on ${TEST_DIALECT}`, () => {
  test("GetTeamIcon and SetTeamIcon answer 501 when no files directory is configured", async () => {
    const database = await createTestDatabase();
    try {
      const app = createApp({ db: database.database.db, version: "test" });
      const team = await app.teams.createTeam({ name: "no-files", display_name: "No files", type: "O" });
      const get = await catchAppError(() => app.teamIcons.getIcon(team.id));
      assert.deepEqual([get.id, get.statusCode], ["api.team.get_team_icon.filesettings_no_driver.app_error", 501]);
      const set = await catchAppError(() => app.teamIcons.setIcon(team.id, png(8, 8)));
      assert.deepEqual([set.id, set.statusCode], ["api.team.set_team_icon.storage.app_error", 501]);
      await app.teamIcons.removeIcon(team.id);
      assert.equal((await app.teams.getTeam(team.id)).last_team_icon_update, 0);
    } finally {
      await database.close();
    }
  });
});

describe("readImageHeader, which validates team icons", () => {
  test("reads the format and size of PNG, JPEG, GIF, BMP and WebP headers, and refuses the rest", () => {
    assert.deepEqual(readImageHeader(png(640, 480)), { format: "png", width: 640, height: 480 });
    assert.deepEqual(readImageHeader(jpeg(300, 200)), { format: "jpeg", width: 300, height: 200 });
    const gif = Buffer.concat([Buffer.from("GIF89a", "latin1"), Buffer.from([0x20, 0x00, 0x10, 0x00, 0, 0, 0])]);
    assert.deepEqual(readImageHeader(gif), { format: "gif", width: 32, height: 16 });
    const bmp = Buffer.alloc(54);
    bmp.write("BM", 0, "latin1");
    bmp.writeInt32LE(40, 14);
    bmp.writeInt32LE(12, 18);
    bmp.writeInt32LE(-7, 22);
    assert.deepEqual(readImageHeader(bmp), { format: "bmp", width: 12, height: 7 });
    const webp = Buffer.alloc(30);
    webp.write("RIFF", 0, "latin1");
    webp.write("WEBPVP8X", 8, "latin1");
    webp.writeUIntLE(99, 24, 3);
    webp.writeUIntLE(49, 27, 3);
    assert.deepEqual(readImageHeader(webp), { format: "webp", width: 100, height: 50 });
    for (const bad of [Buffer.alloc(0), Buffer.from("hello world"), png(0, 10), png(8, 8).subarray(0, 30), jpeg(8, 8).subarray(0, 10)]) {
      assert.equal(readImageHeader(bad), null);
    }
  });
});
