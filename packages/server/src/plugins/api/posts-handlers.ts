import type { PluginAPIHandlers } from "@polyplug/host";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";

/** The Plugin API's posts, threads, ephemeral posts, search, reactions, acting as plugin `pluginId`. */
export function createPostsHandlers(_deps: PluginAPIBackendDeps, _pluginId: string): PluginAPIHandlers {
  return {};
}
