/**
 * The Node bench plugin, written against the protocol alone (docs/protocol.md) with plain grpc-js:
 * handshake line, PluginHooks behind the secret, grpc.health.v1 and GRPCController. No SDK, so the
 * hook-dispatch figure for Node measures the host and the wire, not an SDK's dispatch layer (the
 * TypeScript plugin SDK did not exist when this was written). MessageWillBePosted returns the post
 * unchanged, as the Python bench plugin does. It must run in place (bench/plugins/bench_node) so
 * that `@polyplug/protocol` resolves from the repo's node_modules.
 */
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import type { DescMessage, MessageInitShape } from "@bufbuild/protobuf";
import { CHANNEL_OPTIONS, PluginHooks, goplugin, health, toGrpcImplementation, toGrpcServiceDefinition } from "@polyplug/protocol";

if (process.env["MATTERMOST_PLUGIN"] !== "Securely message teams, anywhere.") {
  process.stderr.write("This is a Polyplug plugin; the server starts it.\n");
  process.exit(1);
}
const secret = process.env["MATTERMOST_PLUGIN_API_SECRET"] ?? "";
const socketDir = process.env["PLUGIN_UNIX_SOCKET_DIR"] ?? "";
const expected = `Bearer ${secret}`;

const unimplemented = async (): Promise<MessageInitShape<DescMessage>> => ({}) as MessageInitShape<DescMessage>;

const hooks = toGrpcImplementation(
  PluginHooks,
  {
    implemented: async () => ({ hooks: ["MessageWillBePosted", "OnActivate"] }),
    onActivate: async () => ({}),
    messageWillBePosted: async (request) => ({ ...(request.post ? { post: request.post } : {}) }),
  },
  unimplemented,
);

/** Refuses hook calls without the host's secret (docs/protocol.md §3). */
function guarded(implementation: grpc.UntypedServiceImplementation): grpc.UntypedServiceImplementation {
  const result: grpc.UntypedServiceImplementation = {};
  for (const [name, handler] of Object.entries(implementation)) {
    result[name] = ((call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      if (call.metadata.get("authorization")[0] !== expected) {
        callback({ code: grpc.status.UNAUTHENTICATED, details: "missing or wrong secret" });
        return;
      }
      (handler as grpc.handleUnaryCall<unknown, unknown>)(call, callback);
    }) as grpc.UntypedHandleCall;
  }
  return result;
}

const server = new grpc.Server(CHANNEL_OPTIONS);
server.addService(toGrpcServiceDefinition(PluginHooks), guarded(hooks));
server.addService(
  toGrpcServiceDefinition(health.Health),
  toGrpcImplementation(health.Health, { check: async () => ({ status: health.HealthCheckResponse_ServingStatus.SERVING }) }, unimplemented),
);
server.addService(
  toGrpcServiceDefinition(goplugin.GRPCController),
  toGrpcImplementation(goplugin.GRPCController, { shutdown: async () => (setImmediate(stop), {}) }, unimplemented),
);

const socketPath = path.join(socketDir, "plugin.sock");
server.bindAsync(`unix://${socketPath}`, grpc.ServerCredentials.createInsecure(), (error) => {
  if (error) {
    process.stderr.write(`[ERROR] cannot listen on ${socketPath}: ${error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`1|1|unix|${socketPath}|grpc|\n`);
});

function stop(): void {
  server.tryShutdown(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.stdin.on("end", stop).resume(); // the host is gone
process.once("SIGTERM", stop);
