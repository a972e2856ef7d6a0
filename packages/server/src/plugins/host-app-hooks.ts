import type { ManagedPlugin, PluginEnvironment } from "@polyplug/host";
import { CommandArgsSchema, CommandResponseSchema, PostSchema } from "@polyplug/protocol";
import type { AppHooks } from "../app/app-hooks.js";
import { AppError } from "../app/app-error.js";
import type { CommandResponse } from "../app/models/command.js";
import type { Post } from "../app/models/post.js";
import { fromProto, toProto } from "./model-codec.js";

/**
 * The app's hooks, run on the plugin host with Mattermost's semantics and failure policy:
 *
 * | hook | on timeout, crash or transport error | why |
 * |---|---|---|
 * | MessageWillBePosted | fail open: the post goes on unchanged by that plugin | a broken plugin must not stop all chat (Mattermost does the same) |
 * | MessageHasBeenPosted | logged | notification only |
 * | ExecuteCommand | the command fails with a 500 AppError | the user asked that plugin for an answer |
 */
export function createHostAppHooks(plugins: () => PluginEnvironment): AppHooks {
  return {
    async messageWillBePosted(post) {
      let current: Post = post;
      for (const plugin of plugins().implementing("MessageWillBePosted")) {
        try {
          const response = await plugin.hooks.messageWillBePosted({ post: toProto(PostSchema, current) }, plugin.hookCallOptions());
          if (response.error) {
            logHookFailure(plugin, "MessageWillBePosted", `returned error ${response.error.id}: ${response.error.message}; post allowed`);
            continue;
          }
          if (response.rejectionReason !== "") return { kind: "reject", reason: response.rejectionReason };
          if (response.post) current = fromProto(PostSchema, response.post) as unknown as Post;
        } catch (error) {
          logHookFailure(plugin, "MessageWillBePosted", `${(error as Error).message}; post allowed`);
        }
      }
      return { kind: "allow", post: current };
    },

    messageHasBeenPosted(post) {
      for (const plugin of plugins().implementing("MessageHasBeenPosted")) {
        plugin.hooks
          .messageHasBeenPosted({ post: toProto(PostSchema, post) }, plugin.hookCallOptions())
          .then((response) => response.error && logHookFailure(plugin, "MessageHasBeenPosted", response.error.message))
          .catch((error: Error) => logHookFailure(plugin, "MessageHasBeenPosted", error.message));
      }
    },

    async executeCommand(pluginId, args) {
      const plugin = plugins().get(pluginId);
      if (!plugin?.implements("ExecuteCommand")) {
        throw new AppError({ id: "app.plugin.command.not_running.app_error", statusCode: 503, message: `The plugin ${pluginId} that handles this command is not running.`, where: "ExecuteCommand" });
      }
      let response;
      try {
        response = await plugin.hooks.executeCommand({ args: toProto(CommandArgsSchema, args) }, plugin.hookCallOptions());
      } catch (error) {
        logHookFailure(plugin, "ExecuteCommand", (error as Error).message);
        throw new AppError({ id: "api.command.execute_command.failed.app_error", statusCode: 500, message: `The plugin ${pluginId} failed to run the command.`, detailedError: (error as Error).message, where: "ExecuteCommand" });
      }
      if (response.error) {
        throw new AppError({ id: response.error.id, statusCode: response.error.statusCode || 500, message: response.error.message, detailedError: response.error.detailedError, where: "ExecuteCommand" });
      }
      return (response.response ? fromProto(CommandResponseSchema, response.response) : { response_type: "ephemeral", text: "" }) as unknown as CommandResponse;
    },
  };
}

function logHookFailure(plugin: ManagedPlugin, hook: string, message: string): void {
  plugin.log.append({ time: new Date().toISOString(), level: "error", source: "host", message: `${hook} failed: ${message}` });
}
