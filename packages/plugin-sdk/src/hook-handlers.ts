import type { HookName } from "@polyplug/protocol";
import type { HookHandler } from "./hook-types.js";

type P<H extends HookName> = Parameters<HookHandler<H>>;
type R<H extends HookName> = ReturnType<HookHandler<H>>;

/**
 * The handlers a plugin may define, one optional method per Mattermost hook, named like the hook
 * with a lowercase first letter (`MessageWillBePosted` → `messageWillBePosted`). Each signature
 * comes from HookHandler, which derives it from the wire contract; this list only names the 46
 * hooks, as methods, so that a Plugin subclass can override them (with `override`, which also
 * catches a misspelt hook) and an object given to definePlugin gets its parameters typed.
 * A test checks that the list is exactly Mattermost's hooks.
 */
export interface HookHandlers {
  // Lifecycle and configuration.
  onActivate?(...args: P<"OnActivate">): R<"OnActivate">;
  onDeactivate?(...args: P<"OnDeactivate">): R<"OnDeactivate">;
  onConfigurationChange?(...args: P<"OnConfigurationChange">): R<"OnConfigurationChange">;
  configurationWillBeSaved?(...args: P<"ConfigurationWillBeSaved">): R<"ConfigurationWillBeSaved">;
  onInstall?(...args: P<"OnInstall">): R<"OnInstall">;
  onSendDailyTelemetry?(...args: P<"OnSendDailyTelemetry">): R<"OnSendDailyTelemetry">;
  onCloudLimitsUpdated?(...args: P<"OnCloudLimitsUpdated">): R<"OnCloudLimitsUpdated">;
  runDataRetention?(...args: P<"RunDataRetention">): R<"RunDataRetention">;
  generateSupportData?(...args: P<"GenerateSupportData">): R<"GenerateSupportData">;
  // HTTP.
  serveHTTP?(...args: P<"ServeHTTP">): R<"ServeHTTP">;
  serveMetrics?(...args: P<"ServeMetrics">): R<"ServeMetrics">;
  // Commands.
  executeCommand?(...args: P<"ExecuteCommand">): R<"ExecuteCommand">;
  // Posts and reactions.
  messageWillBePosted?(...args: P<"MessageWillBePosted">): R<"MessageWillBePosted">;
  messageWillBeUpdated?(...args: P<"MessageWillBeUpdated">): R<"MessageWillBeUpdated">;
  messageHasBeenPosted?(...args: P<"MessageHasBeenPosted">): R<"MessageHasBeenPosted">;
  messageHasBeenUpdated?(...args: P<"MessageHasBeenUpdated">): R<"MessageHasBeenUpdated">;
  messageHasBeenDeleted?(...args: P<"MessageHasBeenDeleted">): R<"MessageHasBeenDeleted">;
  messagesWillBeConsumed?(...args: P<"MessagesWillBeConsumed">): R<"MessagesWillBeConsumed">;
  reactionHasBeenAdded?(...args: P<"ReactionHasBeenAdded">): R<"ReactionHasBeenAdded">;
  reactionHasBeenRemoved?(...args: P<"ReactionHasBeenRemoved">): R<"ReactionHasBeenRemoved">;
  // Channels, teams and memberships.
  channelHasBeenCreated?(...args: P<"ChannelHasBeenCreated">): R<"ChannelHasBeenCreated">;
  channelWillBeArchived?(...args: P<"ChannelWillBeArchived">): R<"ChannelWillBeArchived">;
  channelMemberWillBeAdded?(...args: P<"ChannelMemberWillBeAdded">): R<"ChannelMemberWillBeAdded">;
  teamMemberWillBeAdded?(...args: P<"TeamMemberWillBeAdded">): R<"TeamMemberWillBeAdded">;
  userHasJoinedChannel?(...args: P<"UserHasJoinedChannel">): R<"UserHasJoinedChannel">;
  userHasLeftChannel?(...args: P<"UserHasLeftChannel">): R<"UserHasLeftChannel">;
  userHasJoinedTeam?(...args: P<"UserHasJoinedTeam">): R<"UserHasJoinedTeam">;
  userHasLeftTeam?(...args: P<"UserHasLeftTeam">): R<"UserHasLeftTeam">;
  // Users.
  userHasBeenCreated?(...args: P<"UserHasBeenCreated">): R<"UserHasBeenCreated">;
  userWillLogIn?(...args: P<"UserWillLogIn">): R<"UserWillLogIn">;
  userHasLoggedIn?(...args: P<"UserHasLoggedIn">): R<"UserHasLoggedIn">;
  userHasBeenDeactivated?(...args: P<"UserHasBeenDeactivated">): R<"UserHasBeenDeactivated">;
  preferencesHaveChanged?(...args: P<"PreferencesHaveChanged">): R<"PreferencesHaveChanged">;
  onSAMLLogin?(...args: P<"OnSAMLLogin">): R<"OnSAMLLogin">;
  // Files.
  fileWillBeUploaded?(...args: P<"FileWillBeUploaded">): R<"FileWillBeUploaded">;
  fileWillBeDownloaded?(...args: P<"FileWillBeDownloaded">): R<"FileWillBeDownloaded">;
  // WebSocket, cluster and notifications.
  onWebSocketConnect?(...args: P<"OnWebSocketConnect">): R<"OnWebSocketConnect">;
  onWebSocketDisconnect?(...args: P<"OnWebSocketDisconnect">): R<"OnWebSocketDisconnect">;
  webSocketMessageHasBeenPosted?(...args: P<"WebSocketMessageHasBeenPosted">): R<"WebSocketMessageHasBeenPosted">;
  onPluginClusterEvent?(...args: P<"OnPluginClusterEvent">): R<"OnPluginClusterEvent">;
  notificationWillBePushed?(...args: P<"NotificationWillBePushed">): R<"NotificationWillBePushed">;
  emailNotificationWillBeSent?(...args: P<"EmailNotificationWillBeSent">): R<"EmailNotificationWillBeSent">;
  // Shared channels.
  onSharedChannelsSyncMsg?(...args: P<"OnSharedChannelsSyncMsg">): R<"OnSharedChannelsSyncMsg">;
  onSharedChannelsPing?(...args: P<"OnSharedChannelsPing">): R<"OnSharedChannelsPing">;
  onSharedChannelsAttachmentSyncMsg?(...args: P<"OnSharedChannelsAttachmentSyncMsg">): R<"OnSharedChannelsAttachmentSyncMsg">;
  onSharedChannelsProfileImageSyncMsg?(...args: P<"OnSharedChannelsProfileImageSyncMsg">): R<"OnSharedChannelsProfileImageSyncMsg">;
}
