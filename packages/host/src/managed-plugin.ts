import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { type PluginHooks, type UnaryClient, health } from "@polyplug/protocol";
import { PluginAPIServer, type PluginAPIBackend } from "./api-server.js";
import type { PluginHttpCall } from "./plugin-http-bridge.js";
import type { HostCertificate } from "./auto-mtls.js";
import { HostError, HostErrorCode } from "./host-error.js";
import { HookStats, type HookOutcome } from "./hook-stats.js";
import type { Manifest } from "./manifest.js";
import { connectToPlugin, type PluginConnection } from "./plugin-connection.js";
import { PluginLog } from "./plugin-log.js";
import { describeExit, PluginProcess } from "./plugin-process.js";
import { pluginEnvironment } from "./plugin-env.js";
import { newPluginSecret } from "./plugin-secret.js";
import { readPluginStdio } from "./plugin-stdio.js";
import { PluginState, pluginStateName, type PluginStatus } from "./plugin-state.js";
import { RestartPolicy } from "./restart-policy.js";
import { resolveLaunch } from "./runtime/resolve-launch.js";
import type { LaunchOptions } from "./runtime/launch-spec.js";


export interface ManagedPluginOptions {
  readonly bundleDir: string;
  readonly manifest: Manifest;
  readonly backend: PluginAPIBackend;
  readonly launch: LaunchOptions;
  readonly startTimeoutMs: number;
  readonly hookTimeoutMs: number;
  /** Deadlines for particular hooks (by Mattermost name), overriding hookTimeoutMs. */
  readonly hookTimeoutsMs?: Readonly<Record<string, number>>;
  readonly logLevel: string;
  readonly logFile?: string;
  readonly onStateChange?: (status: PluginStatus) => void;
  /** Failures allowed within a window before the plugin is given up on (default 3 in 60 min). */
  readonly restartPolicy?: RestartPolicy;
  /** Hook accounting and slow-plugin quarantine (default: 3 timeouts in a row → 60 s). */
  readonly hookStats?: HookStats;
  /** Serves this plugin's PluginHTTP calls (plugin-to-plugin HTTP); unset: not offered. */
  readonly pluginHttp?: (call: PluginHttpCall) => void;
  /** go-plugin AutoMTLS: the certificate offered in PLUGIN_CLIENT_CERT (none: no offer). */
  readonly hostCertificate?: () => Promise<HostCertificate>;
}

type Hooks = UnaryClient<typeof PluginHooks>;
/** The unary hooks, by their camelCase client name (e.g. "messageWillBePosted"). */
export type UnaryHook = keyof Hooks;

/**
 * One plugin's whole lifecycle: private directory and secret, API server, process, connection,
 * health check, Implemented, OnActivate, and the reverse on stop. Failures never throw out of
 * start/stop: they become the plugin's state and error, as Mattermost reports them.
 */
export class ManagedPlugin {
  readonly id: string;
  readonly log: PluginLog;
  readonly #options: ManagedPluginOptions;
  #state: PluginState = PluginState.NotRunning;
  #error: HostError | undefined;
  #implemented = new Set<string>();
  #dir: string | undefined;
  #api: PluginAPIServer | undefined;
  #process: PluginProcess | undefined;
  #connection: PluginConnection | undefined;
  #stopStdio: (() => void) | undefined;
  readonly #policy: RestartPolicy;
  #restartPending = false;
  /** Per-hook counters and the slow-plugin quarantine. */
  readonly hookStats: HookStats;

  constructor(options: ManagedPluginOptions) {
    this.#options = options;
    this.#policy = options.restartPolicy ?? new RestartPolicy();
    this.hookStats = options.hookStats ?? new HookStats();
    this.id = options.manifest.id;
    this.log = new PluginLog(options.logFile ? { file: options.logFile } : {});
  }

  /** The bundle directory the plugin was loaded from. */
  get bundleDir(): string {
    return this.#options.bundleDir;
  }

  get manifest(): Manifest {
    return this.#options.manifest;
  }

  get state(): PluginState {
    return this.#state;
  }

  get pid(): number | undefined {
    return this.#process?.pid;
  }

  /** True when the host reaches the plugin over mutual TLS (go-plugin AutoMTLS). */
  get usesTLS(): boolean {
    return this.#connection?.tls ?? false;
  }

  get isRunning(): boolean {
    return this.#state === PluginState.Running;
  }

