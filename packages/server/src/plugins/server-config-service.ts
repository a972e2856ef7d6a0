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
 * OnConfigurationChange, fire-and-forget, and every plugin whose PluginStates[id].Enable changed
 * is started or stopped through the plugin manager (as Mattermost's config listener does).
 *
 * Saves run one at a time (the read, the hooks and the write), and the write is a three-way merge
 * against the file as it is then: what this save did not change keeps the file's current value, so
 * an enable/disable written meanwhile by the plugin manager is not lost.
 */
import { HostError, settingDefaults, type Manifest, type PluginEnvironment } from "@polyplug/host";
import { appError } from "../app/app-error.js";
import { desanitizeConfig, sanitizeConfig } from "./server-config-secrets.js";
import type { ServerConfigFile } from "./server-config-file.js";
import type { PluginManager } from "./plugin-manager.js";

type Json = Record<string, unknown>;

export interface ServerConfigService {
  /** The config with secrets replaced by "********". */
  sanitized(): Json;
  /** The config as stored. */
  unsanitized(): Json;
  /** Saves `config` whole (see the module comment). */
  save(config: Json, where: string, callerId?: string): Promise<void>;
  /** Replaces PluginSettings.Plugins[pluginId] and saves like {@link save}. */
  savePluginConfig(pluginId: string, settings: Json, where: string): Promise<void>;
}

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

export function createServerConfigService(file: ServerConfigFile, plugins: () => PluginEnvironment, manager?: () => PluginManager): ServerConfigService {
  let lock: Promise<unknown> = Promise.resolve();
  const serialized = <T>(run: () => Promise<T>): Promise<T> => {
    const result = lock.then(run);
    lock = result.catch(() => undefined);
    return result;
  };
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

  /**
   * Starts or stops the plugins whose PluginStates[id].Enable this save changed. The caller's own
   * change is applied after its answer (stopping it inline would wait on the very call).
   */
  async function applyPluginStates(before: Json, after: Json, where: string, callerId: string | undefined): Promise<void> {
    if (!manager) return;
    const env = plugins();
    for (const status of env.statuses()) {
      const id = status.plugin_id;
      const enable = enableOf(after, id);
      if (enable === undefined || enable === enableOf(before, id)) continue;
      const run = () => (enable ? manager().enable(id) : manager().disable(id));
      if (id === callerId) {
        setImmediate(() => void run().catch(() => undefined));
        continue;
      }
      try {
        await run();
      } catch (error) {
        throw appError("app.save_config.app_error", { where, detailedError: `${enable ? "enabling" : "disabling"} ${id}: ${(error as Error).message}`, cause: error });
      }
    }
  }

  async function saveLocked(config: Json, where: string, callerId: string | undefined): Promise<void> {
    validate(config, where);
    const before = file.read();
    const next = await willBeSaved(desanitizeConfig(config, before, manifests()));
    validate(next, where);
    let after: Json = next;
    try {
      await file.update((stored) => {
        after = structuredClone(mergeChanges(before, next, stored)) as Json; // a copy: `stored` is emptied next
        for (const key of Object.keys(stored)) delete stored[key];
        Object.assign(stored, after);
      });
    } catch (error) {
      throw appError("app.save_config.app_error", { where, detailedError: (error as Error).message, cause: error });
    }
    notifyChanged(before, after);
    await applyPluginStates(before, after, where, callerId);
  }

  const service: ServerConfigService = {
    sanitized: () => sanitizeConfig(file.read(), manifests()),
    unsanitized: () => file.read(),

    save(config, where, callerId) {
      return serialized(() => saveLocked(config, where, callerId));
    },

    async savePluginConfig(pluginId, settings, where) {
      if (!isObject(settings)) throw appError("model.config.is_valid.app_error", { where, params: { Reason: "the plugin config must be an object" } });
      // Read inside the lock, so a save running meanwhile is the base this one builds on.
      return serialized(() => {
        const config = sanitizeConfig(file.read(), manifests());
        const pluginSettings = isObject(config["PluginSettings"]) ? config["PluginSettings"] : {};
        const all = isObject(pluginSettings["Plugins"]) ? pluginSettings["Plugins"] : {};
        config["PluginSettings"] = { ...pluginSettings, Plugins: { ...all, [pluginId]: settings } };
        return saveLocked(config, where, pluginId);
      });
    },
  };
  return service;
}

/** PluginSettings.PluginStates[id].Enable in `config`, or undefined. */
function enableOf(config: Json, id: string): boolean | undefined {
  const pluginSettings = isObject(config["PluginSettings"]) ? config["PluginSettings"] : {};
  const states = isObject(pluginSettings["PluginStates"]) ? pluginSettings["PluginStates"] : {};
  const state = isObject(states[id]) ? states[id] : {};
  return typeof state["Enable"] === "boolean" ? state["Enable"] : undefined;
}

/**
 * Three-way merge: `next` is what the save wants, `before` what it read, `current` the file now.
 * Wherever the save changed nothing, the file's current value stands (someone else's write).
 */
function mergeChanges(before: unknown, next: unknown, current: unknown): unknown {
  if (stableJson(next) === stableJson(before)) return current;
  if (!isObject(before) || !isObject(next) || !isObject(current)) return next;
  const merged: Json = {};
  for (const key of new Set([...Object.keys(next), ...Object.keys(current)])) {
    const value = key in next ? mergeChanges(before[key], next[key], current[key]) : key in before ? undefined : current[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
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
