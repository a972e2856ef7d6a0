/** Plugin states, numbered as Mattermost's model.PluginState so clients can share code. */
export const PluginState = {
  NotRunning: 0,
  Starting: 1,
  Running: 2,
  FailedToStart: 3,
  FailedToStayRunning: 4,
  Stopping: 5,
} as const;

export type PluginState = (typeof PluginState)[keyof typeof PluginState];

/** Name of a state, for logs and the CLI. */
export function pluginStateName(state: PluginState): string {
  return Object.entries(PluginState).find(([, value]) => value === state)?.[0] ?? `Unknown(${state})`;
}

/** What the host reports about one plugin (Mattermost's PluginStatus JSON fields, plus the error code). */
export interface PluginStatus {
  readonly plugin_id: string;
  readonly plugin_path: string;
  readonly state: PluginState;
  readonly error: string;
  readonly error_code: string;
  readonly name: string;
  readonly description: string;
  readonly version: string;
  /** Hook calls that ran past their deadline since the plugin was loaded. */
  readonly hook_timeouts: number;
  /** Hooks the plugin is being skipped for after repeated timeouts (slow-plugin isolation). */
  readonly quarantined_hooks: string[];
  /** The last hook that timed out, and when (ms since epoch). */
  readonly last_slow_hook?: { hook: string; at: number };
}
