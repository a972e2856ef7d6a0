import type { DescMessage, MessageInitShape, MessageShape } from "@bufbuild/protobuf";
import { create } from "@bufbuild/protobuf";
import type { GenService, GenServiceMethods } from "@bufbuild/protobuf/codegenv2";
import * as grpc from "@grpc/grpc-js";
import { toGrpcServiceDefinition } from "./grpc-service.js";

type MethodsOf<S> = S extends GenService<infer M> ? M : never;
type UnaryKeys<M extends GenServiceMethods> = {
  [K in keyof M]: M[K]["methodKind"] extends "unary" ? K : never;
}[keyof M];

/** A unary handler: receives the decoded request, resolves to the response (init shape). */
export type UnaryHandler<I extends DescMessage, O extends DescMessage> = (
  request: MessageShape<I>,
  call: grpc.ServerUnaryCall<MessageShape<I>, MessageShape<O>>,
) => Promise<MessageInitShape<O>>;

/** Handlers for the unary methods of service S, keyed by camelCase method name. */
export type UnaryHandlers<S extends GenService<GenServiceMethods>> = {
  [K in UnaryKeys<MethodsOf<S>>]: UnaryHandler<MethodsOf<S>[K]["input"], MethodsOf<S>[K]["output"]>;
};

type ClientStreamingKeys<M extends GenServiceMethods> = {
  [K in keyof M]: M[K]["methodKind"] extends "client_streaming" ? K : never;
}[keyof M];

/**
 * A client-streaming handler: reads the decoded requests (the call is an async iterable of them)
 * and resolves to the one response (init shape).
 */
export type ClientStreamingHandler<I extends DescMessage, O extends DescMessage> = (
  requests: AsyncIterable<MessageShape<I>>,
  call: grpc.ServerReadableStream<MessageShape<I>, MessageShape<O>>,
) => Promise<MessageInitShape<O>>;

/** Handlers for the client-streaming methods of service S, keyed by camelCase method name. */
export type ClientStreamingHandlers<S extends GenService<GenServiceMethods>> = {
  [K in ClientStreamingKeys<MethodsOf<S>>]: ClientStreamingHandler<MethodsOf<S>[K]["input"], MethodsOf<S>[K]["output"]>;
};

/** A promise-based client for the unary methods of service S. */
export type UnaryClient<S extends GenService<GenServiceMethods>> = {
  [K in UnaryKeys<MethodsOf<S>>]: (
    request: MessageInitShape<MethodsOf<S>[K]["input"]>,
    options?: grpc.CallOptions,
  ) => Promise<MessageShape<MethodsOf<S>[K]["output"]>>;
};

/**
 * Creates a client for `service` at `address` ("unix:///path" or "127.0.0.1:port"). Unary
 * methods become promise-returning functions; `raw` is the underlying grpc-js client, for
 * streaming methods (whose definitions are in `definition`).
 */
export function createTypedClient<S extends GenService<GenServiceMethods>>(
  service: S,
  address: string,
  credentials: grpc.ChannelCredentials,
  options: grpc.ClientOptions,
  metadata: () => grpc.Metadata,
): { client: UnaryClient<S>; raw: grpc.Client; definition: grpc.ServiceDefinition } {
  const definition = toGrpcServiceDefinition(service);
  const raw = new grpc.Client(address, credentials, options);
  const client: Record<string, unknown> = {};
  for (const method of service.methods) {
    if (method.methodKind !== "unary") continue;
    const def = definition[method.localName]!;
    client[method.localName] = (request: MessageInitShape<DescMessage>, callOptions: grpc.CallOptions = {}) =>
      new Promise((resolve, reject) => {
        raw.makeUnaryRequest(
          def.path,
          def.requestSerialize,
          def.responseDeserialize,
          create(method.input, request),
          metadata(),
          callOptions,
          (error, response) => (error ? reject(error) : resolve(response)),
        );
      });
  }
  return { client: client as UnaryClient<S>, raw, definition };
}

/**
 * Adapts promise handlers to grpc-js's callback style for `server.addService`. Methods without
 * a handler get `fallback` (used to answer an embedded AppError instead of a gRPC status).
 * A handler that throws becomes a gRPC INTERNAL status: a bug, not an application outcome.
 *
 * With `initShapes`, answers go to grpc-js as the handlers return them (init shapes), for a
 * service definition whose response serializer takes them (`compiledResponses`); otherwise each
 * answer is made a message with `create` first.
 */
export function toGrpcImplementation<S extends GenService<GenServiceMethods>>(
  service: S,
  handlers: Partial<UnaryHandlers<S> & ClientStreamingHandlers<S>>,
  fallback: (methodName: string, output: DescMessage) => Promise<MessageInitShape<DescMessage>>,
  options: { initShapes?: boolean } = {},
): grpc.UntypedServiceImplementation {
  const initShapes = options.initShapes === true;
  const implementation: grpc.UntypedServiceImplementation = {};
  const table = handlers as Record<string, UnaryHandler<DescMessage, DescMessage> | undefined>;
  const streaming = handlers as Record<string, ClientStreamingHandler<DescMessage, DescMessage> | undefined>;
  for (const method of service.methods) {
    if (method.methodKind === "client_streaming") {
      // Requests are read by the handler; without one, the rest of the stream is drained so the
      // client gets the fallback answer rather than a reset.
      implementation[method.localName] = (
        call: grpc.ServerReadableStream<MessageShape<DescMessage>, MessageShape<DescMessage>>,
        callback: grpc.sendUnaryData<MessageShape<DescMessage>>,
      ) => {
        const handler = streaming[method.localName];
        const pending = handler ? handler(call, call) : (call.resume(), fallback(method.name, method.output));
        pending.then(
          (response) => callback(null, (initShapes ? response : create(method.output, response)) as MessageShape<DescMessage>),
          (error: unknown) =>
            callback({ code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error) }),
        );
      };
      continue;
    }
    if (method.methodKind !== "unary") continue;
    const handler = table[method.localName];
    const output = method.output;
    const answer = (callback: grpc.sendUnaryData<MessageShape<DescMessage>>) =>
      initShapes
        ? (response: MessageInitShape<DescMessage>) => callback(null, response as MessageShape<DescMessage>)
        : (response: MessageInitShape<DescMessage>) => callback(null, create(output, response));
    implementation[method.localName] = (
      call: grpc.ServerUnaryCall<MessageShape<DescMessage>, MessageShape<DescMessage>>,
      callback: grpc.sendUnaryData<MessageShape<DescMessage>>,
    ) => {
      const pending = handler ? handler(call.request, call) : fallback(method.name, output);
      pending.then(answer(callback), (error: unknown) =>
        callback({ code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error) }),
      );
    };
  }
  return implementation;
}
