import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { create } from "@bufbuild/protobuf";
import type * as grpc from "@grpc/grpc-js";
import type { ManagedPlugin, PluginEnvironment } from "@polyplug/host";
import { FileInfoSchema, FileWillBeUploadedRequestSchema, STREAM_CHUNK_BYTES, fromProto, toProto, type FileWillBeUploadedResponse } from "@polyplug/protocol";
import type { FileInfo } from "../app/models/file-info.js";

type Verdict = { kind: "allow"; info: FileInfo; content?: AsyncIterable<Uint8Array> } | { kind: "reject"; reason: string };

/**
 * FileWillBeUploaded across plugins, in id order: each gets the file streamed in 64 KiB chunks
 * and may reject it, rewrite its info, or stream back replacement content, which the next plugin
 * then sees. Content moves through temp files, never held whole. A plugin that fails or overruns
 * its deadline is skipped (fail open), as for the other "Will" hooks.
 */
export async function runFileWillBeUploaded(env: PluginEnvironment, info: FileInfo, file: { path: string }, hookTimeoutMs: number): Promise<Verdict> {
  let currentInfo = info;
  let currentPath = file.path;
  let tempDir: string | undefined;
  try {
    for (const [index, plugin] of env.implementing("FileWillBeUploaded").entries()) {
      tempDir ??= await mkdtemp(path.join(tmpdir(), "pp-upload-"));
      const replacement = path.join(tempDir, `replacement-${index}`);
      const result = await uploadThrough(plugin, currentInfo, currentPath, replacement, hookTimeoutMs);
      if (!result) continue;
      if (result.rejectionReason) return { kind: "reject", reason: result.rejectionReason };
      if (result.info) currentInfo = { ...currentInfo, ...result.info, id: currentInfo.id };
      if (result.replaced) currentPath = replacement;
    }
    if (currentPath === file.path) return { kind: "allow", info: currentInfo };
    const content = streamThenClean(currentPath, tempDir!);
    tempDir = undefined; // the stream's consumer now owns the cleanup
    return { kind: "allow", info: currentInfo, content };
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}

async function* streamThenClean(file: string, dir: string): AsyncIterable<Uint8Array> {
  try {
    yield* createReadStream(file, { highWaterMark: STREAM_CHUNK_BYTES });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface PluginAnswer {
  rejectionReason: string;
  info?: Partial<FileInfo>;
  replaced: boolean;
}

async function uploadThrough(plugin: ManagedPlugin, info: FileInfo, source: string, replacement: string, timeoutMs: number): Promise<PluginAnswer | undefined> {
  const started = performance.now();
  const call = plugin.openHookStream("fileWillBeUploaded");
  let output: WriteStream | undefined;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    call.cancel();
  }, timeoutMs);
  const answer = new Promise<PluginAnswer>((resolve, reject) => {
    let done: PluginAnswer | undefined;
    call.on("data", (message: FileWillBeUploadedResponse) => {
      if (message.error) return reject(new Error(`${message.error.id}: ${message.error.message}`));
      if (message.bodyChunk.length > 0) {
        output ??= createWriteStream(replacement);
        if (!output.write(message.bodyChunk)) {
          call.pause();
          output.once("drain", () => call.resume());
        }
      }
      if (message.done) {
        done = {
          rejectionReason: message.rejectionReason,
          replaced: output !== undefined,
          ...(message.fileInfo ? { info: fromInfo(message.fileInfo) } : {}),
        };
      }
    });
    call.on("end", () => (done ? resolve(done) : reject(new Error("the plugin ended FileWillBeUploaded without an answer"))));
    call.on("error", reject);
  });
  try {
    call.write(create(FileWillBeUploadedRequestSchema, { fileInfo: toInfo(info) }));
    await pump(source, call);
    const result = await answer;
    if (output) {
      output.end();
      await once(output, "close");
    }
    plugin.hookStats.record("FileWillBeUploaded", "ok", performance.now() - started);
    return result;
  } catch (error) {
    output?.destroy();
    plugin.hookStats.record("FileWillBeUploaded", timedOut ? "timeout" : "transport_error", performance.now() - started);
    const why = timedOut ? `timed out after ${timeoutMs} ms` : (error as Error).message;
    plugin.log.append({ time: new Date().toISOString(), level: "warn", source: "host", message: `FileWillBeUploaded failed (${why}); upload allowed as it was (fail open)` });
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

async function pump(source: string, call: grpc.ClientDuplexStream<unknown, unknown>): Promise<void> {
  for await (const chunk of createReadStream(source, { highWaterMark: STREAM_CHUNK_BYTES })) {
    if (!call.write(create(FileWillBeUploadedRequestSchema, { bodyChunk: chunk as Buffer }))) await once(call, "drain");
  }
  call.write(create(FileWillBeUploadedRequestSchema, { bodyComplete: true }));
  call.end();
}

/** The app's FileInfo on the wire: mini_preview is base64 in Mattermost's JSON, bytes on the wire. */
export function toInfo(info: FileInfo) {
  const { mini_preview: preview, ...rest } = info;
  return toProto(FileInfoSchema, { ...rest, ...(preview ? { mini_preview: new Uint8Array(Buffer.from(preview, "base64")) } : {}) });
}

/** The plugin's FileInfo as the app's model (mini_preview back to base64, as Mattermost's JSON). */
function fromInfo(message: Parameters<typeof fromProto>[1]): Partial<FileInfo> {
  const json = fromProto(FileInfoSchema, message) as Record<string, unknown>;
  const preview = json["mini_preview"] as Uint8Array | undefined;
  json["mini_preview"] = preview && preview.length > 0 ? Buffer.from(preview).toString("base64") : null;
  return json as Partial<FileInfo>;
}
