/**
 * A personal access token (Mattermost's `model.UserAccessToken`). Bots authenticate with these
 * too. The `token` secret is shown once, in the creation response; listings omit it.
 */

export interface UserAccessToken {
  id: string;
  token?: string;
  user_id: string;
  description: string;
  is_active: boolean;
  /** Epoch ms; 0 = never expires. */
  expires_at: number;
}

/** A bot account (Mattermost's `model.Bot`): a user with is_bot plus an owner and description. */
export interface Bot {
  user_id: string;
  username: string;
  display_name: string;
  description: string;
  owner_id: string;
  last_icon_update: number;
  create_at: number;
  update_at: number;
  delete_at: number;
}
