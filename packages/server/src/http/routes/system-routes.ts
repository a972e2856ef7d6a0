/**
 * `/api/v4/system/ping`: the unauthenticated liveness check Mattermost clients call first.
 * The version travels in the `X-Version-Id` header like on every response.
 */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";

/** Adds GET /system/ping. */
export function registerSystemRoutes(fastify: FastifyInstance, _app: App): void {
  fastify.get("/api/v4/system/ping", async () => ({ status: "OK" }));
}
