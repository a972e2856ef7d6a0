/**
 * Streaming `multipart/form-data` for file and plugin uploads, one part at a time, in order.
 *
 * Parts are handed to an async handler strictly in the order they arrive, and a file part is a
 * stream the handler reads while the request is still coming in — nothing is buffered whole.
 * Order matters for Mattermost's upload API (`channel_id` comes before the files). When a handler
 * fails, the rest of the body is read and discarded so the client gets the error instead of a
 * reset connection, and the first failure is what the request answers.
 */
import { Busboy, type BusboyFileStream } from "@fastify/busboy";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Readable } from "node:stream";
import { appError, type AppErrorId } from "../app/app-error.js";

/** One part of the form. */
export type MultipartPart =
  | { readonly kind: "field"; readonly name: string; readonly value: string }
  | { readonly kind: "file"; readonly name: string; readonly filename: string; readonly stream: Readable };

/** Bounds on the form's shape (sizes of files are the handler's to enforce, with its own error). */
export interface MultipartLimits {
  readonly files?: number;
  readonly fields?: number;
  readonly fieldSize?: number;
}

/** Lets `multipart/form-data` bodies through unparsed, for routes that call {@link readMultipart}. */
export function acceptMultipart(fastify: FastifyInstance): void {
  fastify.addContentTypeParser("multipart/form-data", (_request, payload, done) => done(null, payload));
}

/**
 * Reads the request's form, calling `onPart` for each part in order. Rejects with `errorId`
 * (a 400) when the body is not a readable multipart form.
 */
export function readMultipart(
  request: FastifyRequest,
  limits: MultipartLimits,
  onPart: (part: MultipartPart) => Promise<void>,
  errorId: AppErrorId = "api.context.invalid_body_param.app_error",
): Promise<void> {
  const contentType = request.headers["content-type"] ?? "";
  const body = request.body as Readable | undefined;
  const malformed = (detail: string) => appError(errorId, { where: "readMultipart", params: { Name: "multipart" }, detailedError: detail });
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !body || typeof body.pipe !== "function") {
    return Promise.reject(malformed(`expected multipart/form-data, got ${contentType || "no content type"}`));
  }
  return new Promise<void>((resolve, reject) => {
    let failure: unknown;
    let queue = Promise.resolve();
    const fail = (error: unknown) => {
      failure ??= error;
    };
    const enqueue = (part: MultipartPart, drain?: BusboyFileStream) => {
      queue = queue.then(async () => {
        if (failure === undefined) {
          try {
            await onPart(part);
          } catch (error) {
            fail(error);
          }
        }
        // Whatever the handler left unread is skipped, so parsing can go on.
        if (drain && !drain.destroyed && !drain.readableEnded) drain.resume();
      });
    };

    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({
        headers: request.headers as { "content-type": string },
        limits: { files: limits.files ?? 20, fields: limits.fields ?? 20, fieldSize: limits.fieldSize ?? 64 * 1024, parts: (limits.files ?? 20) + (limits.fields ?? 20) },
      });
    } catch (error) {
      reject(malformed((error as Error).message));
      return;
    }
    parser.on("field", (name: string, value: string, _nameTruncated: boolean, valueTruncated: boolean) => {
      if (valueTruncated) fail(malformed(`field ${name} is too long`));
      else enqueue({ kind: "field", name, value });
    });
    const open = new Set<BusboyFileStream>();
    parser.on("file", (name: string, stream: BusboyFileStream, filename: string) => {
      open.add(stream);
      stream.once("close", () => open.delete(stream));
      stream.once("end", () => open.delete(stream));
      enqueue({ kind: "file", name, filename, stream }, stream);
    });
    for (const limit of ["partsLimit", "filesLimit", "fieldsLimit"]) {
      parser.on(limit, () => fail(malformed(`too many parts (${limit})`)));
    }
    parser.on("error", (error: Error) => {
      fail(malformed(error.message));
      // A part cut short by a broken body would never end; end it so its reader stops waiting.
      for (const stream of open) stream.destroy(malformed(error.message));
      body.unpipe(parser);
      body.resume();
      queue.then(() => reject(failure), reject);
    });
    parser.on("finish", () => {
      queue.then(() => (failure === undefined ? resolve() : reject(failure)), reject);
    });
    body.on("error", (error) => fail(malformed(error.message)));
    body.pipe(parser);
  });
}
