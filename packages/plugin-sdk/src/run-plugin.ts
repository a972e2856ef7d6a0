import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { servePlugin } from "./internal/serve-plugin.js";
import { reserveStdout } from "./internal/stdio.js";
import { createLogger } from "./logger.js";
import type { PluginSource } from "./plugin.js";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, runtimeConfigFromEnv } from "./runtime-config.js";

// Started by the host: from the moment the SDK is loaded, before the plugin's own module body
// runs, nothing but the handshake may reach stdout (see internal/stdio.ts).
if (process.env[MAGIC_COOKIE_KEY] === MAGIC_COOKIE_VALUE) reserveStdout();

const NOT_BY_HAND = `This is a Polyplug (Mattermost-compatible) server plugin; it is started by the server, not by hand.
Install it as a plugin bundle and the server will run it with the environment it needs
(MATTERMOST_PLUGIN, MATTERMOST_PLUGIN_API_TARGET, MATTERMOST_PLUGIN_API_SECRET, ...).
To test its handlers, use HookInvoker and FakePluginAPI from "@polyplug/plugin/testing".
`;

/**
 * Serves `plugin` (a definePlugin object, a Plugin subclass or instance) to the host that started
 * this process, until told to stop: GRPCController.Shutdown, SIGTERM/SIGINT, or end of file on
 * stdin (the host died). Exits the process: 0 after a clean stop, 1 when it cannot start.
 * Call it from the plugin's entry module, under `if (isMainModule(import.meta.url))` so that tests
 * can import the module without starting a server.
 */
export function runPlugin(plugin: PluginSource): void {
  if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    process.stderr.write(NOT_BY_HAND);
    process.exit(1);
  }
  const config = runtimeConfigFromEnv();
  const log = createLogger({ level: config.logLevel, module: config.pluginId || "plugin" });
  const missing = (["MATTERMOST_PLUGIN_API_TARGET", "MATTERMOST_PLUGIN_API_SECRET"] as const).filter((name) => !process.env[name]);
  if (missing.length > 0) {
    log.error(`${missing.join(", ")} not set: the host must provide them (docs/protocol.md §2)`);
    process.exit(1);
  }
  // A stray rejection in plugin code is logged, not fatal: one bad handler must not take every
  // hook down. An uncaught exception leaves the process in an unknown state: exit, the host restarts it.
  process.on("unhandledRejection", (reason) => log.error(`unhandled promise rejection: ${(reason as Error)?.message ?? String(reason)}`, { error: reason }));
  process.on("uncaughtException", (error) => {
    log.error(`uncaught exception: ${error.message}`, { error });
    process.exit(1);
  });
  servePlugin(plugin, config, log).then(
    (code) => process.exit(code),
    (error: unknown) => {
      log.error(`the plugin could not start: ${(error as Error)?.message ?? String(error)}`, { error });
      process.exit(1);
    },
  );
}

/**
 * Whether the module with this `import.meta.url` is the process's entry point (what the host
 * runs), as opposed to imported by a test. Works for TypeScript run through tsx and for a bundle.
 */
export function isMainModule(importMetaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(fileURLToPath(importMetaUrl)) === realpathSync(entry);
  } catch {
    return false;
  }
}