  /** True when the plugin failed and the health job should restart it. */
  get restartPending(): boolean {
    return this.#restartPending;
  }

  /** One health check: service "plugin" answers SERVING within `timeoutMs`. */
  async ping(timeoutMs: number): Promise<boolean> {
    const connection = this.#connection;
    if (!this.isRunning || !connection) return false;
    try {
      const response = await connection.health.check({ service: "plugin" }, { deadline: Date.now() + timeoutMs });
      return response.status === health.HealthCheckResponse_ServingStatus.SERVING;
    } catch {
      return false;
    }
  }

  /** The health job found the plugin unresponsive: stop it and let the restart policy decide. */
  async failHealthCheck(reason: string): Promise<void> {
    if (!this.isRunning) return;
    this.#setState(PluginState.Stopping);
    await this.#teardown();
    this.#failAndMaybeRestart(new HostError(HostErrorCode.HealthCheckFailed, reason));
  }

  /** Restarts a failed plugin (the health job's job); a failed start leaves it FailedToStart. */
  async restart(): Promise<boolean> {
    this.#restartPending = false;
    this.#hostLog("warn", `restarting (failure ${this.#policy.recentFailures} of the allowed window)`);
    return this.start();
  }

  /**
   * True when the plugin is running, listed `hook` in Implemented, and is not being skipped for it
   * after repeated timeouts (slow-plugin isolation).
   */
  implements(hook: string): boolean {
    return this.#state === PluginState.Running && this.#implemented.has(hook) && !this.hookStats.isQuarantined(hook);
  }

  /**
   * Calls a unary hook: deadline = the per-hook timeout, or `deadline` (a fan-out budget) if
   * earlier. Every outcome is counted; a timeout is logged and may quarantine the hook. Resolves
   * with the response (which may carry an AppError); rejects with a HostError (HookTimeout,
   * HookFailed, HookSkipped) when there is no response.
   */
  async invoke<K extends UnaryHook>(method: K, request: Parameters<Hooks[K]>[0], options: { deadline?: number } = {}): Promise<Awaited<ReturnType<Hooks[K]>>> {
    const hook = method.charAt(0).toUpperCase() + method.slice(1);
    const timeout = this.#options.hookTimeoutsMs?.[hook] ?? this.#options.hookTimeoutMs;
    const deadline = Math.min(Date.now() + timeout, options.deadline ?? Infinity);
    if (deadline <= Date.now()) {
      throw new HostError(HostErrorCode.HookSkipped, `${hook} skipped for ${this.id}: the request's hook budget was already spent by other plugins`);
    }
    const started = performance.now();
    const call = this.hooks[method] as (req: unknown, opts: grpc.CallOptions) => Promise<Awaited<ReturnType<Hooks[K]>>>;
    try {
      const response = await call(request, { deadline });
      this.hookStats.record(hook, (response as { error?: unknown }).error ? "app_error" : "ok", performance.now() - started);
      return response;
    } catch (error) {
      const timedOut = (error as grpc.ServiceError).code === grpc.status.DEADLINE_EXCEEDED;
      const outcome: HookOutcome = timedOut ? "timeout" : "transport_error";
      const elapsed = performance.now() - started;
      this.hookStats.record(hook, outcome, elapsed);
      if (timedOut) {
        const quarantine = this.hookStats.isQuarantined(hook) ? "; skipped for this hook for a while after repeated timeouts" : "";
        this.#hostLog("warn", `${hook} timed out after ${Math.round(elapsed)} ms${quarantine}`);
        this.#options.onStateChange?.(this.status());
        throw new HostError(HostErrorCode.HookTimeout, `${hook} of plugin ${this.id} timed out after ${Math.round(elapsed)} ms`, { cause: error });
      }
      this.#hostLog("error", `${hook} failed: ${(error as Error).message}`);
      throw new HostError(HostErrorCode.HookFailed, `${hook} of plugin ${this.id} failed: ${(error as Error).message}`, { cause: error });
    }
  }

  /** The plugin's hooks client; throws when the plugin is not running. */
  get hooks(): Hooks {
    if (this.#state !== PluginState.Running || !this.#connection) {
      throw new HostError(HostErrorCode.NotRunning, `plugin ${this.id} is not running (${pluginStateName(this.#state)})`);
    }
    return this.#connection.hooks;
  }

