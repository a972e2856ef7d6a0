import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import type { App } from "../src/app/app.js";
import type { Channel } from "../src/app/models/channel.js";
import type { Post } from "../src/app/models/post.js";
import type { Team } from "../src/app/models/team.js";
import type { User } from "../src/app/models/user.js";
import type { WebSocketEvent } from "../src/app/models/websocket-event.js";
import { PROBE_PLUGIN_ID, startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { eventually, RestClient } from "./support/running-server.js";
import { TEST_DIALECT } from "./support/test-database.js";
import { makeChannel, makeTeam, makeUser } from "./support/test-env.js";

// The posts group of the Plugin API (reactions, ephemeral posts, edits and deletes, post lists and
// threads, search, thread moves, retention policies), called from a real Python plugin. The
// py-posts-hooks plugin runs beside the probe: it rewrites posts in MessagesWillBeConsumed and
// records the post notifications, so the test sees that plugin-made changes fire the same hooks
// as REST and that every read hands out what the plugins made of the posts.
const HOOKS_PLUGIN = "com.polyplug.test.py-posts-hooks";
const HOOKS_BUNDLE = "packages/server/test/fixtures/plugins/py-posts-hooks";
const MISSING_ID = "a".repeat(26);

describe(`posts through the Plugin API, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  let app: App;
  let alice: User, bob: User, carol: User;
  let team: Team, otherTeam: Team;
  let town: Channel, secretRoom: Channel;
  const events: WebSocketEvent[] = [];

  before(async () => {
    probe = await startApiProbe({ bundles: [HOOKS_BUNDLE] });
    app = probe.app;
    app.events.subscribe((event) => events.push(event));
    alice = await makeUser(app, "alice");
    bob = await makeUser(app, "bob");
    carol = await makeUser(app, "carol");
    team = await makeTeam(app, alice);
    otherTeam = await makeTeam(app, carol);
    await app.teams.addMember(team.id, bob.id);
    town = await makeChannel(app, team, alice);
    await app.channels.addMember(town.id, bob.id);
    secretRoom = await makeChannel(app, team, alice, "P");
  });
  after(() => probe?.close());

  /** Posts in creation order, a few ms apart so their order is never a tie. */
  async function postAll(channel: Channel, user: User, messages: string[], rootId = ""): Promise<Post[]> {
    const posts: Post[] = [];
    for (const message of messages) {
      posts.push(await app.posts.createPost({ channel_id: channel.id, user_id: user.id, message, root_id: rootId }, { checkMembership: false }));
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    return posts;
  }
  const postOne = async (channel: Channel, user: User, message: string, rootId = ""): Promise<Post> => (await postAll(channel, user, [message], rootId))[0]!;
  const row = (id: string) => probe.database.database.db.selectFrom("posts").selectAll().where("id", "=", id).executeTakeFirst();
  const recorded = async (hook: string, key: string) => {
    const value = await eventually(() => app.kv.get(HOOKS_PLUGIN, `${hook}:${key}`));
    return JSON.parse(Buffer.from(value).toString("utf8"));
  };
  const lastEvent = (name: string) => [...events].reverse().find((e) => e.event === name);

  test("AddReaction / GetReactions / RemoveReaction: stored, events and hooks fired, bad input refused", async () => {
    const [post] = await postAll(town, alice, ["react to me"]);
    // carol is no member of the channel: the Plugin API does not check membership, as in Mattermost.
    const added = await probe.ok("add_reaction", { reaction: { user_id: carol.id, post_id: post!.id, emoji_name: "tada" } });
    assert.equal(added.user_id, carol.id);
    assert.equal(added.channel_id, town.id);
    assert.ok(added.create_at > 0);
    const again = await probe.ok("add_reaction", { reaction: { user_id: carol.id, post_id: post!.id, emoji_name: "tada" } }, true);
    assert.equal(again.create_at, added.create_at, "the same reaction again is a no-op answering the stored one");
    await probe.ok("add_reaction", { reaction: { user_id: bob.id, post_id: post!.id, emoji_name: "+1" } });
    assert.equal(lastEvent("reaction_added")?.broadcast.channel_id, town.id);
    assert.equal((await recorded("ReactionHasBeenAdded", post!.id)).post_id, post!.id);

    const reactions = await probe.ok("get_reactions", { post_id: post!.id });
    assert.deepEqual(reactions.map((r: any) => [r.user_id, r.emoji_name]).sort(), [[bob.id, "+1"], [carol.id, "tada"]].sort());

    assert.equal(await probe.ok("remove_reaction", { reaction: { user_id: carol.id, post_id: post!.id, emoji_name: "tada" } }, true), null);
    const left = await probe.database.database.db.selectFrom("reactions").select(["user_id", "emoji_name"]).where("post_id", "=", post!.id).execute();
    assert.deepEqual(left, [{ user_id: bob.id, emoji_name: "+1" }]);
    assert.equal(JSON.parse(lastEvent("reaction_removed")!.data["reaction"] as string).emoji_name, "tada");
    assert.equal((await recorded("ReactionHasBeenRemoved", post!.id)).user_id, carol.id);
    await probe.ok("remove_reaction", { reaction: { user_id: carol.id, post_id: post!.id, emoji_name: "tada" } });

    assert.equal((await probe.fails("add_reaction", { reaction: { user_id: bob.id, post_id: post!.id, emoji_name: "no spaces" } }, 400)).id, "model.reaction.is_valid.emoji_name.app_error");
    assert.equal((await probe.fails("add_reaction", { reaction: { user_id: bob.id, post_id: MISSING_ID, emoji_name: "tada" } }, 404)).id, "app.post.get.app_error");
    assert.equal((await probe.fails("add_reaction", { reaction: { user_id: "nobody", post_id: post!.id, emoji_name: "tada" } }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("add_reaction", { reaction: { user_id: MISSING_ID, post_id: post!.id, emoji_name: "tada" } }, 404)).id, "app.user.missing_account.const");
    assert.equal((await probe.fails("get_reactions", { post_id: MISSING_ID }, 404)).id, "app.post.get.app_error");
    assert.equal((await probe.fails("remove_reaction", { reaction: { user_id: bob.id, post_id: post!.id, emoji_name: "" } }, 400)).id, "model.reaction.is_valid.emoji_name.app_error");
  });

  test("SendEphemeralPost / UpdateEphemeralPost / DeleteEphemeralPost: only to that user, never stored", async () => {
    const sent = await probe.ok("send_ephemeral_post", { user_id: bob.id, post: { channel_id: town.id, user_id: alice.id, message: "only bob sees this" } });
    assert.match(sent.id, /^[a-z0-9]{26}$/);
    assert.equal(sent.type, "system_ephemeral");
    assert.ok(sent.create_at > 0);
    assert.equal(await row(sent.id), undefined, "an ephemeral post is never stored");
    const shown = lastEvent("ephemeral_message")!;
    assert.deepEqual([shown.broadcast.user_id, shown.broadcast.channel_id], [bob.id, town.id]);
    assert.deepEqual(JSON.parse(shown.data["post"] as string), sent);

    const updated = await probe.ok("update_ephemeral_post", { user_id: bob.id, post: { ...sent, message: "changed for bob" } }, true);
    assert.deepEqual([updated.id, updated.message, updated.type], [sent.id, "changed for bob", "system_ephemeral"]);
    assert.ok(updated.update_at > 0);
    const edited = lastEvent("post_edited")!;
    assert.deepEqual([edited.broadcast.user_id, JSON.parse(edited.data["post"] as string).message], [bob.id, "changed for bob"]);

    assert.equal(await probe.ok("delete_ephemeral_post", { user_id: bob.id, post_id: sent.id }), null);
    const deleted = lastEvent("post_deleted")!;
    const gone = JSON.parse(deleted.data["post"] as string);
    assert.deepEqual([deleted.broadcast.user_id, deleted.broadcast.channel_id, gone.id, gone.type], [bob.id, "", sent.id, "system_ephemeral"]);
    assert.ok(gone.delete_at > 0);

    assert.equal((await probe.fails("send_ephemeral_post", { user_id: "bob", post: { channel_id: town.id, message: "x" } }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("send_ephemeral_post", { user_id: bob.id, post: { message: "no channel" } }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("update_ephemeral_post", { user_id: bob.id, post: { channel_id: town.id, message: "no id" } }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("delete_ephemeral_post", { user_id: bob.id, post_id: "x" }, 400)).id, "api.context.invalid_param.app_error");
  });

  test("UpdatePost: edits as REST does, runs MessageWillBeUpdated (may reject) and MessageHasBeenUpdated", async () => {
    const [post] = await postAll(town, alice, ["first draft"]);
    const current = await probe.ok("get_post", { post_id: post!.id });
    const updated = await probe.ok("update_post", { post: { ...current, message: "final text", props: { source: "plugin" }, is_pinned: true } });
    assert.deepEqual([updated.message, updated.props, updated.is_pinned], ["final text", { source: "plugin" }, true]);
    assert.ok(updated.edit_at > 0 && updated.update_at >= updated.edit_at);
    const stored = await row(post!.id);
    assert.deepEqual([stored!.message, JSON.parse(stored!.props), stored!.is_pinned, stored!.edit_at], ["final text", { source: "plugin" }, 1, updated.edit_at]);
    assert.equal(JSON.parse(lastEvent("post_edited")!.data["post"] as string).message, "final text");
    assert.equal((await recorded("MessageHasBeenUpdated", post!.id)).message, "final text");

    const rejected = await probe.fails("update_post", { post: { ...updated, message: "frozen now" } }, 400, true);
    assert.equal(rejected.id, "plugin.message_will_be_updated.reject");
    assert.match(rejected.message, /frozen posts stay as they are/);
    assert.equal((await row(post!.id))!.message, "final text");

    assert.equal((await probe.fails("update_post", { post: { ...updated, id: MISSING_ID } }, 404)).id, "app.post.get.app_error");
    assert.equal((await probe.fails("update_post", { post: { message: "no id" } }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("update_post", { post: { ...updated, message: "x".repeat(16384) } }, 400)).id, "model.post.is_valid.message_length.app_error");
  });

  test("DeletePost: a root goes with its replies; post_deleted names the plugin; MessageHasBeenDeleted fires", async () => {
    const [root] = await postAll(town, alice, ["doomed root"]);
    const [reply] = await postAll(town, bob, ["doomed reply"], root!.id);
    assert.equal(await probe.ok("delete_post", { post_id: root!.id }), null);
    assert.ok((await row(root!.id))!.delete_at > 0);
    assert.ok((await row(reply!.id))!.delete_at > 0, "replies are deleted with their root");
    const event = lastEvent("post_deleted")!;
    assert.deepEqual([JSON.parse(event.data["post"] as string).id, event.data["delete_by"], event.broadcast.channel_id], [root!.id, PROBE_PLUGIN_ID, town.id]);
    assert.equal((await recorded("MessageHasBeenDeleted", root!.id)).id, root!.id);

    assert.equal((await probe.fails("delete_post", { post_id: root!.id }, 404, true)).id, "app.post.get.app_error");
    assert.equal((await probe.fails("delete_post", { post_id: "not-an-id" }, 400)).id, "api.context.invalid_param.app_error");
  });

  describe("post lists and threads", () => {
    let channel: Channel;
    let posts: Post[];
    let reply: Post;

    before(async () => {
      channel = await makeChannel(app, team, alice);
      posts = await postAll(channel, alice, ["one", "two", "the secret three", "four", "five"]);
      reply = await postOne(channel, bob, "a secret reply", posts[0]!.id);
    });
    const ids = (...indexes: number[]) => indexes.map((i) => posts[i]!.id);

    test("GetPostsForChannel pages newest first with the neighbouring cursors", async () => {
      const first = await probe.ok("get_posts_for_channel", { channel_id: channel.id, page: 0, per_page: 2 });
      assert.deepEqual(first.order, [reply.id, posts[4]!.id]);
      assert.deepEqual([first.next_post_id, first.prev_post_id], ["", posts[3]!.id]);
      assert.deepEqual(Object.keys(first.posts).sort(), [reply.id, posts[4]!.id].sort());
      const second = await probe.ok("get_posts_for_channel", { channel_id: channel.id, page: 1, per_page: 2 }, true);
      assert.deepEqual(second.order, ids(3, 2));
      assert.deepEqual([second.next_post_id, second.prev_post_id], [posts[4]!.id, posts[1]!.id]);
      assert.equal(second.posts[posts[2]!.id].message, "[redacted]", "MessagesWillBeConsumed ran on the list");
      assert.equal(second.posts[posts[3]!.id].message, "four", "posts the plugin did not answer stay as they were");

      // As Mattermost's store (LIMIT per_page): 0 is an empty page, and there is no REST-style cap.
      assert.deepEqual((await probe.ok("get_posts_for_channel", { channel_id: channel.id, page: 0, per_page: 0 })).order, []);
      const all = (await probe.ok("get_posts_for_channel", { channel_id: channel.id, page: 0, per_page: 201 })).order;
      assert.ok(all.length > 2);
      assert.deepEqual(all, (await probe.ok("get_posts_for_channel", { channel_id: channel.id, page: 0, per_page: 100 })).order);
      assert.equal((await probe.fails("get_posts_for_channel", { channel_id: channel.id, page: -1, per_page: 10 }, 400)).id, "api.context.invalid_param.app_error");
      assert.equal((await probe.fails("get_posts_for_channel", { channel_id: MISSING_ID, page: 0, per_page: 10 }, 404)).id, "app.channel.get.existing.app_error");
      assert.equal((await probe.fails("get_posts_for_channel", { channel_id: "nope", page: 0, per_page: 10 }, 400)).id, "api.context.invalid_param.app_error");
    });

    test("GetPostsBefore / GetPostsAfter page away from a post", async () => {
      const before = await probe.ok("get_posts_before", { channel_id: channel.id, post_id: posts[3]!.id, page: 0, per_page: 2 });
      assert.deepEqual(before.order, ids(2, 1));
      assert.equal(before.posts[posts[2]!.id].message, "[redacted]");
      const older = await probe.ok("get_posts_before", { channel_id: channel.id, post_id: posts[3]!.id, page: 1, per_page: 2 });
      assert.deepEqual(older.order, ids(0));
      const afterList = await probe.ok("get_posts_after", { channel_id: channel.id, post_id: posts[1]!.id, page: 0, per_page: 2 }, true);
      assert.deepEqual(afterList.order, ids(3, 2), "the two posts just after, shown newest first");
      const last = await probe.ok("get_posts_after", { channel_id: channel.id, post_id: reply.id, page: 0, per_page: 10 });
      assert.deepEqual(last.order, []);

      assert.equal((await probe.fails("get_posts_before", { channel_id: town.id, post_id: posts[3]!.id, page: 0, per_page: 2 }, 400)).id, "api.context.invalid_url_param.app_error");
      assert.equal((await probe.fails("get_posts_after", { channel_id: channel.id, post_id: "x", page: 0, per_page: 2 }, 400)).id, "api.context.invalid_param.app_error");
      assert.equal((await probe.fails("get_posts_after", { channel_id: channel.id, post_id: posts[1]!.id, page: -1, per_page: 5 }, 400)).id, "api.context.invalid_param.app_error");
      assert.deepEqual((await probe.ok("get_posts_after", { channel_id: channel.id, post_id: posts[1]!.id, page: 0, per_page: 0 })).order, [], "per_page 0: an empty page");
      assert.equal((await probe.ok("get_posts_after", { channel_id: channel.id, post_id: posts[1]!.id, page: 0, per_page: 500 })).order.length, (await probe.ok("get_posts_after", { channel_id: channel.id, post_id: posts[1]!.id, page: 0, per_page: 100 })).order.length, "no cap at 200");
      // The error names the method that failed (it used to say getPostsForChannel).
      for (const direction of ["before", "after"] as const) {
        await assert.rejects(probe.app.posts.getPostsAround(channel.id, posts[1]!.id, direction, { page: -1, perPage: 2 }), (error: { where?: string }) => {
          assert.equal(error.where, direction === "before" ? "getPostsBefore" : "getPostsAfter");
          return true;
        });
      }
    });

    test("GetPostsSince includes posts changed or deleted since then", async () => {
      const since = await probe.ok("get_posts_since", { channel_id: channel.id, time: posts[3]!.create_at });
      assert.deepEqual(since.order, [reply.id, ...ids(4, 3)]);
      assert.equal(since.posts[reply.id].message, "[redacted]");
      const [gone] = await postAll(channel, alice, ["short-lived"]);
      await app.postChanges.deletePost(gone!.id);
      const withDeleted = await probe.ok("get_posts_since", { channel_id: channel.id, time: gone!.create_at }, true);
      assert.deepEqual(withDeleted.order, [gone!.id]);
      assert.ok(withDeleted.posts[gone!.id].delete_at > 0);
      assert.equal((await probe.fails("get_posts_since", { channel_id: MISSING_ID, time: 0 }, 404)).id, "app.channel.get.existing.app_error");
    });

    test("GetPostThread and GetPost hand out the thread as the plugins rewrote it", async () => {
      const thread = await probe.ok("get_post_thread", { post_id: reply.id });
      assert.deepEqual(thread.order, [reply.id, posts[0]!.id]);
      assert.deepEqual([thread.posts[reply.id].message, thread.posts[posts[0]!.id].message], ["[redacted]", "one"]);
      assert.equal((await probe.ok("get_post", { post_id: posts[2]!.id })).message, "[redacted]");
      assert.equal((await row(posts[2]!.id))!.message, "the secret three", "the stored post is untouched");
      assert.equal((await probe.fails("get_post_thread", { post_id: MISSING_ID }, 404)).id, "app.post.get.app_error");
      assert.equal((await probe.fails("get_post_thread", { post_id: "nope" }, 400)).id, "api.context.invalid_param.app_error");
    });

    test("MessagesWillBeConsumed also runs for REST reads, and fails open", async () => {
      const rest = new RestClient(probe.server.url);
      const dave = await rest.signUp("dave-reader");
      await app.teams.addMember(team.id, dave.id);
      await app.channels.addMember(channel.id, dave.id);
      assert.equal((await rest.call("GET", `/api/v4/posts/${posts[2]!.id}`)).json.message, "[redacted]");
      const thread = await rest.call("GET", `/api/v4/posts/${posts[0]!.id}/thread`);
      assert.equal(thread.json.posts[reply.id].message, "[redacted]");
      const page = await rest.call("GET", `/api/v4/channels/${channel.id}/posts?per_page=3`);
      assert.equal(page.status, 200);
      assert.equal(page.json.posts[reply.id].message, "[redacted]");
      const before = await rest.call("GET", `/api/v4/channels/${channel.id}/posts?before=${posts[3]!.id}&per_page=1`);
      assert.equal(before.json.posts[posts[2]!.id].message, "[redacted]");
      const since = await rest.call("GET", `/api/v4/channels/${channel.id}/posts?since=${posts[2]!.create_at}`);
      assert.equal(since.json.posts[posts[2]!.id].message, "[redacted]");

      // A plugin whose hook fails leaves the posts as they are (fail open), and reading goes on.
      const loud = await makeChannel(app, team, alice);
      const [boom, secret] = await postAll(loud, alice, ["explode", "another secret"]);
      const list = await probe.ok("get_posts_for_channel", { channel_id: loud.id, page: 0, per_page: 10 });
      assert.deepEqual([list.posts[boom!.id].message, list.posts[secret!.id].message], ["explode", "another secret"]);
    });
  });

  describe("search", () => {
    let dm: Channel, archived: Channel, offTopic: Channel;
    let fox: Post, foxes: Post, release: Post, privateNote: Post, dmPost: Post, elsewhere: Post, archivedPost: Post, tagged: Post;
    const today = new Date().toISOString().slice(0, 10);
    const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

    before(async () => {
      offTopic = await makeChannel(app, team, alice);
      await app.channels.addMember(offTopic.id, bob.id);
      dm = await app.channelMembers.createDirectChannel([alice.id, bob.id]);
      archived = await makeChannel(app, team, alice);
      fox = await postOne(offTopic, alice, "The QUICK brown fox jumps");
      foxes = await postOne(offTopic, alice, "foxes are concatenated, quickly");
      release = await postOne(offTopic, bob, "Deploy the release tonight");
      tagged = await postOne(offTopic, bob, "launch day #release2 is here");
      privateNote = await postOne(secretRoom, alice, "a quick private note");
      dmPost = await postOne(dm, alice, "quick word in private");
      archivedPost = await postOne(archived, alice, "quick but archived");
      elsewhere = await postOne(await makeChannel(app, otherTeam, carol), carol, "quick elsewhere");
      const [system] = await postAll(offTopic, alice, ["quick system notice"]);
      await probe.database.database.db.updateTable("posts").set({ type: "system_join_channel" }).where("id", "=", system!.id).execute();
      await probe.database.database.db.updateTable("channels").set({ delete_at: Date.now() }).where("id", "=", archived.id).execute();
      await probe.database.database.db.insertInto("file_infos").values({
        id: "f".repeat(26), creator_id: bob.id, post_id: release.id, channel_id: offTopic.id, create_at: release.create_at, update_at: release.create_at,
        delete_at: 0, path: "x/plan.pdf", name: "plan.pdf", extension: "pdf", size: 3, mime_type: "application/pdf", width: 0, height: 0,
        has_preview_image: 0, remote_id: "", archived: 0, content: "",
      }).execute();
    });
    const search = async (params: Record<string, unknown>[], viaAsync = false): Promise<string[]> =>
      (await probe.ok("search_posts_in_team", { team_id: team.id, params_list: params }, viaAsync)).map((p: Post) => p.id);

    test("SearchPostsInTeam: whole words, wildcards, phrases, exclusions, OR, authors, channels, dates", async () => {
      assert.deepEqual(await search([{ terms: "quick" }]), [privateNote.id, fox.id], "team channels only (not DMs, other teams, archived channels, system messages)");
      assert.deepEqual(await search([{ terms: "quick*" }], true), [privateNote.id, foxes.id, fox.id]);
      assert.deepEqual(await search([{ terms: "fox" }]), [fox.id], "a word is not a part of another word");
      assert.deepEqual(await search([{ terms: '"brown fox"' }]), [fox.id]);
      assert.deepEqual(await search([{ terms: '"fox brown"' }]), []);
      assert.deepEqual(await search([{ terms: "quick", excluded_terms: "brown" }]), [privateNote.id]);
      assert.deepEqual(await search([{ terms: "fox release", or_terms: true }]), [release.id, fox.id]);
      assert.deepEqual(await search([{ terms: "fox release" }]), []);
      assert.deepEqual(await search([{ terms: "#release2", ishashtag: true }]), [tagged.id]);
      assert.deepEqual(await search([{ from_users: [bob.username], in_channels: [offTopic.name] }]), [tagged.id, release.id], "filters alone are a search");
      assert.deepEqual(await search([{ terms: "quick*", in_channels: [offTopic.name] }]), [foxes.id, fox.id]);
      assert.deepEqual(await search([{ terms: "quick*", excluded_channels: [offTopic.name] }]), [privateNote.id]);
      assert.deepEqual(await search([{ terms: "quick", include_deleted_channels: true }]), [archivedPost.id, privateNote.id, fox.id]);
      assert.deepEqual(await search([{ terms: "fox" }, { terms: "release" }]), [release.id, fox.id], "several searches are merged");
      assert.deepEqual(await search([{ terms: "quick", on_date: today }]), [privateNote.id, fox.id]);
      assert.deepEqual(await search([{ terms: "quick", after_date: shift(-1), before_date: shift(1) }]), [privateNote.id, fox.id]);
      assert.deepEqual(await search([{ terms: "quick", before_date: today }]), []);
      assert.deepEqual(await search([{ terms: "quick", excluded_date: today }]), []);
      assert.deepEqual(await search([{ terms: "quick", on_date: "2001-01-01" }]), []);
      assert.deepEqual(await search([{ terms: "100%_sure" }]), [], "LIKE wildcards in a term are literal");
      assert.deepEqual(await search([]), []);

      assert.equal((await probe.fails("search_posts_in_team", { team_id: team.id, params_list: [{ terms: "x", on_date: "2024-13-01" }] }, 400)).id, "api.post.search_posts.invalid_date.app_error");
      assert.equal((await probe.fails("search_posts_in_team", { team_id: team.id, params_list: [{ terms: "a" }, { terms: "b", include_deleted_channels: true }] }, 400)).id, "model.search_params_list.is_valid.include_deleted_channels.app_error");
      assert.equal((await probe.fails("search_posts_in_team", { team_id: MISSING_ID, params_list: [{ terms: "a" }] }, 404)).id, "app.team.get.find.app_error");
      assert.equal((await probe.fails("search_posts_in_team", { team_id: "t", params_list: [] }, 400)).id, "api.context.invalid_param.app_error");
      assert.ok(!(await search([{ terms: "elsewhere" }])).includes(elsewhere.id));
    });

    test("SearchPostsInTeamForUser: the search box's syntax over the channels the user is in", async () => {
      const forUser = (userId: string, params: Record<string, unknown>, viaAsync = false) =>
        probe.ok("search_posts_in_team_for_user", { team_id: team.id, user_id: userId, search_params: params }, viaAsync);

      const bobs = await forUser(bob.id, { terms: "quick" });
      assert.deepEqual(bobs.order, [dmPost.id, fox.id], "bob's channels and DMs, not alice's private channel");
      assert.deepEqual(bobs.matches, { [dmPost.id]: { terms: ["quick"] }, [fox.id]: { terms: ["QUICK"] } }, "the text each hit matched");
      assert.equal(bobs.posts[fox.id].message, "The QUICK brown fox jumps");
      assert.equal(bobs.has_next, false);
      const alices = await forUser(alice.id, { terms: "quick" }, true);
      assert.deepEqual(alices.order, [dmPost.id, privateNote.id, fox.id]);

      assert.deepEqual((await forUser(alice.id, { terms: `quick* -"brown fox" from:${alice.username}` })).order, [dmPost.id, privateNote.id, foxes.id]);
      assert.deepEqual((await forUser(alice.id, { terms: `quick* -from: ${alice.username}` })).order, []);
      assert.deepEqual((await forUser(alice.id, { terms: `quick* in:${offTopic.name}` })).order, [foxes.id, fox.id]);
      assert.deepEqual((await forUser(alice.id, { terms: `from:${bob.username} channel:${offTopic.name}` })).order, [tagged.id, release.id]);
      assert.deepEqual((await forUser(alice.id, { terms: "#release2" })).order, [tagged.id]);
      assert.deepEqual((await forUser(alice.id, { terms: "ext:pdf" })).order, [release.id]);
      assert.deepEqual((await forUser(alice.id, { terms: `-ext:.PDF from:${bob.username} in:${offTopic.name}` })).order, [tagged.id]);
      assert.deepEqual((await forUser(alice.id, { terms: `fox release`, is_or_search: true })).order, [release.id, fox.id]);
      assert.deepEqual((await forUser(alice.id, { terms: `quick after:${shift(-1)} before:${shift(1)}` })).order, [dmPost.id, privateNote.id, fox.id]);
      assert.deepEqual((await forUser(alice.id, { terms: `quick on:${today}`, time_zone_offset: -3 * 86_400 })).order, [], "the day is the searcher's");
      assert.deepEqual((await forUser(alice.id, { terms: "quick", include_deleted_channels: true })).order, [archivedPost.id, dmPost.id, privateNote.id, fox.id]);
      assert.deepEqual((await forUser(alice.id, { terms: "" })).order, []);

      const paged = await forUser(alice.id, { terms: "quick", page: 1, per_page: 1 });
      assert.deepEqual([paged.order, paged.has_next], [[privateNote.id], true]);
      const lastPage = await forUser(alice.id, { terms: "quick", page: 2, per_page: 1 });
      assert.deepEqual([lastPage.order, lastPage.has_next], [[fox.id], false]);

      assert.equal((await probe.fails("search_posts_in_team_for_user", { team_id: team.id, user_id: alice.id, search_params: { terms: "q", per_page: 0 } }, 400)).id, "api.context.invalid_param.app_error");
      assert.equal((await probe.fails("search_posts_in_team_for_user", { team_id: team.id, user_id: alice.id, search_params: { terms: "on:yesterday" } }, 400)).id, "api.post.search_posts.invalid_date.app_error");
      assert.equal((await probe.fails("search_posts_in_team_for_user", { team_id: team.id, user_id: MISSING_ID, search_params: { terms: "q" } }, 404)).id, "app.user.missing_account.const");
      assert.equal((await probe.fails("search_posts_in_team_for_user", { team_id: "t", user_id: alice.id, search_params: { terms: "q" } }, 400)).id, "api.context.invalid_param.app_error");
    });
  });

  test("MoveThreadsToBackingChannel: whole threads move in place between backing channels only", async () => {
    // A plugin makes its backing channels with CreateChannel (type "S"), as in Mattermost, and posts in them.
    let made = 0;
    const backing = async (): Promise<Channel> => {
      made += 1;
      const channel = await probe.ok("create_channel", { channel: { team_id: team.id, name: `backing-${made}`, display_name: `Backing ${made}`, type: "S" } });
      assert.equal(channel.type, "S");
      return { ...channel, type: "S" } as Channel;
    };
    const [from, to] = [await backing(), await backing()];
    const root = await probe.ok("create_post", { post: { channel_id: from.id, user_id: alice.id, message: "thread root" } });
    await new Promise((resolve) => setTimeout(resolve, 3));
    const [other] = await postAll(from, alice, ["stays behind"]);
    const replies = await postAll(from, bob, ["reply one", "reply two"], root!.id);
    await app.reactions.saveReaction({ user_id: bob.id, post_id: replies[0]!.id, emoji_name: "eyes" });
    const before = await Promise.all([root!, ...replies].map((p) => row(p.id)));

    assert.equal(await probe.ok("move_threads_to_backing_channel", { root_ids: [root!.id, MISSING_ID], channel_id: to.id }), null);
    const moved = await Promise.all([root!, ...replies].map((p) => row(p.id)));
    assert.deepEqual(moved.map((p) => p!.channel_id), [to.id, to.id, to.id]);
    assert.deepEqual(moved.map((p) => [p!.id, p!.create_at, p!.update_at, p!.root_id]), before.map((p) => [p!.id, p!.create_at, p!.update_at, p!.root_id]), "ids and timestamps are kept");
    assert.equal((await row(other!.id))!.channel_id, from.id);
    const reaction = await probe.database.database.db.selectFrom("reactions").selectAll().where("post_id", "=", replies[0]!.id).executeTakeFirst();
    assert.equal(reaction!.channel_id, to.id);

    const fails = (args: Record<string, unknown>, status: number) => probe.fails("move_threads_to_backing_channel", args, status);
    assert.equal((await fails({ root_ids: [replies[1]!.id], channel_id: from.id }, 400)).id, "app.post.move_threads.not_root.app_error");
    assert.equal((await fails({ root_ids: [other!.id], channel_id: town.id }, 400)).id, "app.post.move_threads.not_backing_channel.app_error");
    const [chat] = await postAll(town, alice, ["a chat thread"]);
    assert.equal((await fails({ root_ids: [chat!.id], channel_id: to.id }, 400)).id, "app.post.move_threads.not_backing_channel.app_error");
    assert.equal((await row(chat!.id))!.channel_id, town.id);
    assert.equal((await fails({ root_ids: [other!.id], channel_id: MISSING_ID }, 404)).id, "app.channel.get.existing.app_error");
    assert.equal((await fails({ root_ids: ["bad"], channel_id: to.id }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await fails({ root_ids: Array.from({ length: 201 }, () => MISSING_ID), channel_id: to.id }, 400)).id, "app.post.move_threads.too_many.app_error");
    assert.equal(await probe.ok("move_threads_to_backing_channel", { root_ids: [], channel_id: to.id }, true), null);
  });

  test("AddChannelsToRetentionPolicy / RemoveChannelsFromRetentionPolicy answer 501", async () => {
    for (const method of ["add_channels_to_retention_policy", "remove_channels_from_retention_policy"]) {
      const error = await probe.fails(method, { policy_id: MISSING_ID, channel_ids: [town.id] }, 501);
      assert.equal(error.id, "app.plugin_api.not_supported.app_error");
      assert.match(error.message, /Enterprise/);
    }
    const listed = await readFile("docs/api-unsupported.md", "utf8");
    for (const method of ["AddChannelsToRetentionPolicy", "RemoveChannelsFromRetentionPolicy"]) assert.ok(listed.includes(`| ${method} |`), method);
  });
});
