/** A resumable upload (Mattermost's `model.UploadSession` JSON; its path stays on the server). */
export interface UploadSession {
  id: string;
  /** "attachment" (a file in `channel_id`) or "import". */
  type: string;
  create_at: number;
  /** A user id, or Mattermost's "nouser". */
  user_id: string;
  channel_id: string;
  filename: string;
  file_size: number;
  /** Bytes received so far; the upload is complete when it reaches `file_size`. */
  file_offset: number;
  remote_id: string;
  req_file_id: string;
}
