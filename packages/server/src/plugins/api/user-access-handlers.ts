import type { PluginAPIHandlers } from "@polyplug/host";
import { PreferenceSchema, SessionSchema, UserAccessTokenSchema, fromProto, toProto } from "@polyplug/protocol";
import { appError } from "../../app/app-error.js";
import type { Preference } from "../../app/models/preference.js";
import type { SessionInput } from "../../app/sessions-service.js";
import { publishUserTyping } from "../../app/user-typing.js";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";
import { requireId } from "./request-params.js";

/**
 * The Plugin API's preferences, sessions, access tokens, permissions, acting as plugin `pluginId`.
 * Trusted like Mattermost's: no session permission checks, only the app's own rules (a
 * preference belongs to the user it is saved for, tokens and sessions to existing users).
 */
export function createUserAccessHandlers(deps: PluginAPIBackendDeps, _pluginId: string): PluginAPIHandlers {
  const { app } = deps;
  const preferencesOf = (list: readonly object[]) => list.map((p) => fromProto(PreferenceSchema, p) as unknown as Preference);
  const permissionIdOf = (permission: { id: string } | undefined, where: string) => {
    if (!permission || permission.id === "") throw appError("api.context.invalid_param.app_error", { where, params: { Name: "permission" } });
    return permission.id;
  };

  return {
    getPreferenceForUser: async ({ userId, category, name }) => {
      requireId(userId, "user_id", "GetPreferenceForUser");
      return { preference: toProto(PreferenceSchema, await app.preferences.getPreference(userId, category, name)) };
    },
    getPreferencesForUser: async ({ userId }) => {
      requireId(userId, "user_id", "GetPreferencesForUser");
      return { preferences: (await app.preferences.getPreferences(userId)).map((p) => toProto(PreferenceSchema, p)) };
    },
    // Mattermost's UpdatePreferences: 403 when a preference names another user; the service then
    // validates, saves in one transaction, and fires preferences_changed and PreferencesHaveChanged.
    updatePreferencesForUser: async ({ userId, preferences }) => {
      requireId(userId, "user_id", "UpdatePreferencesForUser");
      const list = preferencesOf(preferences);
      if (list.some((p) => p.user_id !== userId)) {
        throw appError("api.preference.update_preferences.set_details.app_error", { where: "UpdatePreferencesForUser", detailedError: `user_id=${userId}` });
      }
      await app.users.getUser(userId);
      await app.preferences.savePreferences(userId, list);
      return {};
    },
    deletePreferencesForUser: async ({ userId, preferences }) => {
      requireId(userId, "user_id", "DeletePreferencesForUser");
      const list = preferencesOf(preferences);
      if (list.some((p) => p.user_id !== userId)) {
        throw appError("api.preference.delete_preferences.user_id.app_error", { where: "DeletePreferencesForUser", detailedError: `user_id=${userId}` });
      }
      await app.preferences.deletePreferences(userId, list);
      return {};
    },

    getSession: async ({ sessionId }) => ({ session: toProto(SessionSchema, await app.sessions.getSessionById(sessionId)) }),
    createSession: async ({ session }) => {
      const input = fromProto(SessionSchema, session ?? {}) as unknown as SessionInput;
      return { session: toProto(SessionSchema, await app.sessions.createSessionFrom(input)) };
    },
    extendSessionExpiry: async ({ sessionId, newExpiry }) => {
      await app.sessions.extendSessionExpiry(sessionId, Number(newExpiry));
      return {};
    },
    revokeSession: async ({ sessionId }) => {
      await app.sessions.revokeSessionById(sessionId);
      return {};
    },

    createUserAccessToken: async ({ token }) => {
      const input = fromProto(UserAccessTokenSchema, token ?? {}) as { user_id: string; description: string; expires_at: number };
      requireId(input.user_id, "user_id", "CreateUserAccessToken");
      const created = await app.accessTokens.createToken(input.user_id, input.description, { expiresAt: Number(input.expires_at), allowEmptyDescription: true });
      return { token: toProto(UserAccessTokenSchema, created) };
    },
    revokeUserAccessToken: async ({ tokenId }) => {
      requireId(tokenId, "token_id", "RevokeUserAccessToken");
      await app.accessTokens.revokeToken(tokenId);
      return {};
    },

    hasPermissionTo: async ({ userId, permission }) => ({
      hasPermission: await app.permissions.hasPermissionTo(userId, permissionIdOf(permission, "HasPermissionTo")),
    }),
    hasPermissionToTeam: async ({ userId, teamId, permission }) => ({
      hasPermission: await app.permissions.hasPermissionToTeam(userId, teamId, permissionIdOf(permission, "HasPermissionToTeam")),
    }),
    hasPermissionToChannel: async ({ userId, channelId, permission }) => ({
      hasPermission: await app.permissions.hasPermissionToChannel(userId, channelId, permissionIdOf(permission, "HasPermissionToChannel")),
    }),
    rolesGrantPermission: async ({ roleNames, permissionId }) => ({
      granted: await app.permissions.rolesGrantPermission(roleNames, permissionId),
    }),

    // Like Mattermost, the event is published as asked: the plugin vouches for the user.
    publishUserTyping: async ({ userId, channelId, parentId }) => {
      requireId(userId, "user_id", "PublishUserTyping");
      requireId(channelId, "channel_id", "PublishUserTyping");
      if (parentId !== "") requireId(parentId, "parent_id", "PublishUserTyping");
      publishUserTyping(app.events, userId, channelId, parentId);
      return {};
    },
  };
}
