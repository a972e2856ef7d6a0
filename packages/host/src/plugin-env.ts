import { APP_PROTOCOL_VERSION } from "./handshake.js";

/** go-plugin's magic cookie for Mattermost plugins: a UX check that a plugin was started by a host. */
export const MAGIC_COOKIE_KEY = "MATTERMOST_PLUGIN";
export const MAGIC_COOKIE_VALUE = "Securely message teams, anywhere.";

/** Host environment variables never passed to plugins (they may hold the host's own secrets). */
const PRIVATE_ENV = /^(POLYPLUG_|MM_SQLSETTINGS)/;

export interface PluginEnvInput {
  readonly pluginId: string;
  readonly bundleDir: string;
  /** The plugin's private directory, where it should put its listening socket. */
  readonly socketDir: string;
  readonly apiTarget: string;
  readonly secret: string;
  readonly hookTimeoutMs: number;
  readonly logLevel: string;
  /** go-plugin AutoMTLS: the host's certificate (PEM), when offered. */
  readonly clientCertPem?: string;
}

/**
 * The environment a plugin process starts with: the host's own (minus its private settings),
 * plus the variables docs/protocol.md §2 specifies. This function is that table, in code.
 */
export function pluginEnvironment(input: PluginEnvInput, hostEnv: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(hostEnv)) {
    if (value !== undefined && !PRIVATE_ENV.test(key)) env[key] = value;
  }
  return {
    ...env,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: String(APP_PROTOCOL_VERSION),
    PLUGIN_MIN_PORT: "10000",
    PLUGIN_MAX_PORT: "25000",
    PLUGIN_UNIX_SOCKET_DIR: input.socketDir,
    MATTERMOST_PLUGIN_ID: input.pluginId,
    MATTERMOST_PLUGIN_PATH: input.bundleDir,
    MATTERMOST_PLUGIN_API_TARGET: input.apiTarget,
    MATTERMOST_PLUGIN_API_SECRET: input.secret,
    MATTERMOST_PLUGIN_HOOK_TIMEOUT: String(input.hookTimeoutMs / 1000),
    MATTERMOST_PLUGIN_LOG_LEVEL: input.logLevel,
    PYTHONUNBUFFERED: "1",
    ...(input.clientCertPem ? { PLUGIN_CLIENT_CERT: input.clientCertPem } : {}),
  };
}
