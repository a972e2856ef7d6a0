import type { PluginAPIHandlers } from "@polyplug/host";
import {
  CustomStatusSchema,
  StatusSchema,
  UserGetOptionsSchema,
  UserSchema,
  UserSearchSchema,
  fromProto,
  toProto,
} from "@polyplug/protocol";
import { appError, notSupported } from "../../app/app-error.js";
import type { CustomStatus } from "../../app/custom-status-service.js";
import type { UserStatus } from "../../app/models/status.js";
import type { CreateUserInput, User } from "../../app/models/user.js";
import type { UserReplacement } from "../../app/user-accounts-service.js";
import type { UserListOptions, UserSearchInput } from "../../app/user-directory-service.js";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";
import { requireId, requireIds } from "./request-params.js";

/** Mattermost's statuses a plugin may set with UpdateUserStatus. */
const SETTABLE_STATUSES = ["online", "away", "dnd", "offline"];

/**
 * The Plugin API's users: accounts, search, statuses, custom status, profile images, acting as
 * plugin `pluginId`. Trusted calls as in Mattermost's plugin_api.go (no session permission
 * checks, inactive users and emails visible); the app services hold the rules REST shares.
 * Users handed to plugins carry `auth_data`, which REST never shows.
 */
export function createUsersHandlers(deps: PluginAPIBackendDeps, _pluginId: string): PluginAPIHandlers {
  const { app } = deps;
  const users = async (list: User[]) => {
    const authData = await app.userAccounts.authDataOf(list.map((u) => u.id));
    return list.map((u) => toProto(UserSchema, authData.has(u.id) ? { ...u, auth_data: authData.get(u.id) } : u));
  };
  const user = async (one: User) => (await users([one]))[0]!;
  const status = (s: UserStatus) => toProto(StatusSchema, s);
  const existingUser = async (userId: string, where: string) => {
    requireId(userId, "user_id", where);
    return app.users.getUser(userId);
  };

  return {
    createUser: async (request) => {
      const u = fromProto(UserSchema, request.user ?? {}) as unknown as User & { auth_data?: string };
      const input: CreateUserInput = {
        username: u.username, email: u.email, nickname: u.nickname, first_name: u.first_name, last_name: u.last_name, position: u.position,
        locale: u.locale || undefined, props: u.props, notify_props: u.notify_props, timezone: u.timezone, is_bot: u.is_bot,
        bot_description: u.bot_description, email_verified: u.email_verified, auth_service: u.auth_service || undefined,
        auth_data: u.auth_data, ...(request.password !== "" ? { password: request.password } : {}),
      };
      return { user: await user(await app.users.createUser(input)) };
    },
    deleteUser: async ({ userId }) => {
      await existingUser(userId, "DeleteUser");
      await app.userAccounts.setActive(userId, false);
      return {};
    },
    getUsers: async ({ options }) => {
      const o = fromProto(UserGetOptionsSchema, options ?? {}) as unknown as UserListOptions;
      return { users: await users(await app.userDirectory.listUsers(o)) };
    },
    getUsersByIds: async ({ userIds }) => {
      requireIds(userIds, "user_ids", "GetUsersByIds");
      return { users: await users(await app.userProfiles.getUsersByIds(userIds)) };
    },
    getUserByEmail: async ({ email }) => ({ user: await user(await app.users.getUserByEmail(email)) }),
    getUserByUsername: async ({ name }) => ({ user: await user(await app.users.getUserByUsername(name)) }),
    getUsersByUsernames: async ({ usernames }) => ({ users: await users(await app.userDirectory.getUsersByUsernames(usernames)) }),
    getUsersInTeam: async ({ teamId, page, perPage }) => {
      requireId(teamId, "team_id", "GetUsersInTeam");
      return { users: await users(await app.userDirectory.listUsers({ in_team_id: teamId, page, per_page: perPage }, "GetUsersInTeam")) };
    },
    getUsersInChannel: async ({ channelId, sortBy, page, perPage }) => {
      const where = "GetUsersInChannel";
      requireId(channelId, "channel_id", where);
      if (sortBy === "username") return { users: await users(await app.userDirectory.listUsers({ in_channel_id: channelId, page, per_page: perPage }, where)) };
      if (sortBy === "status") return { users: await users(await app.userDirectory.getUsersInChannelByStatus(channelId, page, perPage)) };
      throw appError("plugin.api.get_users_in_channel", { where, params: { SortBy: JSON.stringify(sortBy) } });
    },
    updateUser: async (request) => {
      const u = fromProto(UserSchema, request.user ?? {}) as unknown as UserReplacement;
      await existingUser(u.id ?? "", "UpdateUser");
      return { user: await user(await app.userAccounts.updateUser(u)) };
    },
    updateUserActive: async ({ userId, active }) => {
      await existingUser(userId, "UpdateUserActive");
      await app.userAccounts.setActive(userId, active);
      return {};
    },
    updateUserRoles: async ({ userId, newRoles }) => {
      requireId(userId, "user_id", "UpdateUserRoles");
      return { user: await user(await app.userAccounts.updateRoles(userId, newRoles)) };
    },
    updateUserAuth: async ({ userId, userAuth }) => {
      requireId(userId, "user_id", "UpdateUserAuth");
      const auth = await app.userAccounts.updateAuth(userId, { auth_service: userAuth?.authService ?? "", ...(userAuth?.authData !== undefined ? { auth_data: userAuth.authData } : {}) });
      return { userAuth: { authService: auth.auth_service, ...(auth.auth_data !== undefined ? { authData: auth.auth_data } : {}) } };
    },
    searchUsers: async ({ search }) => {
      const s = fromProto(UserSearchSchema, search ?? {}) as unknown as UserSearchInput;
      return { users: await users(await app.userDirectory.searchUsers(s)) };
    },
    getUserStatus: async ({ userId }) => {
      await existingUser(userId, "GetUserStatus");
      return { status: status(await app.statuses.getStatus(userId)) };
    },
    getUserStatusesByIds: async ({ userIds }) => {
      requireIds(userIds, "user_ids", "GetUserStatusesByIds");
      // Mattermost answers the statuses it has: unknown users are left out.
      const known = (await app.userProfiles.getUsersByIds(userIds)).map((u) => u.id);
      const ordered = [...new Set(userIds)].filter((id) => known.includes(id));
      return { statuses: (await app.statuses.getStatuses(ordered)).map(status) };
    },
    updateUserStatus: async ({ userId, status: value }) => {
      const where = "UpdateUserStatus";
      if (!SETTABLE_STATUSES.includes(value)) throw appError("plugin.api.update_user_status.bad_status", { where, params: { Status: JSON.stringify(value) } });
      await existingUser(userId, where);
      return { status: status(await app.statuses.setStatus(userId, value)) };
    },
    setUserStatusTimedDND: async ({ userId, endtime }) => {
      const where = "SetUserStatusTimedDND";
      await existingUser(userId, where);
      const end = Number(endtime);
      // Seconds, not milliseconds (Mattermost's DNDEndTime); it must end in the future.
      if (end * 1000 <= Date.now() || end > 1e11) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "endtime" } });
      return { status: status(await app.statuses.setTimedDnd(userId, end)) };
    },
    updateUserCustomStatus: async ({ userId, customStatus }) => {
      const where = "UpdateUserCustomStatus";
      await existingUser(userId, where);
      if (!customStatus) throw appError("api.custom_status.set_custom_statuses.update.app_error", { where });
      await app.customStatuses.setCustomStatus(userId, fromProto(CustomStatusSchema, customStatus) as unknown as CustomStatus);
      return {};
    },
    removeUserCustomStatus: async ({ userId }) => {
      await existingUser(userId, "RemoveUserCustomStatus");
      await app.customStatuses.removeCustomStatus(userId);
      return {};
    },
    getProfileImage: async ({ userId }) => {
      requireId(userId, "user_id", "GetProfileImage");
      return { image: (await app.profileImages.getProfileImage(userId)).data };
    },
    setProfileImage: async ({ userId, data }) => {
      requireId(userId, "user_id", "SetProfileImage");
      await app.profileImages.setProfileImage(userId, data);
      return {};
    },
    getLDAPUserAttributes: async () => {
      throw notSupported("GetLDAPUserAttributes", "this server runs no LDAP directory");
    },
  };
}
