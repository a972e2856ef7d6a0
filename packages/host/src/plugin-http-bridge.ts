import { randomUUID } from "node:crypto";
import { create } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import {
  type HTTPRequestInit,
  type PluginHTTPRequest,
  type PluginHTTPResponse,
  type ServeHTTPResponse,
  PluginContextSchema,
  PluginHTTPResponseSchema,
  ServeHTTPRequestSchema,
} from "@polyplug/protocol";
import type { ManagedPlugin } from "./managed-plugin.js";

export type PluginHttpCall = grpc.ServerDuplexStream<PluginHTTPRequest, PluginHTTPResponse>;

/**
 * Serves one plugin's PluginHTTP stream (Mattermost's API.PluginHTTP): the request's path names
 * the target plugin, whose ServeHTTP gets the rest of the path with Mattermost-Plugin-ID set to
 * the caller's id by the host — a plugin cannot pass itself off as another. Bodies stream both
 * ways with backpressure; either side going away cancels the other.
 */
export function servePluginHttp(sourceId: string, lookup: (id: string) => ManagedPlugin | undefined, call: PluginHttpCall): void {
  let target: grpc.ClientDuplexStream<unknown, unknown> | undefined;
  let done = false;

  const fail = (status: number, id: string, message: string): void => {
    if (done) return;
    done = true;
    call.write(create(PluginHTTPResponseSchema, { error: { id, message, statusCode: status, where: "PluginHTTP" } }));
    call.end();
    target?.cancel();
  };

  const open = (init: HTTPRequestInit): grpc.ClientDuplexStream<unknown, unknown> | undefined => {
    const match = /^\/([^/?]+)(\/[^?]*)?$/.exec(init.path);
    const plugin = match ? lookup(match[1]!) : undefined;
    if (!match || !plugin?.implements("ServeHTTP")) {
      fail(404, "plugin_api.plugin_http.not_found.app_error", `no running plugin serves ${JSON.stringify(init.path)}: the path must start with "/<plugin id>/"`);
      return undefined;
    }
    const stream = plugin.openServeHttp();
    stream.on("data", (response: ServeHTTPResponse) => {
      const ok = call.write(create(PluginHTTPResponseSchema, { init: response.init, bodyChunk: response.bodyChunk, flush: response.flush, bodyComplete: response.bodyComplete }));
      if (!ok) {
        stream.pause(); // backpressure: the caller reads slower than the target writes
        call.once("drain", () => stream.resume());
      }
    });
    stream.on("end", () => {
      if (!done) {
        done = true;
        call.end();
      }
    });
    stream.on("error", (error: grpc.ServiceError) => fail(502, "plugin_api.plugin_http.target_failed.app_error", `plugin ${match[1]} failed to answer: ${error.details || error.message}`));
    const path = match[2] || "/";
    const url = init.rawQuery ? `${path}?${init.rawQuery}` : path;
    const headers = init.headers.filter((h) => h.key.toLowerCase() !== "mattermost-plugin-id");
    headers.push({ $typeName: "polyplug.v1.HTTPHeader", key: "Mattermost-Plugin-ID", values: [sourceId] });
    const context = create(PluginContextSchema, { requestId: randomUUID().replaceAll("-", "").slice(0, 26) });
    stream.write(create(ServeHTTPRequestSchema, { init: { ...init, path, url, requestUri: url, headers, context } }));
    return stream;
  };

  call.on("data", (message: PluginHTTPRequest) => {
    if (done) return;
    if (!target) {
      if (!message.init) return fail(400, "plugin_api.plugin_http.no_init.app_error", "the first PluginHTTP message must carry init");
      target = open(message.init);
      if (!target) return;
    }
    if (message.bodyChunk.length > 0 || message.bodyComplete) {
      const ok = target.write(create(ServeHTTPRequestSchema, { bodyChunk: message.bodyChunk, bodyComplete: message.bodyComplete }));
      if (!ok) {
        call.pause();
        target.once("drain", () => call.resume());
      }
    }
  });
  call.on("end", () => target?.end());
  call.on("cancelled", () => {
    done = true;
    target?.cancel();
  });
  call.on("error", () => target?.cancel());
}
