import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { User } from "../src/app/models/user.js";
import { catchAppError, createTestEnv, makeChannel, makeTeam, makeUser, type TestEnv } from "./support/test-env.js";

describe("teams", () => {
  let env: TestEnv;
  let admin: User;
  before(async () => {
    env = await createTestEnv();
    admin = await makeUser(env.app, "admin");
  });
  after(() => env.close());

  it("makes the creator a team admin member", async () => {
    const owner = await makeUser(env.app);
    const team = await makeTeam(env.app, owner, "I");
    assert.equal(team.type, "I");
    assert.equal(team.allow_open_invite, false);
    const member = await env.app.teams.getMember(team.id, owner.id);
    assert.equal(member.roles, "team_user team_admin");
    assert.equal(member.scheme_admin, true);
    assert.equal(member.delete_at, 0);
    assert.deepEqual(await env.app.teams.getTeam(team.id), team);
  });

  it("validates names and maps a duplicate name to 409", async () => {
    const owner = await makeUser(env.app);
    const team = await makeTeam(env.app, owner);
    const dup = await catchAppError(() => env.app.teams.createTeam({ name: team.name, display_name: "x", type: "O" }, owner.id));
    assert.equal(dup.id, "app.team.save.existing.app_error");
    assert.equal(dup.statusCode, 409);
    for (const name of ["a", "Upper", "-dash", "api"]) {
      assert.equal((await catchAppError(() => env.app.teams.createTeam({ name, display_name: "x", type: "O" }))).id, "model.team.is_valid.name.app_error");
    }
    assert.equal((await catchAppError(() => env.app.teams.createTeam({ name: "good-name", display_name: "x", type: "X" as "O" }))).id, "model.team.is_valid.type.app_error");
  });

  it("lets members add others, outsiders join only open teams, and is idempotent", async () => {
    const owner = await makeUser(env.app);
    const outsider = await makeUser(env.app);
    const invited = await makeUser(env.app);
    const closed = await makeTeam(env.app, owner, "I");
    const open = await makeTeam(env.app, owner, "O");

    const denied = await catchAppError(() => env.app.teams.addMember(closed.id, outsider.id, { actorId: outsider.id }));
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.id, "api.context.permissions.app_error");
    assert.equal(await env.app.teams.isMember(closed.id, outsider.id), false);

    const joined = await env.app.teams.addMember(open.id, outsider.id, { actorId: outsider.id });
    assert.equal(joined.roles, "team_user");
    const byNonMember = await catchAppError(() => env.app.teams.addMember(open.id, admin.id, { actorId: invited.id }));
    assert.equal(byNonMember.statusCode, 403, "a non-member may join an open team but not add others");

    await env.app.teams.addMember(closed.id, invited.id, { actorId: owner.id });
    const again = await env.app.teams.addMember(closed.id, invited.id, { actorId: owner.id });
    assert.equal(again.user_id, invited.id);
    assert.equal(await env.app.teams.isMember(closed.id, invited.id), true);

    await env.app.teams.addMember(closed.id, outsider.id, { actorId: admin.id });
    assert.equal(await env.app.teams.isMember(closed.id, outsider.id), true, "system admins may add anyone");

    assert.equal((await catchAppError(() => env.app.teams.getMember(closed.id, admin.id))).id, "app.team.get_member.missing.app_error");
  });
});

describe("channels", () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
    await makeUser(env.app, "admin");
  });
  after(() => env.close());

  it("creates O/P channels in a team with the creator as channel admin", async () => {
    const owner = await makeUser(env.app);
    const team = await makeTeam(env.app, owner);
    const priv = await makeChannel(env.app, team, owner, "P");
    assert.equal(priv.type, "P");
    assert.equal(priv.team_id, team.id);
    assert.equal(priv.creator_id, owner.id);
    const member = await env.app.channels.getMember(priv.id, owner.id);
    assert.equal(member.roles, "channel_user channel_admin");
    assert.equal(member.msg_count, 0);
    assert.equal(await env.app.channels.isMember(priv.id, owner.id), true);
    assert.deepEqual(await env.app.channels.getChannel(priv.id), priv);
  });

  it("requires the creator to be a team member and rejects bad input", async () => {
    const owner = await makeUser(env.app);
    const stranger = await makeUser(env.app);
    const team = await makeTeam(env.app, owner);
    const denied = await catchAppError(() => env.app.channels.createChannel({ team_id: team.id, name: "nope", display_name: "Nope", type: "O" }, stranger.id));
    assert.equal(denied.statusCode, 403);
    assert.equal((await catchAppError(() => env.app.channels.createChannel({ team_id: team.id, name: "dm", display_name: "D", type: "D" }, owner.id))).id, "model.channel.is_valid.type.app_error");
    assert.equal((await catchAppError(() => env.app.channels.createChannel({ team_id: team.id, name: "Bad Name", display_name: "B", type: "O" }, owner.id))).id, "model.channel.is_valid.name.app_error");
    assert.equal((await catchAppError(() => env.app.channels.createChannel({ team_id: "x".repeat(26), name: "ok-name", display_name: "B", type: "O" }, owner.id))).statusCode, 404);
    const channel = await makeChannel(env.app, team, owner);
    const dup = await catchAppError(() => env.app.channels.createChannel({ team_id: team.id, name: channel.name, display_name: "Dup", type: "O" }, owner.id));
    assert.equal(dup.id, "store.sql_channel.save_channel.exists.app_error");
    assert.equal(dup.statusCode, 409);
  });

  it("adds only team members, and enforces membership for reading", async () => {
    const owner = await makeUser(env.app);
    const teammate = await makeUser(env.app);
    const stranger = await makeUser(env.app);
    const team = await makeTeam(env.app, owner);
    await env.app.teams.addMember(team.id, teammate.id);
    const pub = await makeChannel(env.app, team, owner, "O");
    const priv = await makeChannel(env.app, team, owner, "P");

    const notInTeam = await catchAppError(() => env.app.channels.addMember(pub.id, stranger.id, { actorId: owner.id }));
    assert.equal(notInTeam.id, "app.team.get_member.missing.app_error");

    assert.equal((await catchAppError(() => env.app.channels.requireMember(priv.id, teammate.id))).statusCode, 403);
    assert.equal((await catchAppError(() => env.app.channels.requireViewable(priv.id, teammate.id))).statusCode, 403);
    assert.equal((await env.app.channels.requireViewable(pub.id, teammate.id)).id, pub.id, "team members may see public channels");
    assert.equal((await catchAppError(() => env.app.channels.addMember(priv.id, teammate.id, { actorId: teammate.id }))).statusCode, 403);

    await env.app.channels.addMember(pub.id, teammate.id, { actorId: teammate.id });
    await env.app.channels.addMember(priv.id, teammate.id, { actorId: owner.id });
    assert.equal((await env.app.channels.requireMember(priv.id, teammate.id)).id, priv.id);
    assert.equal(await env.app.channels.isMember(pub.id, teammate.id), true);
  });
});
