/**
 * The database schema as Kysely sees it: one row interface per table.
 *
 * Column names and meanings follow Mattermost's tables (snake_case, timestamps in epoch
 * milliseconds, `delete_at = 0` meaning "not deleted") so that ported logic and SQL read the same.
 * Booleans are stored as integers 0/1 because SQLite has no boolean type and better-sqlite3 refuses
 * to bind JS booleans; PostgreSQL uses the same integer columns so one query layer serves both.
 * JSON-valued columns (`props`, `metadata`, …) hold JSON text; the app layer parses them.
 */
import type { Kysely } from "kysely";

/** Registered accounts. `password_hash` and `mfa_secret` never leave the users service. */
export interface UsersTable {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  username: string;
  password_hash: string;
  auth_service: string;
  email: string;
  email_verified: number;
  nickname: string;
  first_name: string;
  last_name: string;
  position: string;
  roles: string;
  locale: string;
  props: string;
  notify_props: string;
  timezone: string;
  last_password_update: number;
  last_picture_update: number;
  failed_attempts: number;
  mfa_active: number;
  mfa_secret: string;
  is_bot: number;
  bot_description: string;
  last_login: number;
  /** Identity at the external `auth_service`; null for password accounts (unique otherwise). */
  auth_data: string | null;
}

/** Login sessions; `token` is the bearer secret, `id` the public handle. */
export interface SessionsTable {
  id: string;
  token: string;
  user_id: string;
  create_at: number;
  expires_at: number;
  last_activity_at: number;
  device_id: string;
  roles: string;
  props: string;
  /** Mattermost's Session.IsOAuth, 0/1 (migration 0004). */
  is_oauth: number;
  /** Mattermost's Session.ExpiredNotify, 0/1 (migration 0004). */
  expired_notify: number;
}

/** Roles (Mattermost's Roles): the permission ids a role name grants, space-separated (migration 0004). */
export interface RolesTable {
  id: string;
  name: string;
  display_name: string;
  description: string;
  permissions: string;
  scheme_managed: number;
  built_in: number;
  create_at: number;
  update_at: number;
  delete_at: number;
}

/** Teams; `type` is "O" (open) or "I" (invite only). */
export interface TeamsTable {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  display_name: string;
  name: string;
  description: string;
  email: string;
  type: string;
  company_name: string;
  allowed_domains: string;
  invite_id: string;
  allow_open_invite: number;
  last_team_icon_update: number;
  /** 0/1; added by the groups migration (members limited to the linked groups' members). */
  group_constrained?: number;
}

/** `roles` is the full space-separated role list ("team_user team_admin"). */
export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  roles: string;
  create_at: number;
  delete_at: number;
}

/** Channels; the counters are maintained by createPost in the same transaction as the insert. */
export interface ChannelsTable {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  team_id: string;
  type: string;
  display_name: string;
  name: string;
  header: string;
  purpose: string;
  last_post_at: number;
  last_root_post_at: number;
  total_msg_count: number;
  total_msg_count_root: number;
  extra_update_at: number;
  creator_id: string;
  /** 0/1; added by the groups migration (members limited to the linked groups' members). */
  group_constrained?: number;
}

/** Channel membership and per-member read state. */
export interface ChannelMembersTable {
  channel_id: string;
  user_id: string;
  roles: string;
  last_viewed_at: number;
  msg_count: number;
  msg_count_root: number;
  mention_count: number;
  mention_count_root: number;
  notify_props: string;
  last_update_at: number;
}

/** Posts; `props`, `metadata` and `file_ids` are JSON text. */
export interface PostsTable {
  id: string;
  create_at: number;
  update_at: number;
  edit_at: number;
  delete_at: number;
  is_pinned: number;
  user_id: string;
  channel_id: string;
  root_id: string;
  original_id: string;
  message: string;
  type: string;
  props: string;
  hashtags: string;
  file_ids: string;
  pending_post_id: string;
  reply_count: number;
  last_reply_at: number;
  metadata: string;
  remote_id: string;
}

/** Plugin key-value store; `expire_at = 0` means "never expires". */
export interface PluginKvTable {
  plugin_id: string;
  pkey: string;
  pvalue: Uint8Array;
  expire_at: number;
}

/** Slash commands. `team_id = ""` registers the trigger on every team. */
export interface CommandsTable {
  id: string;
  token: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  creator_id: string;
  team_id: string;
  trigger: string;
  method: string;
  username: string;
  icon_url: string;
  auto_complete: number;
  auto_complete_desc: string;
  auto_complete_hint: string;
  display_name: string;
  description: string;
  url: string;
  plugin_id: string;
}

/** Emoji reactions; one row per (post, user, emoji). */
export interface ReactionsTable {
  user_id: string;
  post_id: string;
  emoji_name: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  remote_id: string;
  channel_id: string;
}

/** Uploaded files; `path` is relative to `<dataDir>/files`, `post_id` is "" until attached. */
export interface FileInfosTable {
  id: string;
  creator_id: string;
  post_id: string;
  channel_id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  path: string;
  name: string;
  extension: string;
  size: number;
  mime_type: string;
  width: number;
  height: number;
  has_preview_image: number;
  remote_id: string;
  archived: number;
  /** Searchable text a plugin set (SetFileSearchableContent); "" when none. */
  content: string;
}

/** Custom emoji; the image lives in the file store at `emoji/<id>/image`. */
export interface EmojiTable {
  id: string;
  creator_id: string;
  name: string;
  description: string;
  /** "png", "gif", "jpeg" or "webp", read from the image's bytes at creation. */
  image_format: string;
  create_at: number;
  update_at: number;
  delete_at: number;
}

