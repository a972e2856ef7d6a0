/**
 * Shared test fixtures: a real, fresh database (SQLite or PostgreSQL, see `test-database.ts`), an
 * app over it with a controllable clock, and helpers to create users/teams/channels in one line.
 */
import { createApp, type App } from "../../src/app/app.js";
import type { AppHooks } from "../../src/app/app-hooks.js";
import { AppError } from "../../src/app/app-error.js";
import type { Channel } from "../../src/app/models/channel.js";
import type { Team } from "../../src/app/models/team.js";
import type { User } from "../../src/app/models/user.js";
import type { Database } from "../../src/store/create-database.js";
import { createTestDatabase, type TestDatabase, type TestDialectName } from "./test-database.js";

/** A clock that moves 1 ms per reading (distinct, ordered timestamps) and can jump ahead. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function createTestClock(start = 1_700_000_000_000): TestClock {
  let t = start;
  return {
    now: () => ++t,
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface TestEnv {
  /** A temp directory of the suite's own. */
  readonly dir: string;
  /** Which database the suite runs on (`POLYPLUG_TEST_DB`). */
  readonly dialect: TestDialectName;
  readonly database: Database;
  /** The database behind {@link database}, to open more connections to it. */
  readonly testDatabase: TestDatabase;
  readonly app: App;
  readonly clock: TestClock;
  close(): Promise<void>;
}

export async function createTestEnv(options: { hooks?: AppHooks } = {}): Promise<TestEnv> {
  const testDatabase = await createTestDatabase();
  const { database, dir, dialect } = testDatabase;
  const clock = createTestClock();
  const app = createApp({ db: database.db, hooks: options.hooks, version: "0.1.0-test", siteUrl: "http://localhost:8065/", now: clock.now });
  return {
    dir, dialect, database, testDatabase, app, clock,
    close: () => testDatabase.close(),
  };
}

let counter = 0;

/** Creates a user with a unique name; the password is always "password-123". */
export async function makeUser(app: App, prefix = "user"): Promise<User> {
  counter += 1;
  const username = `${prefix}${counter}`;
  return app.users.createUser({ username, email: `${username}@example.com`, password: PASSWORD });
}

export const PASSWORD = "password-123";

export async function makeTeam(app: App, creator: User, type: "O" | "I" = "O"): Promise<Team> {
  counter += 1;
  return app.teams.createTeam({ name: `team${counter}`, display_name: `Team ${counter}`, type }, creator.id);
}

export async function makeChannel(app: App, team: Team, creator: User, type: "O" | "P" = "O"): Promise<Channel> {
  counter += 1;
  return app.channels.createChannel({ team_id: team.id, name: `channel${counter}`, display_name: `Channel ${counter}`, type }, creator.id);
}

/** Runs `fn` and returns the AppError it must throw (fails the test otherwise). */
export async function catchAppError(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error("expected an AppError, but the call succeeded");
}
