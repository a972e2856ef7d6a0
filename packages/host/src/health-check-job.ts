import type { ManagedPlugin } from "./managed-plugin.js";

export interface HealthCheckOptions {
  /** Time between checks (Mattermost: 30 s). */
  readonly intervalMs?: number;
  /** Consecutive pings that must all fail before a plugin counts as unhealthy (Mattermost: 3). */
  readonly pingAttempts?: number;
  /** Deadline of one ping (go-plugin has none; a hung plugin must not hang the job). */
  readonly pingTimeoutMs?: number;
}

/**
 * Mattermost's plugin health job: every interval, ping each running plugin (health service
 * "plugin" must answer SERVING); a plugin failing every attempt, or one whose process died, is
 * restarted until its RestartPolicy gives up, which leaves it FailedToStayRunning.
 */
export class HealthCheckJob {
  readonly #plugins: () => ManagedPlugin[];
  readonly #options: Required<HealthCheckOptions>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(plugins: () => ManagedPlugin[], options: HealthCheckOptions = {}) {
    this.#plugins = plugins;
    this.#options = { intervalMs: options.intervalMs ?? 30_000, pingAttempts: options.pingAttempts ?? 3, pingTimeoutMs: options.pingTimeoutMs ?? 5_000 };
  }

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.runOnce(), this.#options.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** One pass over all plugins (ticks never overlap). */
  runOnce(): Promise<void> {
    this.#running ??= this.#check().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #check(): Promise<void> {
    await Promise.all(
      this.#plugins().map(async (plugin) => {
        if (plugin.restartPending) {
          await plugin.restart();
        } else if (plugin.isRunning && !(await this.#healthy(plugin))) {
          await plugin.failHealthCheck(`health check failed ${this.#options.pingAttempts} times in a row`);
          if (plugin.restartPending) await plugin.restart();
        }
      }),
    );
  }

  async #healthy(plugin: ManagedPlugin): Promise<boolean> {
    for (let attempt = 0; attempt < this.#options.pingAttempts; attempt++) {
      if (await plugin.ping(this.#options.pingTimeoutMs)) return true;
    }
    return false;
  }
}
