import type { DescMethod, DescService } from "@bufbuild/protobuf";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import { encodeMessage } from "./fast-binary.js";

/** How a service definition encodes. */
export interface ServiceDefinitionOptions {
  /**
   * Responses are encoded by the compiled encoder (`encodeMessage`), which takes a message or its
   * init shape: a server whose handlers answer init shapes can skip `create` (see
   * `toGrpcImplementation`'s `initShapes`). The bytes are the same as protobuf-es's.
   */
  readonly compiledResponses?: boolean;
}

/**
 * Turns a protobuf-es service descriptor into a grpc-js ServiceDefinition whose codecs are
 * protobuf-es's own, so one generated type system serves both the host and its tests.
 * Method keys are the descriptor's localName (camelCase), as in the generated code.
 */
export function toGrpcServiceDefinition(service: DescService, options: ServiceDefinitionOptions = {}): ServiceDefinition {
  const definition: Record<string, MethodDefinition<unknown, unknown>> = {};
  for (const method of service.methods) {
    definition[method.localName] = toMethodDefinition(method, options.compiledResponses === true);
  }
  return definition;
}

function toMethodDefinition(method: DescMethod, compiledResponses: boolean): MethodDefinition<unknown, unknown> {
  const streams = methodStreams(method);
  return {
    path: `/${method.parent.typeName}/${method.name}`,
    requestStream: streams.request,
    responseStream: streams.response,
    originalName: method.localName,
    requestSerialize: (value) => Buffer.from(toBinary(method.input, value as never)),
    requestDeserialize: (bytes: Buffer) => fromBinary(method.input, bytes),
    responseSerialize: compiledResponses
      ? (value) => encodeMessage(method.output, value as object)
      : (value) => Buffer.from(toBinary(method.output, value as never)),
    responseDeserialize: (bytes: Buffer) => fromBinary(method.output, bytes),
  };
}

function methodStreams(method: DescMethod): { request: boolean; response: boolean } {
  switch (method.methodKind) {
    case "unary":
      return { request: false, response: false };
    case "server_streaming":
      return { request: false, response: true };
    case "client_streaming":
      return { request: true, response: false };
    case "bidi_streaming":
      return { request: true, response: true };
  }
}
