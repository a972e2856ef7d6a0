import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { TEST_DIALECT } from "./support/test-database.js";

// The channel methods of Mattermost's plugin.API, called by a real Python plugin (sync and async
// clients) through the host into the app core, on SQLite and PostgreSQL: creating, archiving,
// restoring, updating and finding channels, direct and group messages, stats, search and channel
// guards. Memberships and sidebar categories are in plugin-api-channel-members.test.ts.
describe(`Plugin API channels, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  let team: { id: string; name: string };
  let other: { id: string; name: string };
  const users: Record<string, { id: string; username: string }> = {};

  before(async () => {
    probe = await startApiProbe();
    const app = probe.app;
    for (const name of ["ann", "bob", "cid", "dee", "eve", "fay", "gus", "hal", "ivy", "jon"]) {
      users[name] = await app.users.createUser({ username: name, email: `${name}@example.com`, password: "password-1" });
    }
    team = await app.teams.createTeam({ name: "alpha", display_name: "Alpha", type: "O" }, users["ann"]!.id);
    other = await app.teams.createTeam({ name: "beta", display_name: "Beta", type: "O" }, users["ann"]!.id);
    await app.teams.addMember(team.id, users["bob"]!.id);
  });
  after(async () => probe?.close());

  const row = (id: string) => probe.database.database.db.selectFrom("channels").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  test("CreateChannel makes an open or private channel without members; bad input is refused with Mattermost's ids", async () => {
    const created = await probe.ok("create_channel", { channel: { team_id: team.id, name: "town-talk", display_name: " Town talk ", type: "O", purpose: "chat", creator_id: users["ann"]!.id } });
    assert.equal(created.name, "town-talk");
    assert.equal(created.display_name, "Town talk");
    assert.equal(created.type, "O");
    assert.equal(created.creator_id, users["ann"]!.id);
    assert.equal(created.delete_at, 0);
    assert.equal((await row(created.id)).purpose, "chat");
    assert.equal(await probe.app.channels.isMember(created.id, users["ann"]!.id), false, "the plugin API's CreateChannel adds nobody");

    const priv = await probe.ok("create_channel", { channel: { team_id: team.id, name: "secret", display_name: "Secret", type: "P" } }, true);
    assert.equal(priv.type, "P");

    assert.equal((await probe.fails("create_channel", { channel: { team_id: team.id, name: "town-talk", display_name: "Again", type: "O" } }, 409)).id, "store.sql_channel.save_channel.exists.app_error");
    assert.equal((await probe.fails("create_channel", { channel: { team_id: team.id, name: "Bad Name", display_name: "x", type: "O" } }, 400)).id, "model.channel.is_valid.name.app_error");
    assert.equal((await probe.fails("create_channel", { channel: { team_id: team.id, name: "dm", display_name: "x", type: "D" } }, 400)).id, "model.channel.is_valid.type.app_error");
    assert.equal((await probe.fails("create_channel", { channel: { team_id: team.id, name: "nodisplay", display_name: "", type: "O" } }, 400)).id, "model.channel.is_valid.display_name.app_error");
    assert.equal((await probe.fails("create_channel", { channel: { team_id: "a".repeat(26), name: "orphan", display_name: "x", type: "O" } }, 404)).id, "app.team.get.find.app_error");
  });

  test("DeleteChannel archives (delete_at), RestoreChannel unarchives; archived channels hide from name look-ups unless asked", async () => {
    const c = await probe.ok("create_channel", { channel: { team_id: team.id, name: "to-archive", display_name: "To archive", type: "O" } });
    assert.equal(await probe.ok("delete_channel", { channel_id: c.id }), null);
    const archived = await row(c.id);
    assert.ok(archived.delete_at > 0, "archived, not deleted");
    assert.equal((await probe.ok("get_channel", { channel_id: c.id })).delete_at, archived.delete_at);
    assert.equal((await probe.fails("delete_channel", { channel_id: c.id }, 400)).id, "api.channel.delete_channel.deleted.app_error");

    assert.equal((await probe.fails("get_channel_by_name", { team_id: team.id, name: "to-archive", include_deleted: false }, 404)).id, "app.channel.get.existing.app_error");
    assert.equal((await probe.ok("get_channel_by_name", { team_id: team.id, name: "to-archive", include_deleted: true })).id, c.id);
    assert.equal((await probe.ok("get_channel_by_name_for_team_name", { team_name: "alpha", channel_name: "to-archive", include_deleted: true }, true)).id, c.id);
    await probe.fails("get_channel_by_name_for_team_name", { team_name: "alpha", channel_name: "to-archive", include_deleted: false }, 404);

    await probe.ok("restore_channel", { channel_id: c.id }, true);
    assert.equal((await row(c.id)).delete_at, 0);
    assert.equal((await probe.ok("get_channel_by_name", { team_id: team.id, name: "to-archive", include_deleted: false })).id, c.id);
    assert.equal((await probe.fails("restore_channel", { channel_id: c.id }, 400)).id, "api.channel.restore_channel.restored.app_error");
    assert.equal((await probe.fails("delete_channel", { channel_id: "b".repeat(26) }, 404)).id, "app.channel.get.existing.app_error");
    assert.equal((await probe.fails("get_channel_by_name_for_team_name", { team_name: "nope", channel_name: "to-archive", include_deleted: true }, 404)).id, "app.team.get_by_name.missing.app_error");

    const dm = await probe.ok("get_direct_channel", { user_id_1: users["ann"]!.id, user_id_2: users["bob"]!.id });
    assert.equal((await probe.fails("delete_channel", { channel_id: dm.id }, 400)).id, "api.channel.delete_channel.type.invalid");
  });

  test("GetChannelOfType answers only a channel of that type", async () => {
    const c = await probe.ok("create_channel", { channel: { team_id: team.id, name: "typed", display_name: "Typed", type: "P" } });
    assert.equal((await probe.ok("get_channel_of_type", { channel_id: c.id, channel_type: "P" })).id, c.id);
    assert.equal((await probe.fails("get_channel_of_type", { channel_id: c.id, channel_type: "O" }, 404)).id, "app.channel.get.existing.app_error");
    assert.equal((await probe.fails("get_channel_of_type", { channel_id: c.id, channel_type: "X" }, 400)).id, "api.context.invalid_param.app_error");
  });

  test("UpdateChannel changes names, texts and O<->P, never an archived channel or a DM's type", async () => {
    const c = await probe.ok("create_channel", { channel: { team_id: team.id, name: "before", display_name: "Before", type: "O" } });
    const updated = await probe.ok("update_channel", { channel: { ...c, name: "after", display_name: "After", header: "h", purpose: "p", type: "P" } });
    assert.deepEqual([updated.name, updated.display_name, updated.header, updated.purpose, updated.type], ["after", "After", "h", "p", "P"]);
    const stored = await row(c.id);
    assert.deepEqual([stored.name, stored.type, stored.header], ["after", "P", "h"]);
    assert.ok(stored.update_at >= c.update_at);

    await probe.ok("create_channel", { channel: { team_id: team.id, name: "taken", display_name: "Taken", type: "O" } });
    assert.equal((await probe.fails("update_channel", { channel: { ...updated, name: "taken" } }, 409)).id, "store.sql_channel.save_channel.exists.app_error");
    assert.equal((await probe.fails("update_channel", { channel: { ...updated, header: "x".repeat(1025) } }, 400)).id, "model.channel.is_valid.header.app_error");
    assert.equal((await probe.fails("update_channel", { channel: { ...updated, type: "D" } }, 400)).id, "api.channel.update_channel.typechange.app_error");
    assert.equal((await probe.fails("update_channel", { channel: { ...updated, id: "nope" } }, 400)).id, "api.context.invalid_param.app_error");
    await probe.fails("update_channel", { channel: { ...updated, id: "c".repeat(26) } }, 404);
    await probe.ok("delete_channel", { channel_id: c.id });
    assert.equal((await probe.fails("update_channel", { channel: { ...updated, header: "late" } }, 400)).id, "api.channel.update_channel.deleted.app_error");

    const dm = await probe.ok("get_direct_channel", { user_id_1: users["ann"]!.id, user_id_2: users["cid"]!.id });
    const dmUpdated = await probe.ok("update_channel", { channel: { ...dm, header: "our dm", name: "renamed" } }, true);
    assert.equal(dmUpdated.header, "our dm");
    assert.equal(dmUpdated.name, dm.name, "a DM keeps the name made of its members");
  });

  test("GetDirectChannel makes one DM per pair, in either order; unknown users are refused", async () => {
    const [a, b] = [users["dee"]!.id, users["eve"]!.id];
    const dm = await probe.ok("get_direct_channel", { user_id_1: a, user_id_2: b });
    assert.equal(dm.type, "D");
    assert.equal(dm.team_id, "");
    assert.equal(dm.name, a < b ? `${a}__${b}` : `${b}__${a}`);
    assert.equal((await probe.ok("get_direct_channel", { user_id_1: b, user_id_2: a }, true)).id, dm.id);
    assert.equal(await probe.app.channels.isMember(dm.id, a), true);
    assert.equal(await probe.app.channels.isMember(dm.id, b), true);
    const self = await probe.ok("get_direct_channel", { user_id_1: a, user_id_2: a });
    assert.equal(self.name, `${a}__${a}`);
    assert.equal((await probe.fails("get_direct_channel", { user_id_1: a, user_id_2: "d".repeat(26) }, 400)).id, "api.channel.create_direct_channel.invalid_user.app_error");
  });

  test("GetGroupChannel makes one G channel per set of 3-8 users, named by the SHA-1 of their sorted ids", async () => {
    const ids = ["ann", "bob", "cid"].map((n) => users[n]!.id);
    const gm = await probe.ok("get_group_channel", { user_ids: ids });
    assert.equal(gm.type, "G");
    assert.equal(gm.team_id, "");
    assert.equal(gm.name, createHash("sha1").update([...ids].sort().join("")).digest("hex"));
    assert.equal(gm.display_name, "ann, bob, cid");
    for (const id of ids) assert.equal(await probe.app.channels.isMember(gm.id, id), true);
    assert.equal((await probe.ok("get_group_channel", { user_ids: [ids[2], ids[0], ids[1], ids[0]] }, true)).id, gm.id, "same people, any order, duplicates ignored");

    assert.equal((await probe.fails("get_group_channel", { user_ids: ids.slice(0, 2) }, 400)).id, "api.channel.create_group.bad_size.app_error");
    const nine = ["ann", "bob", "cid", "dee", "eve", "fay", "gus", "hal", "ivy"].map((n) => users[n]!.id);
    assert.equal((await probe.fails("get_group_channel", { user_ids: nine }, 400)).id, "api.channel.create_group.bad_size.app_error");
    const eight = await probe.ok("get_group_channel", { user_ids: nine.slice(0, 8) });
    assert.equal(eight.display_name.length <= 64, true);
    assert.equal((await probe.fails("get_group_channel", { user_ids: [...ids.slice(0, 2), "e".repeat(26)] }, 400)).id, "api.channel.create_group.bad_user.app_error");
    const gone = await probe.app.users.createUser({ username: "gone-gm", email: "gone-gm@example.com", password: "password-1" });
    await probe.app.userAccounts.setActive(gone.id, false);
    const refused = await probe.fails("get_group_channel", { user_ids: [...ids.slice(0, 2), gone.id] }, 400);
    assert.equal(refused.id, "api.channel.create_group.bad_user.app_error", "a deactivated user is refused, as the message says");
    assert.equal(await probe.database.database.db.selectFrom("channel_members").select("channel_id").where("user_id", "=", gone.id).executeTakeFirst(), undefined);
    assert.equal((await probe.fails("delete_channel", { channel_id: gm.id }, 400)).id, "api.channel.delete_channel.type.invalid");
    assert.equal((await probe.fails("add_channel_member", { channel_id: gm.id, user_id: users["dee"]!.id }, 400)).id, "api.channel.add_user_to_channel.type.app_error");
  });

  test("GetPublicChannelsForTeam pages open, unarchived channels by name; SearchChannels matches name or display name", async () => {
    const app = probe.app;
    for (const [name, display, type] of [["zz-one", "Zebra One", "O"], ["zz-two", "Zebra Two", "O"], ["zz-hidden", "Zebra Hidden", "P"], ["zz-gone", "Zebra Gone", "O"]] as const) {
      await app.channels.createChannel({ team_id: other.id, name, display_name: display, type });
    }
    await app.channelManagement.archiveChannel((await app.channels.getChannelByName(other.id, "zz-gone")).id);
    const all = await probe.ok("get_public_channels_for_team", { team_id: other.id, page: 0, per_page: 100 });
    assert.deepEqual(all.map((c: { name: string }) => c.name), ["zz-one", "zz-two"]);
    const page2 = await probe.ok("get_public_channels_for_team", { team_id: other.id, page: 1, per_page: 1 }, true);
    assert.deepEqual(page2.map((c: { name: string }) => c.name), ["zz-two"]);
    assert.equal((await probe.fails("get_public_channels_for_team", { team_id: other.id, page: -1, per_page: 10 }, 400)).id, "api.context.invalid_param.app_error");

    assert.deepEqual((await probe.ok("search_channels", { team_id: other.id, term: "ZEBRA" })).map((c: { name: string }) => c.name), ["zz-one", "zz-two"]);
    assert.deepEqual((await probe.ok("search_channels", { team_id: other.id, term: "two" }, true)).map((c: { name: string }) => c.name), ["zz-two"]);
    assert.deepEqual(await probe.ok("search_channels", { team_id: other.id, term: "%" }), [], "LIKE wildcards in the term are literal");
  });

  test("GetChannelsForTeamForUser: the user's team channels plus DMs and GMs; every team for an empty team id", async () => {
    const app = probe.app;
    const jon = users["jon"]!.id;
    await app.teams.addMember(team.id, jon);
    await app.teams.addMember(other.id, jon);
    const inAlpha = await app.channels.createChannel({ team_id: team.id, name: "jon-alpha", display_name: "Jon Alpha", type: "O" }, jon);
    const inBeta = await app.channels.createChannel({ team_id: other.id, name: "jon-beta", display_name: "Jon Beta", type: "P" }, jon);
    const archived = await app.channels.createChannel({ team_id: team.id, name: "jon-old", display_name: "Jon Old", type: "O" }, jon);
    await app.channelManagement.archiveChannel(archived.id);
    const dm = await probe.ok("get_direct_channel", { user_id_1: jon, user_id_2: users["ann"]!.id });
    const ids = (list: Array<{ id: string }>) => list.map((c) => c.id).sort();

    assert.deepEqual(ids(await probe.ok("get_channels_for_team_for_user", { team_id: team.id, user_id: jon, include_deleted: false })), [inAlpha.id, dm.id].sort());
    assert.deepEqual(ids(await probe.ok("get_channels_for_team_for_user", { team_id: team.id, user_id: jon, include_deleted: true })), [inAlpha.id, archived.id, dm.id].sort());
    assert.deepEqual(ids(await probe.ok("get_channels_for_team_for_user", { team_id: "", user_id: jon, include_deleted: false }, true)), [inAlpha.id, inBeta.id, dm.id].sort());
  });

  test("GetChannelStats counts active members, guests, pinned posts and files", async () => {
    const app = probe.app;
    const c = await app.channels.createChannel({ team_id: team.id, name: "stats", display_name: "Stats", type: "O" }, users["ann"]!.id);
    await app.channels.addMember(c.id, users["bob"]!.id);
    const pinned = await app.posts.createPost({ channel_id: c.id, user_id: users["ann"]!.id, message: "pin me" } as never, { checkMembership: false });
    await probe.database.database.db.updateTable("posts").set({ is_pinned: 1 }).where("id", "=", pinned.id).execute();
    const stats = await probe.ok("get_channel_stats", { channel_id: c.id });
    assert.deepEqual(stats, { channel_id: c.id, member_count: 2, guest_count: 0, pinnedpost_count: 1, has_new_pinned_posts: false, files_count: 0 });
    assert.equal((await probe.fails("get_channel_stats", { channel_id: "f".repeat(26) }, 404, true)).id, "app.channel.get.existing.app_error");
  });

  test("RegisterChannelGuard claims a channel for the calling plugin, idempotently; Unregister releases only its own claim", async () => {
    const c = await probe.app.channels.createChannel({ team_id: team.id, name: "guarded", display_name: "Guarded", type: "O" });
    const guards = () => probe.database.database.db.selectFrom("channel_guards").select("plugin_id").where("channel_id", "=", c.id).orderBy("plugin_id").execute();
    assert.equal(await probe.ok("register_channel_guard", { channel_id: c.id }), null);
    await probe.ok("register_channel_guard", { channel_id: c.id }, true);
    await probe.app.channelGuards.register(c.id, "com.example.other");
    assert.deepEqual((await guards()).map((g) => g.plugin_id), ["com.example.other", "com.polyplug.test.py-api"]);
    await probe.ok("unregister_channel_guard", { channel_id: c.id });
    await probe.ok("unregister_channel_guard", { channel_id: c.id }, true);
    assert.deepEqual((await guards()).map((g) => g.plugin_id), ["com.example.other"], "the other plugin's claim stays");
    assert.equal((await probe.fails("register_channel_guard", { channel_id: "" }, 400)).id, "app.channel_guard.register.empty_channel.app_error");
    assert.equal((await probe.fails("unregister_channel_guard", { channel_id: "" }, 400)).id, "app.channel_guard.unregister.empty_channel.app_error");
    assert.equal((await probe.fails("register_channel_guard", { channel_id: "not-an-id" }, 400)).id, "app.channel_guard.invalid_channel.app_error");
  });

  test("a guarded channel whose guard plugin is not running refuses posts and new members (503, fail closed)", async () => {
    const app = probe.app;
    const c = await app.channels.createChannel({ team_id: team.id, name: "guard-down", display_name: "Guard down", type: "O" }, users["ann"]!.id);
    await app.channelGuards.register(c.id, "com.example.not-running");
    const post = await probe.call("create_post", { post: { channel_id: c.id, user_id: users["ann"]!.id, message: "hello" } });
    assert.equal(post.error?.id, "app.plugin.inactive_guard.app_error");
    assert.equal(post.error?.status, 503);
    const add = await probe.call("add_channel_member", { channel_id: c.id, user_id: users["bob"]!.id });
    assert.equal(add.error?.status, 503);
    assert.equal(await app.channels.isMember(c.id, users["bob"]!.id), false);
    // The probe plugin guards it too, but implements neither hook: it has no opinion.
    await app.channelGuards.unregister(c.id, "com.example.not-running");
    await probe.ok("register_channel_guard", { channel_id: c.id });
    await probe.ok("create_post", { post: { channel_id: c.id, user_id: users["ann"]!.id, message: "hello" } });
    await probe.ok("add_channel_member", { channel_id: c.id, user_id: users["bob"]!.id });
  });
});
