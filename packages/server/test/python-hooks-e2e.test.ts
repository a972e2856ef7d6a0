import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { create } from "@bufbuild/protobuf";
import { PluginState } from "@polyplug/host";
import {
  ChannelMemberSchema,
  ChannelSchema,
  FileInfoSchema,
  type FileWillBeUploadedResponse,
  FileWillBeUploadedRequestSchema,
  PostSchema,
  PreferenceSchema,
  ReactionSchema,
  type ServeHTTPResponse,
  ServeHTTPRequestSchema,
  TeamMemberSchema,
  UserSchema,
  fromProto,
  toProto,
} from "@polyplug/protocol";
import { eventually, RestClient, runningServer } from "./support/running-server.js";

// Every hook family of the Python SDK against the real TypeScript host: a real server, the test
// plugin as its own Python process over gRPC. Hooks the app core does not fire yet are called from
// the host side, exactly as the app will call them (ManagedPlugin.hooks with real protobuf
// requests built by the model codec); the plugin records what its typed handler received in KV,
// which the test reads back from the app's store, and answers in ways whose mapping is asserted.
const PY = "com.polyplug.test.py-hooks";
const SEED = "com.polyplug.test.py-seed-style";
const FIXTURES = "packages/server/test/fixtures/plugins";
const CONTEXT = { sessionId: "s-1", requestId: "r-1", ipAddress: "10.1.2.3", acceptLanguage: "fr", userAgent: "e2e" };
const KIB = 1024;

