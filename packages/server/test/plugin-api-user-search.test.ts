import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { TEST_DIALECT } from "./support/test-database.js";
import { createUsersFixture, USERS_PASSWORD } from "./support/users-fixture.js";
import type { Channel } from "../src/app/models/channel.js";
import type { Team } from "../src/app/models/team.js";
import type { User } from "../src/app/models/user.js";

// The Plugin API's user listing and search (GetUsers, SearchUsers, GetUsersIn*, the group filters),
// called by a real Python plugin (the py-api probe) on the suite's database; the rest of the users
// group is in plugin-api-users.test.ts.
const PASSWORD = USERS_PASSWORD;
const GHOST = "a".repeat(26);

describe(`Plugin API user listing and search, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  let admin: User;
  let alice: User;
  let bob: User;
  let team: Team;
  let channel: Channel;
  const db = () => probe.database.database.db;

  before(async () => {
    probe = await startApiProbe();
    ({ admin, alice, bob, team, channel } = await createUsersFixture(probe.app, "robert@example.com"));
  });
  after(async () => {
    await probe?.close();
  });


  describe("listing and search", () => {
    let henry: User;

    before(async () => {
      henry = await probe.app.users.createUser({ username: "henry", email: "henry@example.com", password: PASSWORD, nickname: "hank" });
      await probe.app.teams.addMember(team.id, henry.id);
      await probe.app.userAccounts.setActive(henry.id, false);
    });

    test("GetUsers pages through everyone by username, inactive users included unless asked", async () => {
      const all = (await probe.ok("get_users", { options: { page: 0, per_page: 100 } })).map((u: any) => u.username);
      assert.deepEqual(all, [...all].sort());
      assert.ok(all.includes("henry") && all.includes("admin"));
      const firstTwo = await probe.ok("get_users", { options: { page: 0, per_page: 2 } });
      const nextTwo = await probe.ok("get_users", { options: { page: 1, per_page: 2 } }, true);
      assert.deepEqual([...firstTwo, ...nextTwo].map((u: any) => u.username), all.slice(0, 4));
      assert.ok(!(await probe.ok("get_users", { options: { page: 0, per_page: 100, active: true } })).some((u: any) => u.username === "henry"));
      assert.ok((await probe.ok("get_users", { options: { page: 0, per_page: 100, inactive: true } })).every((u: any) => u.delete_at > 0));
      assert.deepEqual(await probe.ok("get_users", { options: { page: 0, per_page: 0 } }), []);
    });

    test("GetUsers filters by team, channel, role and update time, and sorts by creation", async () => {
      const names = async (options: object) => (await probe.ok("get_users", { options: { page: 0, per_page: 100, ...options } })).map((u: any) => u.username);
      assert.deepEqual(await names({ in_team_id: team.id }), ["admin", "alice", "henry"]);
      assert.deepEqual(await names({ in_team_id: team.id, active: true }), ["admin", "alice"]);
      assert.deepEqual(await names({ in_team_id: team.id, team_roles: ["team_admin"] }), ["admin"]);
      assert.ok(!(await names({ not_in_team_id: team.id })).includes("alice"));
      assert.ok((await names({ without_team: true })).includes("bob"));
      assert.ok(!(await names({ without_team: true })).includes("alice"));
      assert.deepEqual(await names({ in_channel_id: channel.id }), ["admin", "alice"]);
      assert.ok(!(await names({ not_in_channel_id: channel.id })).includes("alice"));
      assert.deepEqual(await names({ role: "system_admin" }), ["admin"]);
      assert.deepEqual(await names({ roles: ["system_admin", "nobody_role"] }), ["admin"]);
      const newest = await names({ sort: "create_at", per_page: 1 });
      assert.deepEqual(newest, ["henry"]);
      const since = (await probe.app.users.getUser(henry.id)).update_at;
      assert.ok(!(await names({ updated_after: since })).includes("henry"));

      const bad = async (options: object) => (await probe.fails("get_users", { options: { page: 0, per_page: 10, ...options } }, 400)).id;
      assert.equal(await bad({ per_page: -1 }), "api.context.invalid_param.app_error");
      assert.equal(await bad({ sort: "shoe_size" }), "api.context.invalid_param.app_error");
      assert.equal(await bad({ active: true, inactive: true }), "api.context.invalid_param.app_error");
      assert.equal(await bad({ in_team_id: "not-an-id" }), "api.context.invalid_param.app_error");
      assert.equal(await bad({ in_group_id: "not-an-id" }), "api.context.invalid_param.app_error");
    });

    test("GetUsersInTeam pages through a team's members by username", async () => {
      assert.deepEqual((await probe.ok("get_users_in_team", { team_id: team.id, page: 0, per_page: 10 })).map((u: any) => u.username), ["admin", "alice", "henry"]);
      assert.deepEqual((await probe.ok("get_users_in_team", { team_id: team.id, page: 1, per_page: 2 }, true)).map((u: any) => u.username), ["henry"]);
      assert.deepEqual(await probe.ok("get_users_in_team", { team_id: GHOST, page: 0, per_page: 10 }), []);
      assert.equal((await probe.fails("get_users_in_team", { team_id: "x", page: 0, per_page: 10 }, 400)).id, "api.context.invalid_param.app_error");
      assert.equal((await probe.fails("get_users_in_team", { team_id: team.id, page: -1, per_page: 10 }, 400)).id, "api.context.invalid_param.app_error");
    });

    test("GetUsersInChannel sorts by username or by status (online, away, dnd, offline)", async () => {
      await probe.app.channels.addMember(channel.id, bob.id).catch(async () => {
        await probe.app.teams.addMember(team.id, bob.id);
        await probe.app.channels.addMember(channel.id, bob.id);
      });
      await probe.app.statuses.setStatus(admin.id, "dnd");
      await probe.app.statuses.setStatus(bob.id, "online");
      const byName = await probe.ok("get_users_in_channel", { channel_id: channel.id, sort_by: "username", page: 0, per_page: 10 });
      assert.deepEqual(byName.map((u: any) => u.username), ["admin", "alice", "bob"]);
      const byStatus = await probe.ok("get_users_in_channel", { channel_id: channel.id, sort_by: "status", page: 0, per_page: 10 }, true);
      assert.deepEqual(byStatus.map((u: any) => u.username), ["bob", "admin", "alice"]);
      assert.deepEqual((await probe.ok("get_users_in_channel", { channel_id: channel.id, sort_by: "status", page: 1, per_page: 2 })).map((u: any) => u.username), ["alice"]);
      const bad = await probe.fails("get_users_in_channel", { channel_id: channel.id, sort_by: "age", page: 0, per_page: 10 }, 400);
      assert.equal(bad.id, "plugin.api.get_users_in_channel");
    });

    test("SearchUsers matches word starts of usernames, names, nicknames and emails; inactive only when allowed", async () => {
      const find = async (search: object, viaAsync = false) => (await probe.ok("search_users", { search: { term: "", ...search } }, viaAsync)).map((u: any) => u.username);
      assert.deepEqual(await find({ term: "ali" }), ["alice"]);
      assert.deepEqual(await find({ term: "@BO" }, true), ["bob"]);
      assert.deepEqual(await find({ term: "liddell" }), ["alice"]);
      assert.deepEqual(await find({ term: "wond" }), ["alice"]);
      assert.deepEqual(await find({ term: "robert@exam" }), ["bob"]);
      assert.deepEqual(await find({ term: "alice builder" }), [], "every word must match");
      assert.deepEqual(await find({ term: "hank" }), []);
      assert.deepEqual(await find({ term: "hank", allow_inactive: true }), ["henry"]);
      assert.deepEqual(await find({ term: "a", team_id: team.id }), ["admin", "alice"]);
      assert.deepEqual(await find({ term: "", in_channel_id: channel.id, channel_roles: ["channel_admin"] }), ["admin"]);
      assert.equal((await find({ term: "", limit: 2 })).length, 2);
      assert.deepEqual(await find({ term: "%" }), [], "LIKE wildcards are literal");
      assert.equal((await probe.fails("search_users", { search: { term: "a", team_id: "bad" } }, 400)).id, "api.context.invalid_param.app_error");
      assert.equal((await probe.fails("search_users", { search: { term: "a", limit: -1 } }, 400)).id, "api.context.invalid_param.app_error");
    });
  });


  describe("group filters (in_group_id, not_in_group_id, group_constrained)", () => {
    // ann and ben are in "builders"; cat was in it and was removed (delete_at set); dan is in
    // "ops". Team beta: ann and dan; its channel "yard": ann. builders is linked to beta, ops to yard
    // (and so, as in Mattermost, to yard's team beta as well).
    let ann: User, ben: User, cat: User, dan: User;
    let beta: Team;
    let yard: Channel;
    let builders: { id: string };
    let ops: { id: string };
    const ours = (users: any[]) => users.map((u: any) => u.username as string).filter((name) => name.startsWith("grp-"));
    const listed = async (options: object, viaAsync = false) => ours(await probe.ok("get_users", { options: { page: 0, per_page: 200, ...options } }, viaAsync));
    const found = async (search: object, viaAsync = false) => ours(await probe.ok("search_users", { search: { term: "grp", ...search } }, viaAsync));

    before(async () => {
      const make = (name: string) => probe.app.users.createUser({ username: `grp-${name}`, email: `grp-${name}@example.com`, password: PASSWORD });
      [ann, ben, cat, dan] = [await make("ann"), await make("ben"), await make("cat"), await make("dan")];
      beta = await probe.app.teams.createTeam({ name: "beta", display_name: "Beta", type: "O" }, admin.id);
      await probe.app.teams.addMember(beta.id, ann.id);
      await probe.app.teams.addMember(beta.id, dan.id);
      yard = await probe.app.channels.createChannel({ team_id: beta.id, name: "yard", display_name: "Yard", type: "O" }, admin.id);
      await probe.app.channels.addMember(yard.id, ann.id);
      builders = await probe.ok("create_group", { group: { name: "grp-builders", display_name: "Builders", source: "custom" } });
      ops = await probe.ok("create_group", { group: { name: "grp-ops", display_name: "Ops", source: "custom" } });
      await probe.ok("upsert_group_members", { group_id: builders.id, user_ids: [ann.id, ben.id, cat.id] });
      await probe.ok("upsert_group_members", { group_id: ops.id, user_ids: [dan.id] }, true);
      await probe.ok("delete_group_member", { group_id: builders.id, user_id: cat.id });
      await probe.ok("upsert_group_syncable", { group_syncable: { group_id: builders.id, syncable_id: beta.id, type: "Team" } });
      await probe.ok("upsert_group_syncable", { group_syncable: { group_id: ops.id, syncable_id: yard.id, type: "Channel" } });
      const removed = await db().selectFrom("group_members").select("delete_at").where("group_id", "=", builders.id).where("user_id", "=", cat.id).executeTakeFirstOrThrow();
      assert.ok(Number(removed.delete_at) > 0, "cat's membership row stays, soft-deleted");
    });

    test("GetUsers in_group_id / not_in_group_id: live members only, a removed member counts as outside", async () => {
      assert.deepEqual(await listed({ in_group_id: builders.id }), ["grp-ann", "grp-ben"]);
      assert.deepEqual(await listed({ in_group_id: ops.id }, true), ["grp-dan"]);
      assert.deepEqual(await listed({ not_in_group_id: builders.id }), ["grp-cat", "grp-dan"]);
      assert.ok(!(await probe.ok("get_users", { options: { page: 0, per_page: 200, not_in_group_id: builders.id } })).some((u: any) => u.id === ann.id));
      assert.deepEqual(await listed({ in_group_id: builders.id, in_team_id: beta.id }), ["grp-ann"], "combined with the other filters");
      assert.deepEqual(await listed({ not_in_group_id: builders.id, in_team_id: beta.id }), ["grp-dan"]);
      assert.deepEqual(await listed({ in_group_id: builders.id, page: 1, per_page: 1 }), ["grp-ben"]);
      assert.deepEqual(await probe.ok("get_users", { options: { page: 0, per_page: 10, in_group_id: GHOST } }), []);
      assert.equal((await probe.fails("get_users", { options: { page: 0, per_page: 10, not_in_group_id: "bad" } }, 400)).id, "api.context.invalid_param.app_error");
    });

    test("GetUsers group_constrained: only members of the groups linked to the channel (else the team) filtered on", async () => {
      assert.deepEqual(await listed({ not_in_team_id: beta.id }), ["grp-ben", "grp-cat"]);
      assert.deepEqual(await listed({ not_in_team_id: beta.id, group_constrained: true }), ["grp-ben"], "cat's removed membership does not count");
      assert.deepEqual(await listed({ in_team_id: beta.id, group_constrained: true }, true), ["grp-ann", "grp-dan"], "builders and ops are both linked to beta");
      assert.deepEqual(await listed({ not_in_channel_id: yard.id }), ["grp-ben", "grp-cat", "grp-dan"]);
      assert.deepEqual(await listed({ not_in_channel_id: yard.id, group_constrained: true }), ["grp-dan"], "the channel's groups (ops), not the team's: ben's builders is linked to beta only");
      assert.deepEqual(await listed({ in_team_id: beta.id, not_in_channel_id: yard.id, group_constrained: true }), ["grp-dan"]);
      assert.deepEqual(await listed({ group_constrained: true }), ["grp-ann", "grp-ben", "grp-cat", "grp-dan"], "without a team or channel it narrows nothing");
      await probe.ok("delete_group_syncable", { group_id: ops.id, syncable_id: yard.id, syncable_type: "Channel" });
      try {
        assert.deepEqual(await listed({ not_in_channel_id: yard.id, group_constrained: true }), [], "an unlinked group no longer counts");
      } finally {
        await probe.ok("upsert_group_syncable", { group_syncable: { group_id: ops.id, syncable_id: yard.id, type: "Channel" } });
      }
      assert.deepEqual(await listed({ not_in_channel_id: yard.id, group_constrained: true }), ["grp-dan"]);
    });

    test("SearchUsers in_group_id / not_in_group_id / group_constrained", async () => {
      assert.deepEqual(await found({}), ["grp-ann", "grp-ben", "grp-cat", "grp-dan"]);
      assert.deepEqual(await found({ in_group_id: builders.id }), ["grp-ann", "grp-ben"]);
      assert.deepEqual(await found({ term: "grp-b", in_group_id: builders.id }, true), ["grp-ben"]);
      assert.deepEqual(await found({ in_group_id: builders.id, team_id: beta.id }), ["grp-ann"]);
      assert.deepEqual(await found({ not_in_group_id: builders.id }), ["grp-cat", "grp-dan"], "cat was removed from builders");
      assert.deepEqual(await found({ not_in_group_id: ops.id }, true), ["grp-ann", "grp-ben", "grp-cat"]);
      assert.deepEqual(await found({ not_in_team_id: beta.id, group_constrained: true }), ["grp-ben"]);
      assert.deepEqual(await found({ team_id: beta.id, group_constrained: true }), ["grp-ann", "grp-dan"]);
      assert.deepEqual(await found({ not_in_channel_id: yard.id, group_constrained: true }, true), ["grp-dan"]);
      assert.deepEqual(await found({ not_in_channel_id: yard.id }), ["grp-ben", "grp-cat", "grp-dan"]);
      assert.equal((await probe.fails("search_users", { search: { term: "grp", in_group_id: "bad" } }, 400)).id, "api.context.invalid_param.app_error");
    });
  });
});
