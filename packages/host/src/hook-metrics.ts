import type { ManagedPlugin } from "./managed-plugin.js";

/**
 * Renders every plugin's hook counters in the Prometheus text format, so a slow or failing
 * plugin shows up on the dashboards an admin already has.
 */
export function renderHookMetrics(plugins: readonly ManagedPlugin[]): string {
  const lines = [
    "# HELP polyplug_plugin_hook_calls_total Hook calls made to a plugin.",
    "# TYPE polyplug_plugin_hook_calls_total counter",
    "# HELP polyplug_plugin_hook_timeouts_total Hook calls that ran past their deadline.",
    "# TYPE polyplug_plugin_hook_timeouts_total counter",
    "# HELP polyplug_plugin_hook_failures_total Hook calls that failed (AppError or transport).",
    "# TYPE polyplug_plugin_hook_failures_total counter",
    "# HELP polyplug_plugin_hook_duration_seconds_sum Time spent in hook calls.",
    "# TYPE polyplug_plugin_hook_duration_seconds_sum counter",
    "# HELP polyplug_plugin_hook_quarantined Whether the plugin is being skipped for a hook after repeated timeouts.",
    "# TYPE polyplug_plugin_hook_quarantined gauge",
    "# HELP polyplug_plugin_state The plugin's state (Mattermost's numbers: 2 = Running).",
    "# TYPE polyplug_plugin_state gauge",
  ];
  for (const plugin of plugins) {
    const id = escapeLabel(plugin.id);
    lines.push(`polyplug_plugin_state{plugin="${id}"} ${plugin.state}`);
    const quarantined = new Set(plugin.hookStats.quarantined());
    for (const s of plugin.hookStats.snapshot()) {
      const labels = `plugin="${id}",hook="${escapeLabel(s.hook)}"`;
      lines.push(`polyplug_plugin_hook_calls_total{${labels}} ${s.calls}`);
      lines.push(`polyplug_plugin_hook_timeouts_total{${labels}} ${s.timeouts}`);
      lines.push(`polyplug_plugin_hook_failures_total{${labels}} ${s.failures}`);
      lines.push(`polyplug_plugin_hook_duration_seconds_sum{${labels}} ${(s.totalMs / 1000).toFixed(6)}`);
      lines.push(`polyplug_plugin_hook_quarantined{${labels}} ${quarantined.has(s.hook) ? 1 : 0}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}
