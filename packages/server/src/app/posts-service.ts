/**
 * Creating and reading posts — the one path every post takes, whether it comes from REST or a plugin.
 *
 * createPost: validate → assign id/timestamps → MessageWillBePosted (plugins may rewrite or
 * reject) → store the post and bump the channel's counters in one transaction →
 * MessageHasBeenPosted. A rejected post is never stored. Plugins post as any user or bot, so the
 * membership check is the caller's choice ({@link CreatePostOptions.checkMembership}).
 */
import type { AppContext } from "./app-context.js";
import { appError, type AppErrorId } from "./app-error.js";
import type { ChannelsService } from "./channels-service.js";
import { withDbErrors } from "./map-db-error.js";
import type { CreatePostInput, Post, PostList } from "./models/post.js";
import { newId } from "./new-id.js";
import { validateNewPost, validatePostContent } from "./post-validation.js";
import { findPostsPage, postFromRow, postToRow } from "./post-queries.js";
import { postedEvent } from "./post-events.js";
import { attachFiles, checkAttachableFiles } from "./post-files.js";
import { findPostsAround, findPostsSince } from "./post-paging.js";
import { consumePost, consumePostList } from "./post-consumption.js";

/** The reason string with which a plugin asks to drop a post silently (Mattermost's DismissPostError). */
export const DISMISS_POST_REASON = "plugin.message_will_be_posted.dismiss_post";
/** Mattermost's default page size for post lists. */
export const DEFAULT_POSTS_PER_PAGE = 60;
/** Larger pages are refused (400) rather than silently truncated. */
export const MAX_POSTS_PER_PAGE = 200;

/** Which checks a caller's path needs (REST vs plugin API). */
export interface CreatePostOptions {
  /** Require `post.user_id` to be a channel member (REST: true; plugin API: false). Default true. */
  checkMembership?: boolean;
}

/** Posts as REST and the plugin API need them; both call the same createPost. */
export interface PostsService {
  createPost(input: CreatePostInput, options?: CreatePostOptions): Promise<Post>;
  /** 404 `app.post.get.app_error` if absent or deleted. */
  getPost(postId: string): Promise<Post>;
  /** A page of a channel's posts, newest first; does not check access (callers do). */
  getPostsForChannel(channelId: string, paging?: Paging): Promise<PostList>;
  /** A page of posts older (`before`) or newer (`after`) than a post of the channel. */
  getPostsAround(channelId: string, cursorId: string, direction: "before" | "after", paging: Paging): Promise<PostList>;
  /** Posts created, edited or deleted since `since` (ms), for clients catching up. */
  getPostsSince(channelId: string, since: number): Promise<PostList>;
  /** A post about to reach a reader, after MessagesWillBeConsumed (see post-consumption.ts). */
  consumePost(post: Post): Promise<Post>;
  /** A post list about to reach a reader, after MessagesWillBeConsumed. */
  consumePostList(list: PostList): Promise<PostList>;
}

