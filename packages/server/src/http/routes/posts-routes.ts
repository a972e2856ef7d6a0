/**
 * `/api/v4/posts…`. The author is always the session's user (a `user_id` in the body is ignored,
 * as in Mattermost) and must be a member of the channel.
 */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { appError } from "../../app/app-error.js";
import { requireSession } from "../authenticate.js";
import { idField, idParam, objectBody, objectField, stringField } from "../request-input.js";

/** Adds POST /posts and GET /posts/:post_id. */
export function registerPostsRoutes(fastify: FastifyInstance, app: App): void {
  fastify.post("/api/v4/posts", async (request, reply) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "post");
    const fileIds = body["file_ids"];
    if (fileIds !== undefined && fileIds !== null && !Array.isArray(fileIds)) {
      throw appError("api.context.invalid_body_param.app_error", { where: "createPost", params: { Name: "file_ids" } });
    }
    const post = await app.posts.createPost(
      {
        channel_id: idField(body, "channel_id"),
        user_id: session.user_id,
        message: stringField(body, "message") ?? "",
        root_id: stringField(body, "root_id"),
        type: stringField(body, "type"),
        props: objectField(body, "props"),
        file_ids: Array.isArray(fileIds) ? (fileIds as string[]) : undefined,
        pending_post_id: stringField(body, "pending_post_id"),
      },
      { checkMembership: true },
    );
    return reply.code(201).send(post);
  });

  fastify.get("/api/v4/posts/:post_id", async (request) => {
    const session = await requireSession(request, app);
    const post = await app.posts.getPost(idParam(request, "post_id"));
    await app.channels.requireMember(post.channel_id, session.user_id);
    return post;
  });
}
