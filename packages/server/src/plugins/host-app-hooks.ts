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
import type { ChannelMember } from "../app/models/channel.js";
import type { TeamMember } from "../app/models/team.js";
import { pushNotificationProblem } from "../app/push-outbox.js";
import { runFileWillBeUploaded, toInfo } from "./file-upload-hook.js";
import { notifyAll, runWillChain } from "./hook-chain.js";
import { runGuardedWillChain } from "./guarded-hook-chain.js";

/**
 * The app's hooks, run on the plugin host with Mattermost's semantics. "Will" hooks run across
 * plugins in id order, each seeing the previous one's changes, the first rejection ending the
 * chain, all under one budget (PluginEnvironment.fanOutDeadline). What happens when a plugin does
 * not answer (timeout, crash, transport error, or an AppError) is in docs/hooks.md; in short:
 * "Will" hooks fail open for that plugin, notifications are logged, ExecuteCommand fails.
 */
export function createHostAppHooks(plugins: () => PluginEnvironment, options: { hookTimeoutMs?: number; guardsFor?: (channelId: string) => Promise<readonly string[]> } = {}): AppHooks {
  const postOf = (response: Record<string, unknown>, current: Post) => {
    const reason = response["rejectionReason"] as string;
    if (reason) return { reject: reason };
    const post = response["post"];
    return { value: post ? (fromProto(PostSchema, post) as unknown as Post) : current };
  };
  // Plugins claiming a channel (RegisterChannelGuard) answer its "Will" hooks last, failing closed.
  const guardsOf = async (channelId: string) => (options.guardsFor ? options.guardsFor(channelId) : []);
  const notify = (hook: string, request: Record<string, unknown>) => notifyAll(plugins(), hook, lowerFirst(hook) as never, request as never);

  return {
    async messageWillBePosted(post) {
      const result = await runGuardedWillChain(plugins(), "MessageWillBePosted", "messageWillBePosted", await guardsOf(post.channel_id), "CreatePost", post, (current) => ({ post: toProto(PostSchema, current) }) as never, postOf);
      return result.kind === "reject" ? result : { kind: "allow", post: result.value };
    },

    async messageWillBeUpdated(newPost, oldPost) {
      const old = toProto(PostSchema, oldPost);
      const result = await runGuardedWillChain(plugins(), "MessageWillBeUpdated", "messageWillBeUpdated", await guardsOf(oldPost.channel_id), "UpdatePost", newPost, (current) => ({ newPost: toProto(PostSchema, current), oldPost: old }) as never, postOf);
      return result.kind === "reject" ? result : { kind: "allow", post: result.value };
    },

    // Each plugin sees the previous one's rewrites; its answer replaces posts by id (Mattermost's
    // applyPostsWillBeConsumedHook), so an empty or partial answer leaves the other posts alone.
    async messagesWillBeConsumed(posts) {
      const result = await runWillChain(plugins(), "MessagesWillBeConsumed", "messagesWillBeConsumed", posts,
        (current) => ({ posts: current.map((p) => toProto(PostSchema, p)) }) as never,
        (response, current) => {
          const answered = (response["posts"] as Parameters<typeof fromProto>[1][] | undefined) ?? [];
          const byId = new Map(answered.map((p) => fromProto(PostSchema, p) as unknown as Post).map((p) => [p.id, p]));
          return { value: current.map((p) => byId.get(p.id) ?? p) };
        });
      return result.kind === "allow" ? result.value : posts;
    },

    messageHasBeenPosted: (post) => notify("MessageHasBeenPosted", { post: toProto(PostSchema, post) }),
    messageHasBeenUpdated: (newPost, oldPost) => notify("MessageHasBeenUpdated", { newPost: toProto(PostSchema, newPost), oldPost: toProto(PostSchema, oldPost) }),
    messageHasBeenDeleted: (post) => notify("MessageHasBeenDeleted", { post: toProto(PostSchema, post) }),
    reactionHasBeenAdded: (reaction) => notify("ReactionHasBeenAdded", { reaction: toProto(ReactionSchema, reaction) }),
    reactionHasBeenRemoved: (reaction) => notify("ReactionHasBeenRemoved", { reaction: toProto(ReactionSchema, reaction) }),
    channelHasBeenCreated: (channel) => notify("ChannelHasBeenCreated", { channel: toProto(ChannelSchema, channel) }),
    // Fail open per plugin; the first rejection keeps the channel unarchived.
    async channelWillBeArchived(channel) {
      const request = { channel: toProto(ChannelSchema, channel) } as never;
      const result = await runWillChain(plugins(), "ChannelWillBeArchived", "channelWillBeArchived", null, () => request,
        (response) => (response["rejectionReason"] ? { reject: response["rejectionReason"] as string } : { value: null }));
      return result.kind === "reject" ? result : { kind: "allow" };
    },
    // Fail open per plugin, except for the channel's guards (fail closed); a replacement member is
    // read back whole, and the channels service keeps whose membership it is.
    async channelMemberWillBeAdded(member) {
      const result = await runGuardedWillChain(plugins(), "ChannelMemberWillBeAdded", "channelMemberWillBeAdded", await guardsOf(member.channel_id), "AddUserToChannel", member,
        (current) => ({ member: toProto(ChannelMemberSchema, current) }) as never,
        (response, current) => {
          const reason = response["rejectionReason"] as string;
          if (reason) return { reject: reason };
          const replaced = response["member"];
          return { value: replaced ? (fromProto(ChannelMemberSchema, replaced) as unknown as ChannelMember) : current };
        });
      return result.kind === "reject" ? result : { kind: "allow", member: result.value };
    },
    userHasJoinedChannel: (member, actor) => notify("UserHasJoinedChannel", { member: toProto(ChannelMemberSchema, member), ...(actor ? { actor: toProto(UserSchema, actor) } : {}) }),
    userHasLeftChannel: (member, actor) => notify("UserHasLeftChannel", { member: toProto(ChannelMemberSchema, member), ...(actor ? { actor: toProto(UserSchema, actor) } : {}) }),
    // Fail open per plugin (runWillChain); a replacement member is read back whole, and the teams
    // service keeps the team, user and timestamps its own.
    async teamMemberWillBeAdded(member) {
      const result = await runWillChain(plugins(), "TeamMemberWillBeAdded", "teamMemberWillBeAdded", member,
        (current) => ({ member: toProto(TeamMemberSchema, current) }) as never,
        (response, current) => {
          const reason = response["rejectionReason"] as string;
          if (reason) return { reject: reason };
          const replaced = response["member"];
          return { value: replaced ? (fromProto(TeamMemberSchema, replaced) as unknown as TeamMember) : current };
        });
      return result.kind === "reject" ? result : { kind: "allow", member: result.value };
    },
    userHasJoinedTeam: (member, actor) => notify("UserHasJoinedTeam", { member: toProto(TeamMemberSchema, member), ...(actor ? { actor: toProto(UserSchema, actor) } : {}) }),
    userHasLeftTeam: (member, actor) => notify("UserHasLeftTeam", { member: toProto(TeamMemberSchema, member), ...(actor ? { actor: toProto(UserSchema, actor) } : {}) }),
    userHasBeenCreated: (user) => notify("UserHasBeenCreated", { user: toProto(UserSchema, user) }),
    userHasLoggedIn: (user) => notify("UserHasLoggedIn", { user: toProto(UserSchema, user) }),
    userHasBeenDeactivated: (user) => notify("UserHasBeenDeactivated", { user: toProto(UserSchema, user) }),

    async userWillLogIn(user) {
      const result = await runWillChain(plugins(), "UserWillLogIn", "userWillLogIn", user, (current) => ({ user: toProto(UserSchema, current) }) as never,
        (response, current) => (response["rejectionReason"] ? { reject: response["rejectionReason"] as string } : { value: current }));
      return result.kind === "reject" ? result : { kind: "allow" };
    },
    preferencesHaveChanged: (preferences) => notify("PreferencesHaveChanged", { preferences: preferences.map((p) => toProto(PreferenceSchema, p)) }),
    onWebSocketConnect: (webConnId, userId) => notify("OnWebSocketConnect", { webConnId, userId }),
    onWebSocketDisconnect: (webConnId, userId) => notify("OnWebSocketDisconnect", { webConnId, userId }),
    webSocketMessageHasBeenPosted: (webConnId, userId, request) =>
      notify("WebSocketMessageHasBeenPosted", { webConnId, userId, seq: BigInt(request.seq), action: request.action, data: request.data }),

    fileWillBeUploaded: (info, file) => runFileWillBeUploaded(plugins(), info, file, options.hookTimeoutMs ?? 30_000),

    // Fail open: a plugin that errs or times out has no say; the first rejection refuses the download.
    async fileWillBeDownloaded(info, userId, downloadType) {
      const request = { fileInfo: toInfo(info), userId, downloadType } as never;
      const result = await runWillChain(plugins(), "FileWillBeDownloaded", "fileWillBeDownloaded", null, () => request, (response) => {
        const reason = response["rejectionReason"] as string;
        return reason ? { reject: reason } : { value: null };
      });
      return result.kind === "reject" ? result.reason : "";
    },

    // Fail open: a plugin that errs or times out has no say, and so does one answering a
    // replacement that could not be queued; the first rejection drops the notification.
    async notificationWillBePushed(notification, userId) {
      const result = await runWillChain(plugins(), "NotificationWillBePushed", "notificationWillBePushed", notification,
        (current) => ({ pushNotification: current, userId }) as never,
        (response, current) => {
          const reason = response["rejectionReason"] as string;
          if (reason) return { reject: reason };
          const replaced = response["pushNotification"] as Record<string, unknown> | undefined;
          return { value: replaced && !pushNotificationProblem(replaced) ? replaced : current };
        });
      return result.kind === "reject" ? result : { kind: "allow", notification: result.value };
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

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
