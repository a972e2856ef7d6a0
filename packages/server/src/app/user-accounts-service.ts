/**
 * Account administration as Mattermost's app layer does it for trusted callers (the Plugin API):
 * replacing a profile, deactivating and reactivating, setting system roles, moving an account to
 * an external auth service.
 *
 * Deactivation is Mattermost's soft delete: `delete_at` is set, the user's sessions are revoked so
 * they are logged out everywhere, and UserHasBeenDeactivated is fired. A bot's bot row follows its
 * user. Each change reaches clients as `user_updated` (roles as `user_role_updated`).
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { notifyHook } from "./app-hooks.js";
import { withDbErrors } from "./map-db-error.js";
import type { User } from "./models/user.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import type { PermissionsService } from "./permissions-service.js";
import type { SessionsService } from "./sessions-service.js";
import type { UserProfilesService } from "./user-profiles-service.js";
import { DEFAULT_USER_SETTINGS, type UsersService } from "./users-service.js";

/** The profile fields UpdateUser replaces (Mattermost's store keeps everything else as it was). */
export type UserReplacement = Pick<User, "id" | "username" | "email" | "nickname" | "first_name" | "last_name" | "position" | "locale" | "props" | "notify_props" | "timezone">;

/** An account's authentication (Mattermost's UserAuth, without its write-only password). */
export interface UserAuth {
  auth_service: string;
  auth_data?: string;
}

export interface UserAccountsService {
  /** Replaces the profile fields of `user.id`; empty notify props or timezone mean the defaults. */
  updateUser(user: UserReplacement): Promise<User>;
  /** Deactivates (soft delete, sessions revoked, UserHasBeenDeactivated) or reactivates. */
  setActive(userId: string, active: boolean): Promise<User>;
  /** Replaces the system roles (space-separated names of roles in the roles table). */
  updateRoles(userId: string, roles: string): Promise<User>;
  /** Moves the account to an external auth service; its password is cleared. */
  updateAuth(userId: string, auth: UserAuth): Promise<UserAuth>;
  /** auth_data of those among `userIds` that have one (for trusted callers only: REST never shows it). */
  authDataOf(userIds: readonly string[]): Promise<Map<string, string>>;
}

export function createUserAccountsService(
  ctx: AppContext, users: UsersService, profiles: UserProfilesService, sessions: SessionsService, permissions: PermissionsService,
): UserAccountsService {
  const userUpdated = (user: User) => ctx.events.publish(newWebSocketEvent(WebSocketEvents.UserUpdated, { user }));

  return {
    async updateUser(user) {
      const nonEmpty = (map: Record<string, string>, fallback: Record<string, string>) => (Object.keys(map).length > 0 ? map : fallback);
      return profiles.patchUser(user.id, {
        username: user.username, email: user.email, nickname: user.nickname, first_name: user.first_name, last_name: user.last_name,
        position: user.position, locale: user.locale, props: user.props,
        notify_props: nonEmpty(user.notify_props, DEFAULT_USER_SETTINGS.notify_props),
        timezone: nonEmpty(user.timezone, DEFAULT_USER_SETTINGS.timezone),
      });
    },

    async setActive(userId, active) {
      const user = await users.getUser(userId);
      const now = ctx.now();
      const deleteAt = active ? 0 : now;
      // One transaction: a bot's user and bot rows never disagree on whether it is active.
      await withDbErrors("updateUserActive", {}, () =>
        ctx.db.transaction().execute(async (trx) => {
          await trx.updateTable("users").set({ delete_at: deleteAt, update_at: now }).where("id", "=", userId).execute();
          if (user.is_bot) await trx.updateTable("bots").set({ delete_at: deleteAt, update_at: now }).where("user_id", "=", userId).execute();
        }),
      );
      if (!active) await sessions.revokeAllSessions(userId);
      const updated = await users.getUser(userId);
      userUpdated(updated);
      if (!active) notifyHook(ctx.hooks(), "userHasBeenDeactivated", updated);
      return updated;
    },

    async updateRoles(userId, roles) {
      const names = roles.split(/\s+/).filter((name) => name !== "");
      // Mattermost's CheckRolesExist: every name must be a role of the roles table.
      const existing = new Set((await permissions.getRolesByNames(names)).map((role) => role.name));
      const unknown = names.find((name) => !existing.has(name));
      if (unknown !== undefined) throw appError("app.role.check_roles_exist.role_not_found", { where: "updateUserRoles", params: { Role: unknown } });
      await users.getUser(userId);
      const normalized = [...new Set(names)].join(" ");
      await withDbErrors("updateUserRoles", {}, async () => {
        await ctx.db.updateTable("users").set({ roles: normalized, update_at: ctx.now() }).where("id", "=", userId).execute();
        // Open sessions carry the roles they were created with; Mattermost updates them too.
        await ctx.db.updateTable("sessions").set({ roles: normalized }).where("user_id", "=", userId).execute();
      });
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.UserRoleUpdated, { user_id: userId, roles: normalized }, { user_id: userId }));
      return users.getUser(userId);
    },

    async updateAuth(userId, auth) {
      const where = "updateUserAuth";
      const service = auth.auth_service.trim();
      const data = auth.auth_data ?? "";
      if (service === "" || data === "" || service.length > 32 || data.length > 128) {
        throw appError("api.user.update_auth.auth_service.app_error", { where });
      }
      await users.getUser(userId);
      const now = ctx.now();
      await withDbErrors(where, { unique: () => "app.user.update_auth_data.email_exists.app_error" }, () =>
        ctx.db.updateTable("users")
          .set({ auth_service: service, auth_data: data, password_hash: "", last_password_update: now, failed_attempts: 0, update_at: now })
          .where("id", "=", userId)
          .execute(),
      );
      userUpdated(await users.getUser(userId));
      return { auth_service: service, auth_data: data };
    },

    async authDataOf(userIds) {
      if (userIds.length === 0) return new Map();
      const rows = await ctx.db.selectFrom("users").select(["id", "auth_data"]).where("id", "in", [...userIds]).where("auth_data", "is not", null).execute();
      return new Map(rows.map((row) => [row.id, row.auth_data ?? ""]));
    },
  };
}
