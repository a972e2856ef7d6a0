/**
 * `/api/v4/channels…`: creating channels (and direct messages), reading and listing them, their
 * posts, and their members. Reading posts and members follows Mattermost: posts need membership,
 * a public channel's metadata and members are visible to its team.
 */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { appError } from "../../app/app-error.js";
import type { ChannelType } from "../../app/models/channel.js";
import { DEFAULT_POSTS_PER_PAGE } from "../../app/posts-service.js";
import { requireSession } from "../authenticate.js";
import { CHANNEL_FIELDS, CHANNEL_MEMBER_FIELDS } from "../model-fields.js";
import { idArrayBody, idField, idParam, knownFields, objectBody, pagingQuery, stringField, stringParam, stringQuery, userIdParam } from "../request-input.js";
import { isValidId } from "../../app/new-id.js";

/** Adds the channel, direct-message, channel-member and channel-posts routes. */
export function registerChannelsRoutes(fastify: FastifyInstance, app: App): void {
  fastify.post("/api/v4/channels", async (request, reply) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "channel");
    knownFields(body, "channel", CHANNEL_FIELDS);
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

  fastify.post("/api/v4/channels/direct", async (request, reply) => {
    const session = await requireSession(request, app);
    const channel = await app.channelMembers.createDirectChannel(idArrayBody(request, "user_ids", 2), { actorId: session.user_id });
    return reply.code(201).send(channel);
  });

  fastify.get("/api/v4/channels/:channel_id", async (request) => {
    const session = await requireSession(request, app);
    return app.channels.requireViewable(idParam(request, "channel_id"), session.user_id);
  });

  fastify.get("/api/v4/teams/:team_id/channels", async (request) => {
    const session = await requireSession(request, app);
    const teamId = idParam(request, "team_id");
    const { page, perPage } = pagingQuery(request);
    if (!(await app.teams.isMember(teamId, session.user_id)) && !(await app.users.isSystemAdmin(session.user_id))) {
      await app.teams.getTeam(teamId);
      throw appError("api.context.permissions.app_error", { where: "getPublicChannelsForTeam", detailedError: "list_team_channels permission required" });
    }
    return app.channelMembers.getPublicChannels(teamId, page, perPage);
  });

  fastify.get("/api/v4/teams/:team_id/channels/name/:channel_name", async (request) => {
    const session = await requireSession(request, app);
    const channel = await app.channels.getChannelByName(idParam(request, "team_id"), stringParam(request, "channel_name"));
    return app.channels.requireViewable(channel.id, session.user_id);
  });

  fastify.get("/api/v4/users/:user_id/teams/:team_id/channels", async (request) => {
    const session = await requireSession(request, app);
    const userId = userIdParam(request, session.user_id);
    if (userId !== session.user_id && !(await app.users.isSystemAdmin(session.user_id))) {
      throw appError("api.context.permissions.app_error", { where: "getChannelsForTeamForUser", detailedError: "you may only list your own channels" });
    }
    return app.channelMembers.getChannelsForUser(userId, idParam(request, "team_id"));
  });

  fastify.post("/api/v4/channels/:channel_id/members", async (request, reply) => {
    const session = await requireSession(request, app);
    const channelId = idParam(request, "channel_id");
    const body = objectBody(request, "channel_member");
    knownFields(body, "channel_member", CHANNEL_MEMBER_FIELDS);
    if (body["channel_id"] !== undefined && body["channel_id"] !== channelId) {
      throw appError("api.context.invalid_body_param.app_error", { where: "addChannelMember", params: { Name: "channel_id" } });
    }
    const many = body["user_ids"];
    if (many !== undefined) {
      if (!Array.isArray(many) || many.length === 0 || many.length > 100 || !many.every(isValidId)) {
        throw appError("api.context.invalid_body_param.app_error", { where: "addChannelMember", params: { Name: "user_ids" } });
      }
      const members = [];
      for (const userId of many) members.push(await app.channels.addMember(channelId, userId, { actorId: session.user_id }));
      return reply.code(201).send(members);
    }
    const member = await app.channels.addMember(channelId, idField(body, "user_id"), { actorId: session.user_id });
    return reply.code(201).send(member);
  });

  fastify.get("/api/v4/channels/:channel_id/members", async (request) => {
    const session = await requireSession(request, app);
    const channelId = idParam(request, "channel_id");
    const { page, perPage } = pagingQuery(request);
    await app.channels.requireViewable(channelId, session.user_id);
    return app.channelMembers.getMembers(channelId, page, perPage);
  });

  fastify.get("/api/v4/channels/:channel_id/members/:user_id", async (request) => {
    const session = await requireSession(request, app);
    const channelId = idParam(request, "channel_id");
    const userId = userIdParam(request, session.user_id);
    await app.channels.requireViewable(channelId, session.user_id);
    return app.channels.getMember(channelId, userId);
  });

  fastify.delete("/api/v4/channels/:channel_id/members/:user_id", async (request) => {
    const session = await requireSession(request, app);
    await app.channelMembers.removeMember(idParam(request, "channel_id"), userIdParam(request, session.user_id), { actorId: session.user_id });
    return { status: "OK" };
  });

  fastify.get("/api/v4/channels/:channel_id/posts", async (request) => {
    const session = await requireSession(request, app);
    const channelId = idParam(request, "channel_id");
    const { page, perPage } = pagingQuery(request, DEFAULT_POSTS_PER_PAGE);
    const since = stringQuery(request, "since");
    const before = stringQuery(request, "before");
    const after = stringQuery(request, "after");
    for (const [name, value] of [["before", before], ["after", after]] as const) {
      if (value !== undefined && value !== "" && !isValidId(value)) {
        throw appError("api.context.invalid_url_param.app_error", { where: "getPostsForChannel", params: { Name: name } });
      }
    }
    await app.channels.requireMember(channelId, session.user_id);
    if (since !== undefined && since !== "") {
      if (!/^\d{1,15}$/.test(since)) throw appError("api.context.invalid_url_param.app_error", { where: "getPostsForChannel", params: { Name: "since" } });
      return app.posts.consumePostList(await app.posts.getPostsSince(channelId, Number(since)));
    }
    if (before || after) {
      return app.posts.consumePostList(await app.posts.getPostsAround(channelId, (before || after)!, before ? "before" : "after", { page, perPage }));
    }
    return app.posts.consumePostList(await app.posts.getPostsForChannel(channelId, { page, perPage }));
  });
}
