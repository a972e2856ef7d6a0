/**
 * The server's whole config (`<dataDir>/config.json`, Mattermost's model.Config shape) as the
 * Plugin API reads and saves it: GetConfig sanitized, GetUnsanitizedConfig as stored, SaveConfig
 * and SavePluginConfig through Mattermost's save path.
 *
 * A save: secrets still "********" keep their stored value; then ConfigurationWillBeSaved runs
 * across plugins in id order, each seeing the previous one's config and free to replace it. An
 * AppError from a plugin vetoes the save (fail closed: that is the hook's purpose); a timeout or
 * crash only drops that plugin's say (fail open). The result lands atomically (ServerConfigFile),
 * then every running plugin whose own settings (PluginSettings.Plugins[id]) changed gets
 * OnConfigurationChange, fire-and-forget.
 */
import { HostError, settingDefaults, type Manifest, type PluginEnvironment } from "@polyplug/host";
import { appError } from "../app/app-error.js";
import { desanitizeConfig, sanitizeConfig } from "./server-config-secrets.js";
import type { ServerConfigFile } from "./server-config-file.js";

type Json = Record<string, unknown>;

export interface ServerConfigService {
  /** The config with secrets replaced by "********". */
  sanitized(): Json;
  /** The config as stored. */
  unsanitized(): Json;
  /** Saves `config` whole (see the module comment). */
  save(config: Json, where: string): Promise<void>;
  /** Replaces PluginSettings.Plugins[pluginId] and saves like {@link save}. */
  savePluginConfig(pluginId: string, settings: Json, where: string): Promise<void>;
}

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

export function createServerConfigService(file: ServerConfigFile, plugins: () => PluginEnvironment): ServerConfigService {
  const manifests = (): Manifest[] => {
    const env = plugins();
    return env.statuses().map((s) => env.get(s.plugin_id)?.manifest).filter((m): m is Manifest => m !== undefined);
  };

  async function willBeSaved(config: Json): Promise<Json> {
    const env = plugins();
    const deadline = env.fanOutDeadline();
    let current = config;
    for (const plugin of env.implementing("ConfigurationWillBeSaved")) {
      let response;
      try {
        response = await plugin.invoke("configurationWillBeSaved", { config: current as never }, { deadline });
      } catch (error) {
        if (error instanceof HostError) continue; // timeout, crash, transport: this plugin has no say
        throw error;
      }
      if (response.error) {
        throw appError("app.save_config.plugin_hook_error", {
          where: "saveConfig", params: { PluginId: plugin.manifest.id, Reason: response.error.message }, detailedError: `${response.error.id}: ${response.error.detailedError}`,
        });
      }
      if (response.config) current = response.config as Json;
    }
    return current;
  }

  function notifyChanged(before: Json, after: Json): void {
    for (const plugin of plugins().implementing("OnConfigurationChange")) {
      if (effectiveSettings(before, plugin.manifest) !== effectiveSettings(after, plugin.manifest)) {
        plugin.invoke("onConfigurationChange", {}).catch(() => undefined);
      }
    }
  }

  const service: ServerConfigService = {
    sanitized: () => sanitizeConfig(file.read(), manifests()),
    unsanitized: () => file.read(),

    async save(config, where) {
      validate(config, where);
      const before = file.read();
      const next = await willBeSaved(desanitizeConfig(config, before, manifests()));
      validate(next, where);
      try {
        await file.update((stored) => {
          for (const key of Object.keys(stored)) delete stored[key];
          Object.assign(stored, next);
        });
      } catch (error) {
        throw appError("app.save_config.app_error", { where, detailedError: (error as Error).message, cause: error });
      }
      notifyChanged(before, next);
    },

    async savePluginConfig(pluginId, settings, where) {
      if (!isObject(settings)) throw appError("model.config.is_valid.app_error", { where, params: { Reason: "the plugin config must be an object" } });
      const config = sanitizeConfig(file.read(), manifests());
      const pluginSettings = isObject(config["PluginSettings"]) ? config["PluginSettings"] : {};
      const all = isObject(pluginSettings["Plugins"]) ? pluginSettings["Plugins"] : {};
      config["PluginSettings"] = { ...pluginSettings, Plugins: { ...all, [pluginId]: settings } };
      await service.save(config, where);
    },
  };
  return service;
}

/** A plugin's settings as it sees them (defaults overlaid with PluginSettings.Plugins[id]), as text. */
function effectiveSettings(config: Json, manifest: Manifest): string {
  const pluginSettings = isObject(config["PluginSettings"]) ? config["PluginSettings"] : {};
  const all = isObject(pluginSettings["Plugins"]) ? pluginSettings["Plugins"] : {};
  const own = isObject(all[manifest.id]) ? all[manifest.id] : {};
  return stableJson({ ...settingDefaults(manifest), ...(own as Json) });
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`).join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/**
 * Mattermost's model.Config is a struct of sections: each top-level value is a settings object,
 * and PluginSettings.Plugins / PluginStates are maps of objects. A config breaking that shape
 * would break every reader of config.json, so it is refused (400).
 */
function validate(config: unknown, where: string): asserts config is Json {
  const invalid = (reason: string) => appError("model.config.is_valid.app_error", { where, params: { Reason: reason } });
  if (!isObject(config)) throw invalid("the config must be an object");
  for (const [name, value] of Object.entries(config)) {
    if (!isObject(value)) throw invalid(`${name} must be an object of settings`);
  }
  const pluginSettings = config["PluginSettings"];
  if (isObject(pluginSettings)) {
    for (const map of ["Plugins", "PluginStates"]) {
      const value = pluginSettings[map];
      if (value === undefined || value === null) continue;
      if (!isObject(value) || !Object.values(value).every(isObject)) throw invalid(`PluginSettings.${map} must map plugin ids to objects`);
    }
  }
}
