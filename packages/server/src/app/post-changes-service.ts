/**
 * What happens to a post after it is created: edits, deletion, and reading its thread.
 *
 * Edits follow Mattermost's UpdatePost: only the content fields change (message, props,
 * is_pinned, and file_ids may only shrink); MessageWillBeUpdated sees the new and the old post and
 * may rewrite or reject; the row is updated; then `post_edited` and MessageHasBeenUpdated.
 * Deleting a root deletes its replies too (as Mattermost does), marks their files deleted, and
 * publishes `post_deleted`; rows are kept with `delete_at` set. Authors act on their own posts;
 * system and team admins on anyone's (Mattermost's edit/delete_others_posts defaults).
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { notifyHook } from "./app-hooks.js";
import type { ChannelsService } from "./channels-service.js";
import { withDbErrors } from "./map-db-error.js";
import type { Post, PostList } from "./models/post.js";
import { postDeletedEvent, postEditedEvent } from "./post-events.js";
import { postFromRow, postToRow } from "./post-queries.js";
import { validatePostContent } from "./post-validation.js";
import type { PostsService } from "./posts-service.js";
import { canModerateChannel } from "./role-checks.js";

/** The content fields an edit may change; absent fields keep their value. */
export interface PostEdit {
  message?: string;
  props?: Record<string, unknown>;
  is_pinned?: boolean;
  file_ids?: string[];
}

/** Edits, deletes and threads, for REST (with an actor) and trusted callers (without). */
export interface PostChangesService {
  /** Applies an edit; 403 unless the actor wrote the post or moderates the channel. */
  editPost(postId: string, edit: PostEdit, options?: { actorId?: string }): Promise<Post>;
  /**
   * Deletes the post (and its replies when it is a root); returns the deleted post. `deletedBy`
   * names who deleted it in `post_deleted` when that is not the actor (a plugin's id).
   */
  deletePost(postId: string, options?: { actorId?: string; deletedBy?: string }): Promise<Post>;
  /** The root and every live reply, newest first (Mattermost's thread PostList). */
  getThread(postId: string): Promise<PostList>;
}

/** Builds the service over the posts and channels services (reads and membership checks). */
export function createPostChangesService(ctx: AppContext, channels: ChannelsService, posts: PostsService): PostChangesService {
  async function checkActor(post: Post, actorId: string | undefined, where: string): Promise<void> {
    if (actorId === undefined) return;
    const channel = await channels.getChannel(post.channel_id);
    if (actorId === post.user_id && (await channels.isMember(channel.id, actorId))) return;
    if (await canModerateChannel(ctx, channel, actorId)) return;
    throw appError("api.context.permissions.app_error", { where, detailedError: `user ${actorId} may not change post ${post.id}` });
  }

  return {
    async editPost(postId, edit, options = {}) {
      const where = "editPost";
      const old = await posts.getPost(postId);
      await checkActor(old, options.actorId, where);
      if (old.type.startsWith("system_")) throw appError("api.post.update_post.system_message.app_error", { where });
      if (edit.file_ids !== undefined && !edit.file_ids.every((id) => old.file_ids.includes(id))) {
        throw appError("api.post.create_post.file_ids.app_error", { where, detailedError: "an edit may only remove attachments" });
      }
      let next: Post = {
        ...old,
        ...(edit.message !== undefined ? { message: edit.message } : {}),
        ...(edit.props !== undefined ? { props: edit.props } : {}),
        ...(edit.is_pinned !== undefined ? { is_pinned: edit.is_pinned } : {}),
        ...(edit.file_ids !== undefined ? { file_ids: edit.file_ids } : {}),
      };
      validatePostContent(next);

      const willBeUpdated = ctx.hooks().messageWillBeUpdated;
      if (willBeUpdated) {
        const verdict = await willBeUpdated.call(ctx.hooks(), structuredClone(next), structuredClone(old));
        if (verdict.kind === "reject") {
          throw appError("plugin.message_will_be_updated.reject", { where, message: `Post rejected by plugin. ${verdict.reason}`, params: { Reason: verdict.reason } });
        }
        // As for new posts: plugins may rewrite content, not identity or placement.
        const p = verdict.post;
        next = { ...next, message: p.message ?? next.message, props: p.props ?? next.props, is_pinned: p.is_pinned ?? next.is_pinned, file_ids: p.file_ids ?? next.file_ids };
        validatePostContent(next);
      }
      const now = ctx.now();
      next = { ...next, update_at: now, edit_at: next.message !== old.message ? now : old.edit_at };
      const row = postToRow(next);
      await withDbErrors(where, {}, () =>
        ctx.db.updateTable("posts")
          .set({ message: row.message, props: row.props, is_pinned: row.is_pinned, file_ids: row.file_ids, update_at: row.update_at, edit_at: row.edit_at })
          .where("id", "=", old.id).where("delete_at", "=", 0)
          .execute(),
      );
      ctx.events.publish(postEditedEvent(next));
      notifyHook(ctx.hooks(), "messageHasBeenUpdated", next, old);
      return next;
    },

    async deletePost(postId, options = {}) {
      const where = "deletePost";
      const post = await posts.getPost(postId);
      await checkActor(post, options.actorId, where);
      const now = ctx.now();
      await withDbErrors(where, {}, () =>
        ctx.db.transaction().execute(async (trx) => {
          const ids = [post.id];
          if (post.root_id === "") {
            const replies = await trx.selectFrom("posts").select("id").where("root_id", "=", post.id).where("delete_at", "=", 0).execute();
            ids.push(...replies.map((r) => r.id));
          } else {
            await trx.updateTable("posts").set((eb) => ({ reply_count: eb("reply_count", "-", 1) }))
              .where("id", "=", post.root_id).where("reply_count", ">", 0).execute();
          }
          await trx.updateTable("posts").set({ delete_at: now, update_at: now }).where("id", "in", ids).execute();
          await trx.updateTable("file_infos").set({ delete_at: now, update_at: now }).where("post_id", "in", ids).where("delete_at", "=", 0).execute();
        }),
      );
      const deleted: Post = { ...post, delete_at: now, update_at: now };
      ctx.events.publish(postDeletedEvent(deleted, options.deletedBy ?? options.actorId ?? ""));
      notifyHook(ctx.hooks(), "messageHasBeenDeleted", deleted);
      return deleted;
    },

    async getThread(postId) {
      const post = await posts.getPost(postId);
      const rootId = post.root_id || post.id;
      const rows = await ctx.db.selectFrom("posts").selectAll()
        .where((eb) => eb.or([eb("id", "=", rootId), eb("root_id", "=", rootId)]))
        .where("delete_at", "=", 0)
        .orderBy("create_at", "desc").orderBy("id", "desc")
        .execute();
      const list: PostList = { order: [], posts: {}, next_post_id: "", prev_post_id: "" };
      for (const row of rows) {
        const p = postFromRow(row);
        list.order.push(p.id);
        list.posts[p.id] = p;
      }
      return list;
    },
  };
}
