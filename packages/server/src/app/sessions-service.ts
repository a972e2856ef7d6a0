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
import { newId } from "./new-id.js";
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
  /** Logs in by username or email; 401 on bad credentials. */
  login(loginId: string, password: string, options?: CreateSessionOptions): Promise<{ session: Session; user: User }>;
  /** Opens a session for a known user without a password (tests, bot tokens, trusted callers). */
  createSession(userId: string, options?: CreateSessionOptions): Promise<Session>;
  /** Resolves a token; 401 `api.context.session_expired.app_error` if unknown or expired. */
  getSession(token: string): Promise<Session>;
  /** Deletes the session with this token (logout); unknown tokens are ignored. */
  revokeSession(token: string): Promise<void>;
  /** Deletes every session of a user, e.g. after a password change. */
  revokeAllSessions(userId: string): Promise<void>;
}

function sessionFromRow(row: SessionsTable): Session {
  return {
    id: row.id, token: row.token, user_id: row.user_id, create_at: row.create_at,
    expires_at: row.expires_at, last_activity_at: row.last_activity_at, device_id: row.device_id,
    roles: row.roles, props: parseJsonObject(row.props),
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
      device_id: options.deviceId ?? "", roles: user.roles,
      props: JSON.stringify({ [SESSION_CSRF_PROP]: randomBytes(16).toString("hex") }),
    };
    await withDbErrors("createSession", {}, () => ctx.db.insertInto("sessions").values(row).execute());
    return sessionFromRow(row);
  }

  return {
    async login(loginId, password, options) {
      const user = await users.checkCredentials(loginId, password);
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

    async revokeAllSessions(userId) {
      await ctx.db.deleteFrom("sessions").where("user_id", "=", userId).execute();
    },
  };
}
