import type { PluginAPIBackend, PluginAPIHandlers, PluginEnvironment, PluginLogEntry } from "@polyplug/host";
import { ChannelSchema, CommandSchema, PostSchema, UserSchema, fromProto, toProto, toProtoInit } from "@polyplug/protocol";
import type { App } from "../app/app.js";
import { AppError, appError, isAppError } from "../app/app-error.js";
import { newWebSocketEvent, pluginEventName } from "../app/models/websocket-event.js";
import type { CreatePostInput } from "../app/models/post.js";
import type { PluginCommandInput } from "../app/models/command.js";
import { createKvHandlers } from "./plugin-api-kv.js";
import { createUnsupportedHandlers } from "./api/unsupported-handlers.js";
import type { PluginAPIBackendDeps } from "./plugin-api-deps.js";
import { createUsersHandlers } from "./api/users-handlers.js";
import { createUserAccessHandlers } from "./api/user-access-handlers.js";
import { createTeamsHandlers } from "./api/teams-handlers.js";
import { createChannelsHandlers } from "./api/channels-handlers.js";
import { createPostsHandlers } from "./api/posts-handlers.js";
import { createFilesHandlers } from "./api/files-handlers.js";
import { createBotsCommandsHandlers } from "./api/bots-commands-handlers.js";
import { createGroupsHandlers } from "./api/groups-handlers.js";
import { createPropertiesHandlers } from "./api/properties-handlers.js";
import { createSystemHandlers } from "./api/system-handlers.js";
import type { PluginConfigSource } from "./plugin-config.js";

export type { PluginAPIBackendDeps } from "./plugin-api-deps.js";

/**
 * The Plugin API over the app core. Each handler acts as the plugin the host authenticated
 * (`pluginId` is bound here, never read from the request) and goes through the same services as
 * REST, so a plugin's post runs the same hooks as a user's. App failures become the embedded
 * AppError; anything else is a bug, reported as a 500 AppError with its detail.
 */
export function createPluginAPIBackend(deps: PluginAPIBackendDeps): PluginAPIBackend {
  const { app } = deps;
  return (pluginId): PluginAPIHandlers => {
    const log = (level: PluginLogEntry["level"]) => async (request: { message: string; fields?: Record<string, unknown> }) => {
      deps.plugins().get(pluginId)?.log.append({ time: new Date().toISOString(), level, source: "api", message: request.message, ...(request.fields ? { fields: request.fields } : {}) });
      return {};
    };
    return guardAll({
      getServerVersion: async () => ({ version: app.version }),
      getPluginConfig: async () => ({ config: deps.config.configFor(pluginId) }),
      // An init shape, encoded as it is by the API server (no message made only to be serialized).
      getUser: async ({ userId }) => ({ user: toProtoInit(UserSchema, await app.users.getUser(userId)) }),
      getChannel: async ({ channelId }) => ({ channel: toProto(ChannelSchema, await app.channels.getChannel(channelId)) }),
      createPost: async ({ post }) => {
        const input = fromProto(PostSchema, post ?? {}) as unknown as CreatePostInput;
        const created = await app.posts.createPost(input, { checkMembership: false });
        return { post: toProto(PostSchema, created) };
      },
      // As Mattermost's GetPost, the post passes MessagesWillBeConsumed on its way out.
      getPost: async ({ postId }) => ({ post: toProto(PostSchema, await app.posts.consumePost(await app.posts.getPost(postId))) }),
      ...createKvHandlers(app, pluginId),
      ...createUnsupportedHandlers(),
      ...createUsersHandlers(deps, pluginId),
      ...createUserAccessHandlers(deps, pluginId),
      ...createTeamsHandlers(deps, pluginId),
      ...createChannelsHandlers(deps, pluginId),
      ...createPostsHandlers(deps, pluginId),
      ...createFilesHandlers(deps, pluginId),
      ...createBotsCommandsHandlers(deps, pluginId),
      ...createGroupsHandlers(deps, pluginId),
      ...createPropertiesHandlers(deps, pluginId),
      ...createSystemHandlers(deps, pluginId),
      registerCommand: async ({ command }) => {
        await app.commands.registerPluginCommand(pluginId, fromProto(CommandSchema, command ?? {}) as unknown as PluginCommandInput);
        return {};
      },
      unregisterCommand: async ({ teamId, trigger }) => {
        await app.commands.unregisterPluginCommand(pluginId, teamId, trigger);
        return {};
      },
      logDebug: log("debug"),
      logInfo: log("info"),
      logWarn: log("warn"),
      logError: log("error"),
      // Mattermost's PublishWebSocketEvent: the event is namespaced by the plugin the host
      // authenticated, so a plugin can never impersonate a server event or another plugin.
      publishWebSocketEvent: async ({ event, payload, broadcast }) => {
        if (event === "") throw appError("api.context.invalid_param.app_error", { where: "PublishWebSocketEvent", params: { Name: "event" } });
        app.events.publish(newWebSocketEvent(pluginEventName(pluginId, event), payload ?? {}, {
          user_id: broadcast?.userId ?? "", channel_id: broadcast?.channelId ?? "", team_id: broadcast?.teamId ?? "",
          ...(broadcast && Object.keys(broadcast.omitUsers).length > 0 ? { omit_users: { ...broadcast.omitUsers } } : {}),
        }));
        return {};
      },
    });
  };
}

/** Wraps every handler so an AppError thrown by the app is answered in the response's error field. */
function guardAll(handlers: PluginAPIHandlers): PluginAPIHandlers {
  const guarded: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as Array<[string, (req: never, call: never) => Promise<object>]>) {
    const where = name.charAt(0).toUpperCase() + name.slice(1);
    const answerError = (error: unknown) => ({ error: toWireError(error, where) });
    // The handler's promise with its rejection answered: no extra async frame per call.
    guarded[name] = (request: never, call: never) => {
      try {
        return handler(request, call).then(undefined, answerError);
      } catch (error) {
        return Promise.resolve(answerError(error));
      }
    };
  }
  return guarded as PluginAPIHandlers;
}

function toWireError(error: unknown, where: string) {
  const appErr: AppError = isAppError(error)
    ? error
    : new AppError({ id: "app.plugin_api.unexpected.app_error", message: "The server failed to answer the plugin's call.", statusCode: 500, detailedError: String((error as Error)?.message ?? error), where, cause: error });
  return {
    id: appErr.id,
    message: appErr.message,
    detailedError: appErr.detailedError,
    statusCode: appErr.statusCode,
    where: appErr.where || where,
    ...(appErr.params ? { params: appErr.params as never } : {}),
  };
}
