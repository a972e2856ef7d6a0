import { mkdirSync } from "node:fs";
import path from "node:path";
import { PluginEnvironment, PluginState, type PluginEnvironmentOptions, type PluginStatus } from "@polyplug/host";
import { createApp, type App } from "./app/app.js";
import { DEFAULT_MAX_FILE_BYTES } from "./app/files-service.js";
import { startKvCleanupJob } from "./app/kv-cleanup-job.js";
import { createHttpServer, DEFAULT_BODY_LIMIT } from "./http/create-http-server.js";
import { registerWebSocket } from "./http/websocket/register-websocket.js";
import { createHostAppHooks } from "./plugins/host-app-hooks.js";
import { createPluginAPIBackend } from "./plugins/plugin-api-backend.js";
import { createPluginConfigSource } from "./plugins/plugin-config.js";
import { fileSettingsFromConfig } from "./plugins/file-settings-config.js";
import { registerPluginAdminRoutes } from "./plugins/plugin-admin-routes.js";
import { PluginManager } from "./plugins/plugin-manager.js";
import { ServerConfigFile } from "./plugins/server-config-file.js";
import { createServerConfigService } from "./plugins/server-config-service.js";
import { AuditLog } from "./app/audit-log.js";
import { startMetricsListener } from "./plugins/metrics-listener.js";
import { registerPluginRoutes } from "./plugins/plugin-routes.js";
import { createDatabase, databaseFileIn } from "./store/create-database.js";

/** The version reported to clients and plugins (Mattermost server versions are semver). */
export const SERVER_VERSION = "10.5.0";

export interface ServerOptions {
  /** Database (unless {@link databaseUrl} is given), config.json, plugin logs. Created when missing. */
  readonly dataDir: string;
  /** `postgres://…` to store data in PostgreSQL instead of `<dataDir>/polyplug.db` (SQLite). */
  readonly databaseUrl?: string;
  /** One sub-directory per plugin bundle. */
  readonly pluginDir: string;
  /** Listen address (default 127.0.0.1: nothing listens publicly unless asked). */
  readonly host?: string;
  /** Port (default 8065; 0 picks a free one). */
  readonly port?: number;
  readonly siteUrl?: string;
  readonly pythonInterpreter?: string;
  readonly startTimeoutMs?: number;
  readonly hookTimeoutMs?: number;
  readonly onPluginStateChange?: (status: PluginStatus) => void;
  /**
   * Request size limits. Each falls back to config.json (`ServiceSettings.MaximumPayloadSizeBytes`,
   * `FileSettings.MaxFileSize`), then to Mattermost's defaults.
   */
  readonly limits?: {
    readonly maxBodyBytes?: number;
    readonly maxFileBytes?: number;
    readonly maxPluginBundleBytes?: number;
    readonly maxPluginUnpackedBytes?: number;
  };
  /** Port of the metrics listener (host metrics and plugins' ServeMetrics, on `host`); none when unset. */
  readonly metricsPort?: number;
  /** Plugin host tuning: health job, restart policy, slow-plugin isolation, fan-out budget. */
  readonly pluginHost?: Pick<PluginEnvironmentOptions, "healthCheck" | "restartPolicy" | "slowPlugins" | "fanOutBudgetMs" | "hookTimeoutsMs">;
  /** Milliseconds between purges of expired plugin KV rows (default 1 h; see app/kv-cleanup-job.ts). */
  readonly kvCleanupIntervalMs?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly version: string;
  readonly app: App;
  readonly plugins: PluginEnvironment;
  /** The metrics listener's base URL, when one was asked for. */
  readonly metricsUrl?: string;
  close(): Promise<void>;
}

