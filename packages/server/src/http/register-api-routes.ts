/**
 * Mounts the REST API v4 subset on a fastify instance, with what it needs to answer like
 * Mattermost: the `{id, message, detailed_error, request_id, status_code}` error shape for every
 * failure (including unknown routes and unparsable bodies) and the `X-Request-Id` /
 * `X-Version-Id` headers. Handlers are thin: read input, call one app service, shape the reply;
 * every rule (validation, permissions) lives in `app/`.
 */
import type { FastifyInstance } from "fastify";
import type { App } from "../app/app.js";
import { installErrorHandling } from "./error-handling.js";
import { registerChannelsRoutes } from "./routes/channels-routes.js";
import { registerCommandsRoutes } from "./routes/commands-routes.js";
import { registerPostsRoutes } from "./routes/posts-routes.js";
import { registerSystemRoutes } from "./routes/system-routes.js";
import { registerTeamsRoutes } from "./routes/teams-routes.js";
import { registerUsersRoutes } from "./routes/users-routes.js";

/**
 * Adds every `/api/v4/…` route plus the error/not-found handlers and response headers. Call it on
 * the root instance so routes added afterwards (e.g. `/plugins/{id}/…`) inherit the error shape.
 * Build the instance with `genReqId: () => newId()` (as {@link createHttpServer} does) for
 * Mattermost-style request ids.
 */
export function registerApiRoutes(fastify: FastifyInstance, app: App): void {
  fastify.addHook("onRequest", async (request, reply) => {
    reply.header("X-Request-Id", request.id);
    reply.header("X-Version-Id", app.version);
  });
  installErrorHandling(fastify);
  registerSystemRoutes(fastify, app);
  registerUsersRoutes(fastify, app);
  registerTeamsRoutes(fastify, app);
  registerChannelsRoutes(fastify, app);
  registerPostsRoutes(fastify, app);
  registerCommandsRoutes(fastify, app);
}
