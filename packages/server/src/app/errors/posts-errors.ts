import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's posts, threads, ephemeral posts, search, reactions (Mattermost's ids where it has one). */
export const POSTS_ERRORS = {
  "api.post.search_posts.invalid_date.app_error": { status: 400, message: "Invalid search date '{{.Date}}': use YYYY-MM-DD." },
  "model.search_params_list.is_valid.include_deleted_channels.app_error": { status: 400, message: "All searches of one request must agree on include_deleted_channels." },
  "app.post.move_threads.not_backing_channel.app_error": { status: 400, message: "Threads can only be moved between backing channels (type S); channel {{.ChannelId}} is not one." },
  "app.post.move_threads.not_root.app_error": { status: 400, message: "Post {{.PostId}} is a reply; only root posts (with their whole threads) can be moved." },
  "app.post.move_threads.too_many.app_error": { status: 400, message: "At most {{.Max}} threads can be moved at once; move them in batches." },
} as const satisfies Record<string, CatalogueEntry>;
