/**
 * Mattermost's PublishUserTyping: the `typing` event to a channel's members, never back to the
 * typist. Sent by WebSocket clients (`user_typing`) and plugins alike.
 */
import type { AppEvents } from "./app-events.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";

export function publishUserTyping(events: AppEvents, userId: string, channelId: string, parentId: string): void {
  events.publish(newWebSocketEvent(WebSocketEvents.Typing, { parent_id: parentId, user_id: userId }, { channel_id: channelId, omit_users: { [userId]: true } }));
}
