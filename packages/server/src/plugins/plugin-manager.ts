/**
 * Plugin administration with Mattermost's semantics: install a bundle, enable, disable, remove,
 * list — and the WebSocket events that tell clients (`plugin_enabled`, `plugin_disabled`, and
 * `plugin_statuses_changed` for system admins).
 *
 * Installing is atomic: the bundle is unpacked and validated in a dot-directory inside the plugin
 * directory (same filesystem, ignored by discovery), and only a valid bundle is renamed to
 * `<pluginDir>/<id>`. Replacing an installed plugin needs `force`; the old bundle is moved aside
 * first and put back if the swap fails. A fresh upload starts disabled, as in Mattermost; the
 * enabled/disabled choice is saved in config.json `PluginSettings.PluginStates` and honoured at
 * start. Plugins dropped into the directory by hand, with no saved choice, are enabled. Removing
 * a plugin also drops its channel guards (`onRemoved`).
 * Operations run one at a time.
 */
import { mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { PluginState, type Manifest, type PluginEnvironment } from "@polyplug/host";
import type { AppEvents } from "../app/app-events.js";
import { appError, isAppError } from "../app/app-error.js";
import { newWebSocketEvent, WebSocketEvents } from "../app/models/websocket-event.js";
import { unpackPluginBundle, type BundleLimits } from "./plugin-bundle.js";
import type { ServerConfigFile } from "./server-config-file.js";

/** Mattermost's `PluginsResponse`: manifests of running plugins and of the others. */
export interface PluginsResponse {
  active: Manifest[];
  inactive: Manifest[];
}

export interface PluginManagerOptions {
  readonly pluginDir: string;
  readonly plugins: () => PluginEnvironment;
  readonly config: ServerConfigFile;
  readonly events: AppEvents;
  readonly bundleLimits?: BundleLimits;
  /** Forgets what the app core keeps for a removed plugin (its channel guards). */
  readonly onRemoved?: (id: string) => Promise<void>;
}

/** Install, enable, disable, remove and list plugins. */
export class PluginManager {
  readonly #o: PluginManagerOptions;
  #lock: Promise<unknown> = Promise.resolve();

  constructor(options: PluginManagerOptions) {
    this.#o = options;
  }

  /** Whether a plugin should run: the saved choice, else enabled (bundles placed by hand). */
  isEnabled(id: string): boolean {
    return this.#o.config.pluginEnabled(id) ?? true;
  }

  list(): PluginsResponse {
    const env = this.#o.plugins();
    const response: PluginsResponse = { active: [], inactive: [] };
    for (const status of env.statuses()) {
      const plugin = env.get(status.plugin_id);
      if (!plugin) continue;
      (plugin.state === PluginState.Running ? response.active : response.inactive).push(plugin.manifest);
    }
    return response;
  }

  /** Installs the bundle at `archive` (a .tar.gz file); returns its manifest. */
  install(archive: string, options: { force: boolean }): Promise<Manifest> {
    return this.#serialized(async () => {
      await mkdir(this.#o.pluginDir, { recursive: true });
      const staging = await mkdtemp(path.join(this.#o.pluginDir, ".install-"));
      try {
        const unpacked = path.join(staging, "bundle");
        await mkdir(unpacked);
        const { root, manifest } = await unpackPluginBundle(archive, unpacked, this.#o.bundleLimits);
        const env = this.#o.plugins();
        const existing = env.get(manifest.id);
        const target = existing?.status().plugin_path ?? path.join(this.#o.pluginDir, manifest.id);
        const occupied = existing !== undefined || (await stat(target).catch(() => null)) !== null;
        if (occupied && !options.force) throw appError("app.plugin.install_id.app_error", { where: "installPlugin", detailedError: `plugin_id=${manifest.id}` });
        const wasActive = existing?.state === PluginState.Running;
        if (existing) await env.remove(manifest.id);
        const aside = path.join(staging, "previous");
        if (occupied) await rename(target, aside).catch((error: NodeJS.ErrnoException) => { if (error.code !== "ENOENT") throw error; });
        try {
          await rename(root, target);
        } catch (error) {
          if (occupied) await rename(aside, target).catch(() => undefined);
          if (existing) await env.load(target);
          throw appError("app.plugin.install.app_error", { where: "installPlugin", detailedError: (error as Error).message, cause: error });
        }
        if (this.#o.config.pluginEnabled(manifest.id) === undefined && !existing) await this.#o.config.setPluginEnabled(manifest.id, false);
        const loaded = await env.load(target);
        if (loaded && this.isEnabled(manifest.id)) {
          if (await env.activate(manifest.id)) this.#publish(WebSocketEvents.PluginEnabled, loaded.manifest);
        } else if (wasActive) {
          this.#publish(WebSocketEvents.PluginDisabled, manifest);
        }
        this.statusesChanged();
        return loaded?.manifest ?? manifest;
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    });
  }

  /** The manifest of the bundle at `archive`, validated as {@link install} would, without installing it. */
  async manifestOf(archive: string): Promise<Manifest> {
    await mkdir(this.#o.pluginDir, { recursive: true });
    const staging = await mkdtemp(path.join(this.#o.pluginDir, ".inspect-"));
    try {
      return (await unpackPluginBundle(archive, staging, this.#o.bundleLimits)).manifest;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  /** Saves Enable: true and starts the plugin; 404 when it is not installed. */
  enable(id: string): Promise<void> {
    return this.#serialized(async () => {
      const plugin = this.#require(id);
      await this.#saveChoice(id, true);
      if (plugin.state !== PluginState.Running && (await this.#o.plugins().activate(id))) this.#publish(WebSocketEvents.PluginEnabled, plugin.manifest);
      this.statusesChanged();
    });
  }

  /** Saves Enable: false and stops the plugin. */
  disable(id: string): Promise<void> {
    return this.#serialized(async () => {
      const plugin = this.#require(id);
      await this.#saveChoice(id, false);
      const wasRunning = plugin.state === PluginState.Running;
      await this.#o.plugins().deactivate(id);
      if (wasRunning) this.#publish(WebSocketEvents.PluginDisabled, plugin.manifest);
      this.statusesChanged();
    });
  }

  /** Stops the plugin, deletes its bundle and forgets its saved choice. */
  remove(id: string): Promise<void> {
    return this.#serialized(async () => {
      const plugin = this.#require(id);
      const dir = plugin.status().plugin_path;
      const wasRunning = plugin.state === PluginState.Running;
      await this.#o.plugins().remove(id);
      const staging = await mkdtemp(path.join(this.#o.pluginDir, ".remove-"));
      try {
        await rename(dir, path.join(staging, "bundle"));
      } catch (error) {
        throw appError("app.plugin.remove.app_error", { where: "removePlugin", detailedError: (error as Error).message, cause: error });
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
      await this.#saveChoice(id, null);
      await this.#o.onRemoved?.(plugin.manifest.id);
      if (wasRunning) this.#publish(WebSocketEvents.PluginDisabled, plugin.manifest);
      this.statusesChanged();
    });
  }

  /** Tells system admins' clients the statuses changed (Mattermost's notifyPluginStatusesChanged). */
  statusesChanged(): void {
    this.#o.events.publish(
      newWebSocketEvent(WebSocketEvents.PluginStatusesChanged, { plugin_statuses: this.#o.plugins().statuses() }, { contains_sensitive_data: true }),
    );
  }

  #require(id: string) {
    const plugin = this.#o.plugins().get(id.toLowerCase());
    if (!plugin) throw appError("app.plugin.not_installed.app_error", { where: "managePlugin", detailedError: `plugin_id=${id}` });
    return plugin;
  }

  async #saveChoice(id: string, enable: boolean | null): Promise<void> {
    try {
      await this.#o.config.setPluginEnabled(id, enable);
    } catch (error) {
      throw appError("app.plugin.config.app_error", { where: "managePlugin", detailedError: (error as Error).message, cause: error });
    }
  }

  #publish(event: typeof WebSocketEvents.PluginEnabled | typeof WebSocketEvents.PluginDisabled, manifest: Manifest): void {
    this.#o.events.publish(newWebSocketEvent(event, { manifest }));
  }

  #serialized<T>(run: () => Promise<T>): Promise<T> {
    const result = this.#lock.then(run);
    this.#lock = result.catch(() => undefined);
    return result.catch((error: unknown) => {
      throw isAppError(error) ? error : appError("app.plugin.install.app_error", { where: "managePlugin", detailedError: (error as Error)?.message ?? String(error), cause: error });
    });
  }
}
