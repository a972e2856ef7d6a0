import type { PluginAPIHandlers } from "@polyplug/host";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";

/** The Plugin API's users: accounts, search, statuses, custom status, profile images, acting as plugin `pluginId`. */
export function createUsersHandlers(_deps: PluginAPIBackendDeps, _pluginId: string): PluginAPIHandlers {
  return {};
}
