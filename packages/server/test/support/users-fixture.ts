/**
 * The cast of the users suites (plugin-api-users.test.ts, plugin-api-user-search.test.ts): an admin,
 * alice (on team alpha and its channel town) and bob, made through the app on the probe's server.
 */
import type { App } from "../../src/app/app.js";
import type { Channel } from "../../src/app/models/channel.js";
import type { Team } from "../../src/app/models/team.js";
import type { User } from "../../src/app/models/user.js";

export const USERS_PASSWORD = "password-123";

export interface UsersFixture {
  readonly admin: User;
  readonly alice: User;
  readonly bob: User;
  readonly team: Team;
  readonly channel: Channel;
}

/** Creates the cast; `bobEmail` lets a suite start from the address another suite gives bob. */
export async function createUsersFixture(app: App, bobEmail = "bob@example.com"): Promise<UsersFixture> {
  const admin = await app.users.createUser({ username: "admin", email: "admin@example.com", password: USERS_PASSWORD });
  const alice = await app.users.createUser({ username: "alice", email: "alice@example.com", password: USERS_PASSWORD, first_name: "Alice", last_name: "Liddell", nickname: "wonder" });
  const bob = await app.users.createUser({ username: "bob", email: bobEmail, password: USERS_PASSWORD, first_name: "Robert", last_name: "Builder" });
  const team = await app.teams.createTeam({ name: "alpha", display_name: "Alpha", type: "O" }, admin.id);
  await app.teams.addMember(team.id, alice.id);
  const channel = await app.channels.createChannel({ team_id: team.id, name: "town", display_name: "Town", type: "O" }, admin.id);
  await app.channels.addMember(channel.id, alice.id);
  return { admin, alice, bob, team, channel };
}
