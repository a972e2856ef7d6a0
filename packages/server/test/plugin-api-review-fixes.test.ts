import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Channel } from "../src/app/models/channel.js";
import type { Team } from "../src/app/models/team.js";
import type { User } from "../src/app/models/user.js";
import { startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { RestClient } from "./support/running-server.js";
import { TEST_DIALECT } from "./support/test-database.js";
import { makeChannel, makeTeam, makeUser } from "./support/test-env.js";

// Read-modify-write flows that must not lose a concurrent change, the channel handlers' id
// validation, and the backing channel type only the Plugin API creates — through a real Python
// plugin and the test database (SQLite, then PostgreSQL).
describe(`Plugin API review fixes, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  let owner: User;
  let team: Team;
  let channel: Channel;

  before(async () => {
    probe = await startApiProbe();
    owner = await makeUser(probe.app, "owner");
    team = await makeTeam(probe.app, owner);
    channel = await makeChannel(probe.app, team, owner);
  });
  after(() => probe?.close());

  test("concurrent UpdateChannelMemberNotifications each keep their keys (read and write in one transaction)", async () => {
    const keys = ["k1", "k2", "k3", "k4", "k5", "k6"];
    // Half through the plugin, half straight into the app service (which interleaves tighter).
    await Promise.all(keys.map((key, i) =>
      i % 2 === 0
        ? probe.ok("update_channel_member_notifications", { channel_id: channel.id, user_id: owner.id, notifications: { [key]: "on" } })
        : probe.app.channelMemberSettings.updateNotifyProps(channel.id, owner.id, { [key]: "on" }),
    ));
    const member = await probe.app.channels.getMember(channel.id, owner.id);
    for (const key of keys) assert.equal(member.notify_props[key], "on", key);
  });

  test("concurrent UpdateUserCustomStatus calls all reach the recent list; none is lost", async () => {
    const texts = ["one", "two", "three", "four"];
    await Promise.all(texts.map((text, i) =>
      i % 2 === 0
        ? probe.ok("update_user_custom_status", { user_id: owner.id, custom_status: { emoji: "coffee", text, duration: "", expires_at: "" } })
        : probe.app.customStatuses.setCustomStatus(owner.id, { emoji: "coffee", text, duration: "", expires_at: "" }),
    ));
    const row = await probe.database.database.db.selectFrom("preferences").select("value")
      .where("user_id", "=", owner.id).where("category", "=", "custom_status").where("name", "=", "recent_custom_statuses").executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.value).map((s: { text: string }) => s.text).sort(), [...texts].sort());
    const current = JSON.parse((await probe.app.users.getUser(owner.id)).props["customStatus"]!);
    assert.ok(texts.includes(current.text));
  });

  test("concurrent sidebar updates of one category each keep their change", async () => {
    const category = await probe.app.sidebarCategories.createCategory(owner.id, team.id, { display_name: "Work" });
    await Promise.all([
      probe.app.sidebarCategories.updateCategories(owner.id, team.id, [{ id: category.id, display_name: "Renamed" }]),
      probe.app.sidebarCategories.updateCategories(owner.id, team.id, [{ id: category.id, muted: true }]),
      probe.app.sidebarCategories.updateCategories(owner.id, team.id, [{ id: category.id, collapsed: true }]),
    ]);
    const stored = (await probe.app.sidebarCategories.getCategories(owner.id, team.id)).categories.find((c) => c.id === category.id)!;
    assert.deepEqual([stored.display_name, stored.muted, stored.collapsed], ["Renamed", true, true]);
  });

  test("a malformed id is 400 invalid_param in every channel handler, not a 404", async () => {
    const bad = "not-an-id";
    const calls: Array<[string, Record<string, unknown>, string]> = [
      ["delete_channel", { channel_id: bad }, "channel_id"],
      ["restore_channel", { channel_id: bad }, "channel_id"],
      ["get_channel_stats", { channel_id: bad }, "channel_id"],
      ["get_channel_member", { channel_id: bad, user_id: owner.id }, "channel_id"],
      ["get_channel_member", { channel_id: channel.id, user_id: bad }, "user_id"],
      ["add_channel_member", { channel_id: channel.id, user_id: bad }, "user_id"],
      ["add_user_to_channel", { channel_id: channel.id, user_id: owner.id, as_user_id: bad }, "as_user_id"],
      ["delete_channel_member", { channel_id: bad, user_id: owner.id }, "channel_id"],
      ["get_channel_sidebar_categories", { user_id: bad, team_id: team.id }, "user_id"],
      ["create_channel_sidebar_category", { user_id: owner.id, team_id: bad, new_category: { display_name: "x" } }, "team_id"],
      ["update_channel_sidebar_categories", { user_id: bad, team_id: team.id, categories: [] }, "user_id"],
    ];
    for (const [method, args, name] of calls) {
      const error = await probe.fails(method, args, 400);
      assert.equal(error.id, "api.context.invalid_param.app_error", method);
      assert.match(error.message, new RegExp(name), method);
    }
    assert.equal((await probe.fails("get_channel_members", { channel_id: channel.id, page: -1, per_page: 10 }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.ok("get_public_channels_for_team", { team_id: team.id, page: 0, per_page: 100 }, true)).some((c: Channel) => c.id === channel.id), true);
  });

  test("CreateChannel makes a backing channel (type S) for a plugin, as Mattermost; REST still refuses that type", async () => {
    const backing = await probe.ok("create_channel", { channel: { team_id: team.id, name: "space-backing", display_name: "Space", type: "S" } });
    assert.equal(backing.type, "S");
    assert.equal((await probe.app.channels.getChannel(backing.id)).type, "S");
    const rest = new RestClient(probe.server.url);
    await rest.signUp("rest-user");
    const me = await probe.app.users.getUserByUsername("rest-user");
    await probe.app.teams.addMember(team.id, me.id);
    const refused = await rest.call("POST", "/api/v4/channels", { team_id: team.id, name: "rest-space", display_name: "Space", type: "S" });
    assert.equal(refused.status, 400);
    assert.equal(refused.json.id, "model.channel.is_valid.type.app_error");
  });
});
