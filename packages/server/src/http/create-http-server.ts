/**
 * Builds the fastify server for an app: Mattermost-style request ids, the API routes and their
 * error shape. The caller adds more routes (e.g. `/plugins/{id}/…`) before `listen()` and owns
 * the lifecycle; `inject()` works without listening (tests).
 */
import Fastify, { type FastifyInstance } from "fastify";
import type { App } from "../app/app.js";
import { newId } from "../app/new-id.js";
import { registerApiRoutes, type ApiLimits } from "./register-api-routes.js";

/** Large enough for any post with props; bigger bodies get 413. */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

/** What the HTTP server needs; the app is the only required part. */
export interface HttpServerOptions {
  readonly app: App;
  /** Pino logging on/off (default off; tests stay quiet). */
  readonly logger?: boolean;
  /** Largest JSON body in bytes (Mattermost's ServiceSettings.MaximumPayloadSizeBytes); bigger → 413. */
  readonly bodyLimit?: number;
  /** Upload limits (files are streamed, so they are bounded separately from JSON bodies). */
  readonly limits?: ApiLimits;
}

/** A ready-to-extend fastify instance serving the API (not yet listening). */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const fastify = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Request ids double as Mattermost's request_id, so they have the id shape.
    genReqId: () => newId(),
    routerOptions: { ignoreTrailingSlash: true },
  });
  registerApiRoutes(fastify, options.app, options.limits);
  return fastify;
}
