/**
 * The app core's only view of plugins.
 *
 * The app decides *when* a hook runs (createPost, executeCommand); the plugin host decides *how*
 * (which plugins, in what order, with what deadlines and failure policy). Keeping this interface
 * small lets every business rule be tested with a fake, and lets the host change freely.
 */
import { appError } from "./app-error.js";
import type { ChannelMember, Channel } from "./models/channel.js";
import type { CommandArgs, CommandResponse } from "./models/command.js";
import type { FileInfo } from "./models/file-info.js";
import type { Post } from "./models/post.js";
import type { Preference } from "./models/preference.js";
import type { Reaction } from "./models/reaction.js";
import type { TeamMember } from "./models/team.js";
import type { User } from "./models/user.js";

/** What a post "Will" hook decides: go on with the (possibly rewritten) post, or stop with a reason. */
export type PostVerdict = { kind: "allow"; post: Post } | { kind: "reject"; reason: string };

/** What the app core asks of plugins. Implemented over the plugin host; a no-op version serves tests. */
export interface AppHooks {
  /** Runs MessageWillBePosted across plugins in order; each sees the previous one's changes. */
  messageWillBePosted(post: Post): Promise<{ kind: "allow"; post: Post } | { kind: "reject"; reason: string }>;
  /** Fire-and-forget notification after the post is stored (errors are the implementation's to log). */
  messageHasBeenPosted(post: Post): void;
  /** Runs a plugin's slash command. */
  executeCommand(pluginId: string, args: CommandArgs): Promise<CommandResponse>;

  // The hooks below are optional: a host that does not implement one simply is not asked. The
  // app calls them at Mattermost's points; "Has" hooks are fire-and-forget (failures are the
  // implementation's to log), "Will" hooks may rewrite or reject.

  /** Before an edit is stored; plugins see the new and the old post, in order, and may reject. */
  messageWillBeUpdated?(newPost: Post, oldPost: Post): Promise<PostVerdict>;
  /** After an edit is stored. */
  messageHasBeenUpdated?(newPost: Post, oldPost: Post): void;
  /** After a post is deleted (the post as it was, with delete_at set). */
  messageHasBeenDeleted?(post: Post): void;
  /**
   * Before posts are handed to a reader (REST and Plugin API reads): each plugin, in order, may
   * answer replacements, matched to the posts by id. Resolves to the posts to hand out; never
   * rejects (a failing plugin leaves the posts as they were).
   */
  messagesWillBeConsumed?(posts: Post[]): Promise<Post[]>;
  reactionHasBeenAdded?(reaction: Reaction): void;
  reactionHasBeenRemoved?(reaction: Reaction): void;
  channelHasBeenCreated?(channel: Channel): void;
  /** Before a channel is archived; a plugin may refuse with a reason. */
  channelWillBeArchived?(channel: Channel): Promise<{ kind: "allow" } | { kind: "reject"; reason: string }>;
  /**
   * Before a user is added to a channel; plugins may rewrite the membership or refuse. Plugins
   * guarding the channel (RegisterChannelGuard) answer last and fail closed, so this may throw.
   */
  channelMemberWillBeAdded?(member: ChannelMember): Promise<{ kind: "allow"; member: ChannelMember } | { kind: "reject"; reason: string }>;
  /** `actor` is who added the user (absent when they joined by themselves). */
  userHasJoinedChannel?(member: ChannelMember, actor?: User): void;
  userHasLeftChannel?(member: ChannelMember, actor?: User): void;
  /** Before a user is added to (or rejoins) a team; plugins may rewrite the membership or refuse. */
  teamMemberWillBeAdded?(member: TeamMember): Promise<{ kind: "allow"; member: TeamMember } | { kind: "reject"; reason: string }>;
  userHasJoinedTeam?(member: TeamMember, actor?: User): void;
  userHasLeftTeam?(member: TeamMember, actor?: User): void;
  userHasBeenCreated?(user: User): void;
  userHasLoggedIn?(user: User): void;
  /** After the credentials are checked, before the session exists; a plugin may refuse the login. */
  userWillLogIn?(user: User): Promise<{ kind: "allow" } | { kind: "reject"; reason: string }>;
  /** After a user is deactivated (the user as now stored, with delete_at set). */
  userHasBeenDeactivated?(user: User): void;
  preferencesHaveChanged?(preferences: Preference[]): void;
  /** After an authenticated WebSocket connection is registered (Mattermost's HubRegister). */
  onWebSocketConnect?(webConnId: string, userId: string): void;
  /** After a registered WebSocket connection closes. */
  onWebSocketDisconnect?(webConnId: string, userId: string): void;
  /** After an authenticated connection's client message (`{seq, action, data}`) was handled. */
  webSocketMessageHasBeenPosted?(webConnId: string, userId: string, request: { seq: number; action: string; data: Record<string, unknown> }): void;
  /**
   * Before an uploaded file is stored for good. The upload is already on disk at `file.path`
   * (streamed, never buffered whole); a plugin may reject it, rewrite its info, or hand back
   * replacement content.
   */
  fileWillBeUploaded?(info: FileInfo, file: { path: string }): Promise<{ kind: "allow"; info: FileInfo; content?: AsyncIterable<Uint8Array> } | { kind: "reject"; reason: string }>;
  /**
   * Before a file's bytes go to a client (`downloadType` "file", "thumbnail", "preview" or
   * "public"; `userId` "" for a public link): the first plugin's non-empty reason refuses it, "" allows.
   */
  fileWillBeDownloaded?(info: FileInfo, userId: string, downloadType: string): Promise<string>;
  /**
   * Before a push notification (model.PushNotification JSON) for `userId` is handed off: each
   * plugin, in order, may rewrite it or refuse it with a reason (Mattermost's
   * sendPushNotificationToAllSessions). Never rejects the promise: a failing plugin has no say.
   */
  notificationWillBePushed?(notification: Record<string, unknown>, userId: string): Promise<{ kind: "allow"; notification: Record<string, unknown> } | { kind: "reject"; reason: string }>;
}

/** Calls a fire-and-forget hook if the host implements it; a throwing hook never fails the caller. */
export function notifyHook<K extends keyof AppHooks>(hooks: AppHooks, name: K, ...args: Parameters<NonNullable<AppHooks[K]>>): void {
  const hook = hooks[name] as ((...a: unknown[]) => unknown) | undefined;
  if (typeof hook !== "function") return;
  try {
    const result = hook.apply(hooks, args);
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // Notifications are fire-and-forget by contract.
  }
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
