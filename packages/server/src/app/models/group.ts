/** User groups, their members and their links to teams and channels (Mattermost's model.Group…). */

/** The group JSON Mattermost clients and plugins read. */
export interface Group {
  id: string;
  /** Absent for groups that cannot be @-mentioned by name. */
  name?: string;
  display_name: string;
  description: string;
  /** "custom", "ldap" or "plugin_<plugin id>". */
  source: string;
  remote_id?: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  /** Whether the group is linked to any team or channel. */
  has_syncables: boolean;
  allow_reference: boolean;
  /** Filled only when GetGroups is asked for it. */
  member_count?: number;
  channel_member_count?: number;
  channel_member_timezones_count?: number;
  member_ids?: string[];
}

/** What a caller supplies to create or update a group. */
export interface GroupInput {
  id?: string;
  name?: string | null;
  display_name: string;
  description?: string;
  source: string;
  remote_id?: string | null;
  allow_reference?: boolean;
}

/** A membership row, kept (with delete_at set) after the user is removed. */
export interface GroupMember {
  group_id: string;
  user_id: string;
  create_at: number;
  delete_at: number;
}

export type GroupSyncableType = "Team" | "Channel";

/** A group's link to a team or channel. */
export interface GroupSyncable {
  group_id: string;
  syncable_id: string;
  type: GroupSyncableType;
  auto_add: boolean;
  scheme_admin: boolean;
  create_at: number;
  update_at: number;
  delete_at: number;
}

/** Mattermost's GroupSearchOpts (snake_case). */
export interface GroupSearchOpts {
  q?: string;
  not_associated_to_team?: string;
  not_associated_to_channel?: string;
  include_member_count?: boolean;
  filter_allow_reference?: boolean;
  since?: number;
  source?: string;
  filter_parent_team_permitted?: boolean;
  filter_has_member?: string;
  include_channel_member_count?: string;
  include_timezones?: boolean;
  include_member_ids?: boolean;
  include_archived?: boolean;
  filter_archived?: boolean;
}

/** Member counts see only users on one of these teams or in one of these channels. */
export interface ViewUsersRestrictions {
  teams: string[];
  channels: string[];
}

/** Mattermost's CreateDefaultMembershipParams. */
export interface CreateDefaultMembershipParams {
  since: number;
  re_add_removed_members: boolean;
  scoped_user_id?: string;
  scoped_team_id?: string;
  scoped_channel_id?: string;
}
