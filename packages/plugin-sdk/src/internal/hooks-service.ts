import type { Message } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { PluginHooks, ServeHTTPRequestSchema } from "@polyplug/protocol";
import { fileWillBeUploaded } from "./file-upload.js";
import type { HookDispatcher } from "./hook-dispatcher.js";
import { serveHttp } from "./serve-http.js";
import type { MessageStream } from "./stream-sink.js";

/**
 * The plugin's PluginHooks service for grpc-js, built from the service descriptor: every unary
 * RPC goes to the dispatcher, the HTTP-shaped streams (ServeHTTP, ServeMetrics) to the HTTP bridge,
 * FileWillBeUploaded to its own bridge. A new unary hook in hooks.proto is served with no change
 * here. A dispatcher that throws is a bug, answered with INTERNAL (never for a handler's failure,
 * which is an AppError in the response).
 */
export function hooksImplementation(dispatcher: HookDispatcher): grpc.UntypedServiceImplementation {
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const method of PluginHooks.methods) {
    if (method.methodKind === "unary") {
      implementation[method.localName] = ((call: grpc.ServerUnaryCall<Message, Message>, callback: grpc.sendUnaryData<Message>) => {
        dispatcher.call(method, call.request).then(
          (response) => callback(null, response),
          (error: unknown) => callback({ code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error) }),
        );
      }) as grpc.UntypedHandleCall;
    } else if (method.methodKind === "bidi_streaming" && method.input.typeName === ServeHTTPRequestSchema.typeName) {
      const hook = method.name as "ServeHTTP" | "ServeMetrics";
      implementation[method.localName] = streamed((call) => serveHttp(dispatcher, hook, call));
    } else if (method.name === "FileWillBeUploaded") {
      implementation[method.localName] = streamed((call) => fileWillBeUploaded(dispatcher, call));
    } else {
      implementation[method.localName] = streamed(async (call) => {
        call.emit("error", { code: grpc.status.UNIMPLEMENTED, details: `this SDK version cannot serve the streamed hook ${method.name}` });
      });
    }
  }
  return implementation;
}

/** A bidi handler over the call as a MessageStream. */
function streamed(handle: (call: MessageStream) => Promise<void>): grpc.UntypedHandleCall {
  return ((call: grpc.ServerDuplexStream<unknown, unknown>) => void handle(call as unknown as MessageStream)) as grpc.UntypedHandleCall;
}
