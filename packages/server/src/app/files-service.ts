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
import { createHash, timingSafeEqual } from "node:crypto";
import { Readable } from "node:stream";
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import type { ChannelsService } from "./channels-service.js";
import type { FileSettings } from "./file-settings.js";
import { describeFileName, FileStore, FileTooLargeError, sanitizeFileName, type TempFile } from "./file-store.js";
import { withDbErrors } from "./map-db-error.js";
import type { FileInfo, FileUploadResponse } from "./models/file-info.js";
import { isValidId, newId } from "./new-id.js";
import type { FileInfosTable } from "../store/schema.js";

/** Mattermost's default FileSettings.MaxFileSize (100 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Mattermost's model.GetFileInfosOptions. */
export interface GetFileInfosOptions {
  readonly user_ids?: readonly string[];
  readonly channel_ids?: readonly string[];
  readonly since?: number;
  readonly include_deleted?: boolean;
  /** "CreateAt" (default) or "Size". */
  readonly sort_by?: string;
  readonly sort_descending?: boolean;
}

/** Mattermost's FileDownloadType, as FileWillBeDownloaded receives it. */
export type FileDownloadType = "file" | "thumbnail" | "preview" | "public";

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
  /**
   * Starts an upload into a channel the user belongs to. A `trusted` upload (the Plugin API's, on
   * behalf of `userId` which may be Mattermost's "nouser") only needs the channel to exist, or to be "".
   */
  beginUpload(channelId: string, userId: string, options?: { maxFileBytes?: number; trusted?: boolean }): Promise<FileUpload>;
  /** Uploads one file in one step (trusted, as {@link beginUpload}); the stored info. */
  uploadOne(channelId: string, userId: string, name: string, content: Readable | Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<FileInfo>;
  /** New infos for the same bytes, created by `userId`, on no post and in no channel; the new ids in order. */
  copyFileInfos(userId: string, fileIds: readonly string[]): Promise<string[]>;
  /** Stores the text file search matches for the file. */
  setSearchableContent(fileId: string, content: string): Promise<void>;
  /** Infos by users, channels and time, paged (Mattermost's GetFileInfos). */
  getFileInfos(page: number, perPage: number, options?: GetFileInfosOptions): Promise<FileInfo[]>;
  /** A live file's whole content; 413 past `maxBytes`. */
  readFileBytes(fileId: string, maxBytes: number): Promise<Buffer>;
  /** Any file of the file store by its relative path (Mattermost's ReadFile); 413 past `maxBytes`. */
  readPath(relativePath: string, maxBytes: number): Promise<Buffer>;
  /** The public link of a file attached to a post (501 when public links are off). */
  getPublicLink(fileId: string): Promise<string>;
  /** Opens a file through its public link's hash; 501 when public links are off, 400 for a bad hash. */
  openPublicFile(fileId: string, hash: string): Promise<{ info: FileInfo; stream: Readable; size: number }>;
  /** Runs FileWillBeDownloaded; 403 with the plugin's reason when one rejects the download. */
  checkDownload(info: FileInfo, userId: string, downloadType: FileDownloadType): Promise<void>;
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

/** Mattermost's GeneratePublicLinkHash: base64url(sha256(salt + file id)), no padding. */
export function publicLinkHash(fileId: string, salt: string): string {
  return createHash("sha256").update(salt).update(fileId).digest("base64url");
}

const SORT_COLUMNS: Record<string, "create_at" | "size"> = { CreateAt: "create_at", Size: "size" };

/** Builds the service; without `filesDir` uploads answer 501 (as Mattermost with attachments off). */
export function createFilesService(ctx: AppContext, channels: ChannelsService, filesDir: string | undefined, settings: () => FileSettings): FilesService {
  const store = filesDir === undefined ? undefined : new FileStore(filesDir);
  const requireStore = (where: string): FileStore => {
    if (!store) throw appError("api.file.attachments.disabled.app_error", { where });
    return store;
  };
  const tooLarge = (where: string, size: number | string, limit: number) =>
    appError("app.file.read.too_large_for_message.app_error", { where, params: { Size: size, Limit: limit } });

  async function findVisible(fileId: string, userId: string | undefined): Promise<FileInfosTable> {
    const notFound = () => appError("app.file_info.get.app_error", { where: "getFileInfo", detailedError: `file_id=${fileId}` });
    const row = await ctx.db.selectFrom("file_infos").selectAll().where("id", "=", fileId).where("delete_at", "=", 0).executeTakeFirst();
    if (!row) throw notFound();
    if (userId === undefined) return row;
    if (row.post_id === "" ? row.creator_id !== userId : !(await channels.isMember(row.channel_id, userId))) throw notFound();
    return row;
  }

  const service: FilesService = {
    async beginUpload(channelId, userId, options = {}) {
      if (!store) throw appError("api.file.attachments.disabled.app_error", { where: "uploadFile" });
      if (!options.trusted) {
        await channels.requireMember(channelId, userId);
      } else if (channelId !== "") {
        const badChannel = () => appError("api.file.upload_file.incorrect_channelId.app_error", { where: "uploadFile", detailedError: `channel_id=${channelId}` });
        if (!isValidId(channelId)) throw badChannel();
        await channels.getChannel(channelId).catch(() => Promise.reject(badChannel()));
      }
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
            width: 0, height: 0, has_preview_image: 0, remote_id: "", archived: 0, content: "",
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

    async uploadOne(channelId, userId, name, content) {
      const upload = await service.beginUpload(channelId, userId, { maxFileBytes: settings().maxFileBytes, trusted: true });
      try {
        await upload.add(name, content instanceof Readable ? content : Readable.from(content));
        const [info] = (await upload.commit()).file_infos;
        return info!;
      } catch (error) {
        await upload.abort();
        throw error;
      }
    },

    async copyFileInfos(userId, fileIds) {
      const rows: FileInfosTable[] = [];
      for (const fileId of fileIds) rows.push(await findVisible(fileId, undefined));
      const now = ctx.now();
      const copies = rows.map((row) => ({ ...row, id: newId(), creator_id: userId, post_id: "", channel_id: "", create_at: now, update_at: now }));
      if (copies.length > 0) {
        await withDbErrors("CopyFileInfos", {}, () => ctx.db.transaction().execute(async (trx) => {
          for (const copy of copies) await trx.insertInto("file_infos").values(copy).execute();
        }));
      }
      return copies.map((c) => c.id);
    },

    async setSearchableContent(fileId, content) {
      const result = await withDbErrors("SetFileSearchableContent", {}, () =>
        ctx.db.updateTable("file_infos").set({ content }).where("id", "=", fileId).where("delete_at", "=", 0).executeTakeFirst());
      if (Number(result.numUpdatedRows) === 0) throw appError("app.file_info.get.app_error", { where: "SetFileSearchableContent", detailedError: `file_id=${fileId}` });
    },

    async getFileInfos(page, perPage, options = {}) {
      const sortColumn = SORT_COLUMNS[options.sort_by || "CreateAt"];
      if (!sortColumn) throw appError("app.file_info.get_with_options.app_error", { where: "GetFileInfos", detailedError: `sort_by must be CreateAt or Size, not ${options.sort_by}` });
      if (page < 0 || perPage < 0) throw appError("app.file_info.get_with_options.app_error", { where: "GetFileInfos", detailedError: "page and per_page must not be negative" });
      const direction = options.sort_descending ? "desc" : "asc";
      let query = ctx.db.selectFrom("file_infos").selectAll();
      if (!options.include_deleted) query = query.where("delete_at", "=", 0);
      if (options.user_ids && options.user_ids.length > 0) query = query.where("creator_id", "in", [...options.user_ids]);
      if (options.channel_ids && options.channel_ids.length > 0) query = query.where("channel_id", "in", [...options.channel_ids]);
      if (options.since) query = query.where("create_at", ">=", options.since);
      const rows = await query.orderBy(sortColumn, direction).orderBy("id", direction).limit(perPage).offset(page * perPage).execute();
      return rows.map(fileInfoFromRow);
    },

    async readFileBytes(fileId, maxBytes) {
      const row = await findVisible(fileId, undefined);
      if (row.size > maxBytes) throw tooLarge("GetFile", row.size, maxBytes);
      const data = await readStored(requireStore("GetFile"), row.path, maxBytes, "GetFile");
      if (!data) throw appError("app.file_info.get.app_error", { where: "GetFile", detailedError: `bytes of ${fileId} are missing` });
      return data;
    },

    async readPath(relativePath, maxBytes) {
      const files = requireStore("ReadFile");
      if (relativePath === "" || relativePath.includes("\0")) throw appError("api.file.read_file.invalid_path.app_error", { where: "ReadFile" });
      try {
        files.resolve(relativePath);
      } catch {
        throw appError("api.file.read_file.invalid_path.app_error", { where: "ReadFile", detailedError: `path=${relativePath}` });
      }
      const data = await readStored(files, relativePath, maxBytes, "ReadFile");
      if (!data) throw appError("api.file.read_file.app_error", { where: "ReadFile", detailedError: `path=${relativePath}` });
      return data;
    },

    async getPublicLink(fileId) {
      const current = settings();
      if (!current.enablePublicLink) throw appError("plugin_api.get_file_link.disabled.app_error", { where: "GetFileLink" });
      const row = await findVisible(fileId, undefined);
      if (row.post_id === "") throw appError("plugin_api.get_file_link.no_post.app_error", { where: "GetFileLink", detailedError: `file_id=${fileId}` });
      return `${ctx.siteUrl}/files/${row.id}/public?h=${publicLinkHash(row.id, current.publicLinkSalt)}`;
    },

    async openPublicFile(fileId, hash) {
      const current = settings();
      if (!current.enablePublicLink) throw appError("api.file.get_public_link.disabled.app_error", { where: "getPublicFile" });
      const invalid = () => appError("api.file.get_file.public_invalid.app_error", { where: "getPublicFile" });
      if (hash === "") throw invalid();
      const expected = Buffer.from(publicLinkHash(fileId, current.publicLinkSalt));
      const given = Buffer.from(hash);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
      const row = await findVisible(fileId, undefined).catch(() => Promise.reject(invalid()));
      if (row.post_id === "") throw invalid();
      return service.openFile(fileId);
    },

    async checkDownload(info, userId, downloadType) {
      const hooks = ctx.hooks();
      if (!hooks.fileWillBeDownloaded) return;
      const reason = await hooks.fileWillBeDownloaded({ ...info }, userId, downloadType);
      if (reason !== "") throw appError("api.file.get_file.rejected_by_plugin.app_error", { where: "getFile", message: reason, params: { Reason: reason } });
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
  return service;
}

/** A stored file's bytes, or null when missing; the caller's 413 past `maxBytes`. */
async function readStored(store: FileStore, relative: string, maxBytes: number, where: string): Promise<Buffer | null> {
  try {
    return await store.readAll(relative, maxBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError) throw appError("app.file.read.too_large_for_message.app_error", { where, params: { Size: `more than ${maxBytes}`, Limit: maxBytes } });
    throw error;
  }
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
