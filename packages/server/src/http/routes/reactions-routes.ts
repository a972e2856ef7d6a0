/**
 * Reactions: POST /api/v4/reactions, DELETE /api/v4/users/{user_id}/posts/{post_id}/reactions/{emoji_name},
 * GET /api/v4/posts/{post_id}/reactions — Mattermost's paths and Reaction JSON.
 */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { requireSession } from "../authenticate.js";
import { REACTION_FIELDS } from "../model-fields.js";
import { idField, idParam, knownFields, objectBody, stringField, stringParam, userIdParam } from "../request-input.js";

/** Adds the three reaction routes. */
export function registerReactionsRoutes(fastify: FastifyInstance, app: App): void {
  fastify.post("/api/v4/reactions", async (request) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "reaction");
    knownFields(body, "reaction", REACTION_FIELDS);
    return app.reactions.saveReaction(
      { user_id: idField(body, "user_id"), post_id: idField(body, "post_id"), emoji_name: stringField(body, "emoji_name", true) },
      { actorId: session.user_id },
    );
  });

  fastify.delete("/api/v4/users/:user_id/posts/:post_id/reactions/:emoji_name", async (request) => {
    const session = await requireSession(request, app);
    await app.reactions.deleteReaction(
      { user_id: userIdParam(request, session.user_id), post_id: idParam(request, "post_id"), emoji_name: stringParam(request, "emoji_name") },
      { actorId: session.user_id },
    );
    return { status: "OK" };
  });

  fastify.get("/api/v4/posts/:post_id/reactions", async (request) => {
    const session = await requireSession(request, app);
    const post = await app.posts.getPost(idParam(request, "post_id"));
    await app.channels.requireMember(post.channel_id, session.user_id);
    return app.reactions.getReactions(post.id);
  });
}
