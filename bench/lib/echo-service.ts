import { chmod } from "node:fs/promises";
import { fromBinary, toBinary, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { CHANNEL_OPTIONS } from "@polyplug/protocol";

/**
 * The floor of every gRPC figure: one unary method that answers the bytes it received. The server
 * side never decodes (a floor is the cheapest possible handler); the client side encodes and
 * decodes with protobuf-es exactly as the host does, so the floor moves the same payload bytes
 * through the same gRPC stacks and socket type as the figure, and nothing else.
 * The Python echo server (bench/floors/grpcio_echo_server.py) serves the same path.
 */
export const ECHO_PATH = "/polyplug.bench.Echo/Echo";

const identity = (bytes: Buffer): Buffer => bytes;

/** A grpc-js echo server on a unix socket (`unix:///path`), with the host's channel options. */
export async function startGrpcJsEchoServer(socketPath: string): Promise<{ address: string; stop(): Promise<void> }> {
  const server = new grpc.Server(CHANNEL_OPTIONS);
  const definition: grpc.ServiceDefinition = {
    echo: { path: ECHO_PATH, requestStream: false, responseStream: false, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity },
  };
  server.addService(definition, {
    echo: (call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => callback(null, call.request),
  });
  const address = `unix://${socketPath}`;
  await new Promise<void>((resolve, reject) => server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (e) => (e ? reject(e) : resolve())));
  await chmod(socketPath, 0o600);
  return {
    address,
    stop: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}

/** A secret of the host's size (64 hex characters), for floors that carry the host's metadata. */
export const SAMPLE_SECRET = "0123456789abcdef".repeat(4);

/**
 * A plain grpc-js client of the echo method whose payload is a `schema` message. With
 * `hostCallOptions`, each call also carries what every host hook call carries: a deadline and the
 * `authorization: Bearer <secret>` metadata (how much of a figure's overhead they explain).
 */
export function createEchoClient<S extends DescMessage>(
  address: string,
  schema: S,
  options: { hostCallOptions?: boolean } = {},
): { call(message: MessageShape<S>): Promise<MessageShape<S>>; close(): void } {
  const client = new grpc.Client(address, grpc.credentials.createInsecure(), CHANNEL_OPTIONS);
  const serialize = (message: MessageShape<S>): Buffer => Buffer.from(toBinary(schema, message));
  const deserialize = (bytes: Buffer): MessageShape<S> => fromBinary(schema, bytes);
  const done = (resolve: (value: MessageShape<S>) => void, reject: (error: Error) => void) => (error: grpc.ServiceError | null, response?: MessageShape<S>) =>
    error ? reject(error) : resolve(response!);
  return {
    call: (message) =>
      new Promise((resolve, reject) => {
        if (!options.hostCallOptions) {
          client.makeUnaryRequest(ECHO_PATH, serialize, deserialize, message, done(resolve, reject));
          return;
        }
        const metadata = new grpc.Metadata();
        metadata.set("authorization", `Bearer ${SAMPLE_SECRET}`);
        client.makeUnaryRequest(ECHO_PATH, serialize, deserialize, message, metadata, { deadline: Date.now() + 30_000 }, done(resolve, reject));
      }),
    close: () => client.close(),
  };
}
