/**
 * What a client's WebSocket requests mean (Mattermost's WebSocketRouter and its handlers):
 * `authentication_challenge` binds a session, `ping` answers `pong`, `user_typing` publishes
 * `typing` to the channel (never back to the typist), `get_statuses(_by_ids)` reads presence, and
 * the presence hints clients send (`presence`, `user_update_active_status`) are acknowledged.
 * Malformed requests fail with Mattermost's router errors; an unknown action with 501.
 */
import type { App } from "../../app/app.js";
import { appError, isAppError } from "../../app/app-error.js";
import { isJsonObject } from "../../app/app-context.js";
import { isValidId } from "../../app/new-id.js";
import { publishUserTyping } from "../../app/user-typing.js";
import type { RawWebSocketRequest, WebSocketConnection } from "./websocket-connection.js";

/** What the router needs from its surroundings. */
export interface WebSocketRouterContext {
  readonly app: App;
  /** Called once a connection is authenticated (sends hello, registers with the hub). */
  onAuthenticated(connection: WebSocketConnection): void;
}

/** Handles one parsed frame from `connection`. Never throws: failures are answered or logged. */
export async function routeWebSocketRequest(ctx: WebSocketRouterContext, connection: WebSocketConnection, request: RawWebSocketRequest): Promise<void> {
  const seq = typeof request.seq === "number" ? request.seq : 0;
  const fail = (id: Parameters<typeof appError>[0], name?: string) => connection.fail(seq, appError(id, { where: "ServeWebSocket", ...(name ? { params: { Name: name } } : {}) }));
  if (typeof request.action !== "string" || request.action === "") return fail("api.web_socket_router.no_action.app_error");
  if (!Number.isInteger(request.seq) || seq <= 0) return fail("api.web_socket_router.bad_seq.app_error");
  const data = isJsonObject(request.data) ? request.data : {};

  if (request.action === "authentication_challenge") {
    if (connection.session) return; // already authenticated: ignored, as in Mattermost
    const token = data["token"];
    const session = typeof token === "string" ? await resolveToken(ctx.app, token).catch(() => null) : null;
    if (!session) {
      connection.close(1008, "authentication failed");
      return;
    }
    connection.authenticate(session);
    connection.respond(seq);
    ctx.onAuthenticated(connection);
    return;
  }
  if (!connection.session) return fail("api.web_socket_router.not_authenticated.app_error");

  try {
    switch (request.action) {
      case "ping":
        return connection.respond(seq, { text: "pong", version: ctx.app.version, server_time: Date.now(), node_id: "" });
      case "user_typing": {
        const channelId = data["channel_id"];
        const parentId = typeof data["parent_id"] === "string" ? data["parent_id"] : "";
        if (!isValidId(channelId)) return fail("api.websocket_handler.invalid_param.app_error", "channel_id");
        await ctx.app.channels.requireMember(channelId, connection.userId);
        publishUserTyping(ctx.app.events, connection.userId, channelId, parentId);
        return connection.respond(seq);
      }
      case "get_statuses_by_ids": {
        const ids = data["user_ids"];
        if (!Array.isArray(ids) || ids.length > 200 || !ids.every(isValidId)) return fail("api.websocket_handler.invalid_param.app_error", "user_ids");
        const statuses = await ctx.app.statuses.getStatuses(ids);
        return connection.respond(seq, Object.fromEntries(statuses.map((s) => [s.user_id, s.status])));
      }
      case "get_statuses":
        return connection.respond(seq, {});
      case "presence":
      case "user_update_active_status":
      case "posted_notify_ack":
        return connection.respond(seq);
      default:
        return fail("api.web_socket_router.bad_action.app_error");
    }
  } catch (error) {
    connection.fail(seq, isAppError(error) ? error : appError("api.context.unexpected.app_error", { where: "ServeWebSocket", cause: error }));
  }
}

async function resolveToken(app: App, token: string) {
  try {
    return await app.sessions.getSession(token);
  } catch (error) {
    if (isAppError(error) && error.statusCode === 401) return app.accessTokens.sessionForToken(token);
    throw error;
  }
}
