/**
 * Personal access tokens — and through them, bot tokens (Mattermost's /users/{id}/tokens).
 *
 * A token is a long-lived bearer secret for one user. Presenting it the first time opens a
 * never-expiring session whose token *is* the access token (as Mattermost's
 * createSessionForUserAccessToken does), so every later request resolves like any session, and
 * revoking the token deletes that session with it. Who may create tokens: the user for themselves,
 * a bot's owner for the bot, and system admins for anyone.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { withDbErrors } from "./map-db-error.js";
import { SESSION_CSRF_PROP, type Session } from "./models/session.js";
import type { UserAccessToken } from "./models/user-access-token.js";
import { newId } from "./new-id.js";
import { isSystemAdmin } from "./role-checks.js";
import type { UsersService } from "./users-service.js";
import type { UserAccessTokensTable } from "../store/schema.js";

/** Session prop marking a session opened by an access token (Mattermost's SessionPropType). */
export const SESSION_TYPE_PROP = "type";
export const SESSION_TYPE_USER_ACCESS_TOKEN = "UserAccessToken";

/** Who creates a token and how it may look. */
export interface CreateTokenOptions {
  /** The user acting (checked: themselves, the bot's owner, or a system admin); none for trusted callers. */
  actorId?: string;
  /** Epoch ms after which the token stops working; 0 (default) never. */
  expiresAt?: number;
  /**
   * Accept an empty description, as Mattermost's model does for the Plugin API; REST requires
   * one, as Mattermost's handler does.
   */
  allowEmptyDescription?: boolean;
}

/** Tokens as REST and authentication need them. */
export interface AccessTokensService {
  /** Creates a token for `userId`; the result is the only place the secret appears. */
  createToken(userId: string, description: string, options?: CreateTokenOptions): Promise<UserAccessToken>;
  /** A user's tokens, without secrets. */
  getTokensForUser(userId: string): Promise<UserAccessToken[]>;
  /** One token without its secret; 404 if absent. */
  getToken(tokenId: string): Promise<UserAccessToken>;
  /** Deletes the token and the session it opened. */
  revokeToken(tokenId: string, options?: { actorId?: string }): Promise<void>;
  /** The session for a presented access token, or null when it is not a usable token. */
  sessionForToken(token: string): Promise<Session | null>;
}

function tokenFromRow(row: UserAccessTokensTable, withSecret = false): UserAccessToken {
  return { id: row.id, ...(withSecret ? { token: row.token } : {}), user_id: row.user_id, description: row.description, is_active: row.is_active !== 0, expires_at: row.expires_at };
}

/** Builds the service; the users service answers "does this user exist". */
export function createAccessTokensService(ctx: AppContext, users: UsersService): AccessTokensService {
  async function checkActor(userId: string, actorId: string | undefined, where: string): Promise<void> {
    if (actorId === undefined || actorId === userId || (await isSystemAdmin(ctx, actorId))) return;
    const bot = await ctx.db.selectFrom("bots").select("owner_id").where("user_id", "=", userId).executeTakeFirst();
    if (bot?.owner_id === actorId) return;
    throw appError("api.context.permissions.app_error", { where, detailedError: `user ${actorId} may not manage tokens of ${userId}` });
  }

  async function findRow(tokenId: string): Promise<UserAccessTokensTable> {
    const row = await ctx.db.selectFrom("user_access_tokens").selectAll().where("id", "=", tokenId).executeTakeFirst();
    if (!row) throw appError("app.user_access_token.get.app_error", { where: "getToken", detailedError: `token_id=${tokenId}` });
    return row;
  }

  return {
    async createToken(userId, description, options = {}) {
      const where = "createUserAccessToken";
      await checkActor(userId, options.actorId, where);
      const user = await users.getUser(userId);
      if (typeof description !== "string" || (description.trim().length === 0 && !options.allowEmptyDescription) || description.length > 255) {
        throw appError("model.user_access_token.is_valid.description.app_error", { where });
      }
      const expiresAt = options.expiresAt ?? 0;
      if (!Number.isSafeInteger(expiresAt) || expiresAt < 0) throw appError("model.user_access_token.is_valid.expires_at.app_error", { where });
      const row: UserAccessTokensTable = { id: newId(), token: newId(), user_id: user.id, description: description.trim(), is_active: 1, expires_at: expiresAt };
      await withDbErrors(where, {}, () => ctx.db.insertInto("user_access_tokens").values(row).execute());
      return tokenFromRow(row, true);
    },

    async getTokensForUser(userId) {
      const rows = await ctx.db.selectFrom("user_access_tokens").selectAll().where("user_id", "=", userId).orderBy("id").execute();
      return rows.map((r) => tokenFromRow(r));
    },

    async getToken(tokenId) {
      return tokenFromRow(await findRow(tokenId));
    },

    async revokeToken(tokenId, options = {}) {
      const row = await findRow(tokenId);
      await checkActor(row.user_id, options.actorId, "revokeUserAccessToken");
      await withDbErrors("revokeUserAccessToken", {}, () =>
        ctx.db.transaction().execute(async (trx) => {
          await trx.deleteFrom("sessions").where("token", "=", row.token).execute();
          await trx.deleteFrom("user_access_tokens").where("id", "=", row.id).execute();
        }),
      );
    },

    async sessionForToken(token) {
      const row = await ctx.db.selectFrom("user_access_tokens").selectAll().where("token", "=", token).executeTakeFirst();
      const now = ctx.now();
      if (!row || row.is_active === 0 || (row.expires_at !== 0 && row.expires_at <= now)) return null;
      const user = await ctx.db.selectFrom("users").select(["id", "roles", "delete_at"]).where("id", "=", row.user_id).executeTakeFirst();
      if (!user || user.delete_at !== 0) return null;
      const session: Session = {
        id: newId(), token: row.token, user_id: user.id, create_at: now, expires_at: row.expires_at, last_activity_at: now,
        device_id: "", roles: user.roles, is_oauth: false, expired_notify: false,
        props: { [SESSION_TYPE_PROP]: SESSION_TYPE_USER_ACCESS_TOKEN, user_access_token_id: row.id, [SESSION_CSRF_PROP]: "" },
      };
      // Two first requests may race to open the session; the loser reuses the winner's row.
      await ctx.db.insertInto("sessions").values({ ...session, is_oauth: 0, expired_notify: 0, props: JSON.stringify(session.props) }).onConflict((oc) => oc.column("token").doNothing()).execute();
      return session;
    },
  };
}
