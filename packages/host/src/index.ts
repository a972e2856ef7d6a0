// Public surface of @polyplug/host: the plugin runtime, independent of any chat domain.
export { PluginEnvironment, type PluginEnvironmentOptions } from "./plugin-environment.js";
export { ManagedPlugin } from "./managed-plugin.js";
export { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, pluginEnvironment } from "./plugin-env.js";
export { PluginState, pluginStateName, type PluginStatus } from "./plugin-state.js";
export type { PluginAPIBackend, PluginAPIHandlers } from "./api-server.js";
export { bridgeServeHttp, type ServeHttpInit } from "./serve-http.js";
export { HostError, HostErrorCode } from "./host-error.js";
export { loadManifest, validateManifest, settingDefaults, type Manifest, type PluginSetting } from "./manifest.js";
export type { PluginLogEntry, LogLevel } from "./plugin-log.js";
export type { LaunchOptions } from "./runtime/launch-spec.js";

// Internals, exported for tests and tools.
export { parseHandshake, type Handshake } from "./handshake.js";
export { parseLogLine, PluginLog } from "./plugin-log.js";
export { withoutAuthCookie } from "./serve-http.js";
export { sha256File } from "./runtime/native.js";
export { HealthCheckJob, type HealthCheckOptions } from "./health-check-job.js";
export { RestartPolicy } from "./restart-policy.js";
export { HookStats, type HookOutcome, type HookStatsOptions } from "./hook-stats.js";
export { renderHookMetrics } from "./hook-metrics.js";
export type { UnaryHook } from "./managed-plugin.js";
