/** How one hook call ended, as the host saw it. */
export type HookOutcome = "ok" | "app_error" | "timeout" | "transport_error";

interface PerHook {
  calls: number;
  timeouts: number;
  failures: number;
  totalMs: number;
  consecutiveTimeouts: number;
}

export interface HookStatsOptions {
  /** Consecutive timeouts of one hook after which the plugin is skipped for it (default 3). */
  readonly quarantineAfter?: number;
  /** How long a quarantined hook is skipped before the plugin is tried again (default 60 s). */
  readonly quarantineMs?: number;
  readonly now?: () => number;
}

/**
 * Per-plugin hook accounting, and the isolation rule for slow plugins: a plugin that keeps
 * timing out in a hook is skipped for that hook for a while (callers fail open for it, as they do
 * on a timeout) instead of costing every request its full deadline. Pure logic, no I/O.
 */
export class HookStats {
  readonly #byHook = new Map<string, PerHook>();
  readonly #quarantinedUntil = new Map<string, number>();
  readonly #after: number;
  readonly #ms: number;
  readonly #now: () => number;
  #lastSlow: { hook: string; at: number } | undefined;

  constructor(options: HookStatsOptions = {}) {
    this.#after = options.quarantineAfter ?? 3;
    this.#ms = options.quarantineMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  record(hook: string, outcome: HookOutcome, durationMs: number): void {
    const stats = this.#byHook.get(hook) ?? { calls: 0, timeouts: 0, failures: 0, totalMs: 0, consecutiveTimeouts: 0 };
    stats.calls++;
    stats.totalMs += durationMs;
    if (outcome === "timeout") {
      stats.timeouts++;
      stats.consecutiveTimeouts++;
      this.#lastSlow = { hook, at: this.#now() };
      if (stats.consecutiveTimeouts >= this.#after) this.#quarantinedUntil.set(hook, this.#now() + this.#ms);
    } else {
      stats.consecutiveTimeouts = 0;
      if (outcome !== "ok") stats.failures++;
    }
    this.#byHook.set(hook, stats);
  }

  /** True while `hook` is being skipped for this plugin. */
  isQuarantined(hook: string): boolean {
    const until = this.#quarantinedUntil.get(hook);
    if (until === undefined) return false;
    if (this.#now() < until) return true;
    this.#quarantinedUntil.delete(hook); // time to try the plugin again
    return false;
  }

  /** The hooks currently skipped. */
  quarantined(): string[] {
    return [...this.#quarantinedUntil.keys()].filter((hook) => this.isQuarantined(hook));
  }

  get lastSlowHook(): { hook: string; at: number } | undefined {
    return this.#lastSlow;
  }

  get totalTimeouts(): number {
    return [...this.#byHook.values()].reduce((sum, s) => sum + s.timeouts, 0);
  }

  /** Per-hook counters, for metrics. */
  snapshot(): Array<{ hook: string; calls: number; timeouts: number; failures: number; totalMs: number }> {
    return [...this.#byHook].map(([hook, s]) => ({ hook, calls: s.calls, timeouts: s.timeouts, failures: s.failures, totalMs: s.totalMs }));
  }
}
