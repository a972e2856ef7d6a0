/**
 * `/api/v4/users/{user_id}/status` and `/api/v4/users/status/ids`: presence. Anyone signed in may
 * read statuses; a user sets their own, a system admin anyone's.
 */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { appError } from "../../app/app-error.js";
import { requireSession } from "../authenticate.js";
import { STATUS_FIELDS } from "../model-fields.js";
import { idArrayBody, integerField, knownFields, objectBody, stringField, userIdParam } from "../request-input.js";

/** Adds GET/PUT /users/:user_id/status and POST /users/status/ids. */
export function registerStatusRoutes(fastify: FastifyInstance, app: App): void {
  fastify.get("/api/v4/users/:user_id/status", async (request) => {
    const session = await requireSession(request, app);
    return app.statuses.getStatus(userIdParam(request, session.user_id));
  });

  fastify.post("/api/v4/users/status/ids", async (request) => {
    await requireSession(request, app);
    return app.statuses.getStatuses(idArrayBody(request, "user_ids", 200));
  });

  fastify.put("/api/v4/users/:user_id/status", async (request) => {
    const session = await requireSession(request, app);
    const userId = userIdParam(request, session.user_id);
    const body = objectBody(request, "status");
    knownFields(body, "status", STATUS_FIELDS);
    if (body["user_id"] !== undefined && body["user_id"] !== userId) {
      throw appError("api.context.invalid_body_param.app_error", { where: "updateStatus", params: { Name: "user_id" } });
    }
    if (userId !== session.user_id && !(await app.users.isSystemAdmin(session.user_id))) {
      throw appError("api.context.permissions.app_error", { where: "updateStatus", detailedError: "edit_other_users permission required" });
    }
    const dndEndTime = integerField(body, "dnd_end_time");
    return app.statuses.setStatus(userId, stringField(body, "status", true), dndEndTime === undefined ? {} : { dndEndTime });
  });
}
