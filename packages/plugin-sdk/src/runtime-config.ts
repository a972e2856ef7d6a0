/** go-plugin's handshake cookie: present only when the host started this process. */
export const MAGIC_COOKIE_KEY = "MATTERMOST_PLUGIN";
export const MAGIC_COOKIE_VALUE = "Securely message teams, anywhere.";
/** The hook deadline when the host does not say (seconds). */
export const DEFAULT_HOOK_TIMEOUT_SECONDS = 30;

/** Log levels, least to most severe. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/**
 * What the host tells the plugin process through its environment (docs/protocol.md §2), read in
 * one place so neither the SDK nor plugin code touches `process.env` for it. These are the
 * *runtime* settings; the plugin's own settings (plugin.json's settings_schema, overridden by the
 * admin) come from `api.getPluginConfig()`.
 */
export interface RuntimeConfig {
  readonly pluginId: string;
  /** The bundle directory (absolute), which is also the working directory. */
  readonly pluginPath: string;
  /** The host's PluginAPI address, `unix:///…/api.sock`. */
  readonly apiTarget: string;
  /** Presented on every API call; the host sends it on every hook call. */
  readonly apiSecret: string;
  /** The host's per-hook deadline, in seconds. */
  readonly hookTimeoutSeconds: number;
  readonly logLevel: LogLevel;
  /** Where to put the plugin's listening socket ("" → listen on 127.0.0.1 instead). */
  readonly socketDir: string;
}

/**
 * Reads the `MATTERMOST_PLUGIN_*` and `PLUGIN_UNIX_SOCKET_DIR` variables. A missing or unparsable
 * hook timeout falls back to 30 s rather than failing the start: the host enforces its own
 * deadline anyway, ours only stops waiting for a handler in time to answer.
 */
export function runtimeConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): RuntimeConfig {
  return {
    pluginId: env.MATTERMOST_PLUGIN_ID ?? "",
    pluginPath: env.MATTERMOST_PLUGIN_PATH ?? "",
    apiTarget: env.MATTERMOST_PLUGIN_API_TARGET ?? "",
    apiSecret: env.MATTERMOST_PLUGIN_API_SECRET ?? "",
    hookTimeoutSeconds: parseTimeout(env.MATTERMOST_PLUGIN_HOOK_TIMEOUT),
    logLevel: parseLevel(env.MATTERMOST_PLUGIN_LOG_LEVEL),
    socketDir: env.PLUGIN_UNIX_SOCKET_DIR ?? "",
  };
}

function parseTimeout(raw: string | undefined): number {
  const value = Number(raw);
  return raw && Number.isFinite(value) && value > 0 ? value : DEFAULT_HOOK_TIMEOUT_SECONDS;
}

function parseLevel(raw: string | undefined): LogLevel {
  switch ((raw ?? "").trim().toUpperCase()) {
    case "TRACE":
    case "DEBUG":
      return "debug";
    case "WARN":
    case "WARNING":
      return "warn";
    case "ERROR":
      return "error";
    default:
      return "info";
  }
}
