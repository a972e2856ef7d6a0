/**
 * File uploads and downloads (Mattermost's POST /files, GET /files/{id}, GET /files/{id}/info).
 *
 * An upload is a small transaction across disk and database: {@link FilesService.beginUpload}
 * checks the channel once, each file is streamed to a temp file with the size limit and offered to
 * FileWillBeUploaded, and {@link FileUpload.commit} moves every file into place and inserts every
 * FileInfo in one database transaction — or nothing is kept at all. Reading follows Mattermost: a
 * file not yet attached to a post is visible to its uploader only; an attached one to the members
 * of the post's channel.
 */
import type { Readable } from "node:stream";
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import type { ChannelsService } from "./channels-service.js";
import { describeFileName, FileStore, FileTooLargeError, sanitizeFileName, type TempFile } from "./file-store.js";
import { withDbErrors } from "./map-db-error.js";
import type { FileInfo, FileUploadResponse } from "./models/file-info.js";
import { newId } from "./new-id.js";
import type { FileInfosTable } from "../store/schema.js";

/** Mattermost's default FileSettings.MaxFileSize (100 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

/** One upload in progress: add files, then commit or abort. */
export interface FileUpload {
  readonly channelId: string;
  /** Streams one file to disk (nothing visible yet); 413 past the limit, 403 if a plugin rejects it. */
  add(name: string, content: Readable, clientId?: string): Promise<FileInfo>;
  /** Makes every added file visible at once. */
  commit(): Promise<FileUploadResponse>;
  /** Deletes whatever was written; safe to call more than once. */
  abort(): Promise<void>;
}

/** Uploads and reads, for REST (checked against a user) and trusted callers. */
export interface FilesService {
  /** Starts an upload into a channel the user belongs to. */
  beginUpload(channelId: string, userId: string, options?: { maxFileBytes?: number }): Promise<FileUpload>;
  /** The info, if `userId` (when given) may see the file; 404 otherwise (never reveal existence). */
  getFileInfo(fileId: string, userId?: string): Promise<FileInfo>;
  /** The live files attached to a post, in upload order (callers check the post is visible). */
  getFileInfosForPost(postId: string): Promise<FileInfo[]>;
  /** The info and a stream of the bytes, with the same access rule. */
  openFile(fileId: string, userId?: string): Promise<{ info: FileInfo; stream: Readable; size: number }>;
}

function fileInfoFromRow(row: FileInfosTable): FileInfo {
  return {
    id: row.id, user_id: row.creator_id, post_id: row.post_id, channel_id: row.channel_id, create_at: row.create_at,
    update_at: row.update_at, delete_at: row.delete_at, name: row.name, extension: row.extension, size: row.size,
    mime_type: row.mime_type, width: row.width, height: row.height, has_preview_image: row.has_preview_image !== 0,
    mini_preview: null, remote_id: row.remote_id, archived: row.archived !== 0,
  };
}

