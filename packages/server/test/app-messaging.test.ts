import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { createApp, type App } from "../src/app/app.js";
import type { AppHooks } from "../src/app/app-hooks.js";
import type { WebSocketEvent } from "../src/app/models/websocket-event.js";
import type { Post } from "../src/app/models/post.js";
import { createFakeHooks } from "./support/fake-hooks.js";
import { catchAppError, createTestEnv, makeChannel, makeTeam, makeUser, PASSWORD, type TestEnv } from "./support/test-env.js";

type Call = { hook: string; args: unknown[] };

/** The fake hooks plus a recorder for every optional hook, and scriptable "Will" hooks. */
function recordingHooks() {
  const calls: Call[] = [];
  const record = (hook: string) => (...args: unknown[]) => {
    calls.push({ hook, args: structuredClone(args) });
  };
  const control = {
    willBeUpdated: (post: Post, _old: Post) => ({ kind: "allow", post }) as { kind: "allow"; post: Post } | { kind: "reject"; reason: string },
    willBeUploaded: undefined as undefined | ((name: string) => { kind: "reject"; reason: string } | { kind: "allow"; content?: string }),
  };
  const hooks: AppHooks = {
    ...createFakeHooks(),
    async messageWillBeUpdated(newPost, oldPost) {
      calls.push({ hook: "messageWillBeUpdated", args: [structuredClone(newPost), structuredClone(oldPost)] });
      return control.willBeUpdated(newPost, oldPost);
    },
    async fileWillBeUploaded(info) {
      const verdict = control.willBeUploaded?.(info.name) ?? { kind: "allow" as const };
      if (verdict.kind === "reject") return verdict;
      return { kind: "allow", info, ...(verdict.content !== undefined ? { content: Readable.from([Buffer.from(verdict.content)]) } : {}) };
    },
    messageHasBeenUpdated: record("messageHasBeenUpdated"),
    messageHasBeenDeleted: record("messageHasBeenDeleted"),
    reactionHasBeenAdded: record("reactionHasBeenAdded"),
    reactionHasBeenRemoved: record("reactionHasBeenRemoved"),
    channelHasBeenCreated: record("channelHasBeenCreated"),
    userHasJoinedChannel: record("userHasJoinedChannel"),
    userHasLeftChannel: record("userHasLeftChannel"),
    userHasJoinedTeam: record("userHasJoinedTeam"),
    userHasLeftTeam: record("userHasLeftTeam"),
    userHasBeenCreated: record("userHasBeenCreated"),
    userHasLoggedIn: record("userHasLoggedIn"),
    preferencesHaveChanged: record("preferencesHaveChanged"),
  };
  return { hooks, calls, control, named: (hook: string) => calls.filter((c) => c.hook === hook) };
}

