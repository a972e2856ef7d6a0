import { HostError, type ManagedPlugin, type PluginEnvironment, type UnaryHook } from "@polyplug/host";
import { CommandArgsSchema, CommandResponseSchema, PostSchema, fromProto, toProto } from "@polyplug/protocol";
import type { AppHooks } from "../app/app-hooks.js";
import { AppError } from "../app/app-error.js";
import type { CommandResponse } from "../app/models/command.js";
import type { Post } from "../app/models/post.js";

/**
 * The app's hooks, run on the plugin host with Mattermost's semantics. What happens when a plugin
 * does not answer (timeout, crash, transport error, or an AppError in its response):
 *
 * | hook | policy | why |
 * |---|---|---|
 * | MessageWillBePosted | fail open: the post goes on as that plugin last saw it | a broken plugin must not stop all chat (Mattermost does the same) |
 * | MessageHasBeenPosted | logged | a notification; nothing to undo |
 * | ExecuteCommand | the command fails: 500 AppError (503 if the plugin is not running) | the user asked that plugin for an answer |
 *
 * "Will" hooks fan out in plugin-id order under one budget (PluginEnvironment.fanOutDeadline):
 * a slow plugin costs a request at most the budget, and plugins that keep timing out are skipped
 * for a while (HookStats quarantine). Every failure lands in the plugin's log, its status and
 * the hook metrics.
 */
export function createHostAppHooks(plugins: () => PluginEnvironment): AppHooks {
  return {
    async messageWillBePosted(post) {
      const env = plugins();
      const deadline = env.fanOutDeadline();
      let current: Post = post;
      for (const plugin of env.implementing("MessageWillBePosted")) {
        const response = await failOpen(plugin, "messageWillBePosted", { post: toProto(PostSchema, current) }, deadline);
        if (!response) continue;
        if (response.rejectionReason !== "") return { kind: "reject", reason: response.rejectionReason };
        if (response.post) current = fromProto(PostSchema, response.post) as unknown as Post;
      }
      return { kind: "allow", post: current };
    },

    messageHasBeenPosted(post) {
      notifyAll(plugins(), "MessageHasBeenPosted", "messageHasBeenPosted", { post: toProto(PostSchema, post) });
    },

    async executeCommand(pluginId, args) {
      const plugin = plugins().get(pluginId);
      if (!plugin?.implements("ExecuteCommand")) {
        throw new AppError({ id: "app.plugin.command.not_running.app_error", statusCode: 503, message: `The plugin ${pluginId} that handles this command is not running.`, where: "ExecuteCommand" });
      }
      let response;
      try {
        response = await plugin.invoke("executeCommand", { args: toProto(CommandArgsSchema, args) });
      } catch (error) {
        throw new AppError({ id: "api.command.execute_command.failed.app_error", statusCode: 500, message: `The plugin ${pluginId} failed to run the command.`, detailedError: (error as Error).message, where: "ExecuteCommand" });
      }
      if (response.error) {
        throw new AppError({ id: response.error.id, statusCode: response.error.statusCode || 500, message: response.error.message, detailedError: response.error.detailedError, where: "ExecuteCommand" });
      }
      return (response.response ? fromProto(CommandResponseSchema, response.response) : { response_type: "ephemeral", text: "" }) as unknown as CommandResponse;
    },
  };
}

/**
 * One plugin's step in a "Will" chain. Undefined means "this plugin has no say" (it failed, timed
 * out, was skipped, or answered an AppError): the chain goes on without it. The host has already
 * logged and counted the failure.
 */
async function failOpen<K extends UnaryHook>(plugin: ManagedPlugin, method: K, request: Parameters<ManagedPlugin["invoke"]>[1] & object, deadline: number) {
  try {
    const response = await plugin.invoke(method, request as never, { deadline });
    if ((response as { error?: { id: string; message: string } }).error) {
      const error = (response as { error: { id: string; message: string } }).error;
      plugin.log.append({ time: new Date().toISOString(), level: "warn", source: "host", message: `${method} answered ${error.id}: ${error.message}; ignored (fail open)` });
      return undefined;
    }
    return response;
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    return undefined;
  }
}

/** Fires a notification hook at every plugin implementing it; failures are the host's to log. */
function notifyAll<K extends UnaryHook>(env: PluginEnvironment, hook: string, method: K, request: Parameters<ManagedPlugin["invoke"]>[1] & object): void {
  for (const plugin of env.implementing(hook)) {
    plugin.invoke(method, request as never).catch(() => undefined);
  }
}
