/**
 * Mounts the REST API v4 subset on a fastify instance, with what it needs to answer like
 * Mattermost: the `{id, message, detailed_error, request_id, status_code}` error shape for every
 * failure (including unknown routes and unparsable bodies) and the `X-Request-Id` /
 * `X-Version-Id` headers. Handlers are thin: read input, call one app service, shape the reply;
 * every rule (validation, permissions) lives in `app/`.
 */
import type { FastifyInstance } from "fastify";
import type { App } from "../app/app.js";
import { DEFAULT_MAX_FILE_BYTES } from "../app/files-service.js";
import { installErrorHandling } from "./error-handling.js";
import { acceptMultipart } from "./multipart-input.js";
import { registerAccessTokensRoutes } from "./routes/access-tokens-routes.js";
import { registerChannelsRoutes } from "./routes/channels-routes.js";
import { registerCommandsRoutes } from "./routes/commands-routes.js";
import { registerEmojiRoutes } from "./routes/emoji-routes.js";
import { registerFilesRoutes } from "./routes/files-routes.js";
import { registerPostsRoutes } from "./routes/posts-routes.js";
import { registerPreferencesRoutes } from "./routes/preferences-routes.js";
import { registerReactionsRoutes } from "./routes/reactions-routes.js";
import { registerStatusRoutes } from "./routes/status-routes.js";
import { registerSystemRoutes } from "./routes/system-routes.js";
import { registerTeamsRoutes } from "./routes/teams-routes.js";
import { registerUsersRoutes } from "./routes/users-routes.js";

/** Limits the API enforces beyond the JSON body limit (which the fastify instance carries). */
export interface ApiLimits {
  /** Largest single uploaded file (Mattermost's FileSettings.MaxFileSize). */
  readonly maxFileBytes?: number;
}

/**
 * Adds every `/api/v4/…` route plus the error/not-found handlers and response headers. Call it on
 * the root instance so routes added afterwards (e.g. `/plugins/{id}/…`) inherit the error shape.
 * Build the instance with `genReqId: () => newId()` (as {@link createHttpServer} does) for
 * Mattermost-style request ids.
 */
export function registerApiRoutes(fastify: FastifyInstance, app: App, limits: ApiLimits = {}): void {
  fastify.addHook("onRequest", async (request, reply) => {
    reply.header("X-Request-Id", request.id);
    reply.header("X-Version-Id", app.version);
  });
  // Mattermost answers `application/json` without a charset, and Client4 compares the header
  // exactly: with fastify's "; charset=utf-8" it would treat every answer as plain text.
  fastify.addHook("onSend", async (_request, reply, payload) => {
    if (reply.getHeader("content-type") === "application/json; charset=utf-8") reply.header("content-type", "application/json");
    return payload;
  });
  installErrorHandling(fastify);
  acceptMultipart(fastify);
  registerSystemRoutes(fastify, app);
  registerUsersRoutes(fastify, app);
  registerTeamsRoutes(fastify, app);
  registerChannelsRoutes(fastify, app);
  registerPostsRoutes(fastify, app);
  registerCommandsRoutes(fastify, app);
  registerReactionsRoutes(fastify, app);
  registerFilesRoutes(fastify, app, { maxFileBytes: limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES });
  registerEmojiRoutes(fastify, app);
  registerPreferencesRoutes(fastify, app);
  registerStatusRoutes(fastify, app);
  registerAccessTokensRoutes(fastify, app);
}
