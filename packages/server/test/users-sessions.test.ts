import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SESSION_LENGTH_MS } from "../src/app/sessions-service.js";
import { uniqueViolationText } from "./support/constraint-text.js";
import { catchAppError, createTestEnv, makeUser, PASSWORD, type TestEnv } from "./support/test-env.js";

describe("users", () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  it("makes the first user a system admin and later users plain users", async () => {
    const first = await env.app.users.createUser({ username: "Admin.One", email: "Admin@Example.com", password: PASSWORD });
    assert.equal(first.roles, "system_admin system_user");
    assert.equal(first.username, "admin.one", "usernames are lowercased");
    assert.equal(first.email, "admin@example.com", "emails are lowercased");
    assert.match(first.id, /^[a-z0-9]{26}$/);
    const second = await makeUser(env.app);
    assert.equal(second.roles, "system_user");
    assert.equal(await env.app.users.isSystemAdmin(first.id), true);
    assert.equal(await env.app.users.isSystemAdmin(second.id), false);
  });

  it("never exposes the password hash or MFA secret, but stores a scrypt hash", async () => {
    const user = await makeUser(env.app);
    for (const u of [user, await env.app.users.getUser(user.id), await env.app.users.getUserByUsername(user.username.toUpperCase())]) {
      assert.ok(!("password_hash" in u) && !("password" in u) && !("mfa_secret" in u));
      assert.ok(!JSON.stringify(u).includes("scrypt"));
    }
    const row = await env.database.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^scrypt\$16384\$8\$1\$/);
    assert.ok(!row.password_hash.includes(PASSWORD));
  });

  it("rejects invalid usernames, emails and passwords with Mattermost ids", async () => {
    const base = { username: "valid_name", email: "valid@example.com", password: PASSWORD };
    for (const username of ["ab", "a".repeat(23), "has space", "1starts-with-digit", "bad!char", "ümlaut"]) {
      const err = await catchAppError(() => env.app.users.createUser({ ...base, username }));
      assert.equal(err.id, "model.user.is_valid.username.app_error", username);
      assert.equal(err.statusCode, 400);
    }
    assert.equal((await catchAppError(() => env.app.users.createUser({ ...base, username: "here" }))).id, "model.user.is_valid.restricted_username.app_error");
    assert.equal((await catchAppError(() => env.app.users.createUser({ ...base, email: "not-an-email" }))).id, "model.user.is_valid.email.app_error");
    assert.equal((await catchAppError(() => env.app.users.createUser({ ...base, password: "short" }))).id, "model.user.is_valid.pwd_length.app_error");
    await assert.rejects(env.app.users.getUserByUsername("valid_name"), { id: "app.user.missing_account.const", statusCode: 404 });
  });

  it("maps duplicate username/email (UNIQUE constraint) to 409 with the cause kept", async () => {
    const user = await makeUser(env.app);
    const dupName = await catchAppError(() => env.app.users.createUser({ username: user.username, email: "other@example.com", password: PASSWORD }));
    assert.equal(dupName.id, "app.user.save.username_exists.app_error");
    assert.equal(dupName.statusCode, 409);
    assert.match(dupName.detailedError, uniqueViolationText("users", "username"));
    const dupEmail = await catchAppError(() => env.app.users.createUser({ username: "fresh_name", email: user.email.toUpperCase(), password: PASSWORD }));
    assert.equal(dupEmail.id, "app.user.save.email_exists.app_error");
    assert.equal(dupEmail.statusCode, 409);
  });
});

describe("sessions", () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  it("logs in by username or email and resolves the token to the session", async () => {
    const user = await makeUser(env.app);
    const byName = await env.app.sessions.login(user.username, PASSWORD);
    assert.equal(byName.user.id, user.id);
    assert.equal(byName.session.user_id, user.id);
    assert.match(byName.session.token, /^[a-z0-9]{26}$/);
    assert.equal(byName.session.expires_at - byName.session.create_at, SESSION_LENGTH_MS);
    const byEmail = await env.app.sessions.login(user.email.toUpperCase(), PASSWORD);
    assert.notEqual(byEmail.session.token, byName.session.token);
    const resolved = await env.app.sessions.getSession(byEmail.session.token);
    assert.equal(resolved.id, byEmail.session.id);
    assert.equal(resolved.roles, user.roles, "roles are copied from the user at login");
    assert.ok(resolved.props["csrf"], "a CSRF token is minted per session");
  });

  it("rejects wrong passwords and unknown accounts with the same 401", async () => {
    const user = await makeUser(env.app);
    const wrong = await catchAppError(() => env.app.sessions.login(user.username, "wrong-password"));
    const unknown = await catchAppError(() => env.app.sessions.login("nobody-here", PASSWORD));
    for (const err of [wrong, unknown]) {
      assert.equal(err.id, "api.user.login.invalid_credentials_email_username");
      assert.equal(err.statusCode, 401);
    }
    const row = await env.database.db.selectFrom("users").select("failed_attempts").where("id", "=", user.id).executeTakeFirstOrThrow();
    assert.equal(row.failed_attempts, 1);
    await env.app.sessions.login(user.username, PASSWORD);
    const reset = await env.database.db.selectFrom("users").select("failed_attempts").where("id", "=", user.id).executeTakeFirstOrThrow();
    assert.equal(reset.failed_attempts, 0);
  });

  it("locks the account after 10 failed attempts", async () => {
    const user = await makeUser(env.app);
    for (let i = 0; i < 10; i++) await catchAppError(() => env.app.sessions.login(user.username, "wrong-password"));
    const locked = await catchAppError(() => env.app.sessions.login(user.username, PASSWORD));
    assert.equal(locked.id, "api.user.check_user_login_attempts.too_many.app_error");
  });

  it("expires sessions after their length and deletes them", async () => {
    const user = await makeUser(env.app);
    const { session } = await env.app.sessions.login(user.username, PASSWORD);
    env.clock.advance(SESSION_LENGTH_MS);
    const err = await catchAppError(() => env.app.sessions.getSession(session.token));
    assert.equal(err.id, "api.context.session_expired.app_error");
    assert.equal(err.statusCode, 401);
    const row = await env.database.db.selectFrom("sessions").select("id").where("id", "=", session.id).executeTakeFirst();
    assert.equal(row, undefined);
  });

  it("revokes a session on logout and rejects unknown tokens", async () => {
    const user = await makeUser(env.app);
    const { session } = await env.app.sessions.login(user.username, PASSWORD);
    await env.app.sessions.revokeSession(session.token);
    assert.equal((await catchAppError(() => env.app.sessions.getSession(session.token))).statusCode, 401);
    assert.equal((await catchAppError(() => env.app.sessions.getSession(""))).statusCode, 401);
  });
});
