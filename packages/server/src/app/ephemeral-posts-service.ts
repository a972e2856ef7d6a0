/**
 * Ephemeral posts (Mattermost's SendEphemeralPost / UpdateEphemeralPost / DeleteEphemeralPost):
 * messages shown to one user only, typically a bot's answer to that user's command. They are
 * never stored; they exist only as WebSocket events to that user's connections —
 * `ephemeral_message` to show one, `post_edited` to replace it, `post_deleted` to remove it —
 * with the post (as a JSON string, like every post event) under `data.post`.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import type { Post } from "./models/post.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { isValidId, newId } from "./new-id.js";

/** Mattermost's PostTypeEphemeral. */
export const EPHEMERAL_POST_TYPE = "system_ephemeral";

export interface EphemeralPostsService {
  /** Shows `post` to `userId`; fills id, create_at and props when unset; returns the post as sent. */
  send(userId: string, post: Post): Post;
  /** Replaces a post `userId` was shown (same id); returns the post as sent. */
  update(userId: string, post: Post): Post;
  /** Removes a post from `userId`'s view. */
  remove(userId: string, postId: string): void;
}

function requireId(value: string, name: string, where: string): void {
  if (!isValidId(value)) throw appError("api.context.invalid_param.app_error", { where, params: { Name: name } });
}

export function createEphemeralPostsService(ctx: AppContext): EphemeralPostsService {
  const publish = (event: string, userId: string, post: Post) =>
    ctx.events.publish(newWebSocketEvent(event, { post: JSON.stringify(post) }, { user_id: userId, channel_id: post.channel_id }));

  return {
    send(userId, post) {
      const where = "sendEphemeralPost";
      requireId(userId, "user_id", where);
      requireId(post.channel_id, "post.channel_id", where);
      const sent: Post = {
        ...post,
        id: post.id || newId(),
        create_at: post.create_at || ctx.now(),
        type: EPHEMERAL_POST_TYPE,
        props: post.props ?? {},
        metadata: post.metadata ?? {},
      };
      publish(WebSocketEvents.EphemeralMessage, userId, sent);
      return sent;
    },

    update(userId, post) {
      const where = "updateEphemeralPost";
      requireId(userId, "user_id", where);
      requireId(post.id, "post.id", where);
      requireId(post.channel_id, "post.channel_id", where);
      const sent: Post = { ...post, type: EPHEMERAL_POST_TYPE, update_at: ctx.now(), props: post.props ?? {}, metadata: post.metadata ?? {} };
      publish(WebSocketEvents.PostEdited, userId, sent);
      return sent;
    },

    remove(userId, postId) {
      const where = "deleteEphemeralPost";
      requireId(userId, "user_id", where);
      requireId(postId, "post_id", where);
      const now = ctx.now();
      // Mattermost sends only what the client needs to drop it: no channel, so no channel scope.
      const gone = { id: postId, user_id: userId, type: EPHEMERAL_POST_TYPE, delete_at: now, update_at: now };
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.PostDeleted, { post: JSON.stringify(gone) }, { user_id: userId }));
    },
  };
}
