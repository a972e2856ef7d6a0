import { readdir } from "node:fs/promises";
import path from "node:path";
import type { PluginAPIBackend } from "./api-server.js";
import { createHostCertificate, type HostCertificate } from "./auto-mtls.js";
import { HealthCheckJob, type HealthCheckOptions } from "./health-check-job.js";
import { HookStats, type HookStatsOptions } from "./hook-stats.js";
import { HostError, HostErrorCode } from "./host-error.js";
import { loadManifest } from "./manifest.js";
import { ManagedPlugin } from "./managed-plugin.js";
import { servePluginHttp } from "./plugin-http-bridge.js";
import { PluginState, type PluginStatus } from "./plugin-state.js";
import { RestartPolicy } from "./restart-policy.js";
import type { LaunchOptions } from "./runtime/launch-spec.js";

export interface PluginEnvironmentOptions {
  /** Directory holding one sub-directory per plugin bundle. */
  readonly pluginDir: string;
  /** Answers each plugin's API calls. */
  readonly backend: PluginAPIBackend;
  readonly launch?: LaunchOptions;
  /** Handshake deadline (default 10 s). */
  readonly startTimeoutMs?: number;
  /** Per-hook deadline (default 30 s, as Mattermost's gRPC path). */
  readonly hookTimeoutMs?: number;
  /** Deadlines for particular hooks by Mattermost name, e.g. { MessageWillBePosted: 2000 }. */
  readonly hookTimeoutsMs?: Readonly<Record<string, number>>;
  /** Where per-plugin JSON-lines logs go (`<logDir>/<id>.log`); none when unset. */
  readonly logDir?: string;
  readonly logLevel?: string;
  readonly onStateChange?: (status: PluginStatus) => void;
  /** The health job (Mattermost's: every 30 s, 3 pings); `enabled: false` turns it off. */
  readonly healthCheck?: HealthCheckOptions & { readonly enabled?: boolean };
  /** Failures tolerated within a window before a plugin stays FailedToStayRunning (3 in 60 min). */
  readonly restartPolicy?: { readonly limit?: number; readonly windowMs?: number };
  /** Slow-plugin isolation: skip a hook for a plugin after N consecutive timeouts, for a while. */
  readonly slowPlugins?: HookStatsOptions;
  /**
   * Total time one hook fanned out to all plugins may take. Default: twice the per-hook deadline,
   * so one hanging plugin (bounded by its own deadline) cannot starve the plugins after it.
   */
  readonly fanOutBudgetMs?: number;
  /** Offer go-plugin AutoMTLS to plugins (default true; plugins that ignore it keep plaintext). */
  readonly autoMTLS?: boolean;
}

/**
 * All plugins of one server: discovers bundles, starts and stops them, reports statuses, and lists
 * the running plugins that implement a hook in a stable order (by id). Knows nothing of chat: the
 * app decides what a hook means and how failures count.
 */
export class PluginEnvironment {
  readonly #options: PluginEnvironmentOptions;
  readonly #plugins = new Map<string, ManagedPlugin>();
  /** Bundles that could not even be loaded (bad manifest), keyed by directory name. */
  readonly #broken = new Map<string, PluginStatus>();
  /** Restarts failed plugins and checks running ones; started by startAll. */
  readonly healthCheck: HealthCheckJob;
  /** One AutoMTLS certificate per environment, minted on first use. */
  #certificate: Promise<HostCertificate> | undefined;

