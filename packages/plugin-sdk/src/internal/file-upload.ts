import { PassThrough, Writable } from "node:stream";
import { create } from "@bufbuild/protobuf";
import {
  FileInfoSchema,
  FileWillBeUploadedResponseSchema,
  PluginContextSchema,
  STREAM_CHUNK_BYTES,
  fromProto,
  toProto,
  type FileWillBeUploadedRequest,
} from "@polyplug/protocol";
import type { FileInfo, PluginContext } from "../models.js";
import { EMPTY_PLUGIN_CONTEXT, type HookDispatcher } from "./hook-dispatcher.js";
import { responseFields } from "./hook-results.js";
import { StreamSink, type MessageStream } from "./stream-sink.js";

const HOOK = "FileWillBeUploaded";
const TRANSPORT_FIELDS = ["body_chunk", "done"];

/**
 * Bridges the FileWillBeUploaded stream to a handler `(ctx, { file_info, file, output })`, as
 * Mattermost's Go hook: `file` is the upload as it arrives, whatever the handler writes to
 * `output` replaces the content (in <=64 KiB messages, with backpressure), and its result (a
 * FileInfo, a rejection reason, or both as fields) goes in the final `done` message.
 */
export function fileWillBeUploaded(dispatcher: HookDispatcher, call: MessageStream): Promise<void> {
  return new Promise<void>((resolve) => {
    const sink = new StreamSink(call, FileWillBeUploadedResponseSchema);
    let file: PassThrough | undefined;
    let ended = false;
    const endFile = () => {
      if (file && !ended) file.end();
      ended = true;
    };
    const gone = () => {
      sink.close();
      if (file && !ended) file.destroy(new Error("the upload was cancelled"));
      ended = true;
      resolve();
    };
    call.on("cancelled", gone);
    call.on("error", gone);
    call.on("end", endFile);
    call.on("data", (message: FileWillBeUploadedRequest) => {
      if (!file) {
        file = new PassThrough();
        file.on("error", () => undefined);
        file.on("drain", () => call.resume());
        const pluginContext = message.context ? (fromProto(PluginContextSchema, message.context) as PluginContext) : EMPTY_PLUGIN_CONTEXT;
        const fileInfo = fromProto(FileInfoSchema, message.fileInfo ?? create(FileInfoSchema)) as FileInfo;
        void run(pluginContext, fileInfo, file);
      }
      if (message.bodyChunk.length > 0 && !ended && !file.write(Buffer.from(message.bodyChunk))) call.pause();
      if (message.bodyComplete) endFile();
    });

    async function run(pluginContext: PluginContext, fileInfo: FileInfo, input: PassThrough): Promise<void> {
      const output = new Writable({
        write: (chunk: Buffer, _encoding, callback) => {
          (async () => {
            for (let offset = 0; offset < chunk.length; offset += STREAM_CHUNK_BYTES) {
              await sink.send({ bodyChunk: chunk.subarray(offset, offset + STREAM_CHUNK_BYTES) });
            }
          })().then(() => callback(), callback);
        },
      });
      output.on("error", () => undefined);
      let final;
      try {
        const result = await dispatcher.run(HOOK, pluginContext, (ctx, handler) => handler(ctx, { file_info: fileInfo, file: input, output }), { deadline: false });
        if (!output.writableFinished) await new Promise<void>((done) => output.end(done));
        const fields = responseFields(FileWillBeUploadedResponseSchema, HOOK, result, TRANSPORT_FIELDS);
        final = toProto(FileWillBeUploadedResponseSchema, { ...fields, done: true });
      } catch (error) {
        final = create(FileWillBeUploadedResponseSchema, { error: dispatcher.failure(HOOK, error).toWire(), done: true });
      }
      try {
        await sink.send(final);
        call.end();
      } catch {
        // Cancelled while answering: nobody is listening any more.
      }
      resolve();
    }
  });
}