/** Builds the service; hooks are read from the context on each call, so setHooks takes effect at once. */
export function createPostsService(ctx: AppContext, channels: ChannelsService): PostsService {
  async function checkRoot(rootId: string, channelId: string): Promise<void> {
    const root = await ctx.db.selectFrom("posts").select(["channel_id", "root_id", "delete_at"]).where("id", "=", rootId).executeTakeFirst();
    if (!root || root.channel_id !== channelId || root.root_id !== "" || root.delete_at !== 0) {
      throw appError("api.post.create_post.root_id.app_error", { where: "createPost", detailedError: `root_id=${rootId}` });
    }
  }

  async function store(post: Post): Promise<void> {
    const isRoot = post.root_id === "" ? 1 : 0;
    await withDbErrors("createPost", { foreignKey: "model.post.is_valid.user_id.app_error" }, () =>
      ctx.db.transaction().execute(async (trx) => {
        await trx.insertInto("posts").values(postToRow(post)).execute();
        await attachFiles(trx, post.id, post.file_ids, post.create_at);
        const channel = await trx.updateTable("channels")
          .set((eb) => {
            // CASE rather than two-argument max(): that is scalar in SQLite but an aggregate in PostgreSQL.
            const latest = (col: "last_post_at" | "last_root_post_at") =>
              eb.case().when(col, "<", post.create_at).then(post.create_at).else(eb.ref(col)).end();
            return {
              last_post_at: latest("last_post_at"),
              total_msg_count: eb("total_msg_count", "+", 1),
              total_msg_count_root: eb("total_msg_count_root", "+", isRoot),
              ...(isRoot ? { last_root_post_at: latest("last_root_post_at") } : {}),
            };
          })
          .where("id", "=", post.channel_id)
          .returning(["total_msg_count", "total_msg_count_root"])
          .executeTakeFirstOrThrow();
        // The author has read everything up to their own post (Mattermost marks the channel viewed).
        await trx.updateTable("channel_members")
          .set({ msg_count: channel.total_msg_count, msg_count_root: channel.total_msg_count_root, last_viewed_at: post.create_at, last_update_at: post.create_at })
          .where("channel_id", "=", post.channel_id).where("user_id", "=", post.user_id)
          .execute();
        if (!isRoot) {
          await trx.updateTable("posts")
            .set((eb) => ({ reply_count: eb("reply_count", "+", 1), last_reply_at: post.create_at }))
            .where("id", "=", post.root_id)
            .execute();
        }
      }),
    );
  }

  return {
    async createPost(input, options = {}) {
      validateNewPost(input);
      const channel = await channels.getChannel(input.channel_id);
      if (options.checkMembership ?? true) await channels.requireMember(channel.id, input.user_id);
      const rootId = input.root_id ?? "";
      if (rootId !== "") await checkRoot(rootId, channel.id);
      const now = ctx.now();
      const draft: Post = {
        id: newId(), create_at: now, update_at: now, edit_at: 0, delete_at: 0, is_pinned: input.is_pinned ?? false,
        user_id: input.user_id, channel_id: channel.id, root_id: rootId, original_id: "", message: input.message,
        type: input.type ?? "", props: input.props ?? {}, hashtags: "", file_ids: input.file_ids ?? [],
        pending_post_id: input.pending_post_id ?? "", reply_count: 0, last_reply_at: 0, metadata: {}, remote_id: "",
      };

      const verdict = await ctx.hooks().messageWillBePosted(draft);
      if (verdict.kind === "reject") {
        const id: AppErrorId = verdict.reason === DISMISS_POST_REASON ? DISMISS_POST_REASON : "plugin.message_will_be_posted.reject";
        throw appError(id, { where: "createPost", message: `Post rejected by plugin. ${verdict.reason}`, params: { Reason: verdict.reason } });
      }
      // Plugins may rewrite content, but not where or when the post lives: membership, the root
      // check and the channel counters were decided for these values.
      // Fields a host's conversion leaves out fall back to the draft rather than failing NOT NULL.
      const post: Post = { ...draft, ...definedFields(verdict.post), id: draft.id, channel_id: draft.channel_id, root_id: draft.root_id, create_at: draft.create_at, update_at: draft.update_at, delete_at: 0 };
      validatePostContent(post);
      await checkAttachableFiles(ctx.db, post.file_ids, post.channel_id, (options.checkMembership ?? true) ? post.user_id : undefined);

      await store(post);
      try {
        ctx.hooks().messageHasBeenPosted(post);
      } catch {
        // Fire-and-forget by contract: a failing notification must not fail a stored post.
      }
      const sender = await ctx.db.selectFrom("users").select("username").where("id", "=", post.user_id).executeTakeFirst();
      ctx.events.publish(postedEvent(post, channel, sender?.username ?? ""));
      return post;
    },

    async getPost(postId) {
      const row = await ctx.db.selectFrom("posts").selectAll().where("id", "=", postId).where("delete_at", "=", 0).executeTakeFirst();
      if (!row) throw appError("app.post.get.app_error", { where: "getPost", detailedError: `post_id=${postId}` });
      return postFromRow(row);
    },

    async getPostsForChannel(channelId, paging = {}) {
      const { page, perPage } = checkPaging(paging, "getPostsForChannel");
      return findPostsPage(ctx.db, channelId, page, perPage);
    },

    async getPostsAround(channelId, cursorId, direction, paging) {
      const { page, perPage } = checkPaging(paging, direction === "before" ? "getPostsBefore" : "getPostsAfter");
      return findPostsAround(ctx.db, channelId, cursorId, direction, page, perPage);
    },
    getPostsSince: (channelId, since) => findPostsSince(ctx.db, channelId, since),
    consumePost: (post) => consumePost(ctx.hooks(), post),
    consumePostList: (list) => consumePostList(ctx.hooks(), list),
  };
}

/**
 * A page request. REST pages are 1 to MAX_POSTS_PER_PAGE posts; `unbounded` is the Plugin API's
 * (Mattermost's store: LIMIT per_page, so 0 is an empty page and there is no cap).
 */
export interface Paging {
  readonly page?: number;
  readonly perPage?: number;
  readonly unbounded?: boolean;
}

/** Page and page size with Mattermost's defaults; out-of-range values are 400s, never clamped. */
function checkPaging(paging: Paging, where: string): { page: number; perPage: number } {
  const page = paging.page ?? 0;
  const perPage = paging.perPage ?? DEFAULT_POSTS_PER_PAGE;
  const [min, max] = paging.unbounded ? [0, Number.MAX_SAFE_INTEGER] : [1, MAX_POSTS_PER_PAGE];
  if (!Number.isInteger(page) || page < 0) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "page" } });
  if (!Number.isInteger(perPage) || perPage < min || perPage > max) {
    throw appError("api.context.invalid_param.app_error", { where, params: { Name: "per_page" } });
  }
  return { page, perPage };
}

/** Drops undefined/null members so a spread does not erase defaults. */
function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