/**
 * Starts the whole server: store (migrated; SQLite, or PostgreSQL with `databaseUrl`), app core,
 * plugin host (every bundle in `pluginDir` started), REST API and plugin routes, listening on
 * loopback by default.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const database = await createDatabase(options.databaseUrl ? { url: options.databaseUrl } : { file: databaseFileIn(options.dataDir) });
  const host = options.host ?? "127.0.0.1";
  const config = new ServerConfigFile(path.join(options.dataDir, "config.json"));
  const app = createApp({
    db: database.db, version: SERVER_VERSION, filesDir: path.join(options.dataDir, "files"), ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
    customCommandsEnabled: () => config.customCommandsEnabled(), serviceSettings: () => config.serviceSettings(),
    fileSettings: fileSettingsFromConfig(config, options.limits?.maxFileBytes ?? config.positiveInteger("FileSettings", "MaxFileSize") ?? DEFAULT_MAX_FILE_BYTES),
  });
  await app.system.init(); // the install date and telemetry id exist from the first start on
  const kvCleanup = startKvCleanupJob(app.kv, options.kvCleanupIntervalMs ? { intervalMs: options.kvCleanupIntervalMs } : {});

  let environment: PluginEnvironment | undefined;
  const plugins = (): PluginEnvironment => environment!;
  environment = new PluginEnvironment({
    ...options.pluginHost,
    pluginDir: options.pluginDir,
    backend: createPluginAPIBackend({
      app, plugins, config: createPluginConfigSource(path.join(options.dataDir, "config.json"), plugins),
      system: {
        dataDir: options.dataDir, configFile: config, serverConfig: createServerConfigService(config, plugins, () => manager),
        manager: () => manager, audit: new AuditLog(path.join(options.dataDir, "logs")),
      },
    }),
    launch: options.pythonInterpreter ? { pythonInterpreter: options.pythonInterpreter } : {},
    logDir: path.join(options.dataDir, "logs", "plugins"),
    ...(options.startTimeoutMs ? { startTimeoutMs: options.startTimeoutMs } : {}),
    ...(options.hookTimeoutMs ? { hookTimeoutMs: options.hookTimeoutMs } : {}),
    onStateChange: (status) => {
      // A plugin that stops running takes its slash commands with it, as in Mattermost.
      if (status.state !== PluginState.Running && status.state !== PluginState.Starting) {
        void app.commands.unregisterPluginCommands(status.plugin_id).catch(() => undefined);
      }
      manager.statusesChanged();
      options.onPluginStateChange?.(status);
    },
  });
  const manager = new PluginManager({
    pluginDir: options.pluginDir, plugins, config, events: app.events,
    onRemoved: (id) => app.channelGuards.unregisterAllForPlugin(id),
    ...(options.limits?.maxPluginUnpackedBytes ? { bundleLimits: { maxUnpackedBytes: options.limits.maxPluginUnpackedBytes } } : {}),
  });
  app.setHooks(createHostAppHooks(plugins, { hookTimeoutMs: options.hookTimeoutMs ?? 30_000, guardsFor: (channelId) => app.channelGuards.pluginsFor(channelId) }));

  const fastify = createHttpServer({
    app,
    bodyLimit: options.limits?.maxBodyBytes ?? config.positiveInteger("ServiceSettings", "MaximumPayloadSizeBytes") ?? DEFAULT_BODY_LIMIT,
    limits: { maxFileBytes: options.limits?.maxFileBytes ?? config.positiveInteger("FileSettings", "MaxFileSize") ?? DEFAULT_MAX_FILE_BYTES },
  });
  registerWebSocket(fastify, app);
  registerPluginAdminRoutes(fastify, app, plugins, {
    manager, config, pluginDir: options.pluginDir,
    ...(options.limits?.maxPluginBundleBytes ? { maxBundleBytes: options.limits.maxPluginBundleBytes } : {}),
  });
  await registerPluginRoutes(fastify, app, plugins);
  const address = await fastify.listen({ host, port: options.port ?? 8065 });
  const url = options.siteUrl ?? address;
  // Plugins the admin disabled (config.json PluginStates) stay loaded but are not started.
  await environment.startAll((id) => manager.isEnabled(id));
  const metrics = options.metricsPort === undefined ? undefined : await startMetricsListener(plugins, { host, port: options.metricsPort });

  return {
    url,
    version: SERVER_VERSION,
    app,
    plugins: environment,
    ...(metrics ? { metricsUrl: metrics.url } : {}),
    async close() {
      await metrics?.close();
      await environment!.shutdown();
      await fastify.close();
      await kvCleanup.stop();
      await database.close();
    },
  };
}
