import { Readable } from "node:stream";
import type { PluginAPIHandlers } from "@polyplug/host";
import { EmojiSchema, GetFileInfosOptionsSchema, MAX_MESSAGE_BYTES, UploadSessionSchema, fromProto, toProto, type UploadDataRequest } from "@polyplug/protocol";
import { appError } from "../../app/app-error.js";
import type { GetFileInfosOptions } from "../../app/files-service.js";
import type { UploadSession } from "../../app/models/upload-session.js";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";
import { toInfo } from "../file-upload-hook.js";

/** Room left in a 64 MiB message for the response's other fields. */
const MAX_PAYLOAD_BYTES = MAX_MESSAGE_BYTES - 64 * 1024;

/**
 * The Plugin API's files, upload sessions and custom emoji, over `app.files`, `app.uploadSessions`
 * and `app.emoji`. Calls are trusted as in Mattermost's plugin_api.go: no membership checks, and
 * uploads may be made for any user (or Mattermost's "nouser"). Whole-file methods (GetFile,
 * ReadFile, UploadFile) carry the bytes in one message, so they answer 413 past it; UploadData
 * streams and has no such limit.
 */
export function createFilesHandlers(deps: PluginAPIBackendDeps, _pluginId: string): PluginAPIHandlers {
  const { app } = deps;
  return {
    getEmojiList: async ({ sortBy, page, perPage }) => ({ emojis: (await app.emoji.list(page, perPage, sortBy)).map((e) => toProto(EmojiSchema, e)) }),
    getEmojiByName: async ({ name }) => ({ emoji: toProto(EmojiSchema, await app.emoji.getByName(name)) }),
    getEmoji: async ({ emojiId }) => ({ emoji: toProto(EmojiSchema, await app.emoji.get(emojiId)) }),
    getEmojiImage: async ({ emojiId }) => {
      const { image, format } = await app.emoji.getImage(emojiId);
      return { image: { image, format } };
    },

    copyFileInfos: async ({ userId, fileIds }) => ({ fileIds: await app.files.copyFileInfos(userId, fileIds) }),
    getFileInfo: async ({ fileId }) => ({ fileInfo: toInfo(await app.files.getFileInfo(fileId)) }),
    setFileSearchableContent: async ({ fileId, content }) => {
      await app.files.setSearchableContent(fileId, content);
      return {};
    },
    getFileInfos: async ({ page, perPage, opt }) => {
      const options = opt ? (fromProto(GetFileInfosOptionsSchema, opt) as unknown as GetFileInfosOptions) : {};
      return { fileInfos: (await app.files.getFileInfos(page, perPage, options)).map(toInfo) };
    },
    getFile: async ({ fileId }) => ({ data: await app.files.readFileBytes(fileId, MAX_PAYLOAD_BYTES) }),
    getFileLink: async ({ fileId }) => ({ link: await app.files.getPublicLink(fileId) }),
    readFile: async ({ path }) => ({ data: await app.files.readPath(path, MAX_PAYLOAD_BYTES) }),
    uploadFile: async ({ data, channelId, filename }) => {
      if (data.length > MAX_PAYLOAD_BYTES) {
        throw appError("api.file.upload_file.too_large_detailed.app_error", { where: "UploadFile", params: { Filename: filename, Limit: MAX_PAYLOAD_BYTES } });
      }
      // Mattermost's UploadFile stores the file for no user ("nouser"), as the API layer's local mode does.
      return { fileInfo: toInfo(await app.files.uploadOne(channelId, "nouser", filename, Readable.from([data]))) };
    },

    createUploadSession: async ({ uploadSession }) => {
      const input = fromProto(UploadSessionSchema, uploadSession ?? {}) as unknown as Partial<UploadSession>;
      return { uploadSession: toProto(UploadSessionSchema, await app.uploadSessions.create(input)) };
    },
    getUploadSession: async ({ uploadId }) => ({ uploadSession: toProto(UploadSessionSchema, await app.uploadSessions.get(uploadId)) }),
    uploadData: async (requests) => {
      const messages = requests[Symbol.asyncIterator]();
      const first = await messages.next();
      if (first.done || first.value.uploadId === "") throw appError("app.upload.upload_data.first_message.app_error", { where: "UploadData" });
      const info = await app.uploadSessions.uploadData(first.value.uploadId, chunksOf(first.value, messages));
      return info ? { fileInfo: toInfo(info) } : {};
    },
  };
}

/** The data of the first message and of every later one, as they arrive; a later message may not name another session. */
async function* chunksOf(first: UploadDataRequest, rest: AsyncIterator<UploadDataRequest>): AsyncIterable<Uint8Array> {
  if (first.dataChunk.length > 0) yield first.dataChunk;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    if (next.value.uploadId !== "" && next.value.uploadId !== first.uploadId) {
      throw appError("app.upload.upload_data.other_upload.app_error", { where: "UploadData", detailedError: `upload_id=${next.value.uploadId} after ${first.uploadId}` });
    }
    if (next.value.dataChunk.length > 0) yield next.value.dataChunk;
  }
}
