/**
 * Roles and the permissions they grant (Mattermost's `model.Role` and `model.MakeDefaultRoles`).
 *
 * A role is a named set of permission ids; a user's system roles, a team member's roles and a
 * channel member's roles are role names. The built-in roles below are seeded into the `roles`
 * table by migration 0004 and read from there by the permission checks, as Mattermost reads its
 * Roles table. The permission ids are a faithful subset of Mattermost's (model/permission.go):
 * those of the features this server has (posts, reactions, files, channels, teams, users, bots,
 * tokens, commands, webhooks, emoji, custom groups); the system console (`sysconsole_*`),
 * playbooks, bookmarks, wiki pages, compliance and LDAP/SAML ids are left out, and so are the
 * roles made only of them (system_manager, system_user_manager, system_read_only_admin…).
 * Changing this table later needs a new migration: existing databases keep what was seeded.
 */

/** A role as Mattermost's `model.Role` JSON; `permissions` is stored space-separated. */
export interface Role {
  id: string;
  name: string;
  display_name: string;
  description: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  permissions: string[];
  scheme_managed: boolean;
  built_in: boolean;
}

/** Mattermost's RoleNameMaxLength; names are lowercase letters, digits and '_'. */
export const ROLE_NAME_MAX = 64;

/** Whether `name` is a well-formed role name (Mattermost's IsValidRoleName). */
export function isValidRoleName(name: string): boolean {
  return name.length > 0 && name.length <= ROLE_NAME_MAX && /^[a-z0-9_]+$/.test(name);
}

/** What a built-in role grants, and whether team/channel schemes manage it. */
export interface DefaultRole {
  readonly name: string;
  readonly permissions: readonly string[];
  readonly schemeManaged: boolean;
}

const CHANNEL_GUEST = ["read_channel", "read_channel_content", "add_reaction", "remove_reaction", "upload_file", "edit_post", "create_post", "use_channel_mentions"];
const CHANNEL_USER = [
  "read_channel", "read_channel_content", "add_reaction", "remove_reaction", "manage_public_channel_members", "upload_file",
  "get_public_link", "create_post", "use_channel_mentions", "manage_public_channel_properties", "delete_public_channel",
  "manage_private_channel_properties", "delete_private_channel", "manage_private_channel_members", "delete_post", "edit_post",
];
const CHANNEL_ADMIN = ["manage_channel_roles", "use_group_mentions"];
const TEAM_GUEST = ["view_team"];
const TEAM_USER = [
  "list_team_channels", "join_public_channels", "read_public_channel", "view_team", "create_public_channel",
  "create_private_channel", "invite_user", "add_user_to_team",
];
// edit_others_posts: Mattermost's migrations grant it to team admins (app/role-checks.ts relies on it).
const TEAM_ADMIN = [
  "remove_user_from_team", "manage_team", "import_team", "manage_team_roles", "manage_channel_roles",
  "manage_own_incoming_webhooks", "manage_others_incoming_webhooks", "manage_own_outgoing_webhooks", "manage_others_outgoing_webhooks",
  "manage_own_slash_commands", "manage_others_slash_commands", "bypass_incoming_webhook_channel_lock",
  "convert_public_channel_to_private", "convert_private_channel_to_public", "delete_post", "delete_others_posts", "edit_others_posts",
];
const SYSTEM_GUEST = ["create_direct_channel", "create_group_channel"];
// create_emojis / delete_emojis: granted to system users by Mattermost's emoji permissions migration.
const SYSTEM_USER = [
  "list_public_teams", "join_public_teams", "create_direct_channel", "create_group_channel", "view_members", "create_team",
  "create_emojis", "delete_emojis", "create_custom_group", "edit_custom_group", "delete_custom_group", "restore_custom_group",
  "manage_custom_group_members",
];
/** Permissions only system admins hold (plus everything every other role grants). */
const SYSTEM_ADMIN_ONLY = [
  "manage_system", "manage_roles", "manage_jobs", "get_analytics", "get_logs", "read_audits", "reload_config", "invalidate_caches",
  "edit_other_users", "read_other_users_teams", "list_private_teams", "join_private_teams", "list_users_without_team",
  "create_user_access_token", "read_user_access_token", "revoke_user_access_token",
  "create_bot", "read_bots", "read_others_bots", "manage_bots", "manage_others_bots", "assign_bot",
  "manage_oauth", "manage_system_wide_oauth", "manage_others_slash_commands", "delete_others_emojis",
  "create_post_public", "create_post_ephemeral", "manage_shared_channels", "promote_guest", "demote_to_guest", "invite_guest",
  "sysconsole_read_plugins", "manage_license_information", "read_license_information",
];

const unique = (...lists: ReadonlyArray<readonly string[]>): string[] => [...new Set(lists.flat())].sort();

/** Every permission id this server knows; system_admin holds them all, as in Mattermost. */
export const ALL_PERMISSIONS: readonly string[] = unique(
  CHANNEL_GUEST, CHANNEL_USER, CHANNEL_ADMIN, TEAM_GUEST, TEAM_USER, TEAM_ADMIN, SYSTEM_GUEST, SYSTEM_USER, SYSTEM_ADMIN_ONLY,
);

/** Mattermost's built-in roles with their default permissions (model.MakeDefaultRoles, subset above). */
export const DEFAULT_ROLES: readonly DefaultRole[] = [
  { name: "channel_guest", permissions: CHANNEL_GUEST, schemeManaged: true },
  { name: "channel_user", permissions: CHANNEL_USER, schemeManaged: true },
  { name: "channel_admin", permissions: CHANNEL_ADMIN, schemeManaged: true },
  { name: "team_guest", permissions: TEAM_GUEST, schemeManaged: true },
  { name: "team_user", permissions: TEAM_USER, schemeManaged: true },
  { name: "team_admin", permissions: TEAM_ADMIN, schemeManaged: true },
  { name: "team_post_all", permissions: ["create_post", "use_channel_mentions"], schemeManaged: false },
  { name: "team_post_all_public", permissions: ["create_post_public", "use_channel_mentions"], schemeManaged: false },
  { name: "system_guest", permissions: SYSTEM_GUEST, schemeManaged: true },
  { name: "system_user", permissions: SYSTEM_USER, schemeManaged: true },
  { name: "system_post_all", permissions: ["create_post", "use_channel_mentions"], schemeManaged: false },
  { name: "system_post_all_public", permissions: ["create_post_public", "use_channel_mentions"], schemeManaged: false },
  { name: "system_user_access_token", permissions: ["create_user_access_token", "read_user_access_token", "revoke_user_access_token"], schemeManaged: false },
  { name: "system_admin", permissions: ALL_PERMISSIONS, schemeManaged: true },
];
