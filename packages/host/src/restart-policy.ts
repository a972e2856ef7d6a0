/**
 * Mattermost's health policy, as a pure counter: each failure is remembered for a window; below
 * the limit the plugin is restarted, at the limit it is given up on (FailedToStayRunning).
 * Defaults are Mattermost's: 3 failures within 60 minutes.
 */
export class RestartPolicy {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  #failures: number[] = [];

  constructor(options: { limit?: number; windowMs?: number; now?: () => number } = {}) {
    this.#limit = options.limit ?? 3;
    this.#windowMs = options.windowMs ?? 60 * 60 * 1000;
    this.#now = options.now ?? Date.now;
  }

  /** Records a failure now; says whether to restart or to give up. */
  recordFailure(): "restart" | "give-up" {
    const now = this.#now();
    this.#failures = [...this.#failures.filter((t) => now - t < this.#windowMs), now];
    return this.#failures.length >= this.#limit ? "give-up" : "restart";
  }

  /** Failures still inside the window. */
  get recentFailures(): number {
    const now = this.#now();
    return this.#failures.filter((t) => now - t < this.#windowMs).length;
  }

  /** Forgets past failures (an admin re-enabled the plugin). */
  reset(): void {
    this.#failures = [];
  }
}
