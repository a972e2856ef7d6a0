import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Message } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { CHANNEL_OPTIONS, PluginAPI, toGrpcServiceDefinition } from "@polyplug/protocol";
import type { FakePluginAPI } from "../../src/testing/index.js";

/** A FakePluginAPI served over real gRPC on a unix socket, behind a secret, as the host serves its API. */
export interface FakeHost {
  readonly target: string;
  readonly secret: string;
  readonly dir: string;
  close(): Promise<void>;
}

export async function serveFakeHost(fake: FakePluginAPI, secret = "s3cret".repeat(8)): Promise<FakeHost> {
  const dir = await mkdtemp(path.join(tmpdir(), "pp-sdk-host-"));
  const server = new grpc.Server(CHANNEL_OPTIONS);
  const implementation: grpc.UntypedServiceImplementation = {};
  const authorized = (metadata: grpc.Metadata) => metadata.get("authorization")[0] === `Bearer ${secret}`;
  for (const method of PluginAPI.methods) {
    if (method.methodKind === "unary") {
      implementation[method.localName] = ((call: grpc.ServerUnaryCall<Message, Message>, callback: grpc.sendUnaryData<Message>) => {
        if (!authorized(call.metadata)) return callback({ code: grpc.status.UNAUTHENTICATED, details: "wrong secret" });
        fake.transport.unary(method, call.request).then((response) => callback(null, response), (error: Error) => callback({ code: grpc.status.INTERNAL, details: error.message }));
      }) as grpc.UntypedHandleCall;
    } else {
      // Streams are piped to the fake's stream, message for message.
      implementation[method.localName] = ((call: grpc.ServerDuplexStream<Message, Message>) => {
        if (!authorized(call.metadata)) return void call.emit("error", { code: grpc.status.UNAUTHENTICATED, details: "wrong secret" });
        const stream = fake.transport.stream(method);
        call.on("data", (message: Message) => stream.write(message));
        call.on("end", () => stream.end());
        stream.on("data", (message: Message) => call.write(message));
        stream.on("end", () => call.end());
      }) as grpc.UntypedHandleCall;
    }
  }
  server.addService(toGrpcServiceDefinition(PluginAPI), implementation);
  const target = `unix://${path.join(dir, "api.sock")}`;
  await new Promise<void>((resolve, reject) => server.bindAsync(target, grpc.ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve())));
  return {
    target,
    secret,
    dir,
    close: async () => {
      server.forceShutdown();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
