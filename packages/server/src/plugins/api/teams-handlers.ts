import type { PluginAPIHandlers } from "@polyplug/host";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";

/** The Plugin API's teams, team members, team icons, team stats, acting as plugin `pluginId`. */
export function createTeamsHandlers(_deps: PluginAPIBackendDeps, _pluginId: string): PluginAPIHandlers {
  return {};
}