/** Builds the service; without `filesDir` uploads answer 501 (as Mattermost with attachments off). */
export function createFilesService(ctx: AppContext, channels: ChannelsService, filesDir: string | undefined): FilesService {
  const store = filesDir === undefined ? undefined : new FileStore(filesDir);

  async function findVisible(fileId: string, userId: string | undefined): Promise<FileInfosTable> {
    const notFound = () => appError("app.file_info.get.app_error", { where: "getFileInfo", detailedError: `file_id=${fileId}` });
    const row = await ctx.db.selectFrom("file_infos").selectAll().where("id", "=", fileId).where("delete_at", "=", 0).executeTakeFirst();
    if (!row) throw notFound();
    if (userId === undefined) return row;
    if (row.post_id === "" ? row.creator_id !== userId : !(await channels.isMember(row.channel_id, userId))) throw notFound();
    return row;
  }

  return {
    async beginUpload(channelId, userId, options = {}) {
      if (!store) throw appError("api.file.attachments.disabled.app_error", { where: "uploadFile" });
      await channels.requireMember(channelId, userId);
      const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
      const added: Array<{ row: FileInfosTable; temp: TempFile; clientId: string }> = [];
      let finished = false;

      const upload: FileUpload = {
        channelId,
        async add(rawName, content, clientId = "") {
          const name = sanitizeFileName(rawName);
          let temp: TempFile;
          try {
            temp = await store.writeTemp(content, maxBytes);
          } catch (error) {
            if (error instanceof FileTooLargeError) {
              throw appError("api.file.upload_file.too_large_detailed.app_error", { where: "uploadFile", params: { Filename: name, Limit: maxBytes } });
            }
            throw error;
          }
          const now = ctx.now();
          const { extension, mimeType } = describeFileName(name);
          let info: FileInfo = {
            id: newId(), user_id: userId, post_id: "", channel_id: channelId, create_at: now, update_at: now, delete_at: 0,
            name, extension, size: temp.size, mime_type: mimeType, width: 0, height: 0, has_preview_image: false,
            mini_preview: null, remote_id: "", archived: false,
          };
          try {
            ({ info, temp } = await runUploadHook(ctx, store, info, temp, maxBytes));
          } catch (error) {
            await store.remove(temp.path);
            throw error;
          }
          const row: FileInfosTable = {
            id: info.id, creator_id: userId, post_id: "", channel_id: channelId, create_at: now, update_at: now, delete_at: 0,
            path: store.finalPath(info), name: info.name, extension: info.extension, size: temp.size, mime_type: info.mime_type,
            width: 0, height: 0, has_preview_image: 0, remote_id: "", archived: 0,
          };
          added.push({ row, temp, clientId });
          return fileInfoFromRow(row);
        },

        async commit() {
          if (added.length === 0) throw appError("api.file.upload_file.incorrect_number_of_files.app_error", { where: "uploadFile" });
          finished = true;
          const placed: string[] = [];
          try {
            for (const file of added) {
              await store.place(file.temp.path, file.row.path);
              placed.push(file.row.path);
            }
            await withDbErrors("uploadFile", {}, () =>
              ctx.db.transaction().execute(async (trx) => {
                for (const file of added) await trx.insertInto("file_infos").values(file.row).execute();
              }),
            );
          } catch (error) {
            await Promise.all([...placed.map((p) => store.remove(p)), ...added.map((f) => store.remove(f.temp.path))]);
            throw error;
          }
          return { file_infos: added.map((f) => fileInfoFromRow(f.row)), client_ids: added.map((f) => f.clientId) };
        },

        async abort() {
          if (finished) return;
          finished = true;
          await Promise.all(added.map((f) => store.remove(f.temp.path)));
        },
      };
      return upload;
    },

    async getFileInfo(fileId, userId) {
      return fileInfoFromRow(await findVisible(fileId, userId));
    },

    async getFileInfosForPost(postId) {
      const rows = await ctx.db.selectFrom("file_infos").selectAll().where("post_id", "=", postId).where("delete_at", "=", 0).orderBy("create_at").orderBy("id").execute();
      return rows.map(fileInfoFromRow);
    },

    async openFile(fileId, userId) {
      const row = await findVisible(fileId, userId);
      const opened = store ? await store.open(row.path) : null;
      if (!opened) throw appError("app.file_info.get.app_error", { where: "openFile", detailedError: `bytes of ${fileId} are missing` });
      return { info: fileInfoFromRow(row), ...opened };
    },
  };
}

/** FileWillBeUploaded: a plugin may reject the file, rename it, or replace its content. */
async function runUploadHook(ctx: AppContext, store: FileStore, info: FileInfo, temp: TempFile, maxBytes: number): Promise<{ info: FileInfo; temp: TempFile }> {
  const hooks = ctx.hooks();
  if (!hooks.fileWillBeUploaded) return { info, temp };
  const verdict = await hooks.fileWillBeUploaded({ ...info }, { path: temp.path });
  if (verdict.kind === "reject") {
    throw appError("api.file.upload_file.rejected_by_plugin.app_error", { where: "uploadFile", params: { Filename: info.name, Reason: verdict.reason } });
  }
  const name = sanitizeFileName(verdict.info.name || info.name);
  const described = describeFileName(name);
  const next: FileInfo = { ...info, name, extension: described.extension, mime_type: verdict.info.mime_type || described.mimeType };
  if (!verdict.content) return { info: next, temp };
  let replaced: TempFile;
  try {
    replaced = await store.writeTemp(verdict.content, maxBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      throw appError("api.file.upload_file.too_large_detailed.app_error", { where: "uploadFile", params: { Filename: name, Limit: maxBytes } });
    }
    throw error;
  }
  await store.remove(temp.path);
  return { info: { ...next, size: replaced.size }, temp: replaced };
}
