/** An emoji reaction on a post (Mattermost's `model.Reaction` JSON). */

/** Longest emoji name Mattermost accepts. */
export const EMOJI_NAME_MAX_LENGTH = 64;

export interface Reaction {
  user_id: string;
  post_id: string;
  emoji_name: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  remote_id: string;
  channel_id: string;
}
