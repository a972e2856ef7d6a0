import { finished } from "node:stream/promises";
import { create } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { PluginContextSchema, ServeHTTPResponseSchema, fromProto, type HTTPRequestInit, type ServeHTTPRequest } from "@polyplug/protocol";
import { PluginRequest } from "../http/plugin-request.js";
import { PluginResponse } from "../http/plugin-response.js";
import type { HttpHookHandler } from "../hook-types.js";
import type { PluginContext } from "../models.js";
import { EMPTY_PLUGIN_CONTEXT, type HookDispatcher } from "./hook-dispatcher.js";
import { EXCHANGE_GONE, StreamSink, type MessageStream } from "./stream-sink.js";

/**
 * Bridges one ServeHTTP (or ServeMetrics) stream to a handler `(ctx, req, res)`, both directions
 * at once (docs/protocol.md §5): request chunks are pushed into `req` as they arrive and the
 * stream is paused while `req` is full; each response message goes out as it is written and `res`
 * waits for the stream's 'drain'. There is no hook deadline: the exchange lasts as long as its
 * HTTP request, and a client that goes away cancels it (ctx.signal aborts, writes fail).
 * `call` is the grpc-js server stream, or any object-mode Duplex (the test kit's).
 */
export function serveHttp(dispatcher: HookDispatcher, hook: "ServeHTTP" | "ServeMetrics", call: MessageStream): Promise<void> {
  return new Promise<void>((resolve) => {
    const controller = new AbortController();
    let request: PluginRequest | undefined;
    let response: PluginResponse | undefined;
    let bodyEnded = false;
    let closed = false;
    const sink = new StreamSink(call, ServeHTTPResponseSchema);

    const endBody = () => {
      if (request && !bodyEnded) request.push(null);
      bodyEnded = true;
    };
    const close = (reason: string) => {
      if (closed) return;
      closed = true;
      sink.close();
      controller.abort(new Error(reason));
      if (request && !bodyEnded) request.destroy(new Error(reason));
      response?.destroy(new Error(reason));
      resolve();
    };
    call.on("cancelled", () => close(EXCHANGE_GONE));
    call.on("error", (error: Error) => close(`${EXCHANGE_GONE}: ${error.message}`));
    call.on("end", endBody);

    call.on("data", (message: ServeHTTPRequest) => {
      if (closed) return;
      if (!request) {
        if (!message.init) {
          dispatcher.services.log.error(`${hook} stream did not start with an init message`);
          call.write(create(ServeHTTPResponseSchema, { init: { statusCode: 500 }, bodyChunk: Buffer.from("ServeHTTP stream did not start with an init message"), bodyComplete: true }));
          call.end();
          closed = true;
          return resolve();
        }
        request = new PluginRequest(requestInit(message.init), { resume: () => call.resume() });
        response = new PluginResponse(sink);
        request.on("error", () => undefined); // reported to the handler through its reads
        response.on("error", () => undefined); // reported to the handler through its writes
        void run(request, response);
      }
      if (message.bodyChunk.length > 0 && !bodyEnded && !request.push(Buffer.from(message.bodyChunk))) call.pause();
      if (message.bodyComplete) endBody();
    });

    async function run(req: PluginRequest, res: PluginResponse): Promise<void> {
      const handler = dispatcher.target.handler(hook) as HttpHookHandler | undefined;
      const log = dispatcher.services.log.with({ hook, method: req.method, path: req.path });
      let failure: unknown;
      try {
        if (handler) await handler(dispatcher.context(hook, req.pluginContext, controller.signal), req, res);
        else res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not Found");
      } catch (error) {
        failure = error;
      }
      if (closed) return log.info(`${hook}: the client went away`);
      if (failure !== undefined) {
        log.error(`${hook} handler failed: ${(failure as Error)?.message ?? String(failure)}`, { error: failure });
        if (!res.headersSent) {
          res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Internal Server Error");
        } else {
          // The status is gone; a truncated body must not pass for a complete one.
          close(`${hook} handler failed mid-response`);
          call.emit("error", { code: grpc.status.INTERNAL, details: `${hook} handler failed mid-response` });
          return;
        }
      }
      if (!res.writableEnded) res.end();
      try {
        await finished(res);
        call.end();
      } catch {
        // The client went away while the last messages were on their way.
      }
      closed = true;
      resolve();
    }
  });
}

function requestInit(init: HTTPRequestInit) {
  const headers: Record<string, string[]> = {};
  for (const header of init.headers) (headers[header.key] ??= []).push(...header.values);
  return {
    method: init.method,
    url: init.url,
    path: init.path,
    rawQuery: init.rawQuery,
    headers,
    host: init.host,
    remoteAddr: init.remoteAddr,
    requestUri: init.requestUri,
    contentLength: Number(init.contentLength),
    proto: init.proto,
    pluginContext: init.context ? (fromProto(PluginContextSchema, init.context) as PluginContext) : EMPTY_PLUGIN_CONTEXT,
  };
}
