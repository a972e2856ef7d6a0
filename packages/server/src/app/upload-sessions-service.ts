/**
 * Resumable uploads (Mattermost's upload sessions): CreateUploadSession announces a file of
 * `file_size` bytes, UploadData appends bytes (in as many calls as the client likes) until the
 * offset reaches the size, and then the file is created as an upload of one file would be —
 * FileWillBeUploaded included — and the session is gone.
 *
 * The partial file grows at `.uploads/<session id>` in the file store; the session row keeps the
 * offset, so an interrupted upload resumes where its last byte landed. As in Mattermost, bytes
 * past `file_size` are not written, and one session takes one UploadData at a time. A stream that
 * runs on more than one chunk past `file_size` is cut off with 413 rather than read to its end.
 */
import { createReadStream } from "node:fs";
import type { AppContext } from "./app-context.js";
import { appError, isAppError } from "./app-error.js";
import type { ChannelsService } from "./channels-service.js";
import type { FileSettings } from "./file-settings.js";
import { FileStore, sanitizeFileName } from "./file-store.js";
import type { FilesService } from "./files-service.js";
import { withDbErrors } from "./map-db-error.js";
import type { FileInfo } from "./models/file-info.js";
import type { UploadSession } from "./models/upload-session.js";
import { isValidId, newId } from "./new-id.js";
import type { UploadSessionsTable } from "../store/schema.js";

/** Mattermost's UploadNoUserID: the "user" of uploads made without one (local mode, plugins). */
export const UPLOAD_NO_USER_ID = "nouser";
const TYPES = new Set(["attachment", "import"]);
/** The SDKs' UploadData chunk size: the slack allowed past file_size before the stream is cut off. */
export const UPLOAD_CHUNK_BYTES = 64 * 1024;

export interface UploadSessionsService {
  /** Validates and stores a new session (offset 0); 413 past FileSettings.MaxFileSize. */
  create(input: Partial<UploadSession>): Promise<UploadSession>;
  get(uploadId: string): Promise<UploadSession>;
  /**
   * Appends `data` at the session's offset. Returns the new FileInfo once the file is complete
   * (an "import" upload has none), null while bytes are still missing.
   */
  uploadData(uploadId: string, data: AsyncIterable<Uint8Array>): Promise<FileInfo | null>;
}

function sessionFromRow(row: UploadSessionsTable): UploadSession {
  const { path: _path, ...session } = row;
  return session;
}

