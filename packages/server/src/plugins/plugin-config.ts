import { readFileSync } from "node:fs";
import type { JsonObject } from "@bufbuild/protobuf";
import { settingDefaults, type PluginEnvironment } from "@polyplug/host";

/** Where a plugin's settings come from. */
export interface PluginConfigSource {
  /** The plugin's effective settings: manifest defaults overlaid with the admin's values. */
  configFor(pluginId: string): JsonObject;
}

/**
 * Plugin settings from the server's config file (Mattermost's `PluginSettings.Plugins[<id>]`, in
 * `<dataDir>/config.json`) over the defaults in each plugin's `settings_schema`.
 */
export function createPluginConfigSource(configFile: string, plugins: () => PluginEnvironment): PluginConfigSource {
  return {
    configFor(pluginId) {
      const manifest = plugins().get(pluginId)?.manifest;
      const defaults = manifest ? settingDefaults(manifest) : {};
      return { ...defaults, ...readPluginSettings(configFile)[pluginId] } as JsonObject;
    },
  };
}

function readPluginSettings(configFile: string): Record<string, Record<string, unknown>> {
  let text: string;
  try {
    text = readFileSync(configFile, "utf8");
  } catch {
    return {}; // no config file: defaults only
  }
  const config = JSON.parse(text) as { PluginSettings?: { Plugins?: Record<string, Record<string, unknown>> } };
  return config.PluginSettings?.Plugins ?? {};
}
