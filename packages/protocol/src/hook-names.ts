import { PluginHooks } from "./gen/polyplug/v1/hooks_pb.js";

/**
 * Mattermost's 46 live server hooks (plugin/hooks.go, IDs 0-51 without the deprecated 28-33),
 * by the names plugins list in Implemented and the wire uses for its RPCs.
 */
export const HOOK_NAMES = [
  "OnActivate", "OnDeactivate", "ServeHTTP", "OnConfigurationChange", "ExecuteCommand",
  "MessageWillBePosted", "MessageWillBeUpdated", "MessageHasBeenPosted", "MessageHasBeenUpdated",
  "UserHasJoinedChannel", "UserHasLeftChannel", "UserHasJoinedTeam", "UserHasLeftTeam",
  "ChannelHasBeenCreated", "FileWillBeUploaded", "UserWillLogIn", "UserHasLoggedIn", "UserHasBeenCreated",
  "ReactionHasBeenAdded", "ReactionHasBeenRemoved", "OnPluginClusterEvent", "OnWebSocketConnect",
  "OnWebSocketDisconnect", "WebSocketMessageHasBeenPosted", "RunDataRetention", "OnInstall",
  "OnSendDailyTelemetry", "OnCloudLimitsUpdated", "ConfigurationWillBeSaved", "NotificationWillBePushed",
  "UserHasBeenDeactivated", "MessageHasBeenDeleted", "MessagesWillBeConsumed", "ServeMetrics",
  "OnSharedChannelsSyncMsg", "OnSharedChannelsPing", "PreferencesHaveChanged",
  "OnSharedChannelsAttachmentSyncMsg", "OnSharedChannelsProfileImageSyncMsg", "GenerateSupportData",
  "OnSAMLLogin", "EmailNotificationWillBeSent", "FileWillBeDownloaded", "ChannelMemberWillBeAdded",
  "TeamMemberWillBeAdded", "ChannelWillBeArchived",
] as const;

/** One of Mattermost's hook names. */
export type HookName = (typeof HOOK_NAMES)[number];

/** The hooks the wire contract carries (every PluginHooks RPC but Implemented). */
export const WIRE_HOOK_NAMES: readonly string[] = PluginHooks.methods.map((m) => m.name).filter((name) => name !== "Implemented");
