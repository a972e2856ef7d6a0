/**
 * The server's `<dataDir>/config.json`, in Mattermost's shape, for the settings this server reads
 * and the one it writes (`PluginSettings.PluginStates`, when an admin enables or disables a plugin).
 *
 * Writes are read-modify-write under one lock and land atomically (temp file + rename), so a crash
 * never leaves half a config and two admin actions never lose each other's change; keys this
 * server does not know are kept as they are. A missing file reads as `{}`.
 */
import { readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";

/** Mattermost's default for PluginSettings.EnableUploads: uploads are off until an admin turns them on. */
const DEFAULT_ENABLE_UPLOADS = false;

type Json = Record<string, unknown>;

function section(config: Json, name: string): Json {
  const value = config[name];
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/** Typed access to the parts of config.json the server uses. */
export class ServerConfigFile {
  readonly path: string;
  #lock: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    this.path = path;
  }

  /** The whole file; `{}` when absent. A file that is not a JSON object is an error worth stopping for. */
  read(): Json {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch {
      return {};
    }
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${this.path} must hold a JSON object`);
    return value as Json;
  }

  /** Applies `change` to the current file and saves the result atomically. */
  update(change: (config: Json) => void): Promise<void> {
    const run = this.#lock.then(async () => {
      const config = this.read();
      change(config);
      const temp = `${this.path}.${process.pid}.tmp`;
      await writeFile(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
      await rename(temp, this.path);
    });
    this.#lock = run.catch(() => undefined);
    return run;
  }

  /** `PluginSettings.PluginStates[id].Enable`, or undefined when the admin never chose. */
  pluginEnabled(id: string): boolean | undefined {
    const state = section(section(section(this.read(), "PluginSettings"), "PluginStates"), id);
    return typeof state["Enable"] === "boolean" ? state["Enable"] : undefined;
  }

  /** Records the admin's choice (Mattermost's `PluginStates[id] = {Enable}`); null forgets it. */
  setPluginEnabled(id: string, enable: boolean | null): Promise<void> {
    return this.update((config) => {
      const settings = section(config, "PluginSettings");
      const states = section(settings, "PluginStates");
      if (enable === null) delete states[id];
      else states[id] = { ...section(states, id), Enable: enable };
      settings["PluginStates"] = states;
      config["PluginSettings"] = settings;
    });
  }

  /**
   * `ServiceSettings.EnableCommands`: whether custom (webhook) slash commands may call their URLs.
   * Mattermost defaults to true; this server makes no outgoing request unless the admin opts in.
   */
  customCommandsEnabled(): boolean {
    return section(this.read(), "ServiceSettings")["EnableCommands"] === true;
  }

  /** The `ServiceSettings` section (`{}` when absent), read afresh. */
  serviceSettings(): Json {
    return section(this.read(), "ServiceSettings");
  }

  /** `PluginSettings.EnableUploads` (default false, as in Mattermost). */
  uploadsEnabled(): boolean {
    const value = section(this.read(), "PluginSettings")["EnableUploads"];
    return typeof value === "boolean" ? value : DEFAULT_ENABLE_UPLOADS;
  }

  /** A positive integer setting such as `FileSettings.MaxFileSize`, or undefined. */
  positiveInteger(sectionName: string, key: string): number | undefined {
    const value = section(this.read(), sectionName)[key];
    return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : undefined;
  }
}
