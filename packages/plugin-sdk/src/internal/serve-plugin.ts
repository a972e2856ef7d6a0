import { WIRE_HOOK_NAMES } from "@polyplug/protocol";
import type { Logger } from "../logger.js";
import { createPluginAPI } from "../plugin-api.js";
import type { PluginSource } from "../plugin.js";
import type { RuntimeConfig } from "../runtime-config.js";
import { grpcApiTransport } from "./api-transport.js";
import { HookDispatcher } from "./hook-dispatcher.js";
import { loadPlugin } from "./load-plugin.js";
import { PluginServer } from "./plugin-server.js";
import { handshakeLine, watchStdin, writeHandshake } from "./stdio.js";

/** In-flight calls get this long after a stop request (the host sends SIGKILL 2 s after SIGTERM). */
export const STOP_GRACE_MS = 2000;
const API_READY_MS = 5000;
export const STDIN_EOF = "stdin reached end of file (the host is gone)";

/**
 * The life of a plugin process once its environment is checked: load the plugin, connect to the
 * host's API, serve, write the handshake, wait for a reason to stop, stop in order. Returns the
 * exit code. OnDeactivate runs on the way out unless the host already called it or is gone.
 */
export async function servePlugin(source: PluginSource, config: RuntimeConfig, log: Logger): Promise<number> {
  const transport = grpcApiTransport(config.apiTarget, config.apiSecret);
  const services = { api: createPluginAPI(transport), log, config };
  const target = loadPlugin(source, services);
  for (const hook of target.hooks) {
    if (!WIRE_HOOK_NAMES.includes(hook)) log.warn(`hook ${hook} has a handler but the wire contract does not carry it yet; it will not be called`);
  }
  if (!(await transport.waitReady(API_READY_MS))) log.warn(`the host's Plugin API at ${config.apiTarget} is not answering yet; API calls fail until it does`);

  const dispatcher = new HookDispatcher(target, services, { elideUnchanged: true });
  let requestStop: (reason: string) => void = () => undefined;
  const stopRequested = new Promise<string>((resolve) => (requestStop = resolve));
  const server = new PluginServer(dispatcher, config, (reason) => requestStop(reason), log);
  const { network, address } = await server.start();
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => requestStop(signal));
  watchStdin(() => requestStop(STDIN_EOF));
  writeHandshake(handshakeLine(network, address));
  log.debug(`serving ${target.name} on ${network} ${address}`, { hooks: target.hooks.join(",") });

  const reason = await stopRequested;
  log.info(`stopping: ${reason}`);
  if (dispatcher.activated && !dispatcher.deactivated && reason !== STDIN_EOF) await dispatcher.deactivate();
  await server.stop(STOP_GRACE_MS);
  transport.close();
  return 0;
}
