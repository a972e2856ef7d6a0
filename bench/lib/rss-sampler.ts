import { readFileSync } from "node:fs";

/** Resident set size of `pid` in MiB, read from /proc/<pid>/status (VmRSS); NaN when gone. */
export function readRssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Baseline, peak and growth of one process's RSS over a measured section. */
export interface RssGrowth {
  readonly baselineMiB: number;
  readonly peakMiB: number;
  readonly growthMiB: number;
}

/**
 * Samples a process's RSS on a timer while a transfer runs. /proc is read rather than
 * process.memoryUsage() so the host and the plugin are measured the same way, and the peak is what
 * the kernel saw, not what V8 thinks it holds.
 */
export class RssSampler {
  readonly #pid: number;
  readonly #baseline: number;
  #peak: number;
  readonly #timer: NodeJS.Timeout;

  constructor(pid: number, intervalMs = 10) {
    this.#pid = pid;
    this.#baseline = readRssMiB(pid);
    this.#peak = this.#baseline;
    this.#timer = setInterval(() => this.#sample(), intervalMs);
  }

  #sample(): void {
    const rss = readRssMiB(this.#pid);
    if (rss > this.#peak) this.#peak = rss;
  }

  /** Stops sampling (after one last sample) and reports. */
  stop(): RssGrowth {
    clearInterval(this.#timer);
    this.#sample();
    return { baselineMiB: this.#baseline, peakMiB: this.#peak, growthMiB: this.#peak - this.#baseline };
  }
}
