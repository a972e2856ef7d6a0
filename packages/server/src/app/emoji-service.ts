/**
 * Custom emoji (Mattermost's POST /emoji, GET /emoji…, and the Plugin API's GetEmoji* methods).
 *
 * An emoji is a row in `emoji` and an image in the file store at `emoji/<id>/image`. The image is
 * written before the row is inserted, so a visible emoji always has its image; a failed insert
 * removes the image again. Reading follows Mattermost: with ServiceSettings.EnableCustomEmoji off,
 * creating and getting custom emoji answer 501.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { readImageHeader } from "./image-header.js";
import type { FileSettings } from "./file-settings.js";
import { FileStore, FileTooLargeError } from "./file-store.js";
import { withDbErrors } from "./map-db-error.js";
import type { Emoji } from "./models/emoji.js";
import { isValidId, newId } from "./new-id.js";
import type { EmojiTable } from "../store/schema.js";

/** Mattermost's MaxEmojiFileSize: 512 KiB. */
export const MAX_EMOJI_BYTES = 512 * 1024;
const NAME_PATTERN = /^[a-z0-9_+-]{1,64}$/;
/**
 * Some of the system emoji names a custom emoji may not take (Mattermost refuses all of its
 * built-in names; this server ships no emoji table, so the most used ones are kept free here).
 */
const SYSTEM_EMOJI_NAMES = new Set([
  "+1", "-1", "thumbsup", "thumbsdown", "smile", "smiley", "grinning", "laughing", "joy", "wink", "blush", "heart",
  "broken_heart", "tada", "fire", "rocket", "eyes", "ok_hand", "clap", "pray", "white_check_mark", "x", "warning",
  "star", "sunglasses", "thinking_face", "cry", "sob", "angry", "rage", "100", "wave", "raised_hands", "muscle",
  "slightly_smiling_face", "upside_down_face", "heavy_check_mark", "question", "exclamation", "sparkles",
]);

export interface CreateEmojiInput {
  readonly name: string;
  readonly creator_id: string;
  readonly description?: string;
}

export interface EmojiService {
  /** Stores a new custom emoji with its image (PNG, GIF, JPEG or WebP, at most 512 KiB). */
  create(input: CreateEmojiInput, image: Uint8Array | AsyncIterable<Uint8Array>): Promise<Emoji>;
  get(emojiId: string): Promise<Emoji>;
  getByName(name: string): Promise<Emoji>;
  /** Live custom emoji, `perPage` from `page * perPage`, by name (`sortBy` "name") or creation. */
  list(page: number, perPage: number, sortBy: string): Promise<Emoji[]>;
  /** The image bytes and their format ("png", "gif", "jpeg" or "webp"). */
  getImage(emojiId: string): Promise<{ image: Buffer; format: string }>;
}

function emojiFromRow(row: EmojiTable): Emoji {
  return { id: row.id, create_at: row.create_at, update_at: row.update_at, delete_at: row.delete_at, creator_id: row.creator_id, name: row.name, description: row.description };
}

/** Formats a custom emoji may have; the header must be readable (Mattermost decodes its config). */
const EMOJI_FORMATS = new Set(["png", "gif", "jpeg", "webp"]);

/** The emoji image's format, or null when it is not a readable image of an allowed format. */
export function imageFormat(data: Uint8Array): string | null {
  const header = readImageHeader(data);
  return header && EMOJI_FORMATS.has(header.format) ? header.format : null;
}

/** Validates an emoji name as Mattermost's IsValidEmojiName does. */
export function checkEmojiName(name: string): void {
  if (!NAME_PATTERN.test(name)) throw appError("model.emoji.name.app_error", { where: "Emoji.IsValid", detailedError: `name=${name}` });
  if (SYSTEM_EMOJI_NAMES.has(name)) throw appError("model.emoji.system_emoji_name.app_error", { where: "Emoji.IsValid", params: { Name: name } });
}

