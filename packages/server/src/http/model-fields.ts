/**
 * The JSON field names of the Mattermost models request bodies carry, for {@link knownFields}.
 *
 * Clients (Client4, the web app) often send a whole model back — a post with its `metadata`, a user
 * with its `roles` — so every field of the model is accepted and the server-assigned ones are
 * ignored by the handler; only names the model does not have are refused. Lists follow
 * `server/public/model` and `@mattermost/types`.
 */

export const POST_FIELDS = [
  "id", "create_at", "update_at", "edit_at", "delete_at", "is_pinned", "user_id", "channel_id", "root_id", "parent_id",
  "original_id", "message", "message_source", "type", "props", "hashtags", "filenames", "file_ids", "pending_post_id",
  "has_reactions", "remote_id", "reply_count", "last_reply_at", "participants", "is_following", "metadata", "state",
  "failed", "exists", "channel_mentions",
] as const;

export const USER_FIELDS = [
  "id", "create_at", "update_at", "delete_at", "username", "password", "auth_data", "auth_service", "email", "email_verified",
  "nickname", "first_name", "last_name", "position", "roles", "allow_marketing", "props", "notify_props",
  "last_password_update", "last_picture_update", "failed_attempts", "locale", "timezone", "mfa_active", "mfa_secret",
  "remote_id", "last_activity_at", "is_bot", "bot_description", "bot_last_icon_update", "terms_of_service_id",
  "terms_of_service_create_at", "disable_welcome_email", "last_login", "status", "custom_profile_attributes",
] as const;

export const CHANNEL_FIELDS = [
  "id", "create_at", "update_at", "delete_at", "team_id", "type", "display_name", "name", "header", "purpose",
  "last_post_at", "last_root_post_at", "total_msg_count", "total_msg_count_root", "extra_update_at", "creator_id",
  "scheme_id", "props", "group_constrained", "shared", "policy_id", "teammate_id", "status", "banner_info",
  "default_category_name", "autotranslation", "discoverable",
] as const;

export const TEAM_FIELDS = [
  "id", "create_at", "update_at", "delete_at", "display_name", "name", "description", "email", "type", "company_name",
  "allowed_domains", "invite_id", "allow_open_invite", "last_team_icon_update", "scheme_id", "group_constrained",
  "policy_id", "cloud_limits_archived",
] as const;

/** Login (Client4 sends `deviceId` in camelCase next to Mattermost's `device_id`). */
export const LOGIN_FIELDS = ["login_id", "id", "password", "token", "device_id", "deviceId", "ldap_only"] as const;

export const TEAM_MEMBER_FIELDS = ["team_id", "user_id", "roles", "delete_at", "scheme_guest", "scheme_user", "scheme_admin", "explicit_roles"] as const;

export const CHANNEL_MEMBER_FIELDS = ["channel_id", "user_id", "user_ids", "post_root_id", "roles"] as const;

export const REACTION_FIELDS = ["user_id", "post_id", "emoji_name", "create_at", "update_at", "delete_at", "remote_id", "channel_id"] as const;

export const PREFERENCE_FIELDS = ["user_id", "category", "name", "value"] as const;

export const STATUS_FIELDS = ["user_id", "status", "manual", "last_activity_at", "active_channel", "dnd_end_time", "prev_status"] as const;

/** What Client4.executeCommand sends: the command plus CommandArgs. */
export const COMMAND_ARGS_FIELDS = [
  "command", "channel_id", "team_id", "root_id", "parent_id", "trigger_id", "user_id", "site_url", "t", "user_mentions", "channel_mentions",
] as const;

export const BOT_FIELDS = ["user_id", "username", "display_name", "description", "owner_id", "create_at", "update_at", "delete_at"] as const;

export const ACCESS_TOKEN_FIELDS = ["description", "expires_at", "token", "id", "user_id", "is_active"] as const;
