import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { eventually, RestClient } from "./support/running-server.js";
import { TEST_DIALECT } from "./support/test-database.js";

// Channel memberships and sidebar categories of Mattermost's plugin.API, called by a real Python
// plugin, and the membership hooks fired for them by a second real Python plugin (py-channels-hooks):
// ChannelWillBeArchived, ChannelMemberWillBeAdded (also for REST), UserHasJoinedChannel and
// UserHasLeftChannel, and a channel guard that fails closed. On SQLite and PostgreSQL.
const HOOKS = "com.polyplug.test.py-channels-hooks";

describe(`Plugin API channel members and sidebar categories, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  let team: { id: string };
  let otherTeam: { id: string };
  const users: Record<string, { id: string; username: string }> = {};
  const id = (name: string) => users[name]!.id;

  before(async () => {
    probe = await startApiProbe({ bundles: ["packages/server/test/fixtures/plugins/py-channels-hooks"] });
    assert.equal(probe.server.plugins.get(HOOKS)?.state, PluginState.Running);
    const app = probe.app;
    for (const name of ["ann", "bob", "cid", "dee", "eve", "out"]) {
      users[name] = await app.users.createUser({ username: name, email: `${name}@example.com`, password: "password-1" });
    }
    team = await app.teams.createTeam({ name: "alpha", display_name: "Alpha", type: "O" }, id("ann"));
    otherTeam = await app.teams.createTeam({ name: "beta", display_name: "Beta", type: "O" }, id("ann"));
    for (const name of ["bob", "cid", "dee", "eve"]) await app.teams.addMember(team.id, id(name));
  });
  after(async () => probe?.close());

  /** What the hooks plugin recorded under `key` (eventually: notifications are fire-and-forget). */
  async function recorded(key: string): Promise<any> {
    return eventually(async () => {
      const row = await probe.database.database.db.selectFrom("plugin_kv").select("pvalue").where("plugin_id", "=", HOOKS).where("pkey", "=", key).executeTakeFirst();
      return row ? JSON.parse(Buffer.from(row.pvalue).toString("utf8")) : undefined;
    });
  }
  const memberRow = (channelId: string, userId: string) =>
    probe.database.database.db.selectFrom("channel_members").selectAll().where("channel_id", "=", channelId).where("user_id", "=", userId).executeTakeFirst();
  const channel = (name: string, type: "O" | "P" = "O", creator = id("ann")) => probe.app.channels.createChannel({ team_id: team.id, name, display_name: name, type }, creator);

  test("AddChannelMember joins a team member (UserHasJoinedChannel without actor); AddUserToChannel names the adder as actor", async () => {
    const c = await channel("joinable");
    const joined = await probe.ok("add_channel_member", { channel_id: c.id, user_id: id("bob") });
    assert.equal(joined.channel_id, c.id);
    assert.equal(joined.user_id, id("bob"));
    assert.equal(joined.roles, "channel_user");
    assert.equal(joined.scheme_user, true);
    assert.ok(await memberRow(c.id, id("bob")));
    assert.deepEqual(await recorded(`UserHasJoinedChannel:${c.id}/${id("bob")}`), { roles: "channel_user", actor: null });
    assert.deepEqual(await recorded(`ChannelMemberWillBeAdded:${c.id}/${id("bob")}`), { roles: "channel_user" });

    const added = await probe.ok("add_user_to_channel", { channel_id: c.id, user_id: id("cid"), as_user_id: id("ann") }, true);
    assert.equal(added.user_id, id("cid"));
    assert.deepEqual(await recorded(`UserHasJoinedChannel:${c.id}/${id("cid")}`), { roles: "channel_user", actor: id("ann") });
    assert.equal((await probe.ok("add_channel_member", { channel_id: c.id, user_id: id("bob") })).user_id, id("bob"), "adding a member again is a no-op");

    assert.equal((await probe.fails("add_channel_member", { channel_id: c.id, user_id: id("out") }, 404)).id, "app.team.get_member.missing.app_error");
    assert.equal((await probe.fails("add_channel_member", { channel_id: "a".repeat(26), user_id: id("bob") }, 404)).id, "app.channel.get.existing.app_error");
    assert.equal((await probe.fails("add_user_to_channel", { channel_id: c.id, user_id: id("dee"), as_user_id: "b".repeat(26) }, 404)).id, "app.user.missing_account.const");
    await probe.app.channelManagement.archiveChannel(c.id);
    assert.equal((await probe.fails("add_channel_member", { channel_id: c.id, user_id: id("dee") }, 400)).id, "api.channel.add_user_to_channel.deleted.app_error");
  });

  test("ChannelMemberWillBeAdded may refuse (Plugin API and REST) or rewrite the member's roles", async () => {
    const closed = await channel("closed-room");
    const refused = await probe.fails("add_channel_member", { channel_id: closed.id, user_id: id("bob") }, 400);
    assert.equal(refused.id, "app.channel.add_user.to.channel.rejected_by_plugin");
    assert.match(refused.message, /the channel is closed/);
    assert.equal(await memberRow(closed.id, id("bob")), undefined);

    const rest = new RestClient(probe.server.url);
    rest.token = (await rest.call("POST", "/api/v4/users/login", { login_id: "ann", password: "password-1" })).headers.get("token") ?? "";
    const response = await rest.call("POST", `/api/v4/channels/${closed.id}/members`, { user_id: id("cid") });
    assert.equal(response.status, 400);
    assert.equal(response.json.id, "app.channel.add_user.to.channel.rejected_by_plugin");
    assert.equal(await memberRow(closed.id, id("cid")), undefined);

    const admins = await channel("admins-room");
    const promoted = await probe.ok("add_channel_member", { channel_id: admins.id, user_id: id("bob") });
    assert.equal(promoted.roles, "channel_user channel_admin");
    assert.equal(promoted.scheme_admin, true);
    assert.equal((await memberRow(admins.id, id("bob")))?.roles, "channel_user channel_admin");
    const viaRest = await rest.call("POST", `/api/v4/channels/${admins.id}/members`, { user_id: id("cid") });
    assert.equal(viaRest.status, 201);
    assert.equal((await memberRow(admins.id, id("cid")))?.roles, "channel_user channel_admin");
  });

  test("a guard plugin's rejection stops the addition; a guard that is stopped makes it fail closed", async () => {
    const app = probe.app;
    const guarded = await channel("closed-guarded");
    await app.channelGuards.register(guarded.id, HOOKS);
    assert.equal((await probe.fails("add_channel_member", { channel_id: guarded.id, user_id: id("bob") }, 400)).id, "app.channel.add_user.to.channel.rejected_by_plugin");
    const open = await channel("guarded-open");
    await app.channelGuards.register(open.id, HOOKS);
    await probe.ok("add_channel_member", { channel_id: open.id, user_id: id("bob") });
    // A failing plugin has no say (fail open)… unless it guards the channel (fail closed).
    const crash = await channel("crash-room");
    await probe.ok("add_channel_member", { channel_id: crash.id, user_id: id("bob") });
    await app.channelGuards.register(crash.id, HOOKS);
    assert.equal((await probe.fails("add_channel_member", { channel_id: crash.id, user_id: id("cid") }, 503)).id, "app.plugin.guard_hook_failed.app_error");
    assert.equal(await memberRow(crash.id, id("cid")), undefined);
    await app.channelGuards.register(open.id, "com.example.stopped");
    assert.equal((await probe.fails("add_channel_member", { channel_id: open.id, user_id: id("cid") }, 503)).id, "app.plugin.inactive_guard.app_error");
  });

  test("DeleteChannel asks ChannelWillBeArchived: a rejection keeps the channel, otherwise it is archived", async () => {
    const keep = await channel("keep-me");
    const refused = await probe.fails("delete_channel", { channel_id: keep.id }, 400);
    assert.equal(refused.id, "app.channel.delete_channel.rejected_by_plugin");
    assert.match(refused.message, /py-channels keeps this channel/);
    assert.equal((await probe.app.channels.getChannel(keep.id)).delete_at, 0);
    assert.deepEqual(await recorded(`ChannelWillBeArchived:${keep.id}`), { name: "keep-me", delete_at: 0 });

    const go = await channel("let-go");
    await probe.ok("delete_channel", { channel_id: go.id }, true);
    assert.deepEqual(await recorded(`ChannelWillBeArchived:${go.id}`), { name: "let-go", delete_at: 0 });
    assert.ok((await probe.app.channels.getChannel(go.id)).delete_at > 0);
  });

  test("GetChannelMember(s), GetChannelMembersByIds and GetChannelMembersForUser read memberships", async () => {
    const c = await channel("readers");
    for (const name of ["bob", "cid"]) await probe.app.channels.addMember(c.id, id(name));
    assert.equal((await probe.ok("get_channel_member", { channel_id: c.id, user_id: id("bob") })).user_id, id("bob"));
    assert.equal((await probe.fails("get_channel_member", { channel_id: c.id, user_id: id("dee") }, 404)).id, "app.channel.get_member.missing.app_error");

    const all = await probe.ok("get_channel_members", { channel_id: c.id, page: 0, per_page: 60 });
    assert.deepEqual(all.map((m: { user_id: string }) => m.user_id).sort(), [id("ann"), id("bob"), id("cid")].sort());
    const second = await probe.ok("get_channel_members", { channel_id: c.id, page: 1, per_page: 2 }, true);
    assert.equal(second.length, 1);
    assert.equal((await probe.fails("get_channel_members", { channel_id: "c".repeat(26), page: 0, per_page: 10 }, 404)).id, "app.channel.get.existing.app_error");
    assert.equal((await probe.fails("get_channel_members", { channel_id: c.id, page: 0, per_page: -1 }, 400)).id, "api.context.invalid_param.app_error");

    const byIds = await probe.ok("get_channel_members_by_ids", { channel_id: c.id, user_ids: [id("cid"), id("dee"), id("bob")] });
    assert.deepEqual(byIds.map((m: { user_id: string }) => m.user_id).sort(), [id("bob"), id("cid")].sort(), "non-members are left out");
    assert.equal((await probe.fails("get_channel_members_by_ids", { channel_id: c.id, user_ids: ["bad"] }, 400)).id, "api.context.invalid_param.app_error");

    const eve = id("eve");
    const mine = [await channel("eve-1", "O", eve), await channel("eve-2", "P", eve)];
    const dm = await probe.ok("get_direct_channel", { user_id_1: eve, user_id_2: id("ann") });
    const forUser = await probe.ok("get_channel_members_for_user", { team_id: team.id, user_id: eve, page: 0, per_page: 100 });
    assert.deepEqual(forUser.map((m: { channel_id: string }) => m.channel_id).sort(), [...mine.map((c) => c.id), dm.id].sort());
    assert.equal((await probe.ok("get_channel_members_for_user", { team_id: "", user_id: eve, page: 1, per_page: 2 }, true)).length, 1);
  });

  test("UpdateChannelMemberRoles sets channel_user [channel_admin]; other roles are refused", async () => {
    const c = await channel("roles");
    await probe.app.channels.addMember(c.id, id("bob"));
    const admin = await probe.ok("update_channel_member_roles", { channel_id: c.id, user_id: id("bob"), new_roles: "channel_admin channel_user" });
    assert.equal(admin.roles, "channel_user channel_admin");
    assert.equal(admin.scheme_admin, true);
    assert.equal((await memberRow(c.id, id("bob")))?.roles, "channel_user channel_admin");
    assert.equal((await probe.ok("update_channel_member_roles", { channel_id: c.id, user_id: id("bob"), new_roles: "channel_user" }, true)).scheme_admin, false);
    assert.equal((await probe.fails("update_channel_member_roles", { channel_id: c.id, user_id: id("bob"), new_roles: "channel_user system_admin" }, 400)).id, "api.channel.update_channel_member_roles.scheme_role.app_error");
    assert.equal((await probe.fails("update_channel_member_roles", { channel_id: c.id, user_id: id("bob"), new_roles: "channel_admin" }, 400)).id, "api.channel.update_channel_member_roles.unset_user_scheme.app_error");
    await probe.fails("update_channel_member_roles", { channel_id: c.id, user_id: id("dee"), new_roles: "channel_user" }, 404);
  });

  test("UpdateChannelMemberNotifications merges props; PatchChannelMembersNotifications does it for many, all or none", async () => {
    const c1 = await channel("notify-1");
    const c2 = await channel("notify-2");
    const m = await probe.ok("update_channel_member_notifications", { channel_id: c1.id, user_id: id("ann"), notifications: { desktop: "mention", custom: "x" } });
    assert.equal(m.notify_props.desktop, "mention");
    assert.equal(m.notify_props.custom, "x");
    assert.equal(m.notify_props.mark_unread, "all", "other props are kept");
    assert.equal((await probe.fails("update_channel_member_notifications", { channel_id: c1.id, user_id: id("ann"), notifications: { desktop: "loud" } }, 400)).id, "model.channel_member.is_valid.notify_props.app_error");

    const members = [{ channel_id: c1.id, user_id: id("ann") }, { channel_id: c2.id, user_id: id("ann") }];
    assert.equal(await probe.ok("patch_channel_members_notifications", { members, notify_props: { push: "none" } }, true), null);
    for (const c of [c1, c2]) assert.equal(JSON.parse((await memberRow(c.id, id("ann")))!.notify_props).push, "none");
    assert.equal(JSON.parse((await memberRow(c1.id, id("ann")))!.notify_props).desktop, "mention");

    const missing = await probe.fails("patch_channel_members_notifications", { members: [...members, { channel_id: c1.id, user_id: id("dee") }], notify_props: { push: "all" } }, 404);
    assert.equal(missing.id, "app.channel.get_member.missing.app_error");
    assert.equal(JSON.parse((await memberRow(c1.id, id("ann")))!.notify_props).push, "none", "nothing changed");
    const tooMany = Array.from({ length: 201 }, () => members[0]);
    assert.equal((await probe.fails("patch_channel_members_notifications", { members: tooMany, notify_props: { push: "all" } }, 400)).id, "app.channel.patch_channel_members_notify_props.too_many");
  });

  test("DeleteChannelMember removes the membership and fires UserHasLeftChannel", async () => {
    const c = await channel("leavers");
    await probe.app.channels.addMember(c.id, id("dee"));
    assert.equal(await probe.ok("delete_channel_member", { channel_id: c.id, user_id: id("dee") }), null);
    assert.equal(await memberRow(c.id, id("dee")), undefined);
    assert.deepEqual(await recorded(`UserHasLeftChannel:${c.id}/${id("dee")}`), { actor: null });
    assert.equal((await probe.fails("delete_channel_member", { channel_id: c.id, user_id: id("dee") }, 404, true)).id, "app.channel.get_member.missing.app_error");
    const dm = await probe.ok("get_direct_channel", { user_id_1: id("dee"), user_id_2: id("ann") });
    assert.equal((await probe.fails("delete_channel_member", { channel_id: dm.id, user_id: id("dee") }, 400)).id, "api.channel.remove_member.direct.app_error");
  });

  test("sidebar categories: defaults on first read, custom categories on top, channels move between categories", async () => {
    const bob = id("bob");
    const a = await channel("side-a", "O", bob);
    const b = await channel("side-b", "O", bob);
    const dm = await probe.ok("get_direct_channel", { user_id_1: bob, user_id_2: id("cid") });
    const first = await probe.ok("get_channel_sidebar_categories", { user_id: bob, team_id: team.id });
    assert.deepEqual(first.order, [`favorites_${bob}_${team.id}`, `channels_${bob}_${team.id}`, `direct_messages_${bob}_${team.id}`]);
    const byType = (list: Array<{ type: string }>, type: string) => list.find((c) => c.type === type) as any;
    assert.deepEqual(byType(first.categories, "favorites").channel_ids, []);
    assert.ok(byType(first.categories, "channels").channel_ids.includes(a.id));
    assert.deepEqual(byType(first.categories, "direct_messages").channel_ids, [dm.id]);
    assert.equal(byType(first.categories, "direct_messages").sorting, "recent");
    assert.deepEqual(first.categories.map((c: { sort_order: number }) => c.sort_order), [0, 10, 20]);

    const custom = await probe.ok("create_channel_sidebar_category", { user_id: bob, team_id: team.id, new_category: { display_name: "Work", channel_ids: [b.id, a.id] } });
    assert.equal(custom.type, "custom");
    assert.equal(custom.display_name, "Work");
    assert.deepEqual(custom.channel_ids, [b.id, a.id]);
    const second = await probe.ok("get_channel_sidebar_categories", { user_id: bob, team_id: team.id }, true);
    assert.equal(second.order[0], custom.id, "a new category goes on top");
    assert.equal(byType(second.categories, "channels").channel_ids.includes(a.id), false, "moved out of Channels");

    const [fav, work] = await probe.ok("update_channel_sidebar_categories", {
      user_id: bob, team_id: team.id,
      categories: [
        { ...byType(second.categories, "favorites"), channel_ids: [a.id], display_name: "Renamed?" },
        { ...custom, display_name: "Work stuff", collapsed: true, sorting: "alpha", channel_ids: [b.id] },
      ],
    });
    assert.deepEqual(fav.channel_ids, [a.id]);
    assert.equal(fav.display_name, "Favorites", "default categories keep their names");
    assert.deepEqual([work.display_name, work.collapsed, work.sorting], ["Work stuff", true, "alpha"]);
    assert.deepEqual(work.channel_ids, [b.id]);
    const third = await probe.ok("get_channel_sidebar_categories", { user_id: bob, team_id: team.id });
    assert.deepEqual(byType(third.categories, "favorites").channel_ids, [a.id], "a channel lives in one category: moved out of Work");

    const markUnread = async (channelId: string) => JSON.parse((await memberRow(channelId, bob))!.notify_props).mark_unread;
    await probe.ok("update_channel_sidebar_categories", { user_id: bob, team_id: team.id, categories: [{ ...work, muted: true }] });
    assert.equal(await markUnread(b.id), "mention", "muting a category mutes its channels");
    assert.equal(await markUnread(a.id), "all");
    await probe.ok("update_channel_sidebar_categories", { user_id: bob, team_id: team.id, categories: [{ ...work, muted: true, channel_ids: [b.id, a.id] }] });
    assert.equal(await markUnread(a.id), "mention", "a channel moved into a muted category is muted");
    await probe.ok("update_channel_sidebar_categories", { user_id: bob, team_id: team.id, categories: [{ ...work, muted: false, channel_ids: [b.id, a.id] }] });
    assert.deepEqual([await markUnread(a.id), await markUnread(b.id)], ["all", "all"]);

    const emptied = await probe.ok("update_channel_sidebar_categories", { user_id: bob, team_id: team.id, categories: [{ ...work, channel_ids: [] }] });
    assert.deepEqual(emptied[0].channel_ids, []);
    const fourth = await probe.ok("get_channel_sidebar_categories", { user_id: bob, team_id: team.id });
    assert.ok(byType(fourth.categories, "channels").channel_ids.includes(b.id), "a channel taken out of a category returns to Channels");

    assert.equal((await probe.fails("create_channel_sidebar_category", { user_id: bob, team_id: team.id, new_category: { display_name: "" } }, 400)).id, "model.channel_sidebar_category.is_valid.display_name.app_error");
    assert.equal((await probe.fails("create_channel_sidebar_category", { user_id: bob, team_id: team.id, new_category: { display_name: "X", channel_ids: [dm.id, "d".repeat(26)] } }, 400)).id, "app.channel.sidebar_categories.invalid_channel.app_error");
    assert.equal((await probe.fails("update_channel_sidebar_categories", { user_id: bob, team_id: team.id, categories: [{ ...work, sorting: "random" }] }, 400)).id, "model.channel_sidebar_category.is_valid.sorting.app_error");
    assert.equal((await probe.fails("update_channel_sidebar_categories", { user_id: id("cid"), team_id: team.id, categories: [work] }, 404)).id, "app.channel.sidebar_categories.app_error");
    assert.equal((await probe.fails("get_channel_sidebar_categories", { user_id: bob, team_id: "e".repeat(26) }, 404)).id, "app.team.get.find.app_error");
    const otherSidebar = await probe.ok("get_channel_sidebar_categories", { user_id: bob, team_id: otherTeam.id });
    assert.deepEqual(byType(otherSidebar.categories, "direct_messages").channel_ids, [dm.id], "DMs show on every team");
  });
});