export function createUploadSessionsService(ctx: AppContext, channels: ChannelsService, files: FilesService, filesDir: string | undefined, settings: () => FileSettings): UploadSessionsService {
  const store = filesDir === undefined ? undefined : new FileStore(filesDir);
  const active = new Set<string>();
  const invalid = (field: string, id = "") => appError(`model.upload_session.is_valid.${field}.app_error` as never, { where: "UploadSession.IsValid", detailedError: id && `id=${id}` });
  const find = async (uploadId: string, where: string) => {
    const row = await ctx.db.selectFrom("upload_sessions").selectAll().where("id", "=", uploadId).executeTakeFirst();
    if (!row) throw appError("app.upload.get.app_error", { where, detailedError: `upload_id=${uploadId}` });
    return row;
  };

  return {
    async create(input) {
      if (!store) throw appError("api.file.attachments.disabled.app_error", { where: "CreateUploadSession" });
      const id = input.id || newId();
      const session: UploadSession = {
        id, type: input.type ?? "", create_at: ctx.now(), user_id: input.user_id ?? "", channel_id: input.channel_id ?? "",
        filename: input.filename ?? "", file_size: Number(input.file_size ?? 0), file_offset: 0,
        remote_id: input.remote_id ?? "", req_file_id: input.req_file_id ?? "",
      };
      if (session.file_size > settings().maxFileBytes) {
        throw appError("app.upload.create.upload_too_large.app_error", { where: "CreateUploadSession", params: { Max: settings().maxFileBytes } });
      }
      if (!isValidId(session.id)) throw invalid("id");
      if (!TYPES.has(session.type)) throw invalid("type", id);
      if (!isValidId(session.user_id) && session.user_id !== UPLOAD_NO_USER_ID) throw invalid("user_id", id);
      if (session.type === "attachment" && !isValidId(session.channel_id)) throw invalid("channel_id", id);
      if (session.filename === "") throw invalid("filename", id);
      if (!(session.file_size > 0)) throw invalid("file_size", id);
      if ((session.req_file_id !== "" && !isValidId(session.req_file_id)) || (session.remote_id !== "" && !isValidId(session.remote_id))) throw invalid("id", id);
      if (session.type === "attachment") {
        const channel = await channels.getChannel(session.channel_id).catch(() => null);
        if (!channel) throw appError("app.upload.create.incorrect_channel_id.app_error", { where: "CreateUploadSession", params: { channelId: session.channel_id } });
        if (channel.delete_at !== 0) throw appError("app.upload.create.cannot_upload_to_deleted_channel.app_error", { where: "CreateUploadSession" });
      }
      const row: UploadSessionsTable = { ...session, path: `.uploads/${session.id}` };
      await withDbErrors("CreateUploadSession", { unique: () => "app.upload.create.save.app_error" }, () => ctx.db.insertInto("upload_sessions").values(row).execute());
      return session;
    },

    async get(uploadId) {
      return sessionFromRow(await find(uploadId, "GetUploadSession"));
    },

    async uploadData(uploadId, data) {
      if (!store) throw appError("api.file.attachments.disabled.app_error", { where: "UploadData" });
      if (active.has(uploadId)) throw appError("app.upload.upload_data.concurrent.app_error", { where: "UploadData", detailedError: `upload_id=${uploadId}` });
      active.add(uploadId);
      try {
        const row = await find(uploadId, "UploadData");
        let written = 0;
        let failure: unknown;
        try {
          written = await store.writeAt(row.path, row.file_offset, upTo(data, row.file_size - row.file_offset), row.file_size);
        } catch (error) {
          failure = error;
          written = await store.sizeOf(row.path).then((size) => Math.max(0, size - row.file_offset), () => 0);
        }
        const offset = row.file_offset + written;
        await ctx.db.updateTable("upload_sessions").set({ file_offset: offset }).where("id", "=", row.id).execute();
        if (isAppError(failure)) throw failure;
        if (failure !== undefined) throw appError("app.upload.upload_data.save.app_error", { where: "UploadData", detailedError: String((failure as Error).message ?? failure), cause: failure });
        if (offset < row.file_size) return null;

        let info: FileInfo | null = null;
        if (row.type === "attachment") {
          info = await files.uploadOne(row.channel_id, row.user_id, sanitizeFileName(row.filename), createReadStream(store.resolve(row.path)));
        } else {
          await store.place(store.resolve(row.path), `import/${row.id}_${sanitizeFileName(row.filename)}`);
        }
        await ctx.db.deleteFrom("upload_sessions").where("id", "=", row.id).execute();
        await store.remove(row.path);
        return info;
      } finally {
        active.delete(uploadId);
      }
    },
  };
}

const tooMuch = (limit: number) =>
  appError("app.upload.upload_data.too_large.app_error", { where: "UploadData", params: { Max: limit }, detailedError: `more than ${UPLOAD_CHUNK_BYTES} bytes past file_size` });

/**
 * The first `limit` bytes of `data` (Mattermost's LimitReader); up to one chunk beyond is read and
 * dropped, more fails with 413 so a runaway stream is not read to its end.
 */
async function* upTo(data: AsyncIterable<Uint8Array>, limit: number): AsyncIterable<Uint8Array> {
  let left = limit;
  let dropped = 0;
  for await (const chunk of data) {
    if (left <= 0) {
      dropped += chunk.length;
      if (dropped > UPLOAD_CHUNK_BYTES) throw tooMuch(limit);
      continue;
    }
    const part = chunk.length > left ? chunk.subarray(0, left) : chunk;
    left -= part.length;
    dropped += chunk.length - part.length;
    if (dropped > UPLOAD_CHUNK_BYTES) throw tooMuch(limit);
    yield part;
  }
}
