import type { PluginAPIHandlers } from "@polyplug/host";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";

/** The Plugin API's files, upload sessions, emoji, acting as plugin `pluginId`. */
export function createFilesHandlers(_deps: PluginAPIBackendDeps, _pluginId: string): PluginAPIHandlers {
  return {};
}
