/**
 * Shape rules for a post, applied to what the caller sends and again to what plugins hand back
 * from MessageWillBePosted (a plugin can make a message too long just as a client can).
 * Limits are Mattermost's, counted in code points ("runes") like Mattermost counts them.
 */
import { isJsonObject } from "./app-context.js";
import { appError } from "./app-error.js";
import { POST_MESSAGE_MAX_RUNES, POST_PROPS_MAX_RUNES, type CreatePostInput } from "./models/post.js";
import { isValidId } from "./new-id.js";
import { runes } from "./runes.js";

const POST_TYPE_PATTERN = /^[a-z0-9_]{0,26}$/;
/** Mattermost's PostFileIdsMaxItems. */
const MAX_FILE_IDS = 10;

const where = "validatePost";

/** Checks the fields that can change between the client's request and a plugin's rewrite. */
export function validatePostContent(post: Pick<CreatePostInput, "message" | "props" | "type" | "file_ids">): void {
  if (typeof post.message !== "string" || runes(post.message) > POST_MESSAGE_MAX_RUNES) {
    throw appError("model.post.is_valid.message_length.app_error", { where, params: { MaxLength: POST_MESSAGE_MAX_RUNES } });
  }
  if (post.props !== undefined && (!isJsonObject(post.props) || runes(JSON.stringify(post.props)) > POST_PROPS_MAX_RUNES)) {
    throw appError("model.post.is_valid.props.app_error", { where, params: { MaxLength: POST_PROPS_MAX_RUNES } });
  }
  if (post.type !== undefined && (typeof post.type !== "string" || !POST_TYPE_PATTERN.test(post.type))) {
    throw appError("model.post.is_valid.type.app_error", { where });
  }
  if (post.file_ids !== undefined && (!Array.isArray(post.file_ids) || post.file_ids.length > MAX_FILE_IDS || !post.file_ids.every(isValidId))) {
    throw appError("api.context.invalid_param.app_error", { where, params: { Name: "file_ids" } });
  }
}

/** Checks a whole create request: ids first (so later lookups are safe), then content. */
export function validateNewPost(input: CreatePostInput): void {
  if (!isValidId(input.user_id)) throw appError("model.post.is_valid.user_id.app_error", { where });
  if (!isValidId(input.channel_id)) throw appError("model.post.is_valid.channel_id.app_error", { where });
  if (input.root_id !== undefined && input.root_id !== "" && !isValidId(input.root_id)) {
    throw appError("api.post.create_post.root_id.app_error", { where });
  }
  validatePostContent(input);
}
