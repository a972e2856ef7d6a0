/**
 * `/api/v4/posts…`. The author is always the session's user (a `user_id` in the body is ignored,
 * as in Mattermost) and must be a member of the channel. Edits and deletes are the author's, or a
 * channel moderator's; reading a post or its thread requires channel membership.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { App } from "../../app/app.js";
import { appError } from "../../app/app-error.js";
import type { PostEdit } from "../../app/post-changes-service.js";
import { requireSession } from "../authenticate.js";
import { POST_FIELDS } from "../model-fields.js";
import { booleanField, idField, idParam, knownFields, objectBody, objectField, stringField } from "../request-input.js";

function fileIdsField(body: Record<string, unknown>, where: string): string[] | undefined {
  const fileIds = body["file_ids"];
  if (fileIds === undefined || fileIds === null) return undefined;
  if (!Array.isArray(fileIds) || !fileIds.every((id) => typeof id === "string")) {
    throw appError("api.context.invalid_body_param.app_error", { where, params: { Name: "file_ids" } });
  }
  return fileIds as string[];
}

/** The content fields of an edit (PUT /posts/:id and PUT /posts/:id/patch take the same ones). */
function readEdit(request: FastifyRequest, postId: string): PostEdit {
  const body = objectBody(request, "post");
  knownFields(body, "post", POST_FIELDS);
  if (body["id"] !== undefined && body["id"] !== postId) {
    throw appError("api.context.invalid_body_param.app_error", { where: "editPost", params: { Name: "id" } });
  }
  const edit: PostEdit = {};
  const message = stringField(body, "message");
  const props = objectField(body, "props");
  const isPinned = booleanField(body, "is_pinned");
  const fileIds = fileIdsField(body, "editPost");
  if (message !== undefined) edit.message = message;
  if (props !== undefined) edit.props = props;
  if (isPinned !== undefined) edit.is_pinned = isPinned;
  if (fileIds !== undefined) edit.file_ids = fileIds;
  return edit;
}

/** Adds POST /posts, GET/PUT/DELETE /posts/:post_id, PUT …/patch and GET …/thread. */
export function registerPostsRoutes(fastify: FastifyInstance, app: App): void {
  fastify.post("/api/v4/posts", async (request, reply) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "post");
    knownFields(body, "post", POST_FIELDS);
    const post = await app.posts.createPost(
      {
        channel_id: idField(body, "channel_id"),
        user_id: session.user_id,
        message: stringField(body, "message") ?? "",
        root_id: stringField(body, "root_id"),
        type: stringField(body, "type"),
        props: objectField(body, "props"),
        file_ids: fileIdsField(body, "createPost"),
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
    return app.posts.consumePost(post);
  });

  fastify.put("/api/v4/posts/:post_id/patch", async (request) => {
    const session = await requireSession(request, app);
    const postId = idParam(request, "post_id");
    return app.postChanges.editPost(postId, readEdit(request, postId), { actorId: session.user_id });
  });

  fastify.put("/api/v4/posts/:post_id", async (request) => {
    const session = await requireSession(request, app);
    const postId = idParam(request, "post_id");
    return app.postChanges.editPost(postId, readEdit(request, postId), { actorId: session.user_id });
  });

  fastify.delete("/api/v4/posts/:post_id", async (request) => {
    const session = await requireSession(request, app);
    await app.postChanges.deletePost(idParam(request, "post_id"), { actorId: session.user_id });
    return { status: "OK" };
  });

  fastify.get("/api/v4/posts/:post_id/thread", async (request) => {
    const session = await requireSession(request, app);
    const postId = idParam(request, "post_id");
    const post = await app.posts.getPost(postId);
    await app.channels.requireMember(post.channel_id, session.user_id);
    return app.posts.consumePostList(await app.postChanges.getThread(postId));
  });
}