describe("the Python SDK's hooks through the real host", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const plugin = () => server.plugins.get(PY)!;
  const hooks = () => plugin().hooks;
  const options = () => plugin().hookCallOptions();

  /** What the plugin's handler recorded under `key` (it records before answering). */
  async function seen(key: string): Promise<any> {
    const raw = await eventually(() => server.app.kv.get(PY, key));
    return JSON.parse(Buffer.from(raw).toString());
  }

  /** Runs one streamed hook call: writes `messages`, collects every answer until the stream ends. */
  async function stream<T>(method: "fileWillBeUploaded" | "serveMetrics", messages: object[]): Promise<T[]> {
    const call = plugin().openHookStream(method);
    const answers: T[] = [];
    const ended = new Promise<void>((resolve, reject) => {
      call.on("data", (message: T) => answers.push(message));
      call.on("end", resolve);
      call.on("error", reject);
    });
    for (const message of messages) call.write(message);
    call.end();
    await ended;
    return answers;
  }

  before(async () => {
    server = await runningServer([`${FIXTURES}/py-hooks`, `${FIXTURES}/py-seed-style`], {
      PluginSettings: { Plugins: { [PY]: { Greeting: "bonjour" } } },
    });
    for (const status of server.plugins.statuses()) assert.equal(status.state, PluginState.Running, `${status.plugin_id}: ${status.error}`);
  });
  after(() => server.close());

  test("lifecycle and configuration: start order, settings, structured logs, config veto, install, retention, support data", async () => {
    assert.deepEqual(plugin().manifest.id, PY);
    const implemented = (await hooks().implemented({}, options())).hooks;
    assert.equal(implemented.length, 46);
    // OnConfigurationChange ran before OnActivate, with config.json's settings over the manifest's.
    assert.deepEqual(await seen("OnConfigurationChange:last"), { config: { Greeting: "bonjour" }, count: 1 });
    // The hook deadline comes from the host's environment (30 s by default).
    // OnActivate used the async API client against the real host: version, settings, command registration.
    assert.deepEqual(await seen("OnActivate:done"), { timeout: 30, plugin_id: PY, version: server.version, settings: { Greeting: "bonjour" } });
    // log_* calls arrive in the host's plugin log with their structured fields.
    const logged = await eventually(() => plugin().log.tail(200).find((e) => e.source === "api" && e.message === "py-hooks activated"));
    assert.equal(logged.level, "info");
    assert.deepEqual(logged.fields, { hooks: 46, sync: false, detail: { families: ["posts", "files"] } });
    const warned = plugin().log.tail(200).find((e) => e.source === "api" && e.message === "sync logging works too");
    assert.deepEqual([warned?.level, warned?.fields], ["warn", { level_name: "warn" }]);

    assert.equal((await hooks().onConfigurationChange({}, options())).error, undefined);
    assert.equal((await seen("OnConfigurationChange:last")).count, 2);

    const saved = await hooks().configurationWillBeSaved({ config: { ServiceSettings: { SiteURL: "https://chat.example" } } }, options());
    assert.equal(saved.error, undefined);
    assert.deepEqual(saved.config, { ServiceSettings: { SiteURL: "https://chat.example" }, SavedBy: "py-hooks" });
    const vetoed = await hooks().configurationWillBeSaved({ config: { Reject: true } }, options());
    assert.match(vetoed.error?.message ?? "", /Reject is not allowed/);
    assert.equal(vetoed.config, undefined);

    assert.equal((await hooks().onInstall({ context: CONTEXT, userId: "u-admin" }, options())).error, undefined);
    assert.deepEqual((await seen("OnInstall:u-admin")).event, { user_id: "u-admin" });
    assert.equal((await seen("OnInstall:u-admin")).context.ip_address, "10.1.2.3");
    assert.equal((await hooks().onInstall({ userId: "refuse" }, options())).error?.message, "install refused");

    assert.equal((await hooks().onSendDailyTelemetry({}, options())).error, undefined);
    await seen("OnSendDailyTelemetry:done");
    await hooks().onCloudLimitsUpdated({ limits: { messages: { history: 10_000 }, files: { total_storage: 5.5 } } }, options());
    assert.deepEqual((await seen("OnCloudLimitsUpdated:last")).limits, { messages: { history: 10_000 }, files: { total_storage: 5.5 } });

    const retention = await hooks().runDataRetention({ nowTime: 1_700_000_000_000n, batchSize: 500n }, options());
    assert.equal(retention.deletedCount, 250n);
    assert.deepEqual(await seen("RunDataRetention:last"), { now_time: 1_700_000_000_000, batch_size: 500 });

    const support = await hooks().generateSupportData({ context: CONTEXT }, options());
    assert.deepEqual(support.files.map((f) => f.filename), ["py-hooks/diagnostics.json", "py-hooks/raw.bin"]);
    assert.deepEqual(JSON.parse(Buffer.from(support.files[0]!.body).toString()), { ok: true });
    assert.deepEqual([...support.files[1]!.body], Array.from({ length: 256 }, (_, i) => i));

    const command = await hooks().executeCommand({ args: { command: "/pyhooks now", userId: "u1" } }, options());
    assert.equal(command.response?.text, "py-hooks ran /pyhooks now");
  });

  test("posts and reactions: through the app (modify, reject, has-been-posted) and directly (update, delete, consume, reactions)", async () => {
    const alice = new RestClient(server.url);
    const aliceId = (await alice.signUp("alice")).id;
    const team = await alice.call("POST", "/api/v4/teams", { name: "hooks", display_name: "Hooks", type: "O" });
    const channel = await alice.call("POST", "/api/v4/channels", { team_id: team.json.id, name: "py", display_name: "Py", type: "O" });

    const shouted = await alice.call("POST", "/api/v4/posts", { channel_id: channel.json.id, message: "please shout", props: { from: "test", n: [1, 2] } });
    assert.equal(shouted.status, 201, JSON.stringify(shouted.json));
    assert.equal(shouted.json.message, "PLEASE SHOUT");
    assert.deepEqual(shouted.json.props, { from: "test", n: [1, 2], shouted: true });
    const received = await seen("MessageWillBePosted:please shout");
    assert.deepEqual([received.post.channel_id, received.post.props], [channel.json.id, { from: "test", n: [1, 2] }]);
    const posted = await seen(`MessageHasBeenPosted:${shouted.json.id}`);
    assert.equal(posted.post.message, "PLEASE SHOUT");
    assert.deepEqual(posted.post.props, { from: "test", n: [1, 2], shouted: true });

    // The sync API client from inside a hook, through the real host: channels, users, posts, KV, errors.
    const ran = await alice.call("POST", "/api/v4/commands/execute", { channel_id: channel.json.id, team_id: team.json.id, command: "/pyhooks api" });
    assert.equal(ran.status, 200, JSON.stringify(ran.json));
    const report = JSON.parse(ran.json.text);
    assert.deepEqual(
      { ...report, post_id: undefined },
      { channel: "py", user: "alice", post_id: undefined, fetched: "from py-hooks", props: { via: "api" }, empty: "", deleted: null, not_found: [404, "app.user.missing_account.const"] },
    );
    const stored = await alice.call("GET", `/api/v4/posts/${report.post_id}`);
    assert.deepEqual([stored.status, stored.json.message, stored.json.props, stored.json.user_id], [200, "from py-hooks", { via: "api" }, aliceId]);

    const rejected = await alice.call("POST", "/api/v4/posts", { channel_id: channel.json.id, message: "reject-me please" });
    assert.equal(rejected.status, 400);
    assert.equal(rejected.json.message, "Post rejected by plugin. py-hooks rejects: reject-me please");

    const oldPost = { id: "p-1", channel_id: "c-1", user_id: "u-1", message: "first", props: { keep: { deep: true } } };
    const newPost = { ...oldPost, message: "second", edit_at: 5 };
    const updated = await hooks().messageWillBeUpdated({ context: CONTEXT, newPost: toProto(PostSchema, newPost), oldPost: toProto(PostSchema, oldPost) }, options());
    const edited = fromProto(PostSchema, updated.post!);
    assert.deepEqual([edited.message, edited.props, edited.edit_at, updated.rejectionReason], ["second (edited; was: first)", { keep: { deep: true } }, 5, ""]);
    assert.equal((await seen("MessageWillBeUpdated:p-1")).old_post.message, "first");
    const frozen = await hooks().messageWillBeUpdated({ newPost: toProto(PostSchema, newPost), oldPost: toProto(PostSchema, { ...oldPost, message: "frozen" }) }, options());
    assert.deepEqual([frozen.post, frozen.rejectionReason], [undefined, "this post is frozen"]);

    await hooks().messageHasBeenUpdated({ newPost: toProto(PostSchema, newPost), oldPost: toProto(PostSchema, oldPost) }, options());
    assert.deepEqual((await seen("MessageHasBeenUpdated:p-1")).new_post.message, "second");
    await hooks().messageHasBeenDeleted({ post: toProto(PostSchema, { ...oldPost, delete_at: 9 }) }, options());
    assert.equal((await seen("MessageHasBeenDeleted:p-1")).post.delete_at, 9);

    const consumed = await hooks().messagesWillBeConsumed({ posts: [toProto(PostSchema, { id: "a", message: "public" }), toProto(PostSchema, { id: "b", message: "top secret", props: { x: 1 } })] }, options());
    assert.deepEqual(consumed.posts.map((p) => fromProto(PostSchema, p)).map((p) => [p.id, p.message, p.props ?? {}]), [["a", "public", {}], ["b", "[redacted]", { x: 1 }]]);

    const reaction = { user_id: "u-1", post_id: "p-r", emoji_name: "tada", create_at: 1_700_000_000_123, channel_id: "c-1" };
    assert.equal((await hooks().reactionHasBeenAdded({ context: CONTEXT, reaction: toProto(ReactionSchema, reaction) }, options())).error, undefined);
    assert.deepEqual((await seen("ReactionHasBeenAdded:p-r")).reaction, { ...reaction, update_at: 0, delete_at: 0, remote_id: "" });
    await hooks().reactionHasBeenRemoved({ reaction: toProto(ReactionSchema, { ...reaction, delete_at: 2 }) }, options());
    assert.equal((await seen("ReactionHasBeenRemoved:p-r")).reaction.delete_at, 2);
  });

  test("channels, teams and memberships: Will hooks modify or reject, join/leave events carry the actor", async () => {
    const channel = { id: "c-new", team_id: "t-1", type: "P", name: "secret-club", display_name: "Secret", props: { theme: "dark" } };
    await hooks().channelHasBeenCreated({ context: CONTEXT, channel: toProto(ChannelSchema, channel) }, options());
    const created = (await seen("ChannelHasBeenCreated:c-new")).channel;
    assert.deepEqual([created.type, created.name, created.props], ["P", "secret-club", { theme: "dark" }]);

    assert.equal((await hooks().channelWillBeArchived({ channel: toProto(ChannelSchema, channel) }, options())).rejectionReason, "");
    assert.equal((await hooks().channelWillBeArchived({ channel: toProto(ChannelSchema, { ...channel, name: "keep" }) }, options())).rejectionReason, "py-hooks keeps this channel");

    const member = { channel_id: "c-new", user_id: "u-2", roles: "channel_user", notify_props: { desktop: "mention" }, msg_count: 3 };
    const added = await hooks().channelMemberWillBeAdded({ context: CONTEXT, member: toProto(ChannelMemberSchema, member) }, options());
    const changed = fromProto(ChannelMemberSchema, added.member!);
    assert.deepEqual([changed.roles, changed.notify_props, changed.msg_count, added.rejectionReason], ["channel_user channel_admin", { desktop: "mention" }, 3, ""]);
    const blocked = await hooks().channelMemberWillBeAdded({ member: toProto(ChannelMemberSchema, { ...member, user_id: "blocked" }) }, options());
    assert.deepEqual([blocked.member, blocked.rejectionReason], [undefined, "blocked users stay out"]);

    const teamMember = { team_id: "t-1", user_id: "u-2", roles: "team_user", create_at: 42 };
    const joined = await hooks().teamMemberWillBeAdded({ member: toProto(TeamMemberSchema, teamMember) }, options());
    assert.deepEqual(fromProto(TeamMemberSchema, joined.member!), { ...teamMember, delete_at: 0, scheme_guest: false, scheme_user: false, scheme_admin: true, explicit_roles: "" });
    const closed = await hooks().teamMemberWillBeAdded({ member: toProto(TeamMemberSchema, { ...teamMember, team_id: "closed" }) }, options());
    assert.deepEqual([closed.member, closed.rejectionReason], [undefined, "the team is closed"]);

    const admin = { id: "u-admin", username: "root", roles: "system_admin system_user" };
    await hooks().userHasJoinedChannel({ context: CONTEXT, member: toProto(ChannelMemberSchema, member), actor: toProto(UserSchema, admin) }, options());
    const join = await seen("UserHasJoinedChannel:c-new/u-2");
    assert.deepEqual([join.member.roles, join.actor.username, join.actor.roles], ["channel_user", "root", "system_admin system_user"]);
    await hooks().userHasLeftChannel({ member: toProto(ChannelMemberSchema, member) }, options());
    assert.equal((await seen("UserHasLeftChannel:c-new/u-2")).actor, null); // left by themselves: no actor
    await hooks().userHasJoinedTeam({ member: toProto(TeamMemberSchema, teamMember) }, options());
    assert.deepEqual((await seen("UserHasJoinedTeam:t-1/u-2")).member.create_at, 42);
    await hooks().userHasLeftTeam({ member: toProto(TeamMemberSchema, teamMember), actor: toProto(UserSchema, admin) }, options());
    assert.equal((await seen("UserHasLeftTeam:t-1/u-2")).actor.id, "u-admin");
  });

  test("users: created, log-in veto, logged in, deactivated, preferences, SAML", async () => {
    const user = { id: "u-9", username: "alice9", email: "a9@example.com", props: { pronouns: "she" }, notify_props: { email: "true" }, timezone: { useAutomaticTimezone: "true" }, is_bot: false, create_at: 1_700_000_000_000 };
    await hooks().userHasBeenCreated({ context: CONTEXT, user: toProto(UserSchema, user) }, options());
    const created = (await seen("UserHasBeenCreated:u-9")).user;
    assert.deepEqual([created.username, created.props, created.notify_props, created.timezone, created.create_at], ["alice9", { pronouns: "she" }, { email: "true" }, { useAutomaticTimezone: "true" }, 1_700_000_000_000]);
    assert.ok(!("password" in created), "no password field ever reaches the plugin");

    assert.equal((await hooks().userWillLogIn({ user: toProto(UserSchema, user) }, options())).rejectionReason, "");
    assert.equal((await hooks().userWillLogIn({ user: toProto(UserSchema, { ...user, username: "mallory" }) }, options())).rejectionReason, "mallory may not log in");
    await hooks().userHasLoggedIn({ context: CONTEXT, user: toProto(UserSchema, user) }, options());
    assert.equal((await seen("UserHasLoggedIn:u-9")).context.user_agent, "e2e");
    await hooks().userHasBeenDeactivated({ user: toProto(UserSchema, { ...user, delete_at: 7 }) }, options());
    assert.equal((await seen("UserHasBeenDeactivated:u-9")).user.delete_at, 7);

    const preferences = [{ user_id: "u-9", category: "display_settings", name: "use_military_time", value: "true" }, { user_id: "u-9", category: "theme", name: "", value: "{}" }];
    await hooks().preferencesHaveChanged({ preferences: preferences.map((p) => toProto(PreferenceSchema, p)) }, options());
    assert.deepEqual((await seen("PreferencesHaveChanged:u-9")).preferences, preferences);

    const saml = await hooks().onSAMLLogin({ context: CONTEXT, user: toProto(UserSchema, user), assertion: { NameID: { Value: "alice9" }, Values: { email: ["a9@example.com"] } } }, options());
    assert.equal(saml.error, undefined);
    assert.deepEqual((await seen("OnSAMLLogin:u-9")).assertion, { NameID: { Value: "alice9" }, Values: { email: ["a9@example.com"] } });
    const refused = await hooks().onSAMLLogin({ user: toProto(UserSchema, user), assertion: {} }, options());
    assert.deepEqual([refused.error?.id, refused.error?.statusCode], ["plugin.hook.error", 500]);
    assert.match(refused.error?.message ?? "", /no NameID/);
  });

  test("files: FileWillBeUploaded streams the upload in and the replacement out in 64 KiB chunks; rejections; download veto", async () => {
    const content = Buffer.concat([Buffer.alloc(100 * KIB, "a"), Buffer.alloc(50 * KIB, "b")]);
    const chunks = [content.subarray(0, 64 * KIB), content.subarray(64 * KIB, 128 * KIB), content.subarray(128 * KIB)];
    const info = { id: "f-up", name: "notes.txt", extension: "txt", size: content.length, mime_type: "text/plain", mini_preview: new Uint8Array([1, 2]) };
    const answers = await stream<FileWillBeUploadedResponse>("fileWillBeUploaded", [
      create(FileWillBeUploadedRequestSchema, { context: CONTEXT, fileInfo: toProto(FileInfoSchema, info) }),
      ...chunks.map((chunk, i) => create(FileWillBeUploadedRequestSchema, { bodyChunk: chunk, bodyComplete: i === chunks.length - 1 })),
    ]);
    const last = answers.at(-1)!;
    assert.ok(last.done);
    assert.equal(last.error, undefined);
    const written = answers.filter((a) => a.bodyChunk.length > 0).map((a) => Buffer.from(a.bodyChunk));
    assert.ok(written.every((c) => c.length <= 64 * KIB), `chunks: ${written.map((c) => c.length)}`);
    assert.ok(Buffer.concat(written).equals(Buffer.from(content.toString().toUpperCase())));
    const replaced = fromProto(FileInfoSchema, last.fileInfo!);
    assert.deepEqual([replaced.id, replaced.name, replaced.size, replaced.mime_type], ["f-up", "checked-notes.txt", content.length, "text/plain"]);
    const record = await seen("FileWillBeUploaded:f-up");
    assert.deepEqual(record.sizes, [64 * KIB, 64 * KIB, 22 * KIB]); // the handler read the upload as it was streamed
    assert.deepEqual(record.info.mini_preview, { base64: "AQI=" });

    const refused = await stream<FileWillBeUploadedResponse>("fileWillBeUploaded", [
      create(FileWillBeUploadedRequestSchema, { fileInfo: toProto(FileInfoSchema, { id: "f-exe", name: "setup.exe", extension: "exe" }), bodyChunk: Buffer.from("MZ"), bodyComplete: true }),
    ]);
    assert.deepEqual(refused.map((a) => [a.done, a.bodyChunk.length, a.rejectionReason, a.fileInfo]), [[true, 0, "py-hooks refuses executables", undefined]]);

    const file = toProto(FileInfoSchema, { id: "f-down", name: "a.png", post_id: "p-1" });
    assert.equal((await hooks().fileWillBeDownloaded({ context: CONTEXT, fileInfo: file, userId: "u-1", downloadType: "thumbnail" }, options())).rejectionReason, "");
    assert.deepEqual(await seen("FileWillBeDownloaded:f-down").then((r) => [r.user_id, r.download_type, r.info.post_id]), ["u-1", "thumbnail", "p-1"]);
    assert.equal((await hooks().fileWillBeDownloaded({ fileInfo: file, userId: "u-1", downloadType: "public" }, options())).rejectionReason, "public links are disabled");
  });

  test("WebSocket, cluster, notifications, shared channels and metrics", async () => {
    await hooks().onWebSocketConnect({ webConnId: "wc-1", userId: "u-1" }, options());
    assert.deepEqual(await seen("OnWebSocketConnect:wc-1"), { user_id: "u-1" });
    await hooks().onWebSocketDisconnect({ webConnId: "wc-1", userId: "u-1" }, options());
    assert.deepEqual(await seen("OnWebSocketDisconnect:wc-1"), { user_id: "u-1" });
    await hooks().webSocketMessageHasBeenPosted({ webConnId: "wc-2", userId: "u-1", seq: 7n, action: "custom_py_ping", data: { n: 1, list: ["a"] } }, options());
    assert.deepEqual((await seen("WebSocketMessageHasBeenPosted:wc-2")).request, { seq: 7, action: "custom_py_ping", data: { n: 1, list: ["a"] } });
    await hooks().onPluginClusterEvent({ context: CONTEXT, id: "cache-flush", data: new Uint8Array([0, 255, 10]) }, options());
    assert.deepEqual((await seen("OnPluginClusterEvent:cache-flush")).event, { id: "cache-flush", data: { base64: "AP8K" } });

    const pushed = await hooks().notificationWillBePushed({ pushNotification: { message: "hello", badge: 2, platform: "apple" }, userId: "u-1" }, options());
    assert.deepEqual([pushed.pushNotification, pushed.rejectionReason], [{ message: "[u-1] hello", badge: 2, platform: "apple" }, ""]);
    const muted = await hooks().notificationWillBePushed({ pushNotification: { message: "drop" }, userId: "u-1" }, options());
    assert.deepEqual([muted.pushNotification, muted.rejectionReason], [undefined, "muted by py-hooks"]);
    const email = await hooks().emailNotificationWillBeSent({ emailNotification: { subject: "new message", recipient: "u-1" } }, options());
    assert.deepEqual([email.content, email.rejectionReason], [{ subject: "New Message", title: "Checked" }, ""]);
    const spam = await hooks().emailNotificationWillBeSent({ emailNotification: { subject: "buy spam" } }, options());
    assert.deepEqual([spam.content, spam.rejectionReason], [undefined, "spam stays out"]);

    const remote = { remote_id: "rc-1", name: "partner", site_url: "https://partner.example" };
    const sync = await hooks().onSharedChannelsSyncMsg({ syncMsg: { id: "m-1", users: { "u-2": {}, "u-1": {} } }, remoteCluster: remote }, options());
    assert.deepEqual(sync.syncResponse, { users_synced: ["u-1", "u-2"], remote: "partner" });
    assert.equal((await hooks().onSharedChannelsPing({ remoteCluster: remote }, options())).healthy, true);
    assert.equal((await hooks().onSharedChannelsPing({ remoteCluster: { ...remote, name: "down" } }, options())).healthy, false);
    await hooks().onSharedChannelsAttachmentSyncMsg({ fileInfo: toProto(FileInfoSchema, { id: "f-s", name: "s.txt" }), post: toProto(PostSchema, { id: "p-s", message: "m" }), remoteCluster: remote }, options());
    assert.deepEqual(await seen("OnSharedChannelsAttachmentSyncMsg:f-s").then((r) => [r.post.id, r.remote.name]), ["p-s", "partner"]);
    const image = await hooks().onSharedChannelsProfileImageSyncMsg({ user: toProto(UserSchema, { id: "u-s", username: "s" }), remoteCluster: remote }, options());
    assert.equal(image.error, undefined);
    assert.equal((await seen("OnSharedChannelsProfileImageSyncMsg:u-s")).remote.site_url, "https://partner.example");
    const down = await hooks().onSharedChannelsProfileImageSyncMsg({ user: toProto(UserSchema, { id: "u-s" }), remoteCluster: { name: "down" } }, options());
    assert.equal(down.error?.message, "remote is down");

    const metrics = await stream<ServeHTTPResponse>("serveMetrics", [
      create(ServeHTTPRequestSchema, { init: { method: "GET", url: "/metrics", path: "/metrics" }, bodyComplete: true }),
    ]);
    assert.equal(metrics[0]!.init?.statusCode, 200);
    assert.equal(Buffer.concat(metrics.map((m) => Buffer.from(m.bodyChunk))).toString(), 'py_hooks_up{path="/metrics"} 1\n');
    assert.equal(await (await fetch(`${server.url}/plugins/${PY}/hello`)).text(), "py-hooks GET /hello");
  });

  test("a plugin written in the seed SDK's documented style runs unchanged", async () => {
    const seed = server.plugins.get(SEED)!;
    assert.equal(seed.state, PluginState.Running);
    assert.equal(Buffer.from((await server.app.kv.get(SEED, "server_version"))!).toString(), server.version);
    assert.equal(Buffer.from((await server.app.kv.get(SEED, "not_found_caught"))!).toString(), "yes");
    assert.ok(seed.log.tail(200).some((e) => e.source === "stderr" && e.message.includes("seed-style plugin activated")));

    const bob = new RestClient(server.url);
    await bob.signUp("bob");
    const team = await bob.call("POST", "/api/v4/teams", { name: "seed", display_name: "Seed", type: "O" });
    const channel = await bob.call("POST", "/api/v4/channels", { team_id: team.json.id, name: "seed-talk", display_name: "Seed", type: "O" });
    const ok = await bob.call("POST", "/api/v4/posts", { channel_id: channel.json.id, message: "nice words only" });
    assert.equal(ok.status, 201);
    const blocked = await bob.call("POST", "/api/v4/posts", { channel_id: channel.json.id, message: "a BadWord here" });
    assert.equal(blocked.status, 400);
    assert.equal(blocked.json.message, "Post rejected by plugin. Message blocked: contains prohibited content");

    // The seed's example answers a plain dict and never registers /hello: call the hook as the app would.
    const hello = await seed.hooks.executeCommand({ args: { command: "/hello", userId: "u-1" } }, seed.hookCallOptions());
    assert.deepEqual([hello.error, hello.response?.responseType, hello.response?.text], [undefined, "ephemeral", "Hello from Python!"]);
    const world = await seed.hooks.executeCommand({ args: { command: "/hello world" } }, seed.hookCallOptions());
    assert.equal(world.response?.text, "Hello, World!");
  });

  test("OnDeactivate runs when the host stops the plugin", async () => {
    await plugin().stop();
    assert.equal(plugin().state, PluginState.NotRunning);
    assert.deepEqual(await seen("OnDeactivate:done"), { ok: true });
  });
});
