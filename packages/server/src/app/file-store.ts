/**
 * Where uploaded bytes live: `<filesDir>/<yyyymmdd>/channels/<channel>/users/<user>/<file id>/<name>`
 * (Mattermost's layout without the team level), written through a private `.tmp` directory.
 *
 * Uploads are streamed to a temp file with a byte limit — a body is never held in memory — and
 * only renamed into place once the whole upload is accepted, so a failed or rejected upload
 * leaves nothing behind but a temp file that is removed at once.
 */
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { mkdir, open as openFile, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import type { Readable } from "node:stream";
import { newId } from "./new-id.js";

/** Raised when a stream passes its byte limit; callers turn it into their own 413. */
export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
    this.name = "FileTooLargeError";
  }
}

/** A file streamed to the temp area, not yet in place. */
export interface TempFile {
  readonly path: string;
  readonly size: number;
}

/** Disk operations for uploads, rooted at one directory. */
export class FileStore {
  readonly #root: string;

  constructor(root: string) {
    this.#root = path.resolve(root);
  }

  /**
   * Streams `content` to a new temp file, failing with {@link FileTooLargeError} past `maxBytes`.
   * Past the limit the rest of the content is read and discarded rather than cut off: the source is
   * usually one part of a multipart request, and the parser can only go on (and the client only get
   * its 413) once that part has been consumed.
   */
  async writeTemp(content: Readable | AsyncIterable<Uint8Array>, maxBytes: number): Promise<TempFile> {
    const dir = path.join(this.#root, ".tmp");
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, newId());
    const out = createWriteStream(file, { mode: 0o600 });
    const failed = new Promise<never>((_, reject) => out.once("error", reject));
    failed.catch(() => undefined);
    let size = 0;
    try {
      for await (const chunk of content) {
        size += chunk.length;
        if (size > maxBytes) continue;
        if (!out.write(chunk)) await Promise.race([once(out, "drain"), failed]);
      }
      out.end();
      await Promise.race([once(out, "finish"), failed]);
      if (size > maxBytes) throw new FileTooLargeError(maxBytes);
    } catch (error) {
      out.destroy();
      await rm(file, { force: true });
      throw error;
    }
    return { path: file, size };
  }

  /** The relative path a file will have once in place. */
  finalPath(info: { id: string; channel_id: string; user_id: string; name: string; create_at: number }): string {
    const day = new Date(info.create_at).toISOString().slice(0, 10).replaceAll("-", "");
    return path.join(day, "channels", info.channel_id, "users", info.user_id, info.id, info.name);
  }

  /** Moves a temp file to its relative path (same filesystem: a rename). */
  async place(temp: string, relative: string): Promise<void> {
    const target = this.resolve(relative);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temp, target);
  }

  /** Removes a stored or temp file (absolute or relative); missing files are fine. */
  async remove(file: string): Promise<void> {
    await rm(path.isAbsolute(file) ? file : this.resolve(file), { force: true });
  }

  /** Opens a stored file for streaming; null when the bytes are gone. */
  async open(relative: string): Promise<{ stream: ReadStream; size: number } | null> {
    const file = this.resolve(relative);
    try {
      const { size } = await stat(file);
      return { stream: createReadStream(file), size };
    } catch {
      return null;
    }
  }

  /** Reads a whole stored file; null when missing, {@link FileTooLargeError} past `maxBytes`. */
  async readAll(relative: string, maxBytes: number): Promise<Buffer | null> {
    const file = this.resolve(relative);
    let size: number;
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      size = info.size;
    } catch {
      return null;
    }
    if (size > maxBytes) throw new FileTooLargeError(maxBytes);
    return readFile(file);
  }

  /** Writes a whole small file (an emoji image) at its relative path, replacing any old one. */
  async writeAll(relative: string, data: Uint8Array): Promise<void> {
    const target = this.resolve(relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data, { mode: 0o600 });
  }

  /**
   * Writes `content` into a stored file from byte `offset` on (created when missing), stopping with
   * {@link FileTooLargeError} once the file would pass `maxSize`; returns the bytes written. Bytes
   * past the limit are never written, so a failed append leaves the file at most `maxSize` long.
   */
  async writeAt(relative: string, offset: number, content: AsyncIterable<Uint8Array>, maxSize: number): Promise<number> {
    const target = this.resolve(relative);
    await mkdir(path.dirname(target), { recursive: true });
    const handle = await openFile(target, offset === 0 ? "w" : "r+", 0o600);
    let written = 0;
    try {
      for await (const chunk of content) {
        if (offset + written + chunk.length > maxSize) throw new FileTooLargeError(maxSize);
        await handle.write(chunk, 0, chunk.length, offset + written);
        written += chunk.length;
      }
    } finally {
      await handle.close();
    }
    return written;
  }

  /** A stored file's size in bytes (rejects when it is missing). */
  async sizeOf(relative: string): Promise<number> {
    return (await stat(this.resolve(relative))).size;
  }

  /** Absolute path inside the root; a stored path can never point outside it. */
  resolve(relative: string): string {
    const target = path.resolve(this.#root, relative);
    if (!target.startsWith(this.#root + path.sep)) throw new Error(`file path escapes the files directory: ${relative}`);
    return target;
  }
}

/** A name safe to store and to send back: no directories, no control characters, at most 255 chars. */
export function sanitizeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  const safe = base === "." || base === ".." ? "" : base;
  return [...safe].slice(0, 255).join("") || "file";
}

const MIME_TYPES: Record<string, string> = {
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", bmp: "image/bmp",
  svg: "image/svg+xml", txt: "text/plain", md: "text/markdown", csv: "text/csv", json: "application/json",
  pdf: "application/pdf", zip: "application/zip", gz: "application/gzip", mp3: "audio/mpeg", mp4: "video/mp4",
  html: "text/html", xml: "application/xml",
};

/** Extension (lower-case, no dot) and MIME type from a file name; unknown types are octet-stream. */
export function describeFileName(name: string): { extension: string; mimeType: string } {
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  return { extension, mimeType: MIME_TYPES[extension] ?? "application/octet-stream" };
}
