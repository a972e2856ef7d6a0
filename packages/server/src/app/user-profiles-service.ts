/**
 * Editing and listing user profiles (Mattermost's PUT /users/{id}/patch, GET /users,
 * POST /users/ids).
 *
 * A patch is checked by the same sign-up rules as a new account (username and email shape,
 * field lengths), so an edit cannot produce a profile sign-up would refuse; users edit themselves,
 * system admins anyone. The change reaches clients as `user_updated`.
 */
import type { AppContext } from "./app-context.js";
import { isJsonObject } from "./app-context.js";
import { appError } from "./app-error.js";
import { withDbErrors } from "./map-db-error.js";
import type { User } from "./models/user.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { isSystemAdmin } from "./role-checks.js";
import { validateNewUser } from "./user-validation.js";
import { userFromRow, type UsersService } from "./users-service.js";

/** The profile fields a patch may change (Mattermost's UserPatch). */
export interface UserPatch {
  username?: string;
  email?: string;
  nickname?: string;
  first_name?: string;
  last_name?: string;
  position?: string;
  locale?: string;
  props?: Record<string, string>;
  notify_props?: Record<string, string>;
  timezone?: Record<string, string>;
}

/** Which users to list. */
export interface UserQuery {
  page: number;
  perPage: number;
  inTeam?: string;
  inChannel?: string;
}

/** Profile edits and listings. */
export interface UserProfilesService {
  patchUser(userId: string, patch: UserPatch, options?: { actorId?: string }): Promise<User>;
  getUsers(query: UserQuery): Promise<User[]>;
  /** The users that exist among `userIds` (unknown ids are skipped, as in Mattermost). */
  getUsersByIds(userIds: readonly string[]): Promise<User[]>;
}

function stringMap(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isJsonObject(value) || !Object.values(value).every((v) => typeof v === "string")) {
    throw appError("api.context.invalid_body_param.app_error", { where: "patchUser", params: { Name: name } });
  }
  return JSON.stringify(value);
}

/** Builds the service over the users service (reads) and the store (writes). */
export function createUserProfilesService(ctx: AppContext, users: UsersService): UserProfilesService {
  return {
    async patchUser(userId, patch, options = {}) {
      const where = "patchUser";
      if (options.actorId !== undefined && options.actorId !== userId && !(await isSystemAdmin(ctx, options.actorId))) {
        throw appError("api.context.permissions.app_error", { where, detailedError: "edit_other_users permission required" });
      }
      const current = await users.getUser(userId);
      // The sign-up rules, applied to the profile as it would be after the patch (no password involved).
      const valid = validateNewUser({
        username: patch.username ?? current.username, email: patch.email ?? current.email, is_bot: true,
        nickname: patch.nickname ?? current.nickname, first_name: patch.first_name ?? current.first_name,
        last_name: patch.last_name ?? current.last_name, position: patch.position ?? current.position, locale: patch.locale ?? current.locale,
      });
      const json = { props: stringMap(patch.props, "props"), notify_props: stringMap(patch.notify_props, "notify_props"), timezone: stringMap(patch.timezone, "timezone") };
      const now = ctx.now();
      await withDbErrors(
        where,
        { unique: (cols) => (cols.includes("email") ? "app.user.save.email_exists.app_error" : cols.includes("username") ? "app.user.save.username_exists.app_error" : undefined) },
        () =>
          ctx.db.updateTable("users")
            .set({
              username: valid.username, email: valid.email, nickname: valid.nickname, first_name: valid.first_name, last_name: valid.last_name,
              position: valid.position, locale: valid.locale, update_at: now,
              ...(json.props !== undefined ? { props: json.props } : {}),
              ...(json.notify_props !== undefined ? { notify_props: json.notify_props } : {}),
              ...(json.timezone !== undefined ? { timezone: json.timezone } : {}),
              ...(valid.email !== current.email ? { email_verified: 0 } : {}),
            })
            .where("id", "=", userId)
            .execute(),
      );
      const updated = await users.getUser(userId);
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.UserUpdated, { user: updated }));
      return updated;
    },

    async getUsers(query) {
      let q = ctx.db.selectFrom("users").selectAll("users").where("users.delete_at", "=", 0);
      if (query.inTeam !== undefined) {
        const teamId = query.inTeam;
        q = q.where((eb) => eb.exists(eb.selectFrom("team_members").select("team_members.user_id")
          .whereRef("team_members.user_id", "=", "users.id").where("team_members.team_id", "=", teamId).where("team_members.delete_at", "=", 0)));
      }
      if (query.inChannel !== undefined) {
        const channelId = query.inChannel;
        q = q.where((eb) => eb.exists(eb.selectFrom("channel_members").select("channel_members.user_id")
          .whereRef("channel_members.user_id", "=", "users.id").where("channel_members.channel_id", "=", channelId)));
      }
      const rows = await q.orderBy("users.username").limit(query.perPage).offset(query.page * query.perPage).execute();
      return rows.map(userFromRow);
    },

    async getUsersByIds(userIds) {
      if (userIds.length === 0) return [];
      const rows = await ctx.db.selectFrom("users").selectAll().where("id", "in", [...userIds]).orderBy("username").execute();
      return rows.map(userFromRow);
    },
  };
}