// The app services behind the new REST routes, on the test database (SQLite, and PostgreSQL in
// the second pass): the optional hooks run at Mattermost's points, events are published with the
// right scope, and multi-row changes are all or nothing.
describe("app: hooks, events and transactions of the messaging services", () => {
  let env: TestEnv;
  let app: App;
  const rec = recordingHooks();
  const events: WebSocketEvent[] = [];
  const named = (name: string) => events.filter((e) => e.event === name);

  before(async () => {
    env = await createTestEnv();
    app = createApp({ db: env.database.db, hooks: rec.hooks, version: "t", now: env.clock.now, filesDir: join(env.dir, "files") });
    app.events.subscribe((e) => events.push(e));
  });
  after(() => env.close());

  test("users, teams and channels: created/joined/left hooks with member and actor, and their events", async () => {
    const admin = await makeUser(app, "adm");
    const bob = await makeUser(app, "bob");
    assert.deepEqual(rec.named("userHasBeenCreated").map((c) => (c.args[0] as { id: string }).id), [admin.id, bob.id]);
    assert.deepEqual(named("new_user").map((e) => e.data["user_id"]), [admin.id, bob.id]);
    await app.sessions.login(bob.username, PASSWORD);
    assert.equal((rec.named("userHasLoggedIn")[0]?.args[0] as { id: string }).id, bob.id);

    const team = await makeTeam(app, admin);
    await app.teams.addMember(team.id, bob.id, { actorId: admin.id });
    const joinedTeam = rec.named("userHasJoinedTeam").at(-1)!;
    assert.equal((joinedTeam.args[0] as { user_id: string }).user_id, bob.id);
    assert.equal((joinedTeam.args[1] as { id: string }).id, admin.id);
    assert.deepEqual(named("added_to_team").at(-1)?.broadcast.user_id, bob.id);

    const channel = await makeChannel(app, team, admin);
    assert.equal((rec.named("channelHasBeenCreated").at(-1)?.args[0] as { id: string }).id, channel.id);
    assert.equal(named("channel_created").at(-1)?.broadcast.user_id, admin.id);
    await app.channels.addMember(channel.id, bob.id, { actorId: bob.id });
    const joined = rec.named("userHasJoinedChannel").at(-1)!;
    assert.equal((joined.args[0] as { channel_id: string }).channel_id, channel.id);
    assert.equal(joined.args[1], undefined, "joining by oneself has no actor");
    assert.deepEqual(named("user_added").at(-1)?.data, { user_id: bob.id, team_id: team.id });

    // Leaving the team takes bob out of its channels, in the same transaction.
    await app.teamMembers.removeMember(team.id, bob.id, { actorId: admin.id });
    assert.equal(await app.channels.isMember(channel.id, bob.id), false);
    assert.equal(await app.teams.isMember(team.id, bob.id), false);
    assert.equal((rec.named("userHasLeftTeam").at(-1)?.args[1] as { id: string }).id, admin.id);
    assert.deepEqual(named("leave_team").map((e) => [e.broadcast.team_id, e.broadcast.user_id]), [[team.id, ""], ["", bob.id]]);
  });

  test("edits: MessageWillBeUpdated may reject (nothing stored) or rewrite; MessageHasBeenUpdated sees new and old", async () => {
    const [author, team] = await userWithTeam();
    const channel = await makeChannel(app, team, author);
    const post = await app.posts.createPost({ channel_id: channel.id, user_id: author.id, message: "original" });
    rec.control.willBeUpdated = () => ({ kind: "reject", reason: "no edits on Fridays" });
    const refused = await catchAppError(() => app.postChanges.editPost(post.id, { message: "changed" }, { actorId: author.id }));
    assert.equal(refused.id, "plugin.message_will_be_updated.reject");
    assert.equal(refused.message, "Post rejected by plugin. no edits on Fridays");
    assert.equal((await app.posts.getPost(post.id)).message, "original");
    const seen = rec.named("messageWillBeUpdated").at(-1)!;
    assert.deepEqual([(seen.args[0] as Post).message, (seen.args[1] as Post).message], ["changed", "original"]);

    rec.control.willBeUpdated = (p) => ({ kind: "allow", post: { ...p, message: p.message.toUpperCase(), channel_id: "elsewhere" } });
    const edited = await app.postChanges.editPost(post.id, { message: "changed" }, { actorId: author.id });
    assert.equal(edited.message, "CHANGED");
    assert.equal(edited.channel_id, channel.id, "plugins rewrite content, not placement");
    const has = rec.named("messageHasBeenUpdated").at(-1)!;
    assert.deepEqual([(has.args[0] as Post).message, (has.args[1] as Post).message], ["CHANGED", "original"]);
    assert.equal(JSON.parse(named("post_edited").at(-1)!.data["post"] as string).message, "CHANGED");
    rec.control.willBeUpdated = (p) => ({ kind: "allow", post: p });
  });

  test("deleting a root deletes its replies and their files; deleting a reply updates the root's count", async () => {
    const [author, team] = await userWithTeam();
    const channel = await makeChannel(app, team, author);
    const upload = await app.files.beginUpload(channel.id, author.id);
    const file = await upload.add("notes.txt", Readable.from([Buffer.from("n")]));
    await upload.commit();
    const root = await app.posts.createPost({ channel_id: channel.id, user_id: author.id, message: "root" });
    const reply = await app.posts.createPost({ channel_id: channel.id, user_id: author.id, message: "reply", root_id: root.id, file_ids: [file.id] });
    const other = await app.posts.createPost({ channel_id: channel.id, user_id: author.id, message: "other", root_id: root.id });
    await app.postChanges.deletePost(other.id, { actorId: author.id });
    assert.equal((await app.posts.getPost(root.id)).reply_count, 1);
    await app.postChanges.deletePost(root.id, { actorId: author.id });
    assert.equal((await catchAppError(() => app.posts.getPost(reply.id))).id, "app.post.get.app_error");
    assert.equal((await catchAppError(() => app.files.getFileInfo(file.id))).id, "app.file_info.get.app_error");
    assert.deepEqual(rec.named("messageHasBeenDeleted").map((c) => (c.args[0] as Post).id).slice(-2), [other.id, root.id]);
    assert.equal(named("post_deleted").at(-1)?.broadcast.channel_id, channel.id);
  });

  test("reactions and preferences run their hooks; a refused preference batch writes nothing", async () => {
    const [user, team] = await userWithTeam();
    const channel = await makeChannel(app, team, user);
    const post = await app.posts.createPost({ channel_id: channel.id, user_id: user.id, message: "react" });
    await app.reactions.saveReaction({ user_id: user.id, post_id: post.id, emoji_name: "smile" }, { actorId: user.id });
    await app.reactions.saveReaction({ user_id: user.id, post_id: post.id, emoji_name: "smile" }, { actorId: user.id });
    await app.reactions.deleteReaction({ user_id: user.id, post_id: post.id, emoji_name: "smile" }, { actorId: user.id });
    await app.reactions.deleteReaction({ user_id: user.id, post_id: post.id, emoji_name: "smile" }, { actorId: user.id });
    assert.equal(rec.named("reactionHasBeenAdded").length, 1, "saving twice changes nothing the second time");
    assert.equal(rec.named("reactionHasBeenRemoved").length, 1);

    const pref = { user_id: user.id, category: "c", name: "n", value: "v" };
    await app.preferences.savePreferences(user.id, [pref]);
    assert.deepEqual(rec.named("preferencesHaveChanged").at(-1)?.args[0], [pref]);
    const refused = await catchAppError(() => app.preferences.savePreferences(user.id, [{ ...pref, name: "m" }, { ...pref, value: "x".repeat(3000) }]));
    assert.equal(refused.id, "model.preference.is_valid.value.app_error");
    assert.deepEqual(await app.preferences.getPreferences(user.id), [pref]);
    assert.equal(named("preferences_changed").at(-1)?.broadcast.user_id, user.id);
  });

  test("FileWillBeUploaded may reject (nothing kept) or replace the content", async () => {
    const [user, team] = await userWithTeam();
    const channel = await makeChannel(app, team, user);
    rec.control.willBeUploaded = (name) => (name.endsWith(".exe") ? { kind: "reject", reason: "no executables" } : { kind: "allow", content: "scrubbed" });
    const upload = await app.files.beginUpload(channel.id, user.id);
    const kept = await upload.add("clean.txt", Readable.from([Buffer.from("original content")]));
    assert.equal(kept.size, 8);
    const refused = await catchAppError(() => upload.add("virus.exe", Readable.from([Buffer.from("MZ")])));
    assert.equal(refused.id, "api.file.upload_file.rejected_by_plugin.app_error");
    assert.equal(refused.statusCode, 400); // Mattermost: 400 "File rejected by plugin. <reason>"
    await upload.abort();
    assert.deepEqual(readdirSync(join(env.dir, "files", ".tmp")), []);
    assert.equal((await catchAppError(() => app.files.getFileInfo(kept.id))).id, "app.file_info.get.app_error");
    rec.control.willBeUploaded = undefined;
  });

  test("opening a DM and first use of an access token are safe when two requests race", async () => {
    const [a, b] = [await makeUser(app, "dma"), await makeUser(app, "dmb")];
    const [one, two] = await Promise.all([app.channelMembers.createDirectChannel([a.id, b.id]), app.channelMembers.createDirectChannel([b.id, a.id])]);
    assert.equal(one.id, two.id);
    assert.deepEqual((await app.channelMembers.getMembers(one.id, 0, 10)).map((m) => m.user_id).sort(), [a.id, b.id].sort());
    const token = await app.accessTokens.createToken(a.id, "race");
    const sessions = await Promise.all([app.accessTokens.sessionForToken(token.token!), app.accessTokens.sessionForToken(token.token!)]);
    assert.ok(sessions.every((s) => s?.user_id === a.id));
    assert.equal((await app.sessions.getSession(token.token!)).user_id, a.id);
    await app.accessTokens.revokeToken(token.id);
    assert.equal((await catchAppError(() => app.sessions.getSession(token.token!))).statusCode, 401);
  });

  async function userWithTeam() {
    const user = await makeUser(app, "user");
    return [user, await makeTeam(app, user)] as const;
  }
});
