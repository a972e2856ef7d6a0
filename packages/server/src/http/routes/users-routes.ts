/**
 * `/api/v4/users…`: open sign-up, login/logout, reading, listing, patching and deactivating users.
 *
 * Login answers like Mattermost: the user in the body, the session token in the `Token` response
 * header (for API clients) and in the `MMAUTHTOKEN` cookie (for browsers), plus `MMUSERID` and
 * `MMCSRF` cookies readable by the web app.
 */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { SESSION_LENGTH_MS } from "../../app/sessions-service.js";
import { SESSION_CSRF_PROP } from "../../app/models/session.js";
import { AUTH_COOKIE, CSRF_COOKIE, USER_ID_COOKIE, readToken, requireSession } from "../authenticate.js";
import { serializeCookie } from "../cookies.js";
import { appError } from "../../app/app-error.js";
import { LOGIN_FIELDS, USER_FIELDS } from "../model-fields.js";
import { booleanField, idArrayBody, idQuery, knownFields, objectBody, objectField, pagingQuery, stringField, stringParam, userIdParam } from "../request-input.js";

/** Adds the users routes; login sets cookies Secure when the site URL is https. */
export function registerUsersRoutes(fastify: FastifyInstance, app: App): void {
  const secure = app.siteUrl.startsWith("https://");

  fastify.post("/api/v4/users", async (request, reply) => {
    const body = objectBody(request, "user");
    knownFields(body, "user", USER_FIELDS);
    const props = objectField(body, "props");
    const user = await app.users.createUser({
      username: stringField(body, "username", true),
      email: stringField(body, "email", true),
      password: stringField(body, "password", true),
      nickname: stringField(body, "nickname"),
      first_name: stringField(body, "first_name"),
      last_name: stringField(body, "last_name"),
      position: stringField(body, "position"),
      locale: stringField(body, "locale"),
      props: props === undefined ? undefined : Object.fromEntries(Object.entries(props).map(([k, v]) => [k, String(v)])),
    });
    return reply.code(201).send(user);
  });

  fastify.post("/api/v4/users/login", async (request, reply) => {
    const body = objectBody(request, "login");
    knownFields(body, "login", LOGIN_FIELDS);
    const { session, user } = await app.sessions.login(stringField(body, "login_id", true), stringField(body, "password", true), {
      deviceId: stringField(body, "device_id") ?? stringField(body, "deviceId"),
    });
    const maxAge = SESSION_LENGTH_MS / 1000;
    reply.header("Token", session.token);
    reply.header("Set-Cookie", [
      serializeCookie(AUTH_COOKIE, session.token, { maxAge, httpOnly: true, secure }),
      serializeCookie(USER_ID_COOKIE, user.id, { maxAge, secure }),
      serializeCookie(CSRF_COOKIE, session.props[SESSION_CSRF_PROP] ?? "", { maxAge, secure }),
    ]);
    return reply.code(200).send(user);
  });

  // Logout works without a valid session (it is idempotent) and always clears the cookies.
  fastify.post("/api/v4/users/logout", async (request, reply) => {
    const presented = readToken(request);
    if (presented) await app.sessions.revokeSession(presented.token);
    reply.header("Set-Cookie", [AUTH_COOKIE, USER_ID_COOKIE, CSRF_COOKIE].map((name) => serializeCookie(name, "", { maxAge: 0, secure })));
    return { status: "OK" };
  });

  fastify.get("/api/v4/users/me", async (request) => {
    const session = await requireSession(request, app);
    return app.users.getUser(session.user_id);
  });

  fastify.get("/api/v4/users/:user_id", async (request) => {
    const session = await requireSession(request, app);
    return app.users.getUser(userIdParam(request, session.user_id));
  });

  fastify.get("/api/v4/users/username/:username", async (request) => {
    await requireSession(request, app);
    return app.users.getUserByUsername(stringParam(request, "username"));
  });

  fastify.get("/api/v4/users/email/:email", async (request) => {
    await requireSession(request, app);
    return app.users.getUserByEmail(stringParam(request, "email"));
  });

  fastify.get("/api/v4/users", async (request) => {
    await requireSession(request, app);
    const { page, perPage } = pagingQuery(request);
    return app.userProfiles.getUsers({ page, perPage, inTeam: idQuery(request, "in_team"), inChannel: idQuery(request, "in_channel") });
  });

  fastify.post("/api/v4/users/ids", async (request) => {
    await requireSession(request, app);
    return app.userProfiles.getUsersByIds(idArrayBody(request, "user_ids", 200));
  });

  fastify.put("/api/v4/users/:user_id/patch", async (request) => {
    const session = await requireSession(request, app);
    const userId = userIdParam(request, session.user_id);
    const body = objectBody(request, "user");
    knownFields(body, "user", USER_FIELDS);
    const maps = Object.fromEntries(
      (["props", "notify_props", "timezone"] as const).map((name) => [name, objectField(body, name) as Record<string, string> | undefined]),
    );
    if (body["id"] !== undefined && body["id"] !== userId) {
      throw appError("api.context.invalid_body_param.app_error", { where: "patchUser", params: { Name: "id" } });
    }
    return app.userProfiles.patchUser(
      userId,
      {
        username: stringField(body, "username"), email: stringField(body, "email"), nickname: stringField(body, "nickname"),
        first_name: stringField(body, "first_name"), last_name: stringField(body, "last_name"), position: stringField(body, "position"),
        locale: stringField(body, "locale"), props: maps["props"], notify_props: maps["notify_props"], timezone: maps["timezone"],
      },
      { actorId: session.user_id },
    );
  });

  // Deactivation (Mattermost's DELETE /users/{id} and PUT /users/{id}/active): a soft delete that
  // logs the user out and fires UserHasBeenDeactivated. Only system admins (Mattermost's
  // manage_system; self-deactivation is off by default there, EnableUserDeactivation = false).
  const requireAdmin = async (actorId: string, where: string) => {
    if (!(await app.users.isSystemAdmin(actorId))) {
      throw appError("api.context.permissions.app_error", { where, detailedError: "manage_system permission required" });
    }
  };

  fastify.delete("/api/v4/users/:user_id", async (request) => {
    const session = await requireSession(request, app);
    const userId = userIdParam(request, session.user_id);
    await requireAdmin(session.user_id, "deleteUser");
    await app.userAccounts.setActive(userId, false);
    return { status: "OK" };
  });

  fastify.put("/api/v4/users/:user_id/active", async (request) => {
    const session = await requireSession(request, app);
    const userId = userIdParam(request, session.user_id);
    const body = objectBody(request, "active");
    const active = booleanField(body, "active");
    if (active === undefined) throw appError("api.context.invalid_body_param.app_error", { where: "updateUserActive", params: { Name: "active" } });
    await requireAdmin(session.user_id, "updateUserActive");
    await app.userAccounts.setActive(userId, active);
    return { status: "OK" };
  });
}
