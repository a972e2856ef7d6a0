/**
 * A real-time event as Mattermost's WebSocket clients receive it (`model.WebSocketEvent`):
 * `{event, data, broadcast, seq}`. The app publishes events without `seq`; each connection numbers
 * the events it actually delivers, because clients check that their sequence has no gaps.
 */

/** Who may receive an event (Mattermost's `model.WebsocketBroadcast`, same JSON names). */
export interface WebsocketBroadcast {
  /** Users never sent this event (e.g. the typist of a `typing` event). */
  omit_users: Record<string, boolean> | null;
  /** Only this user's connections. */
  user_id: string;
  /** Only members of this channel. */
  channel_id: string;
  /** Only members of this team. */
  team_id: string;
  /** Only this connection. */
  connection_id: string;
  /** Every connection except this one. */
  omit_connection_id: string;
  /** Only connections of users with manage_system (system admins). */
  contains_sensitive_data?: boolean;
}

/** An event before delivery; `data` is free-form JSON (posts travel as JSON *strings*, as in Mattermost). */
export interface WebSocketEvent {
  event: string;
  data: Record<string, unknown>;
  broadcast: WebsocketBroadcast;
}

/** The event names the server publishes (Mattermost's `WebsocketEvent…` constants). */
export const WebSocketEvents = {
  Hello: "hello",
  Posted: "posted",
  PostEdited: "post_edited",
  PostDeleted: "post_deleted",
  /** A post shown to one user only, never stored (Plugin API SendEphemeralPost). */
  EphemeralMessage: "ephemeral_message",
  ReactionAdded: "reaction_added",
  ReactionRemoved: "reaction_removed",
  Typing: "typing",
  ChannelCreated: "channel_created",
  DirectAdded: "direct_added",
  GroupAdded: "group_added",
  ChannelDeleted: "channel_deleted",
  ChannelRestored: "channel_restored",
  ChannelUpdated: "channel_updated",
  ChannelMemberUpdated: "channel_member_updated",
  SidebarCategoryCreated: "sidebar_category_created",
  SidebarCategoryUpdated: "sidebar_category_updated",
  UserAdded: "user_added",
  UserRemoved: "user_removed",
  UserUpdated: "user_updated",
  UserRoleUpdated: "user_role_updated",
  NewUser: "new_user",
  AddedToTeam: "added_to_team",
  LeaveTeam: "leave_team",
  UpdateTeam: "update_team",
  DeleteTeam: "delete_team",
  MemberRoleUpdated: "memberrole_updated",
  StatusChange: "status_change",
  PreferencesChanged: "preferences_changed",
  PreferencesDeleted: "preferences_deleted",
  PluginEnabled: "plugin_enabled",
  PluginDisabled: "plugin_disabled",
  PluginStatusesChanged: "plugin_statuses_changed",
} as const;

/** Scope of a new event; unset fields mean "no restriction of that kind". */
export type BroadcastScope = Partial<Omit<WebsocketBroadcast, "omit_users">> & { omit_users?: Record<string, boolean> };

/** Builds an event with a complete broadcast object (clients read every broadcast field). */
export function newWebSocketEvent(event: string, data: Record<string, unknown>, scope: BroadcastScope = {}): WebSocketEvent {
  return {
    event,
    data,
    broadcast: {
      omit_users: scope.omit_users ?? null,
      user_id: scope.user_id ?? "",
      channel_id: scope.channel_id ?? "",
      team_id: scope.team_id ?? "",
      connection_id: scope.connection_id ?? "",
      omit_connection_id: scope.omit_connection_id ?? "",
      ...(scope.contains_sensitive_data ? { contains_sensitive_data: true } : {}),
    },
  };
}

/** The prefix Mattermost puts on events published by plugins: `custom_<pluginid>_<event>`. */
export function pluginEventName(pluginId: string, event: string): string {
  return `custom_${pluginId}_${event}`;
}
