/**
 * The app core's only view of plugins.
 *
 * The app decides *when* a hook runs (createPost, executeCommand); the plugin host decides *how*
 * (which plugins, in what order, with what deadlines and failure policy). Keeping this interface
 * small lets every business rule be tested with a fake, and lets the host change freely.
 */
import { appError } from "./app-error.js";
import type { CommandArgs, CommandResponse } from "./models/command.js";
import type { Post } from "./models/post.js";

/** What the app core asks of plugins. Implemented over the plugin host; a no-op version serves tests. */
export interface AppHooks {
  /** Runs MessageWillBePosted across plugins in order; each sees the previous one's changes. */
  messageWillBePosted(post: Post): Promise<{ kind: "allow"; post: Post } | { kind: "reject"; reason: string }>;
  /** Fire-and-forget notification after the post is stored (errors are the implementation's to log). */
  messageHasBeenPosted(post: Post): void;
  /** Runs a plugin's slash command. */
  executeCommand(pluginId: string, args: CommandArgs): Promise<CommandResponse>;
}

/**
 * Hooks for a server with no plugin host: posts pass unchanged, and a plugin command cannot run
 * (501, like Mattermost with plugins disabled) because no plugin process exists to run it.
 */
export const noopAppHooks: AppHooks = {
  async messageWillBePosted(post) {
    return { kind: "allow", post };
  },
  messageHasBeenPosted() {},
  async executeCommand(pluginId) {
    throw appError("app.plugin.disabled.app_error", { where: "executeCommand", detailedError: `plugin_id=${pluginId}` });
  },
};