  constructor(options: PluginEnvironmentOptions) {
    this.#options = options;
    this.healthCheck = new HealthCheckJob(() => [...this.#plugins.values()], options.healthCheck);
  }

  /**
   * Discovers every bundle in the plugin directory and starts them all — or those `shouldStart`
   * accepts (the server passes the admin's enabled/disabled choice); the others stay loaded and
   * NotRunning. Never throws for one bad plugin.
   */
  async startAll(shouldStart: (id: string) => boolean = () => true): Promise<PluginStatus[]> {
    const entries = await readdir(this.#options.pluginDir, { withFileTypes: true }).catch(() => []);
    const dirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => path.join(this.#options.pluginDir, e.name));
    await Promise.all(dirs.map((dir) => this.load(dir)));
    await Promise.all([...this.#plugins.values()].filter((plugin) => shouldStart(plugin.id)).map((plugin) => plugin.start()));
    if (this.#options.healthCheck?.enabled !== false) this.healthCheck.start();
    return this.statuses();
  }

  /** Loads one bundle's manifest and registers it (not started). Returns the plugin or undefined when broken. */
  async load(bundleDir: string): Promise<ManagedPlugin | undefined> {
    const dirName = path.basename(bundleDir);
    try {
      const manifest = await loadManifest(bundleDir);
      const existing = this.#plugins.get(manifest.id);
      if (existing && existing.status().plugin_path !== bundleDir) {
        throw new HostError(HostErrorCode.ManifestInvalid, `plugin id ${manifest.id} in ${bundleDir} is already used by ${existing.status().plugin_path}`);
      }
      const o = this.#options;
      const plugin = new ManagedPlugin({
        bundleDir,
        manifest,
        backend: o.backend,
        launch: o.launch ?? {},
        startTimeoutMs: o.startTimeoutMs ?? 10_000,
        hookTimeoutMs: o.hookTimeoutMs ?? 30_000,
        ...(o.hookTimeoutsMs ? { hookTimeoutsMs: o.hookTimeoutsMs } : {}),
        logLevel: o.logLevel ?? "INFO",
        ...(o.logDir ? { logFile: path.join(o.logDir, `${manifest.id}.log`) } : {}),
        ...(o.onStateChange ? { onStateChange: o.onStateChange } : {}),
        restartPolicy: new RestartPolicy(o.restartPolicy ?? {}),
        hookStats: new HookStats(o.slowPlugins ?? {}),
        pluginHttp: (call) => servePluginHttp(manifest.id, (id) => this.get(id), call),
        ...(o.autoMTLS === false ? {} : { hostCertificate: () => (this.#certificate ??= createHostCertificate()) }),
      });
      this.#broken.delete(dirName);
      this.#plugins.set(manifest.id, plugin);
      return plugin;
    } catch (error) {
      const hostError = error instanceof HostError ? error : new HostError(HostErrorCode.ManifestInvalid, String(error));
      const status: PluginStatus = {
        plugin_id: dirName,
        plugin_path: bundleDir,
        state: PluginState.FailedToStart,
        error: hostError.message,
        error_code: hostError.code,
        name: dirName,
        description: "",
        version: "",
        hook_timeouts: 0,
        quarantined_hooks: [],
      };
      this.#broken.set(dirName, status);
      this.#options.onStateChange?.(status);
      return undefined;
    }
  }

  get(id: string): ManagedPlugin | undefined {
    return this.#plugins.get(id);
  }

  /** Starts a loaded plugin; resolves true when it runs. */
  async activate(id: string): Promise<boolean> {
    const plugin = this.#plugins.get(id);
    if (!plugin) throw new HostError(HostErrorCode.UnknownPlugin, `no plugin with id ${id}`);
    return plugin.start();
  }

  async deactivate(id: string): Promise<void> {
    await this.#plugins.get(id)?.stop();
  }

  /** Stops the plugin and forgets it (its bundle is about to be deleted or replaced). */
  async remove(id: string): Promise<void> {
    const plugin = this.#plugins.get(id);
    if (!plugin) return;
    await plugin.stop();
    this.#plugins.delete(id);
  }

  /**
   * The deadline for one hook fanned out across plugins: every plugin's call in the chain must
   * finish by then, so a slow plugin delays a request by at most the budget, not by n deadlines.
   */
  fanOutDeadline(): number {
    return Date.now() + (this.#options.fanOutBudgetMs ?? 2 * (this.#options.hookTimeoutMs ?? 30_000));
  }

  /** Running plugins implementing `hook`, ordered by id so "Will" hooks chain the same way every time. */
  implementing(hook: string): ManagedPlugin[] {
    return [...this.#plugins.values()].filter((p) => p.implements(hook)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  statuses(): PluginStatus[] {
    return [...[...this.#plugins.values()].map((p) => p.status()), ...this.#broken.values()].sort((a, b) => a.plugin_id.localeCompare(b.plugin_id));
  }

  /** Stops every plugin (in parallel, each with its own deadlines). */
  async shutdown(): Promise<void> {
    await this.healthCheck.stop();
    await Promise.all([...this.#plugins.values()].map((p) => p.stop()));
  }
}