/** Resumable uploads; `path` (relative to the file store) is where the partial file grows. */
export interface UploadSessionsTable {
  id: string;
  type: string;
  create_at: number;
  user_id: string;
  channel_id: string;
  filename: string;
  path: string;
  file_size: number;
  file_offset: number;
  remote_id: string;
  req_file_id: string;
}

/** Client preferences, keyed by (user, category, name). */
export interface PreferencesTable {
  user_id: string;
  category: string;
  name: string;
  value: string;
}

/** User presence; a missing row means "offline". */
export interface StatusesTable {
  user_id: string;
  status: string;
  manual: number;
  last_activity_at: number;
  dnd_end_time: number;
  /** What a timed dnd returns to when it ends; "" otherwise. */
  prev_status: string;
}

/** Personal access tokens (also bot tokens); `token` is the bearer secret. */
export interface UserAccessTokensTable {
  id: string;
  token: string;
  user_id: string;
  description: string;
  is_active: number;
  expires_at: number;
}

/** Bot accounts: the user row has is_bot = 1; this row adds owner and description. */
export interface BotsTable {
  user_id: string;
  owner_id: string;
  description: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  last_icon_update: number;
}

/** OAuth 2.0 client apps (Mattermost's OAuthApps); `callback_urls` is a JSON array of strings. */
export interface OAuthAppsTable {
  id: string;
  creator_id: string;
  create_at: number;
  update_at: number;
  client_secret: string;
  name: string;
  description: string;
  icon_url: string;
  callback_urls: string;
  homepage: string;
  is_trusted: number;
  mattermost_app_id: string;
}

/** A plugin's claim on a channel (RegisterChannelGuard); one row per (channel, plugin). */
export interface ChannelGuardsTable {
  channel_id: string;
  plugin_id: string;
  create_at: number;
}

/** A user's sidebar category on a team; `type` is favorites, channels, direct_messages or custom. */
export interface SidebarCategoriesTable {
  id: string;
  user_id: string;
  team_id: string;
  sort_order: number;
  sorting: string;
  type: string;
  display_name: string;
  muted: number;
  collapsed: number;
}

/** A channel's place in one of a user's sidebar categories. */
export interface SidebarChannelsTable {
  category_id: string;
  channel_id: string;
  user_id: string;
  sort_order: number;
}

/** Named namespaces of property fields (Mattermost's PropertyGroups). */
export interface PropertyGroupsTable {
  id: string;
  name: string;
  version: number;
}

/** Property definitions (Mattermost's PropertyFields); `attrs` is JSON text, `linked_field_id` null when unlinked. */
export interface PropertyFieldsTable {
  id: string;
  group_id: string;
  name: string;
  type: string;
  attrs: string;
  target_id: string;
  target_type: string;
  object_type: string;
  linked_field_id: string | null;
  created_by: string;
  updated_by: string;
  create_at: number;
  update_at: number;
  delete_at: number;
}

/** One field's value for one target (Mattermost's PropertyValues); `value` is JSON text. */
export interface PropertyValuesTable {
  id: string;
  target_id: string;
  target_type: string;
  group_id: string;
  field_id: string;
  value: string;
  created_by: string;
  updated_by: string;
  create_at: number;
  update_at: number;
  delete_at: number;
}

/** Server-wide facts, one row each (Mattermost's Systems table): install date, telemetry id… */
export interface SystemsTable {
  name: string;
  value: string;
}

/** Profile images users (or plugins) set; users without a row get a generated default. */
export interface UserProfileImagesTable {
  user_id: string;
  image: Uint8Array;
  /** "image/png", "image/jpeg" or "image/gif", from the image's own header. */
  content_type: string;
  update_at: number;
}

/** Every table, keyed by its SQL name. */
/** Groups (Mattermost's UserGroups); `name` and `remote_id` are NULL when unset. */
export interface UserGroupsTable {
  id: string;
  name: string | null;
  display_name: string;
  description: string;
  source: string;
  remote_id: string | null;
  create_at: number;
  update_at: number;
  delete_at: number;
  allow_reference: number;
}

/** Group membership, kept with delete_at set after a removal. */
export interface GroupMembersTable {
  group_id: string;
  user_id: string;
  create_at: number;
  delete_at: number;
}

/** A group's link to a team or channel (`type` "Team" or "Channel"). */
export interface GroupSyncablesTable {
  group_id: string;
  syncable_id: string;
  type: string;
  auto_add: number;
  scheme_admin: number;
  create_at: number;
  update_at: number;
  delete_at: number;
}

export interface Schema {
  users: UsersTable;
  sessions: SessionsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  channels: ChannelsTable;
  channel_members: ChannelMembersTable;
  posts: PostsTable;
  plugin_kv: PluginKvTable;
  commands: CommandsTable;
  reactions: ReactionsTable;
  file_infos: FileInfosTable;
  emoji: EmojiTable;
  upload_sessions: UploadSessionsTable;
  preferences: PreferencesTable;
  statuses: StatusesTable;
  user_profile_images: UserProfileImagesTable;
  user_access_tokens: UserAccessTokensTable;
  roles: RolesTable;
  bots: BotsTable;
  oauth_apps: OAuthAppsTable;
  channel_guards: ChannelGuardsTable;
  sidebar_categories: SidebarCategoriesTable;
  sidebar_channels: SidebarChannelsTable;
  systems: SystemsTable;
  user_groups: UserGroupsTable;
  group_members: GroupMembersTable;
  group_syncables: GroupSyncablesTable;
  property_groups: PropertyGroupsTable;
  property_fields: PropertyFieldsTable;
  property_values: PropertyValuesTable;
}

/** The typed query builder every service receives. */
export type Db = Kysely<Schema>;
