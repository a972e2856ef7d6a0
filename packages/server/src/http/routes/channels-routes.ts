/** `/api/v4/channels…`: creating channels, reading them and their posts, adding members. */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import type { ChannelType } from "../../app/models/channel.js";
import { DEFAULT_POSTS_PER_PAGE } from "../../app/posts-service.js";
import { requireSession } from "../authenticate.js";
import { idField, idParam, intQuery, objectBody, stringField } from "../request-input.js";

/** Adds POST /channels, GET /channels/:channel_id, POST …/members, GET …/posts. */
export function registerChannelsRoutes(fastify: FastifyInstance, app: App): void {
  fastify.post("/api/v4/channels", async (request, reply) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "channel");
    const channel = await app.channels.createChannel(
      {
        team_id: idField(body, "team_id"),
        name: stringField(body, "name", true),
        display_name: stringField(body, "display_name", true),
        type: stringField(body, "type", true) as ChannelType,
        header: stringField(body, "header"),
        purpose: stringField(body, "purpose"),
      },
      session.user_id,
    );
    return reply.code(201).send(channel);
  });

  fastify.get("/api/v4/channels/:channel_id", async (request) => {
    const session = await requireSession(request, app);
    return app.channels.requireViewable(idParam(request, "channel_id"), session.user_id);
  });

  fastify.post("/api/v4/channels/:channel_id/members", async (request, reply) => {
    const session = await requireSession(request, app);
    const channelId = idParam(request, "channel_id");
    const body = objectBody(request, "channel_member");
    const member = await app.channels.addMember(channelId, idField(body, "user_id"), { actorId: session.user_id });
    return reply.code(201).send(member);
  });

  fastify.get("/api/v4/channels/:channel_id/posts", async (request) => {
    const session = await requireSession(request, app);
    const channelId = idParam(request, "channel_id");
    const page = intQuery(request, "page", 0);
    const perPage = intQuery(request, "per_page", DEFAULT_POSTS_PER_PAGE);
    await app.channels.requireMember(channelId, session.user_id);
    return app.posts.getPostsForChannel(channelId, { page, perPage });
  });
}
