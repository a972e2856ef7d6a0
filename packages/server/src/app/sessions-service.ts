/**
 * Login sessions: exchanging credentials for a bearer token and resolving tokens on each request.
 *
 * Tokens are 128-bit random ids, stored as-is (like Mattermost) so that a token can be revoked by
 * deleting its row. Expired sessions are deleted when they are presented. `last_activity_at` is
 * written at most once per {@link ACTIVITY_WRITE_INTERVAL_MS} so reads do not turn into writes.
 */
import { randomBytes } from "node:crypto";
import type { AppContext } from "./app-context.js";
import { parseJsonObject } from "./app-context.js";
import { appError } from "./app-error.js";
import { notifyHook } from "./app-hooks.js";
import { withDbErrors } from "./map-db-error.js";
import { SESSION_CSRF_PROP, type Session } from "./models/session.js";
import type { User } from "./models/user.js";
import { isValidId, newId } from "./new-id.js";
import type { UsersService } from "./users-service.js";
import type { SessionsTable } from "../store/schema.js";

/** Web session length: 30 days, Mattermost's default SessionLengthWebInHours. */
export const SESSION_LENGTH_MS = 30 * 24 * 60 * 60 * 1000;
/** Minimum gap between two writes of a session's last_activity_at. */
export const ACTIVITY_WRITE_INTERVAL_MS = 5 * 60 * 1000;

/** How a new session is labelled and how long it lives. */
export interface CreateSessionOptions {
  deviceId?: string;
  /** Session lifetime; 0 means "never expires" (for bot or plugin sessions). */
  lengthMs?: number;
}

/** Sessions as the HTTP layer and the plugin host need them. */
export interface SessionsService {
  /** Logs in by username or email; 401 on bad credentials, 400 when a UserWillLogIn plugin refuses. */
  login(loginId: string, password: string, options?: CreateSessionOptions): Promise<{ session: Session; user: User }>;
  /** Opens a session for a known user without a password (tests, bot tokens, trusted callers). */
  createSession(userId: string, options?: CreateSessionOptions): Promise<Session>;
  /** Resolves a token; 401 `api.context.session_expired.app_error` if unknown or expired. */
  getSession(token: string): Promise<Session>;
  /** Deletes the session with this token (logout); unknown tokens are ignored. */
  revokeSession(token: string): Promise<void>;
  /** Deletes every session of a user, e.g. after a password change. */
  revokeAllSessions(userId: string): Promise<void>;
  /** A session by its id, expired or not; 400 `app.session.get.app_error` if there is none (as Mattermost). */
  getSessionById(sessionId: string): Promise<Session>;
  /**
   * Stores a session a trusted caller (a plugin) describes, as Mattermost's CreateSession: the
   * server picks id, token, create_at and last_activity_at; user, roles, expiry, device, flags and
   * props are the caller's.
   */
  createSessionFrom(input: SessionInput): Promise<Session>;
  /** Sets a session's expires_at (0: never); 400 if there is no such session. */
  extendSessionExpiry(sessionId: string, expiresAt: number): Promise<void>;
  /** Deletes a session by id; 400 if there is none. */
  revokeSessionById(sessionId: string): Promise<void>;
}

/** What a caller of {@link SessionsService.createSessionFrom} may choose. */
export type SessionInput = Partial<Omit<Session, "token" | "create_at" | "last_activity_at">> & { user_id: string };

/** Mattermost's UserRolesMaxLength, the limit of a session's roles. */
const SESSION_ROLES_MAX = 256;

function sessionFromRow(row: SessionsTable): Session {
  return {
    id: row.id, token: row.token, user_id: row.user_id, create_at: row.create_at,
    expires_at: row.expires_at, last_activity_at: row.last_activity_at, device_id: row.device_id,
    roles: row.roles, is_oauth: row.is_oauth !== 0, expired_notify: row.expired_notify !== 0, props: parseJsonObject(row.props),
  };
}

