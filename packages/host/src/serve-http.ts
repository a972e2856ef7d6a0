import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import {
  type HTTPHeader,
  type PluginContextSchema,
  type ServeHTTPResponse,
  ServeHTTPRequestSchema,
  STREAM_CHUNK_BYTES,
} from "@polyplug/protocol";
import type { ManagedPlugin } from "./managed-plugin.js";

/** What the server decided about a request before handing it to a plugin. */
export interface ServeHttpInit {
  /** Path below `/plugins/{id}`, starting with "/". */
  readonly path: string;
  /** Query string without "?" and without `access_token`. */
  readonly rawQuery: string;
  /** The authenticated user, or "" when anonymous. */
  readonly userId: string;
  readonly context: MessageInitShape<typeof PluginContextSchema>;
}

/** Inbound headers a plugin must never see from the client: identity is the host's to set. */
const STRIPPED_HEADERS = new Set(["mattermost-user-id", "mattermost-plugin-id", "referer"]);

/**
 * Bridges one HTTP exchange into the plugin's ServeHTTP stream, both ways at once: the request
 * body goes out in <=64 KiB chunks as it arrives (with backpressure), the plugin's response is
 * written to the client as each message arrives, and a client that goes away cancels the stream.
 */
export async function bridgeServeHttp(
  plugin: ManagedPlugin,
  req: IncomingMessage,
  res: ServerResponse,
  init: ServeHttpInit,
  hook: "serveHTTP" | "serveMetrics" = "serveHTTP",
): Promise<void> {
  const call = plugin.openHookStream(hook);
  let responseDone = false;
  const finished = new Promise<void>((resolve) => res.once("close", () => resolve()));
  res.once("close", () => {
    if (!responseDone) call.cancel(); // the client went away mid-exchange
  });

  call.on("data", (message: ServeHTTPResponse) => {
    if (!res.headersSent) writeHead(res, message, plugin);
    if (message.bodyChunk.length > 0 && !res.write(message.bodyChunk)) {
      call.pause(); // backpressure: let the client catch up before reading more from the plugin
      res.once("drain", () => call.resume());
    }
    if (message.bodyComplete) end();
  });
  call.on("end", () => end());
  call.on("error", (error: grpc.ServiceError) => {
    if (responseDone || error.code === grpc.status.CANCELLED) return;
    plugin.log.append({ time: new Date().toISOString(), level: "error", source: "host", message: `ServeHTTP stream failed: ${error.details || error.message}` });
    if (!res.headersSent) sendError(res, 502, "plugin.serve_http.stream_failed", `The plugin failed to answer: ${error.details || error.message}`);
    else res.destroy(error);
    responseDone = true;
  });

  function end(): void {
    if (responseDone) return;
    responseDone = true;
    if (!res.headersSent) sendError(res, 502, "plugin.serve_http.no_response", "The plugin ended the request without a response.");
    else res.end();
    req.resume(); // discard whatever request body the plugin no longer wants
  }

  call.write(create(ServeHTTPRequestSchema, { init: requestInit(req, init) }));
  await pumpBody(req, call, () => responseDone).catch(() => call.cancel());
  await finished;
}

async function pumpBody(req: IncomingMessage, call: grpc.ClientDuplexStream<unknown, unknown>, stopped: () => boolean): Promise<void> {
  for await (const chunk of req as AsyncIterable<Buffer>) {
    for (let offset = 0; offset < chunk.length; offset += STREAM_CHUNK_BYTES) {
      if (stopped()) return;
      const ok = call.write(create(ServeHTTPRequestSchema, { bodyChunk: chunk.subarray(offset, offset + STREAM_CHUNK_BYTES) }));
      if (!ok) await once(call, "drain");
    }
  }
  if (stopped()) return;
  call.write(create(ServeHTTPRequestSchema, { bodyComplete: true }));
  call.end();
}

function requestInit(req: IncomingMessage, init: ServeHttpInit) {
  const headers = new Map<string, string[]>();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const key = req.rawHeaders[i]!;
    const lower = key.toLowerCase();
    if (STRIPPED_HEADERS.has(lower)) continue;
    let value = req.rawHeaders[i + 1]!;
    if (lower === "cookie") {
      value = withoutAuthCookie(value);
      if (value === "") continue;
    }
    headers.set(key, [...(headers.get(key) ?? []), value]);
  }
  if (init.userId) headers.set("Mattermost-User-Id", [init.userId]);
  const length = req.headers["content-length"];
  const url = init.rawQuery ? `${init.path}?${init.rawQuery}` : init.path;
  return {
    context: init.context,
    method: req.method ?? "GET",
    url,
    path: init.path,
    rawQuery: init.rawQuery,
    proto: `HTTP/${req.httpVersion}`,
    protoMajor: req.httpVersionMajor,
    protoMinor: req.httpVersionMinor,
    headers: [...headers].map(([key, values]) => ({ key, values })),
    host: req.headers.host ?? "",
    remoteAddr: `${req.socket.remoteAddress ?? ""}:${req.socket.remotePort ?? ""}`,
    requestUri: url,
    contentLength: BigInt(length !== undefined && /^[0-9]+$/.test(length) ? length : -1),
  };
}

/** Removes the MMAUTHTOKEN session cookie (plugins must not get the user's session). */
export function withoutAuthCookie(cookieHeader: string): string {
  return cookieHeader
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "" && !/^MMAUTHTOKEN=/i.test(part))
    .join("; ");
}

function writeHead(res: ServerResponse, message: ServeHTTPResponse, plugin: ManagedPlugin): void {
  let status = message.init?.statusCode || 200;
  if (status < 100 || status > 999) {
    plugin.log.append({ time: new Date().toISOString(), level: "error", source: "host", message: `ServeHTTP answered invalid status ${status}; sent 500 instead` });
    status = 500;
  }
  for (const header of message.init?.headers ?? ([] as HTTPHeader[])) {
    if (header.values.length > 0) res.setHeader(header.key, header.values);
  }
  res.writeHead(status);
}

function sendError(res: ServerResponse, status: number, id: string, message: string): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ id, message, detailed_error: "", request_id: "", status_code: status }));
}
