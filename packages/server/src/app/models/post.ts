/** A message (Mattermost's `model.Post`) and the paged list the REST API returns. */

/** Longest message Mattermost accepts (PostMessageMaxRunesV2), counted in code points. */
export const POST_MESSAGE_MAX_RUNES = 16383;
/** Longest serialized props Mattermost accepts (PostPropsMaxRunes). */
export const POST_PROPS_MAX_RUNES = 800000;

/** The post JSON (Mattermost field names); `props` and `metadata` are free-form JSON objects. */
export interface Post {
  id: string;
  create_at: number;
  update_at: number;
  edit_at: number;
  delete_at: number;
  is_pinned: boolean;
  user_id: string;
  channel_id: string;
  /** Id of the thread's first post; "" for a root post. */
  root_id: string;
  original_id: string;
  message: string;
  /** "" for a normal message; "system_…" or "custom_…" for special posts. */
  type: string;
  props: Record<string, unknown>;
  hashtags: string;
  file_ids: string[];
  pending_post_id: string;
  reply_count: number;
  last_reply_at: number;
  metadata: Record<string, unknown>;
  remote_id: string;
}

/** What a caller supplies to create a post; ids and timestamps are assigned by the server. */
export interface CreatePostInput {
  channel_id: string;
  user_id: string;
  message: string;
  root_id?: string;
  type?: string;
  props?: Record<string, unknown>;
  file_ids?: string[];
  pending_post_id?: string;
  is_pinned?: boolean;
}

/** Mattermost's `PostList`: `order` is newest first; the cursor ids are "" at either end. */
export interface PostList {
  order: string[];
  posts: Record<string, Post>;
  /** The post just newer than the first in `order` ("" if none). */
  next_post_id: string;
  /** The post just older than the last in `order` ("" if none). */
  prev_post_id: string;
}
