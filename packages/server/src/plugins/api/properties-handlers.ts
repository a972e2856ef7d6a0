import type { PluginAPIHandlers } from "@polyplug/host";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";

/** The Plugin API's property fields, values and groups, acting as plugin `pluginId`. */
export function createPropertiesHandlers(_deps: PluginAPIBackendDeps, _pluginId: string): PluginAPIHandlers {
  return {};
}
