import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import type { Channel } from "../src/app/models/channel.js";
import type { User } from "../src/app/models/user.js";
import { DISMISS_POST_REASON } from "../src/app/posts-service.js";
import { FOREIGN_KEY_VIOLATION_TEXT } from "./support/constraint-text.js";
import { createFakeHooks, type FakeHooks } from "./support/fake-hooks.js";
import { catchAppError, createTestEnv, makeChannel, makeTeam, makeUser, type TestEnv } from "./support/test-env.js";

describe("posts", () => {
  let env: TestEnv;
  let hooks: FakeHooks;
  let author: User;
  let outsider: User;
  let channel: Channel;

  before(async () => {
    hooks = createFakeHooks();
    env = await createTestEnv({ hooks });
    await makeUser(env.app, "admin");
    author = await makeUser(env.app);
    outsider = await makeUser(env.app);
    const team = await makeTeam(env.app, author);
    await env.app.teams.addMember(team.id, outsider.id);
    channel = await makeChannel(env.app, team, author);
  });
  after(() => env.close());
  beforeEach(() => {
    hooks.willBePosted = (post) => ({ kind: "allow", post });
  });

  async function countPosts(channelId: string): Promise<number> {
    const rows = await env.database.db.selectFrom("posts").select("id").where("channel_id", "=", channelId).execute();
    return rows.length;
  }

  it("stores a post, updates channel counters and notifies hooks after storing", async () => {
    const fresh = await makeChannel(env.app, await makeTeam(env.app, author), author);
    const post = await env.app.posts.createPost({ channel_id: fresh.id, user_id: author.id, message: "hello", props: { a: 1 } });
    assert.match(post.id, /^[a-z0-9]{26}$/);
    assert.equal(post.create_at, post.update_at);
    assert.deepEqual(await env.app.posts.getPost(post.id), post);
    const updated = await env.app.channels.getChannel(fresh.id);
    assert.equal(updated.total_msg_count, 1);
    assert.equal(updated.total_msg_count_root, 1);
    assert.equal(updated.last_post_at, post.create_at);
    const member = await env.app.channels.getMember(fresh.id, author.id);
    assert.equal(member.msg_count, 1, "the author has read their own post");
    assert.deepEqual(hooks.seenHasBeenPosted.at(-1), post);
  });

  it("requires channel membership unless the caller (a plugin) opts out", async () => {
    const denied = await catchAppError(() => env.app.posts.createPost({ channel_id: channel.id, user_id: outsider.id, message: "hi" }));
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.id, "api.context.permissions.app_error");
    const byPlugin = await env.app.posts.createPost({ channel_id: channel.id, user_id: outsider.id, message: "from a bot" }, { checkMembership: false });
    assert.equal(byPlugin.user_id, outsider.id);
  });

  it("validates message length, props, ids and the channel", async () => {
    const base = { channel_id: channel.id, user_id: author.id };
    assert.ok(await env.app.posts.createPost({ ...base, message: "é".repeat(16383) }), "16383 code points are allowed");
    const tooLong = await catchAppError(() => env.app.posts.createPost({ ...base, message: "x".repeat(16384) }));
    assert.equal(tooLong.id, "model.post.is_valid.message_length.app_error");
    assert.equal(tooLong.statusCode, 400);
    const badProps = await catchAppError(() => env.app.posts.createPost({ ...base, message: "x", props: [] as unknown as Record<string, unknown> }));
    assert.equal(badProps.id, "model.post.is_valid.props.app_error");
    assert.equal((await catchAppError(() => env.app.posts.createPost({ ...base, channel_id: "nope", message: "x" }))).id, "model.post.is_valid.channel_id.app_error");
    assert.equal((await catchAppError(() => env.app.posts.createPost({ ...base, channel_id: "a".repeat(26), message: "x" }))).id, "app.channel.get.existing.app_error");
  });

  it("maps a post by a non-existent user (plugin path, FK violation) to a 400", async () => {
    const err = await catchAppError(() => env.app.posts.createPost({ channel_id: channel.id, user_id: "z".repeat(26), message: "ghost" }, { checkMembership: false }));
    assert.equal(err.statusCode, 400);
    assert.equal(err.id, "model.post.is_valid.user_id.app_error");
    assert.match(err.detailedError, FOREIGN_KEY_VIOLATION_TEXT);
  });

  it("keeps a plugin's modifications, including props, but not its changes to id or channel", async () => {
    hooks.willBePosted = (post) => ({
      kind: "allow",
      post: { ...post, id: "b".repeat(26), channel_id: "c".repeat(26), message: post.message.toUpperCase(), props: { ...post.props, censored: true } },
    });
    const post = await env.app.posts.createPost({ channel_id: channel.id, user_id: author.id, message: "quiet please", props: { from: "client" } });
    assert.equal(post.message, "QUIET PLEASE");
    assert.deepEqual(post.props, { from: "client", censored: true });
    assert.notEqual(post.id, "b".repeat(26));
    assert.equal(post.channel_id, channel.id);
    const stored = await env.app.posts.getPost(post.id);
    assert.equal(stored.message, "QUIET PLEASE");
    assert.deepEqual(stored.props, { from: "client", censored: true });
    assert.equal(hooks.seenWillBePosted.at(-1)?.message, "quiet please", "the hook saw the original");
  });

  it("stores nothing when a plugin rejects, and reports the reason", async () => {
    hooks.willBePosted = () => ({ kind: "reject", reason: "no swearing" });
    const before = await countPosts(channel.id);
    const notified = hooks.seenHasBeenPosted.length;
    const err = await catchAppError(() => env.app.posts.createPost({ channel_id: channel.id, user_id: author.id, message: "darn" }));
    assert.equal(err.id, "plugin.message_will_be_posted.reject");
    assert.equal(err.statusCode, 400);
    assert.equal(err.message, "Post rejected by plugin. no swearing");
    assert.equal(await countPosts(channel.id), before);
    assert.equal(hooks.seenHasBeenPosted.length, notified, "MessageHasBeenPosted is not fired");

    hooks.willBePosted = () => ({ kind: "reject", reason: DISMISS_POST_REASON });
    const dismissed = await catchAppError(() => env.app.posts.createPost({ channel_id: channel.id, user_id: author.id, message: "x" }));
    assert.equal(dismissed.id, "plugin.message_will_be_posted.dismiss_post");
    assert.equal(await countPosts(channel.id), before);
  });

  it("re-validates what a plugin returns", async () => {
    hooks.willBePosted = (post) => ({ kind: "allow", post: { ...post, message: "y".repeat(20000) } });
    const err = await catchAppError(() => env.app.posts.createPost({ channel_id: channel.id, user_id: author.id, message: "short" }));
    assert.equal(err.id, "model.post.is_valid.message_length.app_error");
  });

  it("threads replies under a root in the same channel", async () => {
    const root = await env.app.posts.createPost({ channel_id: channel.id, user_id: author.id, message: "root" });
    const reply = await env.app.posts.createPost({ channel_id: channel.id, user_id: author.id, message: "reply", root_id: root.id });
    assert.equal(reply.root_id, root.id);
    const updatedRoot = await env.app.posts.getPost(root.id);
    assert.equal(updatedRoot.reply_count, 1);
    assert.equal(updatedRoot.last_reply_at, reply.create_at);
    const nested = await catchAppError(() => env.app.posts.createPost({ channel_id: channel.id, user_id: author.id, message: "x", root_id: reply.id }));
    assert.equal(nested.id, "api.post.create_post.root_id.app_error");
  });

  it("pages posts newest first with Mattermost cursor ids", async () => {
    const quiet = await makeChannel(env.app, await makeTeam(env.app, author), author);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await env.app.posts.createPost({ channel_id: quiet.id, user_id: author.id, message: `m${i}` })).id);
    const newestFirst = [...ids].reverse();

    const page0 = await env.app.posts.getPostsForChannel(quiet.id, { page: 0, perPage: 2 });
    assert.deepEqual(page0.order, newestFirst.slice(0, 2));
    assert.deepEqual(Object.keys(page0.posts).sort(), newestFirst.slice(0, 2).sort());
    assert.equal(page0.posts[newestFirst[0]!]?.message, "m4");
    assert.equal(page0.next_post_id, "");
    assert.equal(page0.prev_post_id, newestFirst[2]);

    const page1 = await env.app.posts.getPostsForChannel(quiet.id, { page: 1, perPage: 2 });
    assert.deepEqual(page1.order, newestFirst.slice(2, 4));
    assert.equal(page1.next_post_id, newestFirst[1]);
    assert.equal(page1.prev_post_id, newestFirst[4]);

    const page2 = await env.app.posts.getPostsForChannel(quiet.id, { page: 2, perPage: 2 });
    assert.deepEqual(page2.order, [ids[0]]);
    assert.equal(page2.prev_post_id, "");

    const empty = await env.app.posts.getPostsForChannel(quiet.id, { page: 9, perPage: 2 });
    assert.deepEqual(empty, { order: [], posts: {}, next_post_id: "", prev_post_id: "" });
    assert.equal((await catchAppError(() => env.app.posts.getPostsForChannel(quiet.id, { perPage: 201 }))).statusCode, 400);
  });
});