/** Builds the service; credentials are checked by the users service, which alone sees hashes. */
export function createSessionsService(ctx: AppContext, users: UsersService): SessionsService {
  async function createSession(user: User, options: CreateSessionOptions = {}): Promise<Session> {
    const now = ctx.now();
    const length = options.lengthMs ?? SESSION_LENGTH_MS;
    const row: SessionsTable = {
      id: newId(), token: newId(), user_id: user.id, create_at: now,
      expires_at: length === 0 ? 0 : now + length, last_activity_at: now,
      device_id: options.deviceId ?? "", roles: user.roles, is_oauth: 0, expired_notify: 0,
      props: JSON.stringify({ [SESSION_CSRF_PROP]: randomBytes(16).toString("hex") }),
    };
    await withDbErrors("createSession", {}, () => ctx.db.insertInto("sessions").values(row).execute());
    return sessionFromRow(row);
  }

  async function sessionById(sessionId: string): Promise<Session> {
    const row = isValidId(sessionId) ? await ctx.db.selectFrom("sessions").selectAll().where("id", "=", sessionId).executeTakeFirst() : undefined;
    if (!row) throw appError("app.session.get.app_error", { where: "getSessionById", detailedError: `session_id=${String(sessionId)}` });
    return sessionFromRow(row);
  }

  return {
    async login(loginId, password, options) {
      const user = await users.checkCredentials(loginId, password);
      const willLogIn = ctx.hooks().userWillLogIn;
      if (willLogIn) {
        const verdict = await willLogIn.call(ctx.hooks(), user);
        if (verdict.kind === "reject") {
          throw appError("plugin.user_will_log_in.reject", { where: "login", params: { Reason: verdict.reason } });
        }
      }
      const session = await createSession(user, options);
      notifyHook(ctx.hooks(), "userHasLoggedIn", user);
      return { session, user };
    },

    async createSession(userId, options) {
      return createSession(await users.getUser(userId), options);
    },

    async getSession(token) {
      const expired = (detail: string) =>
        appError("api.context.session_expired.app_error", { where: "getSession", detailedError: detail });
      if (typeof token !== "string" || token.length === 0) throw expired("no token");
      const row = await ctx.db.selectFrom("sessions").selectAll().where("token", "=", token).executeTakeFirst();
      if (!row) throw expired("unknown token");
      const now = ctx.now();
      if (row.expires_at !== 0 && row.expires_at <= now) {
        await ctx.db.deleteFrom("sessions").where("id", "=", row.id).execute();
        throw expired("session expired");
      }
      if (now - row.last_activity_at >= ACTIVITY_WRITE_INTERVAL_MS) {
        await ctx.db.updateTable("sessions").set({ last_activity_at: now }).where("id", "=", row.id).execute();
        row.last_activity_at = now;
      }
      return sessionFromRow(row);
    },

    async revokeSession(token) {
      await ctx.db.deleteFrom("sessions").where("token", "=", token).execute();
    },

    getSessionById: sessionById,

    async createSessionFrom(input) {
      const where = "createSession";
      // Mattermost's session store refuses a session that already has an id.
      if (input.id) throw appError("app.session.save.existing.app_error", { where, detailedError: `id=${input.id}` });
      if (!isValidId(input.user_id)) throw appError("model.session.is_valid.user_id.app_error", { where });
      const roles = input.roles ?? "";
      if (roles.length > SESSION_ROLES_MAX) throw appError("model.session.is_valid.roles_limit.app_error", { where, params: { Limit: SESSION_ROLES_MAX } });
      const expiresAt = input.expires_at ?? 0;
      if (!Number.isSafeInteger(expiresAt) || expiresAt < 0) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "expires_at" } });
      const user = await users.getUser(input.user_id);
      const now = ctx.now();
      const row: SessionsTable = {
        id: newId(), token: newId(), user_id: user.id, create_at: now, expires_at: expiresAt, last_activity_at: now,
        device_id: input.device_id ?? "", roles, is_oauth: input.is_oauth ? 1 : 0, expired_notify: input.expired_notify ? 1 : 0,
        props: JSON.stringify(input.props ?? {}),
      };
      await withDbErrors(where, {}, () => ctx.db.insertInto("sessions").values(row).execute());
      return sessionFromRow(row);
    },

    async extendSessionExpiry(sessionId, expiresAt) {
      const where = "extendSessionExpiry";
      if (!Number.isSafeInteger(expiresAt) || expiresAt < 0) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "new_expiry" } });
      const session = await sessionById(sessionId);
      await ctx.db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", session.id).execute();
    },

    async revokeSessionById(sessionId) {
      const session = await sessionById(sessionId);
      await ctx.db.deleteFrom("sessions").where("id", "=", session.id).execute();
    },

    async revokeAllSessions(userId) {
      await ctx.db.deleteFrom("sessions").where("user_id", "=", userId).execute();
    },
  };
}