export function createEmojiService(ctx: AppContext, filesDir: string | undefined, settings: () => FileSettings): EmojiService {
  const store = filesDir === undefined ? undefined : new FileStore(filesDir);
  const imagePath = (id: string) => `emoji/${id}/image`;
  const requireEnabled = (where: string) => {
    if (!settings().enableCustomEmoji) throw appError("api.emoji.disabled.app_error", { where });
    if (!store) throw appError("api.emoji.storage.app_error", { where });
    return store;
  };
  const findBy = async (column: "id" | "name", value: string, where: string) => {
    const row = await ctx.db.selectFrom("emoji").selectAll().where(column, "=", value).where("delete_at", "=", 0).executeTakeFirst();
    if (!row) throw appError(column === "id" ? "app.emoji.get.no_result" : "app.emoji.get_by_name.no_result", { where, detailedError: `${column}=${value}` });
    return row;
  };

  return {
    async create(input, image) {
      const files = requireEnabled("createEmoji");
      checkEmojiName(input.name);
      if (!isValidId(input.creator_id)) throw appError("model.emoji.user_id.app_error", { where: "createEmoji" });
      const description = input.description ?? "";
      if (description.length > 255) throw appError("model.emoji.description.app_error", { where: "createEmoji" });
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of image instanceof Uint8Array ? [image] : image) {
        size += (chunk as Uint8Array).length;
        if (size > MAX_EMOJI_BYTES) throw appError("api.emoji.create.too_large.app_error", { where: "createEmoji", params: { Max: MAX_EMOJI_BYTES } });
        chunks.push(chunk as Uint8Array);
      }
      const data = Buffer.concat(chunks);
      const format = imageFormat(data);
      if (!format) throw appError("api.emoji.upload.image.app_error", { where: "createEmoji" });
      const existing = await ctx.db.selectFrom("emoji").select("id").where("name", "=", input.name).where("delete_at", "=", 0).executeTakeFirst();
      if (existing) throw appError("api.emoji.create.duplicate.app_error", { where: "createEmoji", params: { Name: input.name } });
      const now = ctx.now();
      const row: EmojiTable = { id: newId(), creator_id: input.creator_id, name: input.name, description, image_format: format, create_at: now, update_at: now, delete_at: 0 };
      await files.writeAll(imagePath(row.id), data);
      try {
        await withDbErrors("createEmoji", { unique: () => "api.emoji.create.duplicate.app_error" }, () => ctx.db.insertInto("emoji").values(row).execute());
      } catch (error) {
        await files.remove(imagePath(row.id));
        throw error;
      }
      return emojiFromRow(row);
    },

    async get(emojiId) {
      requireEnabled("GetEmoji");
      return emojiFromRow(await findBy("id", emojiId, "GetEmoji"));
    },

    async getByName(name) {
      requireEnabled("GetEmojiByName");
      return emojiFromRow(await findBy("name", name, "GetEmojiByName"));
    },

    async list(page, perPage, sortBy) {
      if (sortBy !== "" && sortBy !== "name") throw appError("api.emoji.get_list.sort_by.app_error", { where: "GetEmojiList", detailedError: `sort_by=${sortBy}` });
      if (page < 0 || perPage < 0) throw appError("api.context.invalid_param.app_error", { where: "GetEmojiList", params: { Name: page < 0 ? "page" : "per_page" } });
      let query = ctx.db.selectFrom("emoji").selectAll().where("delete_at", "=", 0);
      query = sortBy === "name" ? query.orderBy("name") : query.orderBy("create_at").orderBy("id");
      const rows = await query.limit(perPage).offset(page * perPage).execute();
      return rows.map(emojiFromRow);
    },

    async getImage(emojiId) {
      const files = requireEnabled("GetEmojiImage");
      const row = await findBy("id", emojiId, "GetEmojiImage");
      let image: Buffer | null;
      try {
        image = await files.readAll(imagePath(row.id), MAX_EMOJI_BYTES);
      } catch (error) {
        if (!(error instanceof FileTooLargeError)) throw error;
        image = null;
      }
      if (!image) throw appError("api.emoji.get_image.read.app_error", { where: "GetEmojiImage", detailedError: `emoji_id=${emojiId}` });
      return { image, format: row.image_format };
    },
  };
}
