import { once } from "node:events";
import { Readable } from "node:stream";
import { create, type DescMethod } from "@bufbuild/protobuf";
import { STREAM_CHUNK_BYTES, type AppError as AppErrorMessage, type HTTPResponseInit } from "@polyplug/protocol";
import { AppError } from "../app-error.js";
import { fromGrpcError, type ApiTransport, type ApiStream } from "../internal/api-transport.js";

/** A request to another plugin's ServeHTTP, through the host (Mattermost's API.PluginHTTP). */
export interface PluginHttpRequest {
  method?: string;
  /** "/<target plugin id>/<path>", with an optional "?query". */
  path: string;
  headers?: Record<string, string | readonly string[]>;
  /** The body, whole or as a stream (a Readable, or any async iterable of chunks). */
  body?: string | Uint8Array | AsyncIterable<Uint8Array | string>;
}

/** The target plugin's answer; `body` streams as the target writes it. */
export interface PluginHttpResponse {
  readonly status: number;
  /** Header names as the target set them, each with all its values. */
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly body: Readable;
  header(name: string): string | undefined;
  buffer(): Promise<Buffer>;
  text(): Promise<string>;
  json<T = unknown>(): Promise<T>;
}

type ResponseMessage = { error?: AppErrorMessage; init?: HTTPResponseInit; bodyChunk: Uint8Array; bodyComplete: boolean };

/**
 * Calls another plugin's ServeHTTP through the host, streamed both ways: the request body goes
 * out in <=64 KiB messages with backpressure, and the promise resolves as soon as the target's
 * status and headers arrive, with `body` streaming the rest. A request the host cannot deliver
 * (unknown or stopped plugin, 404) rejects with its AppError.
 */
export function pluginHttp(transport: ApiTransport, method: DescMethod, request: PluginHttpRequest): Promise<PluginHttpResponse> {
  const call = transport.stream(method);
  const path = request.path;
  const [pathOnly = "/", rawQuery = ""] = path.split("?", 2);
  const headers = Object.entries(request.headers ?? {}).map(([key, value]) => ({ key, values: typeof value === "string" ? [value] : [...value] }));
  call.write(create(method.input, { init: { method: request.method ?? "GET", url: path, path: pathOnly, rawQuery, requestUri: path, headers, contentLength: -1n, proto: "HTTP/1.1", protoMajor: 1, protoMinor: 1 } } as never));
  void sendBody(call, method, request.body).catch(() => call.cancel());

  return new Promise<PluginHttpResponse>((resolve, reject) => {
    let started = false;
    let ended = false;
    const body = new Readable({ read: () => void call.resume() });
    const end = () => {
      if (!ended) body.push(null);
      ended = true;
    };
    call.on("data", (message: ResponseMessage) => {
      if (!started) {
        if (message.error) return reject(AppError.fromWire(message.error, "PluginHTTP"));
        started = true;
        resolve(response(message.init, body));
      }
      if (message.bodyChunk.length > 0 && !ended && !body.push(Buffer.from(message.bodyChunk))) call.pause();
      if (message.bodyComplete) end();
    });
    call.on("end", () => (started ? end() : reject(new AppError({ id: "plugin.api.plugin_http.no_response", message: "the target plugin ended without a response", statusCode: 502, where: "PluginHTTP" }))));
    call.on("error", (error: unknown) => {
      const failure = fromGrpcError(error, "PluginHTTP");
      if (started) body.destroy(failure);
      else reject(failure);
    });
  });
}

async function sendBody(call: ApiStream, method: DescMethod, body: PluginHttpRequest["body"]): Promise<void> {
  const chunks = body === undefined ? [] : typeof body === "string" || body instanceof Uint8Array ? [body] : body;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    for (let offset = 0; offset < bytes.length; offset += STREAM_CHUNK_BYTES) {
      if (!call.write(create(method.input, { bodyChunk: bytes.subarray(offset, offset + STREAM_CHUNK_BYTES) } as never))) await once(call, "drain");
    }
  }
  call.write(create(method.input, { bodyComplete: true } as never));
  call.end();
}

function response(init: HTTPResponseInit | undefined, body: Readable): PluginHttpResponse {
  const headers: Record<string, string[]> = {};
  for (const header of init?.headers ?? []) (headers[header.key] ??= []).push(...header.values);
  const buffer = async () => Buffer.concat(await body.toArray());
  return {
    status: init?.statusCode || 200,
    headers,
    body,
    header: (name) => Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1].join(", "),
    buffer,
    text: async () => (await buffer()).toString("utf8"),
    json: async <T,>() => JSON.parse((await buffer()).toString("utf8")) as T,
  };
}
