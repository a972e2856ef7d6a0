import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance, InjectOptions } from "fastify";
import { createHttpServer } from "../src/http/create-http-server.js";
import { uniqueViolationText } from "./support/constraint-text.js";
import { createFakeHooks, type FakeHooks } from "./support/fake-hooks.js";
import { createTestEnv, PASSWORD, type TestEnv } from "./support/test-env.js";

interface Reply {
  status: number;
  body: any;
  headers: Record<string, unknown>;
}

describe("REST API v4", () => {
  let env: TestEnv;
  let hooks: FakeHooks;
  let http: FastifyInstance;

  async function call(method: InjectOptions["method"], url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers["authorization"] = `Bearer ${options.token}`;
    const res = await http.inject({ method, url, headers, ...(options.body === undefined ? {} : { payload: options.body as object }) });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, headers: res.headers };
  }

  function assertAppError(reply: Reply, status: number, id: string): void {
    assert.equal(reply.status, status, JSON.stringify(reply.body));
    assert.deepEqual(Object.keys(reply.body).sort(), ["detailed_error", "id", "message", "request_id", "status_code"]);
    assert.equal(reply.body.id, id);
    assert.equal(reply.body.status_code, status);
    assert.equal(reply.body.request_id, reply.headers["x-request-id"]);
    assert.match(reply.body.request_id, /^[a-z0-9]{26}$/);
  }

  async function signUp(username: string): Promise<{ id: string; token: string }> {
    const created = await call("POST", "/api/v4/users", { body: { username, email: `${username}@example.com`, password: PASSWORD } });
    assert.equal(created.status, 201);
    const login = await call("POST", "/api/v4/users/login", { body: { login_id: username, password: PASSWORD } });
    assert.equal(login.status, 200);
    return { id: created.body.id, token: String(login.headers["token"]) };
  }

  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  let teamId: string;
  let channelId: string;

  before(async () => {
    hooks = createFakeHooks();
    env = await createTestEnv({ hooks });
    http = createHttpServer({ app: env.app });
    await http.ready();
    alice = await signUp("alice");
    bob = await signUp("bob");
    const team = await call("POST", "/api/v4/teams", { token: alice.token, body: { name: "core", display_name: "Core", type: "I" } });
    teamId = team.body.id;
    const channel = await call("POST", "/api/v4/channels", { token: alice.token, body: { team_id: teamId, name: "town", display_name: "Town", type: "O" } });
    channelId = channel.body.id;
  });
  after(async () => {
    await http.close();
    await env.close();
  });

  it("answers ping without auth and sets request/version headers", async () => {
    const reply = await call("GET", "/api/v4/system/ping");
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { status: "OK" });
    assert.equal(reply.headers["x-version-id"], "0.1.0-test");
  });

  it("signs up, logs in with Token header + MMAUTHTOKEN cookie, and never leaks the hash", async () => {
    const created = await call("POST", "/api/v4/users", { body: { username: "Carol", email: "carol@example.com", password: PASSWORD } });
    assert.equal(created.status, 201);
    assert.equal(created.body.username, "carol");
    assert.equal(created.body.roles, "system_user");
    assert.equal(created.body.password_hash, undefined);
    const login = await call("POST", "/api/v4/users/login", { body: { login_id: "carol@example.com", password: PASSWORD } });
    assert.equal(login.status, 200);
    assert.equal(login.body.id, created.body.id);
    const token = String(login.headers["token"]);
    assert.match(token, /^[a-z0-9]{26}$/);
    const cookies = ([] as string[]).concat(login.headers["set-cookie"] as string[]);
    assert.ok(cookies.some((c) => c.startsWith(`MMAUTHTOKEN=${token};`) && c.includes("HttpOnly")));
    assert.ok(cookies.some((c) => c.startsWith(`MMUSERID=${created.body.id};`)));

    const ways: Record<string, string>[] = [{ authorization: `Bearer ${token}` }, { authorization: `Token ${token}` }, { cookie: `MMAUTHTOKEN=${token}` }];
    for (const headers of ways) {
      const me = await call("GET", "/api/v4/users/me", { headers });
      assert.equal(me.status, 200);
      assert.equal(me.body.id, created.body.id);
    }
    const bad = await call("POST", "/api/v4/users/login", { body: { login_id: "carol", password: "wrong-password" } });
    assertAppError(bad, 401, "api.user.login.invalid_credentials_email_username");
  });

  it("returns 401 in the error shape without a valid token, and after logout", async () => {
    assertAppError(await call("GET", "/api/v4/users/me"), 401, "api.context.session_expired.app_error");
    assertAppError(await call("GET", "/api/v4/users/me", { token: "x".repeat(26) }), 401, "api.context.session_expired.app_error");
    const { token } = await signUp("dave");
    const out = await call("POST", "/api/v4/users/logout", { token });
    assert.equal(out.status, 200);
    assert.deepEqual(out.body, { status: "OK" });
    assertAppError(await call("GET", "/api/v4/users/me", { token }), 401, "api.context.session_expired.app_error");
  });

  it("requires a CSRF header for cookie-authenticated writes", async () => {
    const body = { channel_id: channelId, message: "via cookie" };
    const noCsrf = await call("POST", "/api/v4/posts", { body, headers: { cookie: `MMAUTHTOKEN=${alice.token}` } });
    assertAppError(noCsrf, 401, "api.context.session_expired.app_error");
    const withHeader = await call("POST", "/api/v4/posts", { body, headers: { cookie: `MMAUTHTOKEN=${alice.token}`, "x-requested-with": "XMLHttpRequest" } });
    assert.equal(withHeader.status, 201);
  });

  it("reads users by id and username, with 400 for a malformed id", async () => {
    assert.equal((await call("GET", `/api/v4/users/${bob.id}`, { token: alice.token })).body.username, "bob");
    assert.equal((await call("GET", "/api/v4/users/username/bob", { token: alice.token })).body.id, bob.id);
    assertAppError(await call("GET", "/api/v4/users/not-an-id", { token: alice.token }), 400, "api.context.invalid_url_param.app_error");
    assertAppError(await call("GET", `/api/v4/users/${"q".repeat(26)}`, { token: alice.token }), 404, "app.user.missing_account.const");
  });

  it("creates a team with the creator as admin and guards who may see and join it", async () => {
    const team = await call("GET", `/api/v4/teams/${teamId}`, { token: alice.token });
    assert.equal(team.body.name, "core");
    assertAppError(await call("GET", `/api/v4/teams/${teamId}`, { token: bob.token }), 403, "api.context.permissions.app_error");
    assertAppError(await call("POST", `/api/v4/teams/${teamId}/members`, { token: bob.token, body: { team_id: teamId, user_id: bob.id } }), 403, "api.context.permissions.app_error");
    assertAppError(await call("POST", `/api/v4/teams/${teamId}/members`, { token: alice.token, body: { team_id: "w".repeat(26), user_id: bob.id } }), 400, "api.context.invalid_body_param.app_error");
    const dup = await call("POST", "/api/v4/teams", { token: bob.token, body: { name: "core", display_name: "Again", type: "O" } });
    assertAppError(dup, 409, "app.team.save.existing.app_error");
    assert.match(dup.body.detailed_error, uniqueViolationText("teams", "name"));
  });

  it("forbids a non-member from reading or posting in a channel (403)", async () => {
    const secret = await call("POST", "/api/v4/channels", { token: alice.token, body: { team_id: teamId, name: "secret", display_name: "Secret", type: "P" } });
    assert.equal(secret.status, 201);
    const post = await call("POST", "/api/v4/posts", { token: alice.token, body: { channel_id: secret.body.id, message: "classified" } });
    assert.equal(post.status, 201);

    assertAppError(await call("GET", `/api/v4/channels/${secret.body.id}`, { token: bob.token }), 403, "api.context.permissions.app_error");
    assertAppError(await call("GET", `/api/v4/channels/${secret.body.id}/posts`, { token: bob.token }), 403, "api.context.permissions.app_error");
    assertAppError(await call("GET", `/api/v4/posts/${post.body.id}`, { token: bob.token }), 403, "api.context.permissions.app_error");
    assertAppError(await call("POST", "/api/v4/posts", { token: bob.token, body: { channel_id: secret.body.id, message: "let me in" } }), 403, "api.context.permissions.app_error");
    // Not a team member either: cannot be added to the channel.
    assertAppError(await call("POST", `/api/v4/channels/${secret.body.id}/members`, { token: alice.token, body: { user_id: bob.id } }), 404, "app.team.get_member.missing.app_error");
  });

  it("adds members, then creates and lists posts page by page", async () => {
    const member = await call("POST", `/api/v4/teams/${teamId}/members`, { token: alice.token, body: { team_id: teamId, user_id: bob.id } });
    assert.equal(member.status, 201);
    assert.equal(member.body.roles, "team_user");
    const joined = await call("POST", `/api/v4/channels/${channelId}/members`, { token: bob.token, body: { user_id: bob.id } });
    assert.equal(joined.status, 201);
    assert.equal(joined.body.channel_id, channelId);

    const quiet = await call("POST", "/api/v4/channels", { token: alice.token, body: { team_id: teamId, name: "quiet", display_name: "Quiet", type: "O" } });
    await call("POST", `/api/v4/channels/${quiet.body.id}/members`, { token: alice.token, body: { user_id: bob.id } });
    const ids: string[] = [];
    for (const [i, who] of [alice, bob, alice].entries()) {
      const created = await call("POST", "/api/v4/posts", { token: who.token, body: { channel_id: quiet.body.id, message: `post ${i}`, props: { n: i }, user_id: alice.id } });
      assert.equal(created.status, 201);
      assert.equal(created.body.user_id, who.id, "the author is the session user, not body.user_id");
      assert.deepEqual(created.body.props, { n: i });
      ids.push(created.body.id);
    }
    const got = await call("GET", `/api/v4/posts/${ids[1]}`, { token: alice.token });
    assert.equal(got.body.message, "post 1");

    const page0 = await call("GET", `/api/v4/channels/${quiet.body.id}/posts?page=0&per_page=2`, { token: bob.token });
    assert.equal(page0.status, 200);
    assert.deepEqual(page0.body.order, [ids[2], ids[1]]);
    assert.equal(page0.body.posts[ids[2]!].message, "post 2");
    assert.equal(page0.body.next_post_id, "");
    assert.equal(page0.body.prev_post_id, ids[0]);
    const page1 = await call("GET", `/api/v4/channels/${quiet.body.id}/posts?page=1&per_page=2`, { token: bob.token });
    assert.deepEqual(page1.body.order, [ids[0]]);
    assert.equal(page1.body.next_post_id, ids[1]);
    assertAppError(await call("GET", `/api/v4/channels/${quiet.body.id}/posts?page=-1`, { token: bob.token }), 400, "api.context.invalid_url_param.app_error");
  });

  it("returns a plugin's rejection as a 400 and stores nothing", async () => {
    hooks.willBePosted = () => ({ kind: "reject", reason: "spam" });
    try {
      const reply = await call("POST", "/api/v4/posts", { token: alice.token, body: { channel_id: channelId, message: "buy now" } });
      assertAppError(reply, 400, "plugin.message_will_be_posted.reject");
      assert.equal(reply.body.message, "Post rejected by plugin. spam");
      const list = await call("GET", `/api/v4/channels/${channelId}/posts`, { token: alice.token });
      assert.ok(!Object.values(list.body.posts).some((p: any) => p.message === "buy now"));
    } finally {
      hooks.willBePosted = (post) => ({ kind: "allow", post });
    }
  });

  it("turns malformed JSON, wrong content types and wrong body shapes into 400s", async () => {
    const malformed = await http.inject({ method: "POST", url: "/api/v4/posts", headers: { authorization: `Bearer ${alice.token}`, "content-type": "application/json" }, payload: '{"channel_id": ' });
    assertAppError({ status: malformed.statusCode, body: JSON.parse(malformed.body), headers: malformed.headers }, 400, "api.context.invalid_body_param.app_error");
    const xml = await http.inject({ method: "POST", url: "/api/v4/users", headers: { "content-type": "application/xml" }, payload: "<user/>" });
    assertAppError({ status: xml.statusCode, body: JSON.parse(xml.body), headers: xml.headers }, 400, "api.context.invalid_body_param.app_error");
    const text = await http.inject({ method: "POST", url: "/api/v4/users", headers: { "content-type": "text/plain" }, payload: "hello" });
    assertAppError({ status: text.statusCode, body: JSON.parse(text.body), headers: text.headers }, 400, "api.context.invalid_body_param.app_error");
    assertAppError(await call("POST", "/api/v4/users", { body: [1, 2] }), 400, "api.context.invalid_body_param.app_error");
    assertAppError(await call("POST", "/api/v4/posts", { token: alice.token, body: { channel_id: "short", message: "x" } }), 400, "api.context.invalid_body_param.app_error");
    assertAppError(await call("POST", "/api/v4/posts", { token: alice.token, body: { channel_id: channelId, message: 42 } }), 400, "api.context.invalid_body_param.app_error");
  });

  it("answers an oversized body with 413 in the error shape", async () => {
    const small = createHttpServer({ app: env.app, bodyLimit: 64 });
    try {
      const res = await small.inject({ method: "POST", url: "/api/v4/users", payload: { username: "x".repeat(100), email: "e@example.com", password: PASSWORD } });
      assertAppError({ status: res.statusCode, body: JSON.parse(res.body), headers: res.headers }, 413, "api.context.request_body_too_large.app_error");
    } finally {
      await small.close();
    }
  });

  it("maps a duplicate sign-up (DB UNIQUE constraint) to a 409 in the error shape", async () => {
    const dup = await call("POST", "/api/v4/users", { body: { username: "alice", email: "alice2@example.com", password: PASSWORD } });
    assertAppError(dup, 409, "app.user.save.username_exists.app_error");
    assert.match(dup.body.detailed_error, uniqueViolationText("users", "username"));
  });

  it("answers unknown routes with a 404 in the error shape", async () => {
    assertAppError(await call("GET", "/api/v4/nothing/here"), 404, "api.context.404.app_error");
  });

  it("executes slash commands, with 404 for unknown triggers", async () => {
    await env.app.commands.registerPluginCommand("com.example.hello", { trigger: "hello" });
    hooks.execute = (_id, args) => ({ response_type: "ephemeral", text: `Hello, ${args.command.slice(7) || "world"}!`, goto_location: "" });
    const ok = await call("POST", "/api/v4/commands/execute", { token: bob.token, body: { channel_id: channelId, command: "/hello Bob" } });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body, { response_type: "ephemeral", text: "Hello, Bob!", goto_location: "" });
    assert.equal(hooks.seenCommands.at(-1)?.args.user_id, bob.id);
    const missing = await call("POST", "/api/v4/commands/execute", { token: bob.token, body: { channel_id: channelId, command: "/nope" } });
    assertAppError(missing, 404, "api.command.execute_command.not_found.app_error");
  });
});
