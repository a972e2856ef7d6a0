/** A custom emoji (Mattermost's `model.Emoji` JSON); the image is stored beside it in the file store. */
export interface Emoji {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  creator_id: string;
  name: string;
  description: string;
}