  /** Call options with the configured per-hook deadline. */
  hookCallOptions(timeoutMs = this.#options.hookTimeoutMs): grpc.CallOptions {
    return { deadline: Date.now() + timeoutMs };
  }

  /** Opens a ServeHTTP stream to the plugin (bound to the caller's lifetime, not a deadline). */
  openServeHttp(): grpc.ClientDuplexStream<unknown, unknown> {
    return this.openHookStream("serveHTTP");
  }

  /**
   * Opens one of the streamed hooks (ServeHTTP, ServeMetrics, FileWillBeUploaded), bound to the
   * caller's lifetime, not a deadline. Write messages made with `create(<Request>Schema, …)`.
   */
  openHookStream(method: "serveHTTP" | "serveMetrics" | "fileWillBeUploaded"): grpc.ClientDuplexStream<unknown, unknown> {
    const connection = this.#connection;
    if (this.#state !== PluginState.Running || !connection) {
      throw new HostError(HostErrorCode.NotRunning, `plugin ${this.id} is not running`);
    }
    const def = connection.hooksDefinition[method]!;
    return connection.rawHooks.makeBidiStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, connection.metadata());
  }

  status(): PluginStatus {
    const m = this.#options.manifest;
    return {
      plugin_id: this.id,
      plugin_path: this.#options.bundleDir,
      state: this.#state,
      error: this.#error?.message ?? "",
      error_code: this.#error?.code ?? "",
      name: m.name,
      description: m.description ?? "",
      version: m.version ?? "",
      hook_timeouts: this.hookStats.totalTimeouts,
      quarantined_hooks: this.hookStats.quarantined(),
      ...(this.hookStats.lastSlowHook ? { last_slow_hook: this.hookStats.lastSlowHook } : {}),
    };
  }

  /** Starts and activates the plugin. Resolves true when it is Running. */
  async start(): Promise<boolean> {
    if (this.#state === PluginState.Running || this.#state === PluginState.Starting) return this.#state === PluginState.Running;
    this.#restartPending = false;
    this.#error = undefined;
    this.#setState(PluginState.Starting);
    try {
      await this.#launch();
      this.#setState(PluginState.Running); // before OnActivate, as Mattermost, so re-entrant calls see it running
      const activated = await this.#connection!.hooks.onActivate({}, this.hookCallOptions());
      if (activated.error) {
        throw new HostError(HostErrorCode.ActivateFailed, `OnActivate failed: ${activated.error.message} [${activated.error.id}]`);
      }
      this.log.append({ time: new Date().toISOString(), level: "info", message: "plugin activated", source: "host", fields: { hooks: [...this.#implemented] } });
      return true;
    } catch (error) {
      await this.#teardown();
      this.#fail(PluginState.FailedToStart, error, HostErrorCode.ActivateFailed);
      return false;
    }
  }

  /** Deactivates and stops the plugin: OnDeactivate, controller Shutdown, then signals. */
  async stop(): Promise<void> {
    if (this.#state === PluginState.NotRunning || this.#state === PluginState.Stopping) return;
    const wasRunning = this.#state === PluginState.Running;
    this.#setState(PluginState.Stopping);
    if (wasRunning && this.#connection && this.#implemented.has("OnDeactivate")) {
      try {
        const result = await this.#connection.hooks.onDeactivate({}, this.hookCallOptions());
        if (result.error) this.#hostLog("warn", `OnDeactivate returned an error: ${result.error.message}`);
      } catch (error) {
        this.#hostLog("warn", `OnDeactivate failed: ${(error as Error).message}`);
      }
    }
    await this.#teardown();
    this.#error = undefined;
    this.#restartPending = false;
    this.#policy.reset(); // an explicit stop (disable, shutdown) starts the count afresh
    this.#setState(PluginState.NotRunning);
  }

  async #launch(): Promise<void> {
    const { manifest, bundleDir, backend, launch, startTimeoutMs } = this.#options;
    const spec = await resolveLaunch(manifest, bundleDir, launch);
    // A short private directory: unix socket paths must stay under ~100 bytes.
    this.#dir = await mkdtemp(path.join(tmpdir(), "pp-"));
    const secret = newPluginSecret();
    this.#api = await PluginAPIServer.start({
      pluginId: this.id,
      socketPath: path.join(this.#dir, "api.sock"),
      secret,
      backend,
      ...(this.#options.pluginHttp ? { pluginHttp: this.#options.pluginHttp } : {}),
    });
    const certificate = await this.#options.hostCertificate?.();
    const reaper = spec.runtime === "native"; // our SDKs exit on stdin EOF by themselves
    const env = pluginEnvironment({
      pluginId: this.id,
      bundleDir: this.#options.bundleDir,
      socketDir: this.#dir,
      apiTarget: this.#api.address,
      secret,
      hookTimeoutMs: this.#options.hookTimeoutMs,
      logLevel: this.#options.logLevel,
      ...(certificate ? { clientCertPem: certificate.certPem } : {}),
    });
    const { process: child, handshake } = await PluginProcess.start({ spec, env, startTimeoutMs, log: this.log, reaper });
    this.#process = child;
    void child.exited.then((exit) => this.#onExit(child, describeExit(exit)));
    this.#connection = connectToPlugin(handshake, secret, certificate);
    this.#stopStdio = readPluginStdio(this.#connection.rawHooks, this.#connection.metadata(), this.log);
    await this.#checkHealth();
    const implemented = await this.#connection.hooks.implemented({}, this.hookCallOptions());
    if (implemented.error) throw new HostError(HostErrorCode.ImplementedFailed, `Implemented failed: ${implemented.error.message}`);
    this.#implemented = new Set(implemented.hooks);
  }

  async #checkHealth(): Promise<void> {
    let response;
    try {
      response = await this.#connection!.health.check({ service: "plugin" }, { deadline: Date.now() + this.#options.startTimeoutMs });
    } catch (cause) {
      throw new HostError(HostErrorCode.HealthCheckFailed, `health check of service "plugin" failed: ${(cause as Error).message}`, { cause });
    }
    if (response.status !== health.HealthCheckResponse_ServingStatus.SERVING) {
      throw new HostError(HostErrorCode.HealthCheckFailed, `health check of service "plugin" answered ${health.HealthCheckResponse_ServingStatus[response.status]}, not SERVING`);
    }
  }

  #onExit(child: PluginProcess, how: string): void {
    if (this.#process !== child) return; // an old process of an earlier start
    if (this.#state === PluginState.Running) {
      void this.#teardown().then(() => this.#failAndMaybeRestart(new HostError(HostErrorCode.ProcessExited, `plugin process exited unexpectedly (${how})`)));
    }
  }

  /** FailedToStayRunning; below the policy's limit the health job restarts it, at the limit it stays down. */
  #failAndMaybeRestart(error: HostError): void {
    const decision = this.#policy.recordFailure();
    this.#restartPending = decision === "restart";
    const suffix = decision === "restart" ? "; the health job will restart it" : `; given up after ${this.#policy.recentFailures} failures within the restart window`;
    this.#fail(PluginState.FailedToStayRunning, new HostError(error.code, `${error.message}${suffix}`, { cause: error }), error.code);
  }

  /** Releases everything the plugin holds; safe to call at any stage. */
  async #teardown(): Promise<void> {
    const child = this.#process;
    const connection = this.#connection;
    if (child && !child.hasExited) {
      if (connection) {
        // go-plugin servers drop the connection before answering Shutdown: ignore the outcome.
        await connection.controller.shutdown({}, { deadline: Date.now() + 1000 }).catch(() => undefined);
      }
      if (!(await child.waitForExit(2000))) await child.stop(2000);
      else child.kill(); // the leader exited; reap anything it forked
    }
    this.#stopStdio?.();
    this.#stopStdio = undefined;
    connection?.close();
    this.#connection = undefined;
    await this.#api?.stop();
    this.#api = undefined;
    if (this.#dir) await rm(this.#dir, { recursive: true, force: true });
    this.#dir = undefined;
    this.#implemented = new Set();
  }

  #fail(state: PluginState, error: unknown, fallback: HostErrorCode): void {
    this.#error = error instanceof HostError ? error : new HostError(fallback, (error as Error)?.message ?? String(error), { cause: error });
    this.#hostLog("error", this.#error.message);
    this.#setState(state);
  }

  #hostLog(level: "info" | "warn" | "error", message: string): void {
    this.log.append({ time: new Date().toISOString(), level, message, source: "host" });
  }

  #setState(state: PluginState): void {
    this.#state = state;
    this.#options.onStateChange?.(this.status());
  }
}
