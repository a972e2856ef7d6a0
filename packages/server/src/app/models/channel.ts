/** A channel and a user's membership in it (Mattermost's `model.Channel` / `model.ChannelMember`). */

/**
 * O public, P private, D direct message, G group message, S a plugin's non-message backing channel
 * (Mattermost's ChannelTypeSpace, which only the Plugin API's CreateChannel makes here).
 */
export type ChannelType = "O" | "P" | "D" | "G" | "S";

/** The channel JSON Mattermost clients read. */
export interface Channel {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  /** "" for direct and group messages. */
  team_id: string;
  type: ChannelType;
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
  /** Membership limited to the members of the groups linked to the channel. */
  group_constrained?: boolean;
}

/** What a caller supplies to create a channel; ids, timestamps and counters are server-assigned. */
export interface CreateChannelInput {
  team_id: string;
  name: string;
  display_name: string;
  type: ChannelType;
  header?: string;
  purpose?: string;
  /** Recorded as the creator without making them a member (the Plugin API's CreateChannel). */
  creator_id?: string;
}

/** Role of every channel member. */
export const CHANNEL_USER_ROLE = "channel_user";
/** Extra role of a channel's creator. */
export const CHANNEL_ADMIN_ROLE = "channel_admin";

/** A membership row; its counters drive unread and mention badges in clients. */
export interface ChannelMember {
  channel_id: string;
  user_id: string;
  /** Space-separated, e.g. "channel_user channel_admin". */
  roles: string;
  last_viewed_at: number;
  /** The channel's total_msg_count when the user last viewed it; unread = total − msg_count. */
  msg_count: number;
  msg_count_root: number;
  mention_count: number;
  mention_count_root: number;
  notify_props: Record<string, string>;
  last_update_at: number;
  scheme_guest: boolean;
  scheme_user: boolean;
  scheme_admin: boolean;
  explicit_roles: string;
}
