import { chmod } from "node:fs/promises";
import * as grpc from "@grpc/grpc-js";
import type { DescMessage, MessageInitShape } from "@bufbuild/protobuf";
import { CHANNEL_OPTIONS, PluginAPI, toGrpcImplementation, toGrpcServiceDefinition, type ClientStreamingHandlers, type UnaryHandlers } from "@polyplug/protocol";
import type { PluginHttpCall } from "./plugin-http-bridge.js";
import { secretCheck } from "./plugin-secret.js";

/**
 * Plugin API handlers for one plugin: unary ones, and client-streaming ones (UploadData) that read
 * the plugin's messages as an async iterable. Methods left out answer AppError 501.
 */
export type PluginAPIHandlers = Partial<UnaryHandlers<typeof PluginAPI> & ClientStreamingHandlers<typeof PluginAPI>>;

/**
 * Answers Plugin API calls for a given plugin. The host calls it once per plugin start with the
 * plugin id it authenticated, so handlers act only as that plugin. This is the seam between the
 * host runtime and the app (Mattermost's APIServerRegistrar, made explicit).
 */
export type PluginAPIBackend = (pluginId: string) => PluginAPIHandlers;

/**
 * One plugin's PluginAPI server: its own grpc-js server on a unix socket in the plugin's private
 * directory, refusing every call that does not present that plugin's secret.
 */
export class PluginAPIServer {
  readonly #server: grpc.Server;
  readonly address: string;

  private constructor(server: grpc.Server, address: string) {
    this.#server = server;
    this.address = address;
  }

  static async start(options: {
    pluginId: string;
    socketPath: string;
    secret: string;
    backend: PluginAPIBackend;
    /** Serves the plugin's PluginHTTP streams (the host's, not the app's: plugin to plugin). */
    pluginHttp?: (call: PluginHttpCall) => void;
  }): Promise<PluginAPIServer> {
    const { pluginId, socketPath, secret, backend } = options;
    // No channelz: nothing serves it, and its per-call bookkeeping is on every API call's path.
    const server = new grpc.Server({ ...CHANNEL_OPTIONS, "grpc.enable_channelz": 0 });
    // Answers are encoded straight from the handlers' init shapes by the compiled encoder (the
    // same bytes as protobuf-es's create + toBinary, a fraction of the time: findings §3).
    const implementation = toGrpcImplementation(PluginAPI, backend(pluginId), notImplemented, { initShapes: true });
    if (options.pluginHttp) implementation["pluginHTTP"] = options.pluginHttp as grpc.UntypedHandleCall;
    server.addService(toGrpcServiceDefinition(PluginAPI, { compiledResponses: true }), requireSecret(implementation, secret));
    const address = `unix://${socketPath}`;
    await new Promise<void>((resolve, reject) => server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (e) => (e ? reject(e) : resolve())));
    await chmod(socketPath, 0o600);
    return new PluginAPIServer(server, address);
  }

  /** Stops accepting calls; in-flight calls get a short grace period. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        this.#server.forceShutdown();
        resolve();
      }, 1000);
      this.#server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
  }
}

function requireSecret(implementation: grpc.UntypedServiceImplementation, secret: string): grpc.UntypedServiceImplementation {
  const guarded: grpc.UntypedServiceImplementation = {};
  const check = secretCheck(secret);
  for (const [name, handler] of Object.entries(implementation)) {
    guarded[name] = ((call: grpc.ServerUnaryCall<unknown, unknown>, callback?: grpc.sendUnaryData<unknown>) => {
      if (!check(call.metadata)) {
        const refusal = { code: grpc.status.UNAUTHENTICATED, details: "missing or wrong plugin secret: present MATTERMOST_PLUGIN_API_SECRET as 'authorization: Bearer <secret>'" };
        if (callback) callback(refusal);
        else call.emit("error", refusal); // a stream: end it with the status
        return;
      }
      (handler as (call: unknown, callback?: unknown) => void)(call, callback);
    }) as grpc.UntypedHandleCall;
  }
  return guarded;
}

async function notImplemented(methodName: string, _output: DescMessage): Promise<MessageInitShape<DescMessage>> {
  return {
    error: {
      id: "plugin_api.not_implemented.app_error",
      message: `The Plugin API method ${methodName} is not supported by this server.`,
      detailedError: `${methodName} has no implementation in this Polyplug version`,
      statusCode: 501,
      where: methodName,
    },
  } as MessageInitShape<DescMessage>;
}
