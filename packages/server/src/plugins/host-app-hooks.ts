import type { PluginEnvironment } from "@polyplug/host";
import {
  ChannelMemberSchema,
  ChannelSchema,
  CommandArgsSchema,
  CommandResponseSchema,
  PostSchema,
  PreferenceSchema,
  ReactionSchema,
  TeamMemberSchema,
  UserSchema,
  fromProto,
  toProto,
} from "@polyplug/protocol";
import type { AppHooks } from "../app/app-hooks.js";
import { AppError } from "../app/app-error.js";
import type { CommandResponse } from "../app/models/command.js";
import type { Post } from "../app/models/post.js";
import { runFileWillBeUploaded } from "./file-upload-hook.js";
import { notifyAll, runWillChain } from "./hook-chain.js";

/**
 * The app's hooks, run on the plugin host with Mattermost's semantics. "Will" hooks run across
 * plugins in id order, each seeing the previous one's changes, the first rejection ending the
 * chain, all under one budget (PluginEnvironment.fanOutDeadline). What happens when a plugin does
 * not answer (timeout, crash, transport error, or an AppError) is in docs/hooks.md; in short:
 * "Will" hooks fail open for that plugin, notifications are logged, ExecuteCommand fails.
 */
export function createHostAppHooks(plugins: () => PluginEnvironment, options: { hookTimeoutMs?: number } = {}): AppHooks {
  const postOf = (response: Record<string, unknown>, current: Post) => {
    const reason = response["rejectionReason"] as string;
    if (reason) return { reject: reason };
    const post = response["post"];
    return { value: post ? (fromProto(PostSchema, post) as unknown as Post) : current };
  };
  const notify = (hook: string, request: Record<string, unknown>) => notifyAll(plugins(), hook, lowerFirst(hook) as never, request as never);

  return {
    async messageWillBePosted(post) {
      const result = await runWillChain(plugins(), "MessageWillBePosted", "messageWillBePosted", post, (current) => ({ post: toProto(PostSchema, current) }) as never, postOf);
      return result.kind === "reject" ? result : { kind: "allow", post: result.value };
    },

    async messageWillBeUpdated(newPost, oldPost) {
      const old = toProto(PostSchema, oldPost);
      const result = await runWillChain(plugins(), "MessageWillBeUpdated", "messageWillBeUpdated", newPost, (current) => ({ newPost: toProto(PostSchema, current), oldPost: old }) as never, postOf);
      return result.kind === "reject" ? result : { kind: "allow", post: result.value };
    },

    messageHasBeenPosted: (post) => notify("MessageHasBeenPosted", { post: toProto(PostSchema, post) }),
    messageHasBeenUpdated: (newPost, oldPost) => notify("MessageHasBeenUpdated", { newPost: toProto(PostSchema, newPost), oldPost: toProto(PostSchema, oldPost) }),
    messageHasBeenDeleted: (post) => notify("MessageHasBeenDeleted", { post: toProto(PostSchema, post) }),
    reactionHasBeenAdded: (reaction) => notify("ReactionHasBeenAdded", { reaction: toProto(ReactionSchema, reaction) }),
    reactionHasBeenRemoved: (reaction) => notify("ReactionHasBeenRemoved", { reaction: toProto(ReactionSchema, reaction) }),
    channelHasBeenCreated: (channel) => notify("ChannelHasBeenCreated", { channel: toProto(ChannelSchema, channel) }),
    userHasJoinedChannel: (member, actor) => notify("UserHasJoinedChannel", { member: toProto(ChannelMemberSchema, member), ...(actor ? { actor: toProto(UserSchema, actor) } : {}) }),
    userHasLeftChannel: (member, actor) => notify("UserHasLeftChannel", { member: toProto(ChannelMemberSchema, member), ...(actor ? { actor: toProto(UserSchema, actor) } : {}) }),
    userHasJoinedTeam: (member, actor) => notify("UserHasJoinedTeam", { member: toProto(TeamMemberSchema, member), ...(actor ? { actor: toProto(UserSchema, actor) } : {}) }),
    userHasLeftTeam: (member, actor) => notify("UserHasLeftTeam", { member: toProto(TeamMemberSchema, member), ...(actor ? { actor: toProto(UserSchema, actor) } : {}) }),
    userHasBeenCreated: (user) => notify("UserHasBeenCreated", { user: toProto(UserSchema, user) }),
    userHasLoggedIn: (user) => notify("UserHasLoggedIn", { user: toProto(UserSchema, user) }),
    preferencesHaveChanged: (preferences) => notify("PreferencesHaveChanged", { preferences: preferences.map((p) => toProto(PreferenceSchema, p)) }),

    fileWillBeUploaded: (info, file) => runFileWillBeUploaded(plugins(), info, file, options.hookTimeoutMs ?? 30_000),

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

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
