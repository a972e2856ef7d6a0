import { Duplex } from "node:stream";
import { create, type DescMethod } from "@bufbuild/protobuf";
import { STREAM_CHUNK_BYTES, type HTTPRequestInit } from "@polyplug/protocol";
import { isAppError } from "../app-error.js";
import type { ApiStream } from "../internal/api-transport.js";

/** A PluginHTTP request as the fake sees it: head and whole body. */
export interface FakeHttpRequest {
  readonly method: string;
  /** "/<target plugin id>/<rest>", with the query. */
  readonly path: string;
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly body: Buffer;
}

/** What the fake target answers. */
export interface FakeHttpResponse {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string | Uint8Array;
}

export type FakeHttpHandler = (request: FakeHttpRequest) => FakeHttpResponse | Promise<FakeHttpResponse>;

type RequestMessage = { init?: HTTPRequestInit; bodyChunk: Uint8Array; bodyComplete: boolean };

/**
 * The fake's end of a PluginHTTP stream: collects the request messages, and once the body is
 * complete answers with `answer`'s response as the host would stream it (an AppError thrown by
 * `answer` becomes the error message the host sends for an undeliverable request).
 */
export function fakeHttpStream(method: DescMethod, answer: (request: FakeHttpRequest) => FakeHttpResponse | Promise<FakeHttpResponse>): ApiStream {
  let init: HTTPRequestInit | undefined;
  const chunks: Buffer[] = [];
  let answered = false;
  const respond = async () => {
    if (answered) return;
    answered = true;
    const headers: Record<string, string[]> = {};
    for (const header of init?.headers ?? []) (headers[header.key] ??= []).push(...header.values);
    const request = { method: init?.method ?? "GET", path: init?.url || init?.path || "/", headers, body: Buffer.concat(chunks) };
    try {
      const response = await answer(request);
      const responseHeaders = Object.entries(response.headers ?? {}).map(([key, value]) => ({ key, values: Array.isArray(value) ? value : [value as string] }));
      stream.push(create(method.output, { init: { statusCode: response.status ?? 200, headers: responseHeaders } } as never));
      const body = typeof response.body === "string" ? Buffer.from(response.body) : Buffer.from(response.body ?? new Uint8Array());
      for (let offset = 0; offset < body.length; offset += STREAM_CHUNK_BYTES) stream.push(create(method.output, { bodyChunk: body.subarray(offset, offset + STREAM_CHUNK_BYTES) } as never));
      stream.push(create(method.output, { bodyComplete: true } as never));
    } catch (error) {
      if (!isAppError(error)) throw error;
      stream.push(create(method.output, { error: error.toWire() } as never));
    }
    stream.push(null);
  };
  const stream = new Duplex({
    objectMode: true,
    read() {},
    write(message: RequestMessage, _encoding, callback) {
      if (message.init) init = message.init;
      if (message.bodyChunk.length > 0) chunks.push(Buffer.from(message.bodyChunk));
      if (message.bodyComplete) void respond();
      callback();
    },
    final(callback) {
      void respond();
      callback();
    },
  });
  return Object.assign(stream, { cancel: () => void stream.destroy() });
}
