/**
 * The WebSocket events of a post's life, shaped as Mattermost sends them: the post travels as a
 * JSON *string* under `data.post` (clients parse it), and every event is scoped to the channel, so
 * only its members receive it.
 */
import type { Channel } from "./models/channel.js";
import type { Post } from "./models/post.js";
import type { Reaction } from "./models/reaction.js";
import { newWebSocketEvent, WebSocketEvents, type WebSocketEvent } from "./models/websocket-event.js";

/** `posted`, with the channel and sender details the web app shows in notifications. */
export function postedEvent(post: Post, channel: Channel, senderUsername: string): WebSocketEvent {
  return newWebSocketEvent(
    WebSocketEvents.Posted,
    {
      channel_display_name: channel.display_name,
      channel_name: channel.name,
      channel_type: channel.type,
      post: JSON.stringify(post),
      sender_name: senderUsername ? `@${senderUsername}` : "",
      set_online: true,
      team_id: channel.team_id,
    },
    { channel_id: post.channel_id },
  );
}

/** `post_edited`, after an edit is stored. */
export function postEditedEvent(post: Post): WebSocketEvent {
  return newWebSocketEvent(WebSocketEvents.PostEdited, { post: JSON.stringify(post) }, { channel_id: post.channel_id });
}

/** `post_deleted`, with who deleted it (Mattermost's `delete_by`). */
export function postDeletedEvent(post: Post, deletedBy: string): WebSocketEvent {
  return newWebSocketEvent(WebSocketEvents.PostDeleted, { post: JSON.stringify(post), delete_by: deletedBy }, { channel_id: post.channel_id });
}

/** `reaction_added` / `reaction_removed`, the reaction as a JSON string. */
export function reactionEvent(name: typeof WebSocketEvents.ReactionAdded | typeof WebSocketEvents.ReactionRemoved, reaction: Reaction): WebSocketEvent {
  return newWebSocketEvent(name, { reaction: JSON.stringify(reaction) }, { channel_id: reaction.channel_id });
}
