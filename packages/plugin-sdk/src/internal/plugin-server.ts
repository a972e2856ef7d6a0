import { rm } from "node:fs/promises";
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { CHANNEL_OPTIONS, PluginHooks, goplugin, health, toGrpcServiceDefinition } from "@polyplug/protocol";
import type { Logger } from "../logger.js";
import type { RuntimeConfig } from "../runtime-config.js";
import { controllerImplementation } from "./controller-service.js";
import { HealthService } from "./health-service.js";
import type { HookDispatcher } from "./hook-dispatcher.js";
import { hooksImplementation } from "./hooks-service.js";
import { requireSecret } from "./secret-guard.js";

/** The name of the plugin's socket inside PLUGIN_UNIX_SOCKET_DIR. */
export const SOCKET_NAME = "plugin.sock";

/** Where the plugin listens, as the handshake announces it. */
export interface ListenAddress {
  readonly network: "unix" | "tcp";
  readonly address: string;
}

/**
 * The plugin's gRPC server: PluginHooks and GRPCController behind the host's secret, health open.
 * It listens on a unix socket in the host's private directory, or on 127.0.0.1 when the host gave
 * none (never on another interface).
 */
export class PluginServer {
  // No channelz: nothing reads it here, and its per-call bookkeeping (counters, Date.now()) is
  // paid on every hook call.
  readonly #server = new grpc.Server({ ...CHANNEL_OPTIONS, "grpc.enable_channelz": 0 });
  readonly #health = new HealthService();
  readonly #config: RuntimeConfig;
  readonly #log: Logger;
  #socket: string | undefined;

  constructor(dispatcher: HookDispatcher, config: RuntimeConfig, requestStop: (reason: string) => void, log: Logger) {
    const refused = (method: string) => log.warn(`refused ${method}: no valid bearer secret (not the host that started this plugin?)`);
    this.#server.addService(toGrpcServiceDefinition(PluginHooks), requireSecret(hooksImplementation(dispatcher), config.apiSecret, refused));
    this.#server.addService(toGrpcServiceDefinition(goplugin.GRPCController), requireSecret(controllerImplementation(requestStop), config.apiSecret, refused));
    this.#server.addService(toGrpcServiceDefinition(health.Health), this.#health.implementation());
    this.#config = config;
    this.#log = log;
  }

  /** Binds and starts serving; call before writing the handshake. */
  async start(): Promise<ListenAddress> {
    if (this.#config.socketDir) {
      const socket = path.join(path.resolve(this.#config.socketDir), SOCKET_NAME);
      await rm(socket, { force: true }); // a stale socket from an earlier run would make the bind fail
      try {
        await this.#bind(`unix://${socket}`);
        this.#socket = socket;
        return { network: "unix", address: socket };
      } catch (error) {
        this.#log.warn(`cannot listen on ${socket} (${(error as Error).message}); falling back to 127.0.0.1`);
      }
    }
    const port = await this.#bind("127.0.0.1:0");
    return { network: "tcp", address: `127.0.0.1:${port}` };
  }

  /** Stops accepting calls and lets running ones finish for up to `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    this.#health.stopping();
    this.#health.close();
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        this.#server.forceShutdown();
        resolve();
      }, graceMs);
      this.#server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
    if (this.#socket) await rm(this.#socket, { force: true });
  }

  #bind(address: string): Promise<number> {
    return new Promise((resolve, reject) => this.#server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))));
  }
}
