/**
 * Personal access tokens (`/api/v4/users/{user_id}/tokens`, `/users/tokens/…`) and bots
 * (`/api/v4/bots`). A bot is driven by tokens created for it; both answer Mattermost's JSON.
 */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { appError } from "../../app/app-error.js";
import { requireSession } from "../authenticate.js";
import { ACCESS_TOKEN_FIELDS, BOT_FIELDS } from "../model-fields.js";
import { idField, idParam, integerField, knownFields, objectBody, stringField, userIdParam } from "../request-input.js";

/** Adds token creation, listing, lookup and revocation, and bot creation and lookup. */
export function registerAccessTokensRoutes(fastify: FastifyInstance, app: App): void {
  fastify.post("/api/v4/users/:user_id/tokens", async (request) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "user_access_token");
    knownFields(body, "user_access_token", ACCESS_TOKEN_FIELDS);
    const expiresAt = integerField(body, "expires_at");
    return app.accessTokens.createToken(userIdParam(request, session.user_id), stringField(body, "description", true), {
      actorId: session.user_id, ...(expiresAt === undefined ? {} : { expiresAt }),
    });
  });

  fastify.get("/api/v4/users/:user_id/tokens", async (request) => {
    const session = await requireSession(request, app);
    const userId = userIdParam(request, session.user_id);
    if (userId !== session.user_id && !(await app.users.isSystemAdmin(session.user_id))) {
      throw appError("api.context.permissions.app_error", { where: "getUserAccessTokens", detailedError: "read_user_access_token permission required" });
    }
    return app.accessTokens.getTokensForUser(userId);
  });

  fastify.get("/api/v4/users/tokens/:token_id", async (request) => {
    const session = await requireSession(request, app);
    const token = await app.accessTokens.getToken(idParam(request, "token_id"));
    if (token.user_id !== session.user_id && !(await app.users.isSystemAdmin(session.user_id))) {
      throw appError("app.user_access_token.get.app_error", { where: "getUserAccessToken" });
    }
    return token;
  });

  fastify.post("/api/v4/users/tokens/revoke", async (request) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "token_id");
    await app.accessTokens.revokeToken(idField(body, "token_id"), { actorId: session.user_id });
    return { status: "OK" };
  });

  fastify.post("/api/v4/bots", async (request, reply) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "bot");
    knownFields(body, "bot", BOT_FIELDS);
    const bot = await app.bots.createBot(
      { username: stringField(body, "username", true), display_name: stringField(body, "display_name"), description: stringField(body, "description") },
      session.user_id,
    );
    return reply.code(201).send(bot);
  });

  fastify.get("/api/v4/bots/:bot_user_id", async (request) => {
    await requireSession(request, app);
    return app.bots.getBot(idParam(request, "bot_user_id"));
  });
}
