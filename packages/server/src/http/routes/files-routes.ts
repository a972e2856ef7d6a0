/**
 * `/api/v4/files…`: streaming uploads (multipart, as Client4.uploadFile sends them) and downloads.
 *
 * The form is read part by part: `channel_id` (a field before the files, or the query parameter)
 * is checked before any byte is written, each `files` part streams to disk under the size limit,
 * `client_ids` fields pair with the files in order. The upload is all or nothing: on any error
 * every file written so far is deleted and no FileInfo is stored.
 */
import type { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../../app/app.js";
import { appError } from "../../app/app-error.js";
import type { FileDownloadType, FileUpload } from "../../app/files-service.js";
import type { FileInfo } from "../../app/models/file-info.js";
import { isValidId } from "../../app/new-id.js";
import { requireSession } from "../authenticate.js";
import { readMultipart } from "../multipart-input.js";
import { idParam, stringQuery } from "../request-input.js";

/** Mattermost lets a post carry 10 files, so one upload carries at most as many. */
const MAX_FILES_PER_UPLOAD = 10;

/** Types a browser may show inline; anything else is always a download (no stored HTML runs in our origin). */
const INLINE_TYPES = /^(image\/(png|jpeg|gif|webp|bmp)|video\/mp4|audio\/mpeg|application\/pdf|text\/plain)$/;

/**
 * Adds POST /files, GET /files/:file_id, GET /files/:file_id/info, GET /posts/:post_id/files/info
 * and the public link route GET /files/:file_id/public?h=…. Downloads run FileWillBeDownloaded.
 */
export function registerFilesRoutes(fastify: FastifyInstance, app: App, limits: { maxFileBytes: number }): void {
  fastify.post("/api/v4/files", async (request, reply) => {
    const session = await requireSession(request, app);
    const badChannel = () => appError("api.file.upload_file.incorrect_channelId.app_error", { where: "uploadFile" });
    let channelId = stringQuery(request, "channel_id") || undefined;
    if (channelId !== undefined && !isValidId(channelId)) throw badChannel();
    let upload: FileUpload | undefined;
    const clientIds: string[] = [];
    try {
      await readMultipart(
        request,
        { files: MAX_FILES_PER_UPLOAD, fields: 2 * MAX_FILES_PER_UPLOAD + 2 },
        async (part) => {
          if (part.kind === "field") {
            if (part.name === "channel_id") {
              if (!isValidId(part.value)) throw badChannel();
              if (channelId !== undefined && channelId !== part.value) throw appError("api.file.upload_file.multiple_channel_ids.app_error", { where: "uploadFile" });
              channelId = part.value;
            } else if (part.name === "client_ids") {
              clientIds.push(part.value);
            }
            return;
          }
          if (part.name !== "files") return;
          if (channelId === undefined) throw badChannel();
          upload ??= await app.files.beginUpload(channelId, session.user_id, { maxFileBytes: limits.maxFileBytes });
          await upload.add(part.filename, part.stream);
        },
        "api.file.upload_file.read_request.app_error",
      );
      if (!upload) throw channelId === undefined ? badChannel() : appError("api.file.upload_file.incorrect_number_of_files.app_error", { where: "uploadFile" });
      const response = await upload.commit();
      response.client_ids = response.file_infos.map((_, i) => clientIds[i] ?? "");
      return reply.code(201).send(response);
    } catch (error) {
      await (upload as FileUpload | undefined)?.abort();
      throw error;
    }
  });

  fastify.get("/api/v4/posts/:post_id/files/info", async (request) => {
    const session = await requireSession(request, app);
    const post = await app.posts.getPost(idParam(request, "post_id"));
    await app.channels.requireMember(post.channel_id, session.user_id);
    return app.files.getFileInfosForPost(post.id);
  });

  fastify.get("/api/v4/files/:file_id/info", async (request) => {
    const session = await requireSession(request, app);
    return app.files.getFileInfo(idParam(request, "file_id"), session.user_id);
  });

  fastify.get("/api/v4/files/:file_id", async (request, reply) => {
    const session = await requireSession(request, app);
    const { info, stream, size } = await app.files.openFile(idParam(request, "file_id"), session.user_id);
    await checkDownload(app, info, session.user_id, "file", stream);
    return sendFile(request, reply, info, stream, size);
  });

  // Mattermost's public link (GetFileLink): no session, the hash proves the link was handed out.
  fastify.get("/files/:file_id/public", async (request, reply) => {
    const { info, stream, size } = await app.files.openPublicFile(idParam(request, "file_id"), stringQuery(request, "h") ?? "");
    await checkDownload(app, info, "", "public", stream);
    return sendFile(request, reply, info, stream, size);
  });
}

/** FileWillBeDownloaded before any byte leaves; on a refusal the opened file is closed (403). */
async function checkDownload(app: App, info: FileInfo, userId: string, type: FileDownloadType, stream: Readable): Promise<void> {
  try {
    await app.files.checkDownload(info, userId, type);
  } catch (error) {
    stream.destroy();
    throw error;
  }
}

/** Streams a file with Mattermost's headers: inline only for types that cannot run script. */
function sendFile(request: FastifyRequest, reply: FastifyReply, info: FileInfo, stream: Readable, size: number) {
  const inline = INLINE_TYPES.test(info.mime_type) && stringQuery(request, "download") !== "1";
  const encoded = encodeURIComponent(info.name);
  return reply
    .header("Content-Type", inline ? info.mime_type : "application/octet-stream")
    .header("Content-Length", String(size))
    .header("Content-Disposition", `${inline ? "inline" : "attachment"}; filename="${encoded}"; filename*=UTF-8''${encoded}`)
    .header("X-Content-Type-Options", "nosniff")
    .header("Content-Security-Policy", "Frame-ancestors 'none'")
    .send(stream);
}
