import type { DescMethod, Message } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { CHANNEL_OPTIONS, PluginAPI, createTypedClient } from "@polyplug/protocol";
import { AppError } from "../app-error.js";
import type { MessageStream } from "./stream-sink.js";

/** The plugin's end of a streamed API call (grpc-js's ClientDuplexStream, or the fake's). */
export interface ApiStream extends MessageStream {
  /** Gives up on the call (the caller stopped reading). */
  cancel(): void;
}

/**
 * How the API client reaches the host: protobuf in and out, one unary call or one bidi stream.
 * The real one is gRPC over the host's unix socket; the test kit's fake answers in memory.
 * Everything above it (argument mapping, models, AppError) is shared, so a plugin behaves the same
 * against both.
 */
export interface ApiTransport {
  unary(method: DescMethod, request: Message): Promise<Message>;
  stream(method: DescMethod): ApiStream;
}

/** The gRPC transport to the host's PluginAPI, presenting the plugin's secret on every call. */
export interface GrpcApiTransport extends ApiTransport {
  /** Resolves once connected; false when the host did not answer within `ms`. */
  waitReady(ms: number): Promise<boolean>;
  close(): void;
}

export function grpcApiTransport(target: string, secret: string): GrpcApiTransport {
  const metadata = (): grpc.Metadata => {
    const m = new grpc.Metadata();
    m.set("authorization", `Bearer ${secret}`);
    return m;
  };
  const { client, raw, definition } = createTypedClient(PluginAPI, target, grpc.credentials.createInsecure(), CHANNEL_OPTIONS, metadata);
  const table = client as unknown as Record<string, (request: Message) => Promise<Message>>;
  return {
    unary: async (method, request) => {
      const invoke = table[method.localName];
      if (!invoke) throw new AppError({ id: "plugin.api.unknown_method", message: `PluginAPI has no unary method ${method.name}`, statusCode: 501, where: method.name });
      try {
        return await invoke(request);
      } catch (error) {
        throw fromGrpcError(error, method.name);
      }
    },
    stream: (method) => {
      const def = definition[method.localName];
      if (!def) throw new AppError({ id: "plugin.api.unknown_method", message: `PluginAPI has no method ${method.name}`, statusCode: 501, where: method.name });
      return raw.makeBidiStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, metadata()) as unknown as ApiStream;
    },
    waitReady: (ms) => new Promise((resolve) => raw.waitForReady(Date.now() + ms, (error) => resolve(!error))),
    close: () => raw.close(),
  };
}

const STATUS_BY_CODE: Partial<Record<grpc.status, number>> = {
  [grpc.status.NOT_FOUND]: 404,
  [grpc.status.UNAUTHENTICATED]: 401,
  [grpc.status.PERMISSION_DENIED]: 403,
  [grpc.status.INVALID_ARGUMENT]: 400,
  [grpc.status.FAILED_PRECONDITION]: 400,
  [grpc.status.OUT_OF_RANGE]: 400,
  [grpc.status.ALREADY_EXISTS]: 409,
  [grpc.status.UNAVAILABLE]: 503,
  [grpc.status.DEADLINE_EXCEEDED]: 504,
  [grpc.status.RESOURCE_EXHAUSTED]: 429,
  [grpc.status.CANCELLED]: 499,
  [grpc.status.UNIMPLEMENTED]: 501,
};

/** The AppError for a failed gRPC call: the transport, not the host's answer (cause kept). */
export function fromGrpcError(error: unknown, where: string): AppError {
  const service = error as Partial<grpc.ServiceError>;
  const code = typeof service.code === "number" ? service.code : undefined;
  const name = code === undefined ? "unknown" : (grpc.status[code] ?? String(code)).toLowerCase();
  const details = service.details || (error as Error)?.message || String(error);
  return new AppError({
    id: `plugin.api.grpc.${name}`,
    message: `PluginAPI.${where} failed: ${details}`,
    statusCode: code === undefined ? 503 : (STATUS_BY_CODE[code] ?? 500),
    detailedError: `gRPC status ${name.toUpperCase()}: ${details}`,
    where,
    cause: error,
  });
}
