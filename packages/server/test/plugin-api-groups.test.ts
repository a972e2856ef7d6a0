import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import type { User } from "../src/app/models/user.js";
import { newId } from "../src/app/new-id.js";
import { startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { eventually } from "./support/running-server.js";
import { TEST_DIALECT } from "./support/test-database.js";

// The Plugin API's groups group called by a real Python plugin (the py-api probe), with the
// py-teams-hooks and py-channels-hooks plugins beside it recording the membership hooks that
// default memberships and group-constrained removals must fire. Every call is checked against
// what it returned and what it left in the store.
const TEAM_HOOKS = "com.polyplug.test.py-teams-hooks";
const CHANNEL_HOOKS = "com.polyplug.test.py-channels-hooks";
const BUNDLES = ["packages/server/test/fixtures/plugins/py-teams-hooks", "packages/server/test/fixtures/plugins/py-channels-hooks"];

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

describe(`the Plugin API's groups group through a Python plugin, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  const db = () => probe.database.database.db;

  before(async () => {
    probe = await startApiProbe({ bundles: BUNDLES });
    for (const status of probe.server.plugins.statuses()) assert.equal(status.state, PluginState.Running, `${status.plugin_id}: ${status.error}`);
  });
  after(() => probe?.close());

  const makeUser = (prefix = "gu"): Promise<User> => {
    const username = `${prefix}${process.pid % 1000}x${++counter}`;
    return probe.app.users.createUser({ username, email: `${username}@example.com`, password: "password-123" });
  };
  const makeGroup = (extra: Record<string, unknown> = {}) =>
    probe.ok("create_group", { group: { name: unique("grp"), display_name: `Group ${counter}`, source: "custom", ...extra } });
  const makeTeam = (prefix = "gteam") => probe.app.teams.createTeam({ name: unique(prefix), display_name: "Groups team", type: "O" });
  const makeChannel = (teamId: string, prefix = "gchan") =>
    probe.app.channels.createChannel({ team_id: teamId, name: unique(prefix), display_name: "Groups channel", type: "O" });
  const groupRow = (id: string) => db().selectFrom("user_groups").selectAll().where("id", "=", id).executeTakeFirst();
  const memberRow = (groupId: string, userId: string) =>
    db().selectFrom("group_members").selectAll().where("group_id", "=", groupId).where("user_id", "=", userId).executeTakeFirst();
  const teamMemberRow = (teamId: string, userId: string) =>
    db().selectFrom("team_members").selectAll().where("team_id", "=", teamId).where("user_id", "=", userId).executeTakeFirst();
  const kv = async (pluginId: string, key: string) => {
    const raw = await eventually(() => probe.app.kv.get(pluginId, key));
    return JSON.parse(Buffer.from(raw).toString());
  };

  test("CreateGroup stores a group validated as Mattermost's Group.IsValidForCreate; GetGroup and GetGroupByName read it", async () => {
    const name = unique("eng");
    const group = await probe.ok("create_group", { group: { name, display_name: "Engineering", description: "builders", source: "custom", allow_reference: true } });
    assert.equal(group.id.length, 26);
    assert.equal(group.name, name);
    assert.equal(group.display_name, "Engineering");
    assert.equal(group.source, "custom");
    assert.equal(group.remote_id, null);
    assert.equal(group.allow_reference, true);
    assert.equal(group.has_syncables, false);
    assert.ok(group.create_at > 0 && group.create_at === group.update_at && group.delete_at === 0);
    const row = await groupRow(group.id);
    assert.equal(row?.name, name);
    assert.equal(row?.description, "builders");
    assert.equal(row?.allow_reference, 1);

    assert.deepEqual(await probe.ok("get_group", { group_id: group.id }), group);
    assert.deepEqual(await probe.ok("get_group_by_name", { name }, true), group);
    assert.equal((await probe.fails("get_group", { group_id: newId() }, 404)).id, "app.group.no_rows");
    assert.equal((await probe.fails("get_group", { group_id: "nope" }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("get_group_by_name", { name: "no-such-group" }, 404)).id, "app.group.no_rows");

    // A group without a name is fine unless it may be @-mentioned.
    const unnamed = await probe.ok("create_group", { group: { display_name: "No name", source: "custom" } });
    assert.equal(unnamed.name, null);
    assert.equal((await groupRow(unnamed.id))?.name, null);
    const bad = async (group: Record<string, unknown>, id: string, status = 400) =>
      assert.equal((await probe.fails("create_group", { group: { display_name: "X", source: "custom", ...group } }, status)).id, id);
    await bad({ allow_reference: true }, "model.group.name.app_error");
    await bad({ name: "Has Caps" }, "model.group.name.invalid_chars.app_error");
    await bad({ name: "here" }, "model.group.name.reserved_name.app_error");
    await bad({ name: "x".repeat(65) }, "model.group.name.invalid_length.app_error");
    await bad({ name: unique("n"), display_name: "" }, "model.group.display_name.app_error");
    await bad({ name: unique("n"), description: "d".repeat(1025) }, "model.group.description.app_error");
    await bad({ name: unique("n"), source: "saml" }, "model.group.source.app_error");
    await bad({ name: unique("n"), source: "ldap" }, "model.group.remote_id.app_error");
    await bad({ name: unique("n"), id: newId() }, "app.group.id.app_error");
    await bad({ name }, "app.custom_group.unique_name", 409);
    const user = await makeUser();
    await bad({ name: user.username }, "app.group.username_conflict");
    assert.equal((await db().selectFrom("user_groups").select("id").where("display_name", "=", "X").execute()).length, 0);
  });

  test("a remote id is unique per source; GetGroupByRemoteID and GetGroupsBySource find groups by it and by source", async () => {
    const source = `plugin_${unique("dir")}`;
    const remoteId = unique("r");
    const a = await makeGroup({ source, remote_id: remoteId, display_name: "B from the directory" });
    const b = await makeGroup({ source, remote_id: unique("r"), display_name: "A from the directory" });
    assert.equal(a.remote_id, remoteId);
    assert.equal((await probe.fails("create_group", { group: { name: unique("dup"), display_name: "Dup", source, remote_id: remoteId } }, 409)).id, "app.group.unique_remote_id");
    // The same remote id in another source is another group.
    const ldap = await makeGroup({ source: "ldap", remote_id: remoteId });
    assert.notEqual(ldap.id, a.id);

    assert.equal((await probe.ok("get_group_by_remote_id", { remote_id: remoteId, group_source: source })).id, a.id);
    assert.equal((await probe.ok("get_group_by_remote_id", { remote_id: remoteId, group_source: "ldap" }, true)).id, ldap.id);
    assert.equal((await probe.fails("get_group_by_remote_id", { remote_id: remoteId, group_source: "custom" }, 404)).id, "app.group.no_rows");
    assert.equal((await probe.fails("get_group_by_remote_id", { remote_id: remoteId, group_source: "bogus" }, 400)).id, "model.group.source.app_error");

    // By display name; archived groups are left out.
    assert.deepEqual((await probe.ok("get_groups_by_source", { group_source: source })).map((g: any) => g.id), [b.id, a.id]);
    await probe.ok("delete_group", { group_id: b.id });
    assert.deepEqual((await probe.ok("get_groups_by_source", { group_source: source }, true)).map((g: any) => g.id), [a.id]);
    assert.deepEqual(await probe.ok("get_groups_by_source", { group_source: `plugin_${unique("none")}` }), []);
    assert.equal((await probe.fails("get_groups_by_source", { group_source: "plugin_" }, 400)).id, "model.group.source.app_error");
  });

  test("UpdateGroup changes name, display name, description and allow_reference; source and remote id stay", async () => {
    const source = `plugin_${unique("upd")}`;
    const group = await makeGroup({ source, remote_id: "remote-1" });
    const taken = await makeGroup();
    const name = unique("renamed");
    const updated = await probe.ok("update_group", {
      group: { ...group, name, display_name: "Renamed", description: "new", allow_reference: true, source: "custom", remote_id: "other" },
    });
    assert.equal(updated.id, group.id);
    assert.equal(updated.name, name);
    assert.equal(updated.display_name, "Renamed");
    assert.equal(updated.description, "new");
    assert.equal(updated.allow_reference, true);
    assert.equal(updated.source, source);
    assert.equal(updated.remote_id, "remote-1");
    assert.equal(updated.create_at, group.create_at);
    assert.ok(updated.update_at > group.update_at);
    assert.deepEqual(await probe.ok("get_group", { group_id: group.id }), updated);

    assert.equal((await probe.fails("update_group", { group: { ...updated, name: taken.name } }, 409)).id, "app.custom_group.unique_name");
    assert.equal((await probe.fails("update_group", { group: { ...updated, display_name: "" } }, 400, true)).id, "model.group.display_name.app_error");
    assert.equal((await probe.fails("update_group", { group: { ...updated, id: newId() } }, 404)).id, "app.group.no_rows");
    assert.equal((await probe.fails("update_group", { group: { ...updated, id: "" } }, 400)).id, "app.group.id.app_error");
    assert.equal((await groupRow(group.id))?.name, name);
  });

  test("DeleteGroup archives a group and RestoreGroup brings it back; both refuse a group in the wrong state", async () => {
    const group = await makeGroup();
    const deleted = await probe.ok("delete_group", { group_id: group.id });
    assert.ok(deleted.delete_at > 0);
    assert.equal(deleted.update_at, deleted.delete_at);
    assert.equal((await groupRow(group.id))?.delete_at, deleted.delete_at);
    // Archived groups stay readable and keep their name.
    assert.equal((await probe.ok("get_group", { group_id: group.id })).delete_at, deleted.delete_at);
    assert.equal((await probe.fails("create_group", { group: { name: group.name, display_name: "Again", source: "custom" } }, 409)).id, "app.custom_group.unique_name");
    assert.equal((await probe.fails("delete_group", { group_id: group.id }, 404)).id, "app.group.no_rows");

    const restored = await probe.ok("restore_group", { group_id: group.id }, true);
    assert.equal(restored.delete_at, 0);
    assert.equal((await groupRow(group.id))?.delete_at, 0);
    assert.equal((await probe.fails("restore_group", { group_id: group.id }, 404)).id, "app.group.no_rows");
    assert.equal((await probe.fails("delete_group", { group_id: newId() }, 404)).id, "app.group.no_rows");
    assert.equal((await probe.fails("restore_group", { group_id: "x" }, 400)).id, "api.context.invalid_param.app_error");
  });

  test("group members: UpsertGroupMember(s), GetGroupMemberUsers, GetGroupsForUser and DeleteGroupMember", async () => {
    const group = await makeGroup({ display_name: "Members A" });
    const other = await makeGroup({ display_name: "Members B" });
    const [u1, u2, u3] = [await makeUser("gmc"), await makeUser("gma"), await makeUser("gmb")];

    const m1 = await probe.ok("upsert_group_member", { group_id: group.id, user_id: u1.id });
    assert.equal(m1.group_id, group.id);
    assert.equal(m1.user_id, u1.id);
    assert.ok(m1.create_at > 0);
    assert.equal(m1.delete_at, 0);
    const many = await probe.ok("upsert_group_members", { group_id: group.id, user_ids: [u1.id, u2.id, u3.id] }, true);
    assert.deepEqual(many.map((m: any) => m.user_id), [u1.id, u2.id, u3.id]);
    assert.equal(many[0].create_at, m1.create_at, "an existing membership is returned unchanged");
    await probe.ok("upsert_group_member", { group_id: other.id, user_id: u1.id });

    // Users by username, paged.
    const byName = [u1, u2, u3].sort((a, b) => a.username.localeCompare(b.username)).map((u) => u.id);
    assert.deepEqual((await probe.ok("get_group_member_users", { group_id: group.id, page: 0, per_page: 10 })).map((u: any) => u.id), byName);
    // Mattermost's store pages with LIMIT per_page: 0 answers an empty list.
    assert.deepEqual(await probe.ok("get_group_member_users", { group_id: group.id, page: 0, per_page: 0 }), []);
    assert.deepEqual((await probe.ok("get_group_member_users", { group_id: group.id, page: 1, per_page: 2 }, true)).map((u: any) => u.id), byName.slice(2));
    assert.equal((await probe.ok("get_group_member_users", { group_id: group.id, page: 0, per_page: 1 }))[0].username, [u1, u2, u3].find((u) => u.id === byName[0])!.username);
    assert.deepEqual((await probe.ok("get_groups_for_user", { user_id: u1.id })).map((g: any) => g.id), [group.id, other.id]);

    const removed = await probe.ok("delete_group_member", { group_id: group.id, user_id: u2.id });
    assert.ok(removed.delete_at > 0);
    assert.equal((await memberRow(group.id, u2.id))?.delete_at, removed.delete_at);
    assert.equal((await probe.ok("get_group_member_users", { group_id: group.id, page: 0, per_page: 10 })).some((u: any) => u.id === u2.id), false);
    assert.deepEqual(await probe.ok("get_groups_for_user", { user_id: u2.id }, true), []);
    const notMember = await probe.fails("delete_group_member", { group_id: group.id, user_id: u2.id }, 404);
    assert.equal(notMember.id, "app.group.no_rows");
    assert.match(notMember.message, /not a member of the group/);
    // Upserting again restores the membership.
    const back = await probe.ok("upsert_group_member", { group_id: group.id, user_id: u2.id });
    assert.equal(back.delete_at, 0);
    assert.equal((await memberRow(group.id, u2.id))?.delete_at, 0);

    // Archived groups are not listed for their members and take no new ones.
    await probe.ok("delete_group", { group_id: other.id });
    assert.deepEqual((await probe.ok("get_groups_for_user", { user_id: u1.id })).map((g: any) => g.id), [group.id]);
    assert.equal((await probe.fails("upsert_group_member", { group_id: other.id, user_id: u2.id }, 400)).id, "app.group.deleted.app_error");

    assert.equal((await probe.fails("upsert_group_member", { group_id: group.id, user_id: newId() }, 404)).id, "app.user.missing_account.const");
    assert.equal((await probe.fails("upsert_group_members", { group_id: group.id, user_ids: [u1.id, newId()] }, 404)).id, "app.user.missing_account.const");
    assert.equal((await probe.fails("upsert_group_members", { group_id: group.id, user_ids: ["bad"] }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("upsert_group_member", { group_id: newId(), user_id: u1.id }, 404)).id, "app.group.no_rows");
    assert.equal((await probe.fails("get_group_member_users", { group_id: newId(), page: 0, per_page: 10 }, 404)).id, "app.group.no_rows");
    assert.equal((await probe.fails("get_group_member_users", { group_id: group.id, page: -1, per_page: 10 }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("get_groups_for_user", { user_id: "x" }, 400)).id, "api.context.invalid_param.app_error");
  });

  test("group syncables: Upsert, Get, GetAll, Update and Delete a group's links to teams and channels", async () => {
    const group = await makeGroup();
    const team = await makeTeam();
    const channel = await makeChannel(team.id);

    const link = await probe.ok("upsert_group_syncable", { group_syncable: { group_id: group.id, syncable_id: team.id, type: "Team", auto_add: true } });
    assert.equal(link.group_id, group.id);
    assert.equal(link.syncable_id, team.id);
    assert.equal(link.type, "Team");
    assert.equal(link.auto_add, true);
    assert.equal(link.scheme_admin, false);
    assert.equal(link.delete_at, 0);
    assert.equal((await probe.ok("get_group", { group_id: group.id })).has_syncables, true);
    assert.deepEqual(await probe.ok("get_group_syncable", { group_id: group.id, syncable_id: team.id, syncable_type: "Team" }), link);

    // Linking a channel links the group to the channel's team if it is not yet (here it is: kept as is).
    const chLink = await probe.ok("upsert_group_syncable", { group_syncable: { group_id: group.id, syncable_id: channel.id, type: "Channel", scheme_admin: true } }, true);
    assert.equal(chLink.type, "Channel");
    assert.equal(chLink.scheme_admin, true);
    assert.equal((await probe.ok("get_group_syncable", { group_id: group.id, syncable_id: team.id, syncable_type: "Team" })).auto_add, true);
    assert.deepEqual((await probe.ok("get_group_syncables", { group_id: group.id, syncable_type: "Channel" })).map((s: any) => s.syncable_id), [channel.id]);

    const updated = await probe.ok("update_group_syncable", { group_syncable: { ...link, auto_add: false, scheme_admin: true } });
    assert.equal(updated.auto_add, false);
    assert.equal(updated.scheme_admin, true);
    assert.equal(updated.create_at, link.create_at);
    const row = await db().selectFrom("group_syncables").selectAll().where("group_id", "=", group.id).where("syncable_id", "=", team.id).executeTakeFirst();
    assert.equal(row?.auto_add, 0);
    assert.equal(row?.scheme_admin, 1);

    // Removing the team link removes the group's links to that team's channels.
    const removed = await probe.ok("delete_group_syncable", { group_id: group.id, syncable_id: team.id, syncable_type: "Team" });
    assert.ok(removed.delete_at > 0);
    assert.deepEqual(await probe.ok("get_group_syncables", { group_id: group.id, syncable_type: "Team" }, true), []);
    assert.deepEqual(await probe.ok("get_group_syncables", { group_id: group.id, syncable_type: "Channel" }), []);
    assert.ok((await probe.ok("get_group_syncable", { group_id: group.id, syncable_id: channel.id, syncable_type: "Channel" })).delete_at > 0);
    assert.equal((await probe.ok("get_group", { group_id: group.id })).has_syncables, false);
    assert.equal((await probe.fails("delete_group_syncable", { group_id: group.id, syncable_id: team.id, syncable_type: "Team" }, 400)).id, "app.group.group_syncable_already_deleted");
    // An upsert brings a removed link back.
    const again = await probe.ok("upsert_group_syncable", { group_syncable: { group_id: group.id, syncable_id: team.id, type: "Team" } });
    assert.equal(again.delete_at, 0);
    assert.equal(again.create_at, link.create_at);

    // A channel of a team the group is not linked to: the team link is made, with the channel link's auto_add.
    const team2 = await makeTeam();
    const channel2 = await makeChannel(team2.id);
    await probe.ok("upsert_group_syncable", { group_syncable: { group_id: group.id, syncable_id: channel2.id, type: "Channel", auto_add: true } });
    const teamLink = await probe.ok("get_group_syncable", { group_id: group.id, syncable_id: team2.id, syncable_type: "Team" });
    assert.equal(teamLink.auto_add, true);
    assert.equal(teamLink.delete_at, 0);
    // …but a group-constrained team must be linked first.
    const constrained = await makeTeam("gconstr");
    await db().updateTable("teams").set({ group_constrained: 1 }).where("id", "=", constrained.id).execute();
    const constrainedChannel = await makeChannel(constrained.id);
    assert.equal((await probe.fails("upsert_group_syncable", { group_syncable: { group_id: group.id, syncable_id: constrainedChannel.id, type: "Channel" } }, 400)).id, "group_not_associated_to_synced_team");
    assert.equal((await probe.ok("get_team", { team_id: constrained.id })).group_constrained, true);

    const bad = async (args: Record<string, unknown>, status: number, id: string, method = "upsert_group_syncable") =>
      assert.equal((await probe.fails(method, args, status)).id, id);
    await bad({ group_syncable: { group_id: group.id, syncable_id: team.id, type: "Board" } }, 400, "model.group_syncable.type.app_error");
    await bad({ group_syncable: { group_id: "x", syncable_id: team.id, type: "Team" } }, 400, "model.group_syncable.group_id.app_error");
    await bad({ group_syncable: { group_id: group.id, syncable_id: newId(), type: "Team" } }, 404, "app.team.get.find.app_error");
    await bad({ group_syncable: { group_id: group.id, syncable_id: newId(), type: "Channel" } }, 404, "app.channel.get.existing.app_error");
    await bad({ group_syncable: { group_id: newId(), syncable_id: team.id, type: "Team" } }, 404, "app.group.no_rows");
    await bad({ group_syncable: { group_id: group.id, syncable_id: constrained.id, type: "Team" } }, 404, "app.group.no_rows", "update_group_syncable");
    await bad({ group_id: group.id, syncable_id: newId(), syncable_type: "Team" }, 404, "app.group.no_rows", "get_group_syncable");
    await bad({ group_id: group.id, syncable_id: team.id, syncable_type: "team" }, 400, "model.group_syncable.type.app_error", "get_group_syncable");
    await bad({ group_id: group.id, syncable_type: "Nope" }, 400, "model.group_syncable.type.app_error", "get_group_syncables");
    await bad({ group_id: group.id, syncable_id: newId(), syncable_type: "Channel" }, 404, "app.group.no_rows", "delete_group_syncable");
  });

  test("GetGroups pages groups by display name with Mattermost's search options and view restrictions", async () => {
    const tag = unique("zq").replace(/-/g, "");
    const team = await makeTeam();
    const [u1, u2, u3] = [await makeUser(), await makeUser(), await makeUser()];
    await probe.app.teams.addMember(team.id, u1.id);
    const a = await makeGroup({ display_name: `${tag} Alpha`, allow_reference: true });
    const b = await makeGroup({ display_name: `${tag} Beta`, source: "plugin_gg", remote_id: unique("r") });
    const c = await makeGroup({ display_name: `${tag} Gamma`, name: `${tag}-gamma` });
    await probe.ok("upsert_group_members", { group_id: a.id, user_ids: [u1.id, u2.id] });
    await probe.ok("upsert_group_members", { group_id: b.id, user_ids: [u3.id] });
    await probe.ok("upsert_group_syncable", { group_syncable: { group_id: b.id, syncable_id: team.id, type: "Team" } });
    await probe.ok("delete_group", { group_id: c.id });
    const ids = (groups: any[]) => groups.map((g) => g.id);
    const get = (opts: Record<string, unknown>, page = 0, perPage = 0, extra: Record<string, unknown> = {}) =>
      probe.ok("get_groups", { page, per_page: perPage, opts: { q: tag, ...opts }, ...extra });

    assert.deepEqual(ids(await get({})), [a.id, b.id]);
    assert.deepEqual(ids(await get({ include_archived: true })), [a.id, b.id, c.id]);
    assert.deepEqual(ids(await get({ filter_archived: true })), [c.id]);
    assert.deepEqual(ids(await get({}, 1, 1)), [b.id]);
    assert.deepEqual(ids(await get({ q: `${tag} ALP` })), [a.id], "q is a case-insensitive substring of name or display name");
    assert.deepEqual(ids(await get({ q: `${tag}-gam`, include_archived: true })), [c.id]);
    assert.deepEqual(ids(await get({ q: "%" })).includes(a.id), false, "LIKE wildcards in q are literal");
    assert.deepEqual(ids(await get({ source: "plugin_gg" })), [b.id]);
    assert.deepEqual(ids(await get({ filter_allow_reference: true })), [a.id]);
    assert.deepEqual(ids(await get({ filter_has_member: u3.id })), [b.id]);
    assert.deepEqual(ids(await get({ not_associated_to_team: team.id })), [a.id]);
    const since = (await groupRow(b.id))!.update_at;
    assert.deepEqual(ids(await get({ since: since - 1 })).includes(c.id), true, "since includes archived groups");

    const counted = await get({ include_member_count: true, include_member_ids: true }, 0, 0);
    assert.equal(counted[0].member_count, 2);
    assert.deepEqual([...counted[0].member_ids].sort(), [u1.id, u2.id].sort());
    assert.equal(counted[1].member_count, 1);
    assert.equal(counted[1].has_syncables, true);
    assert.equal((await get({}))[0].member_count, null, "counts only when asked");
    // View restrictions: only members on the team are counted.
    const restricted = await get({ include_member_count: true }, 0, 0, { view_restrictions: { teams: [team.id], channels: [] } });
    assert.deepEqual(restricted.map((g: any) => g.member_count), [1, 0]);
    assert.equal((await probe.fails("get_groups", { page: -1, per_page: 10, opts: {} }, 400, true)).id, "api.context.invalid_param.app_error");
  });

  test("CreateDefaultSyncableMemberships adds auto-add groups' members to teams then channels, firing the join hooks", async () => {
    const team = await makeTeam();
    const channel = await makeChannel(team.id);
    const quiet = await makeChannel(team.id, "gquiet");
    const [u1, u2, u3] = [await makeUser(), await makeUser(), await makeUser()];
    const group = await makeGroup();
    await probe.ok("upsert_group_members", { group_id: group.id, user_ids: [u1.id, u2.id] });
    await probe.ok("upsert_group_syncable", { group_syncable: { group_id: group.id, syncable_id: team.id, type: "Team", auto_add: true } });
    await probe.ok("upsert_group_syncable", { group_syncable: { group_id: group.id, syncable_id: channel.id, type: "Channel", auto_add: true } });
    await probe.ok("upsert_group_syncable", { group_syncable: { group_id: group.id, syncable_id: quiet.id, type: "Channel", auto_add: false } });

    // Scoped to one user first.
    await probe.ok("create_default_syncable_memberships", { params: { since: 0, re_add_removed_members: false, scoped_user_id: u1.id } });
    assert.equal((await teamMemberRow(team.id, u1.id))?.delete_at, 0);
    assert.equal(await teamMemberRow(team.id, u2.id), undefined);
    assert.equal(await probe.app.channels.isMember(channel.id, u1.id), true);

    await probe.ok("create_default_syncable_memberships", { params: { since: 0, re_add_removed_members: false } }, true);
    assert.equal(await probe.app.teams.isMember(team.id, u2.id), true);
    assert.equal(await probe.app.channels.isMember(channel.id, u2.id), true);
    assert.equal(await probe.app.channels.isMember(quiet.id, u2.id), false, "no auto_add, no membership");
    assert.equal(await probe.app.teams.isMember(team.id, u3.id), false, "not in the group");
    const joined = await kv(TEAM_HOOKS, `UserHasJoinedTeam:${team.id}/${u2.id}`);
    assert.equal(joined.member.team_id, team.id);
    assert.ok(await kv(CHANNEL_HOOKS, `UserHasJoinedChannel:${channel.id}/${u2.id}`));

    // A user who left the team comes back only with re_add_removed_members.
    await probe.app.teamMembers.removeMember(team.id, u2.id);
    await probe.ok("create_default_syncable_memberships", { params: { since: 0, re_add_removed_members: false } });
    assert.equal(await probe.app.teams.isMember(team.id, u2.id), false);
    await probe.ok("create_default_syncable_memberships", { params: { since: 0, re_add_removed_members: true, scoped_team_id: team.id } });
    assert.equal(await probe.app.teams.isMember(team.id, u2.id), true);
    // `since` limits the work to memberships and links changed after it: an older membership (u4)
    // is left alone, a recent one (u3) is picked up.
    const u4 = await makeUser();
    await probe.ok("upsert_group_member", { group_id: group.id, user_id: u4.id });
    const u4Joined = Number((await db().selectFrom("group_members").select("create_at").where("group_id", "=", group.id).where("user_id", "=", u4.id).executeTakeFirstOrThrow()).create_at);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await probe.ok("upsert_group_member", { group_id: group.id, user_id: u3.id });
    const u3Joined = Number((await db().selectFrom("group_members").select("create_at").where("group_id", "=", group.id).where("user_id", "=", u3.id).executeTakeFirstOrThrow()).create_at);
    assert.ok(u3Joined > u4Joined);
    await probe.ok("create_default_syncable_memberships", { params: { since: u3Joined + 60_000, re_add_removed_members: false } });
    assert.equal(await probe.app.teams.isMember(team.id, u3.id), false, "nothing changed after a future since");
    await probe.ok("create_default_syncable_memberships", { params: { since: u3Joined, re_add_removed_members: false } }, true);
    assert.equal(await probe.app.teams.isMember(team.id, u3.id), true, "the recent membership is picked up");
    assert.equal(await probe.app.channels.isMember(channel.id, u3.id), true);
    assert.equal(await probe.app.teams.isMember(team.id, u4.id), false, "the older one is not");
    assert.equal((await probe.fails("create_default_syncable_memberships", { params: { since: 0, scoped_user_id: "x" } }, 400)).id, "api.context.invalid_param.app_error");
  });

  test("DeleteGroupConstrainedMemberships removes members of group-constrained teams and channels outside their groups", async () => {
    const team = await makeTeam();
    const channel = await makeChannel(team.id);
    const free = await makeTeam("gfree");
    const [inGroup, outsider, bot] = [await makeUser(), await makeUser(), await makeUser()];
    await db().updateTable("users").set({ is_bot: 1 }).where("id", "=", bot.id).execute();
    for (const u of [inGroup, outsider, bot]) {
      await probe.app.teams.addMember(team.id, u.id);
      await probe.app.channels.addMember(channel.id, u.id);
      await probe.app.teams.addMember(free.id, u.id);
    }
    const group = await makeGroup();
    await probe.ok("upsert_group_member", { group_id: group.id, user_id: inGroup.id });
    await probe.ok("upsert_group_syncable", { group_syncable: { group_id: group.id, syncable_id: team.id, type: "Team" } });
    // The channel is constrained without linked groups: only its bot stays.
    await db().updateTable("teams").set({ group_constrained: 1 }).where("id", "=", team.id).execute();
    await db().updateTable("channels").set({ group_constrained: 1 }).where("id", "=", channel.id).execute();

    await probe.ok("delete_group_constrained_memberships", {});
    assert.equal(await probe.app.teams.isMember(team.id, inGroup.id), true);
    assert.equal(await probe.app.teams.isMember(team.id, bot.id), true, "bots stay");
    assert.ok((await teamMemberRow(team.id, outsider.id))!.delete_at > 0);
    assert.equal(await probe.app.teams.isMember(free.id, outsider.id), true, "teams that are not constrained keep everyone");
    assert.equal(await probe.app.channels.isMember(channel.id, inGroup.id), false);
    assert.equal(await probe.app.channels.isMember(channel.id, bot.id), true);
    const left = await kv(TEAM_HOOKS, `UserHasLeftTeam:${team.id}/${outsider.id}`);
    assert.equal(left.member.user_id, outsider.id);
    assert.ok(await kv(CHANNEL_HOOKS, `UserHasLeftChannel:${channel.id}/${inGroup.id}`));
    // Idempotent.
    await probe.ok("delete_group_constrained_memberships", {}, true);
    assert.equal(await probe.app.teams.isMember(team.id, inGroup.id), true);
  });
});
