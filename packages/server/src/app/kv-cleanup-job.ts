/**
 * The background half of KV expiry: expired rows are already invisible to every read (kv-service
 * filters them), and this job deletes them from the table now and then, as Mattermost's "Plugins"
 * job does with DeleteAllExpiredPluginKeys (daily there; hourly by default here, which costs one
 * indexed DELETE an hour).
 */
import type { KvService } from "./kv-service.js";

/** How often expired KV rows are deleted unless the server is told otherwise. */
export const DEFAULT_KV_CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

export interface KvCleanupJobOptions {
  /** Milliseconds between runs (the first run comes one interval after the start). */
  readonly intervalMs?: number;
  /** Told about a failed run (the next run tries again); failures are otherwise silent. */
  readonly onError?: (error: unknown) => void;
  /** Told how many rows each run deleted. */
  readonly onRun?: (deleted: number) => void;
}

/** A running cleanup job. */
export interface KvCleanupJob {
  /** Stops the timer and waits for a run in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

/** Starts the periodic `deleteAllExpired()`; the timer is unref'd and never keeps the process alive. */
export function startKvCleanupJob(kv: Pick<KvService, "deleteAllExpired">, options: KvCleanupJobOptions = {}): KvCleanupJob {
  const intervalMs = options.intervalMs ?? DEFAULT_KV_CLEANUP_INTERVAL_MS;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new RangeError(`KV cleanup interval must be a positive number of milliseconds, not ${intervalMs}`);
  let running: Promise<void> | undefined;
  const run = async () => {
    try {
      // Not `onRun?.(await …)`: an optional call skips evaluating its arguments when there is no onRun.
      const deleted = await kv.deleteAllExpired();
      options.onRun?.(deleted);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const timer = setInterval(() => {
    // A run slower than the interval is not stacked on by the next one.
    if (running) return;
    running = run().finally(() => {
      running = undefined;
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
