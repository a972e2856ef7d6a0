/**
 * `/api/v4/users/{user_id}/preferences…`: a user's client preferences. Users read and write their
 * own; system admins anyone's (Mattermost's edit_other_users).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { App } from "../../app/app.js";
import { appError } from "../../app/app-error.js";
import { isJsonObject } from "../../app/app-context.js";
import type { Preference } from "../../app/models/preference.js";
import { requireSession } from "../authenticate.js";
import { PREFERENCE_FIELDS } from "../model-fields.js";
import { arrayBody, knownFields, stringParam, userIdParam } from "../request-input.js";

/** Adds GET/PUT preferences, POST …/preferences/delete and the by-category reads. */
export function registerPreferencesRoutes(fastify: FastifyInstance, app: App): void {
  async function owner(request: FastifyRequest): Promise<string> {
    const session = await requireSession(request, app);
    const userId = userIdParam(request, session.user_id);
    if (userId !== session.user_id && !(await app.users.isSystemAdmin(session.user_id))) {
      throw appError("api.context.permissions.app_error", { where: "preferences", detailedError: "edit_other_users permission required" });
    }
    return userId;
  }

  function preferencesBody(request: FastifyRequest): Preference[] {
    return arrayBody(request, "preferences", 1000).map((item) => {
      if (!isJsonObject(item)) throw appError("api.context.invalid_body_param.app_error", { where: "preferences", params: { Name: "preferences" } });
      knownFields(item, "preferences", PREFERENCE_FIELDS);
      return item as unknown as Preference;
    });
  }

  fastify.get("/api/v4/users/:user_id/preferences", async (request) => app.preferences.getPreferences(await owner(request)));

  fastify.put("/api/v4/users/:user_id/preferences", async (request) => {
    const userId = await owner(request);
    await app.preferences.savePreferences(userId, preferencesBody(request));
    return { status: "OK" };
  });

  fastify.post("/api/v4/users/:user_id/preferences/delete", async (request) => {
    const userId = await owner(request);
    await app.preferences.deletePreferences(userId, preferencesBody(request));
    return { status: "OK" };
  });

  fastify.get("/api/v4/users/:user_id/preferences/:category", async (request) =>
    app.preferences.getPreferences(await owner(request), stringParam(request, "category")),
  );

  fastify.get("/api/v4/users/:user_id/preferences/:category/name/:preference_name", async (request) =>
    app.preferences.getPreference(await owner(request), stringParam(request, "category"), stringParam(request, "preference_name")),
  );
}
