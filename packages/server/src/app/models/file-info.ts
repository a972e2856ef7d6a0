/**
 * An uploaded file's metadata (Mattermost's `model.FileInfo` JSON). The bytes live on disk under
 * the data directory; `path` is where, and never leaves the server.
 */

export interface FileInfo {
  id: string;
  /** The uploader (Mattermost's `CreatorId`, serialized as `user_id`). */
  user_id: string;
  /** "" until the file is attached to a post. */
  post_id: string;
  channel_id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  name: string;
  /** Lower-case, without the dot. */
  extension: string;
  size: number;
  mime_type: string;
  width: number;
  height: number;
  has_preview_image: boolean;
  mini_preview: string | null;
  remote_id: string;
  archived: boolean;
}

/** Mattermost's answer to an upload: one info per file, with the client's ids in the same order. */
export interface FileUploadResponse {
  file_infos: FileInfo[];
  client_ids: string[];
}
