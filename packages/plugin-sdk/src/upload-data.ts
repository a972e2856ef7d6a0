import { once } from "node:events";
import { create, type DescMethod } from "@bufbuild/protobuf";
import { FileInfoSchema, STREAM_CHUNK_BYTES, fromProto, type AppError as AppErrorMessage, type FileInfo as FileInfoMessage } from "@polyplug/protocol";
import { AppError } from "./app-error.js";
import { fromGrpcError, type ApiTransport, type ApiStream } from "./internal/api-transport.js";
import type { Model } from "./models.js";

/** What UploadData returns: the new file's info once the upload is complete, null before. */
export type UploadedFileInfo = Model<FileInfoMessage> | null;

/**
 * Mattermost's UploadData: appends `data` (bytes, or a stream such as a Readable) to the upload
 * session `uploadSession` (its id, or the session itself), streamed to the host in <=64 KiB
 * messages with backpressure, so a file of any size fits.
 */
export async function uploadData(transport: ApiTransport, method: DescMethod, uploadSession: string | { id: string }, data: Uint8Array | string | AsyncIterable<Uint8Array | string>): Promise<UploadedFileInfo> {
  const call = transport.stream(method);
  const answer = new Promise<{ error?: AppErrorMessage; fileInfo?: unknown }>((resolve, reject) => {
    let response: { error?: AppErrorMessage; fileInfo?: unknown } | undefined;
    call.on("data", (message: { error?: AppErrorMessage; fileInfo?: unknown }) => (response = message));
    call.on("end", () => (response ? resolve(response) : reject(new AppError({ id: "plugin.api.upload_data.no_response", message: "the host ended UploadData without an answer", statusCode: 502, where: "UploadData" }))));
    call.on("error", (error: unknown) => reject(fromGrpcError(error, "UploadData")));
  });
  answer.catch(() => undefined);
  try {
    await send(call, method, typeof uploadSession === "string" ? uploadSession : uploadSession.id, data);
  } catch (error) {
    call.cancel();
    throw error;
  }
  const response = await answer;
  if (response.error) throw AppError.fromWire(response.error, "UploadData");
  return response.fileInfo ? (fromProto(FileInfoSchema, response.fileInfo as never) as unknown as Model<FileInfoMessage>) : null;
}

async function send(call: ApiStream, method: DescMethod, uploadId: string, data: Uint8Array | string | AsyncIterable<Uint8Array | string>): Promise<void> {
  call.write(create(method.input, { uploadId } as never));
  const chunks = typeof data === "string" || data instanceof Uint8Array ? [data] : data;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    for (let offset = 0; offset < bytes.length; offset += STREAM_CHUNK_BYTES) {
      if (!call.write(create(method.input, { dataChunk: bytes.subarray(offset, offset + STREAM_CHUNK_BYTES) } as never))) await once(call, "drain");
    }
  }
  call.end();
}
