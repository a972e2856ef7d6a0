/**
 * Emoji reactions on posts (Mattermost's SaveReactionForPost / DeleteReactionForPost).
 *
 * Reacting requires membership of the post's channel; a user reacts only as themselves, and
 * removes others' reactions only as a channel moderator. Saving the same reaction twice is a no-op
 * that still answers the reaction; removing one that is not there is a no-op without an event.
 * Each real change publishes `reaction_added` / `reaction_removed` to the channel and runs the
 * matching ReactionHasBeen… hook.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { notifyHook } from "./app-hooks.js";
import type { ChannelsService } from "./channels-service.js";
import { withDbErrors } from "./map-db-error.js";
import { EMOJI_NAME_MAX_LENGTH, type Reaction } from "./models/reaction.js";
import { WebSocketEvents } from "./models/websocket-event.js";
import { reactionEvent } from "./post-events.js";
import type { PostsService } from "./posts-service.js";
import { canModerateChannel } from "./role-checks.js";
import type { ReactionsTable } from "../store/schema.js";

const EMOJI_NAME_PATTERN = /^[a-zA-Z0-9\-+_]+$/;

/** Reactions as REST (with an actor) and trusted callers (without) need them. */
export interface ReactionsService {
  /**
   * Adds `user_id`'s reaction. With an actor (REST) the actor must be that user and a member of the
   * channel; trusted callers (the Plugin API) need only an existing user, as in Mattermost.
   */
  saveReaction(input: { user_id: string; post_id: string; emoji_name: string }, options?: { actorId?: string }): Promise<Reaction>;
  /** Removes a reaction; the actor must be its user or moderate the channel. */
  deleteReaction(input: { user_id: string; post_id: string; emoji_name: string }, options?: { actorId?: string }): Promise<void>;
  /** Every reaction on a live post, oldest first. */
  getReactions(postId: string): Promise<Reaction[]>;
}

function validateEmojiName(name: unknown): string {
  if (typeof name !== "string" || name.length === 0 || name.length > EMOJI_NAME_MAX_LENGTH || !EMOJI_NAME_PATTERN.test(name)) {
    throw appError("model.reaction.is_valid.emoji_name.app_error", { where: "validateReaction" });
  }
  return name;
}

/** Builds the service; posts and channels answer "does the post exist" and "is the user a member". */
export function createReactionsService(ctx: AppContext, channels: ChannelsService, posts: PostsService): ReactionsService {
  return {
    async saveReaction(input, options = {}) {
      const where = "saveReaction";
      const emojiName = validateEmojiName(input.emoji_name);
      if (options.actorId !== undefined && options.actorId !== input.user_id) {
        throw appError("api.reaction.save_reaction.user_id.app_error", { where });
      }
      const post = await posts.getPost(input.post_id);
      if (options.actorId !== undefined) await channels.requireMember(post.channel_id, input.user_id);
      const existing = await ctx.db.selectFrom("reactions").selectAll()
        .where("post_id", "=", post.id).where("user_id", "=", input.user_id).where("emoji_name", "=", emojiName).executeTakeFirst();
      if (existing) return existing;
      const now = ctx.now();
      const row: ReactionsTable = { user_id: input.user_id, post_id: post.id, emoji_name: emojiName, create_at: now, update_at: now, delete_at: 0, remote_id: "", channel_id: post.channel_id };
      await withDbErrors(where, { foreignKey: "app.user.missing_account.const" }, () => ctx.db.insertInto("reactions").values(row).onConflict((oc) => oc.doNothing()).execute());
      ctx.events.publish(reactionEvent(WebSocketEvents.ReactionAdded, row));
      notifyHook(ctx.hooks(), "reactionHasBeenAdded", row);
      return row;
    },

    async deleteReaction(input, options = {}) {
      const where = "deleteReaction";
      const emojiName = validateEmojiName(input.emoji_name);
      const post = await posts.getPost(input.post_id);
      if (options.actorId !== undefined) {
        const channel = await channels.requireMember(post.channel_id, options.actorId);
        if (options.actorId !== input.user_id && !(await canModerateChannel(ctx, channel, options.actorId))) {
          throw appError("api.context.permissions.app_error", { where, detailedError: "only moderators remove others' reactions" });
        }
      }
      const existing = await ctx.db.selectFrom("reactions").selectAll()
        .where("post_id", "=", post.id).where("user_id", "=", input.user_id).where("emoji_name", "=", emojiName).executeTakeFirst();
      if (!existing) return;
      await withDbErrors(where, {}, () =>
        ctx.db.deleteFrom("reactions").where("post_id", "=", post.id).where("user_id", "=", input.user_id).where("emoji_name", "=", emojiName).execute(),
      );
      const removed: Reaction = { ...existing, delete_at: ctx.now() };
      ctx.events.publish(reactionEvent(WebSocketEvents.ReactionRemoved, removed));
      notifyHook(ctx.hooks(), "reactionHasBeenRemoved", removed);
    },

    async getReactions(postId) {
      const post = await posts.getPost(postId);
      return ctx.db.selectFrom("reactions").selectAll().where("post_id", "=", post.id).orderBy("create_at").orderBy("user_id").execute();
    },
  };
}
