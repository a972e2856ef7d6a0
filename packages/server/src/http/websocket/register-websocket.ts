/**
 * `GET /api/v4/websocket`: upgrades to Mattermost's real-time protocol.
 *
 * A request that already carries a session (token header or cookie, checked like any API call)
 * is greeted with `hello` at once; otherwise the client has {@link AUTH_TIMEOUT_MS} to send
 * `authentication_challenge` with a token, or it is closed. Authenticated connections are set
 * online and registered with the hub; when a user's last connection closes they go offline
 * (unless their status is manual); a connection whose session ends (logout, revoked token) is
 * closed at the next heartbeat. A plain GET without the upgrade is a 400, as in Mattermost.
 * A browser page from another origin may not connect (it would ride on the user's cookie):
 * like gorilla/websocket's default check, which Mattermost uses, the Origin — when sent — must
 * name this host.
 */
import websocketPlugin from "@fastify/websocket";
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { appError, isAppError } from "../../app/app-error.js";
import { isJsonObject } from "../../app/app-context.js";
import { notifyHook } from "../../app/app-hooks.js";
import { newId } from "../../app/new-id.js";
import { newWebSocketEvent, WebSocketEvents } from "../../app/models/websocket-event.js";
import { authenticate } from "../authenticate.js";
import { sendAppError } from "../error-handling.js";
import { parseWebSocketRequest, WebSocketConnection, type RawWebSocketRequest } from "./websocket-connection.js";
import { WebSocketHub } from "./websocket-hub.js";
import { routeWebSocketRequest } from "./websocket-router.js";

/** How long an unauthenticated connection may wait before sending authentication_challenge. */
export const AUTH_TIMEOUT_MS = 10_000;
/** Mattermost's SocketMaxMessageSizeKb: client frames above this are refused. */
const MAX_FRAME_BYTES = 8 * 1024;
/** Interval of the protocol-level ping that detects dead peers. */
const HEARTBEAT_MS = 30_000;

/** Registers the WebSocket plugin and route; returns the hub (close it with the server). */
export function registerWebSocket(fastify: FastifyInstance, app: App): WebSocketHub {
  const hub = new WebSocketHub(app, (error) => fastify.log.error({ err: error }, "websocket delivery failed"));
  fastify.register(websocketPlugin, { options: { maxPayload: MAX_FRAME_BYTES } });
  fastify.addHook("onClose", async () => hub.close());

  const onAuthenticated = (connection: WebSocketConnection) => {
    const hello = newWebSocketEvent(
      WebSocketEvents.Hello,
      { server_version: `${app.version}.0.0.false`, connection_id: connection.id, server_hostname: "" },
      { user_id: connection.userId },
    );
    connection.sendEvent(hello);
    hub.register(connection);
    void app.statuses.setAutomatic(connection.userId, "online").catch(() => undefined);
    notifyHook(app.hooks, "onWebSocketConnect", connection.id, connection.userId);
  };

  fastify.register(async (scope) => {
    scope.route({
      method: "GET",
      url: "/api/v4/websocket",
      preValidation: async (request, reply) => {
        const origin = request.headers.origin;
        if (origin === undefined || sameHost(origin, request.headers.host)) return;
        await sendAppError(request, reply, appError("api.web_socket.connect.upgrade.app_error", { where: "connectWebSocket", params: { BlockedOrigin: origin } }));
      },
      handler: async (request, reply) =>
        sendAppError(request, reply, appError("api.context.invalid_param.app_error", { where: "connectWebSocket", params: { Name: "upgrade" }, detailedError: "this URL needs a WebSocket upgrade" })),
      wsHandler: (socket, request) => {
        const connection = new WebSocketConnection(newId(), socket);
        const ready = authenticate(request, app).catch(() => null);
        let chain: Promise<void> = ready.then((session) => {
          if (session) {
            connection.authenticate(session);
            onAuthenticated(connection);
          }
        });
        const authTimer = setTimeout(() => !connection.session && connection.close(1008, "authentication timeout"), AUTH_TIMEOUT_MS);
        authTimer.unref();
        let alive = true;
        const heartbeat = setInterval(() => {
          if (!alive) return socket.terminate();
          alive = false;
          socket.ping();
          // A session revoked meanwhile (logout, revoked token) ends the connection, as in Mattermost.
          const token = connection.session?.token;
          if (token) {
            void app.sessions.getSession(token).catch((error: unknown) => isAppError(error) && error.statusCode === 401 && connection.close(1008, "session ended"));
          }
        }, HEARTBEAT_MS);
        heartbeat.unref();
        socket.on("pong", () => {
          alive = true;
        });
        socket.on("message", (raw, isBinary) => {
          const request = isBinary ? null : parseWebSocketRequest(raw.toString());
          // Requests are handled one at a time, after the upgrade's own authentication.
          chain = chain.then(async () => {
            if (!request) return connection.fail(0, appError("api.web_socket_router.no_action.app_error", { where: "ServeWebSocket" }));
            await routeWebSocketRequest({ app, onAuthenticated }, connection, request);
            // Mattermost tells plugins about every request of an authenticated connection, once handled.
            if (connection.session) notifyHook(app.hooks, "webSocketMessageHasBeenPosted", connection.id, connection.userId, toPluginRequest(request));
          }).catch((error: unknown) => fastify.log.error({ err: error }, "websocket request failed"));
        });
        socket.on("close", () => {
          clearTimeout(authTimer);
          clearInterval(heartbeat);
          const wasRegistered = hub.isRegistered(connection);
          if (hub.unregister(connection)) void app.statuses.setAutomatic(connection.userId, "offline").catch(() => undefined);
          if (wasRegistered) notifyHook(app.hooks, "onWebSocketDisconnect", connection.id, connection.userId);
        });
      },
    });
  });
  return hub;
}

/** A client request as WebSocketMessageHasBeenPosted hands it to plugins (Mattermost's WebSocketRequest). */
function toPluginRequest(request: RawWebSocketRequest): { seq: number; action: string; data: Record<string, unknown> } {
  return {
    seq: Number.isSafeInteger(request.seq) ? (request.seq as number) : 0,
    action: typeof request.action === "string" ? request.action : "",
    data: isJsonObject(request.data) ? request.data : {},
  };
}

/** Whether an Origin header names the host the request was sent to. */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
