import { performance } from "node:perf_hooks";

/** One closed-loop run: every call's latency and the throughput over the whole run. */
export interface LoopRun {
  readonly latenciesUs: number[];
  readonly wallMs: number;
  readonly callsPerSecond: number;
}

/**
 * Runs `total` calls with `inFlight` of them outstanding at any time (each worker starts its next
 * call when its previous one answers), after `warmup` untimed calls at the same concurrency.
 * Closed-loop on purpose: it measures what a caller waiting for its answer sees, and the machine
 * cannot be overloaded into measuring queueing alone.
 */
export async function closedLoop(call: () => Promise<unknown>, options: { total: number; inFlight: number; warmup: number }): Promise<LoopRun> {
  const { total, inFlight, warmup } = options;
  await runWorkers(call, warmup, inFlight, undefined);
  const latenciesUs: number[] = [];
  const started = performance.now();
  await runWorkers(call, total, inFlight, latenciesUs);
  const wallMs = performance.now() - started;
  return { latenciesUs, wallMs, callsPerSecond: total / (wallMs / 1000) };
}

async function runWorkers(call: () => Promise<unknown>, total: number, inFlight: number, latenciesUs: number[] | undefined): Promise<void> {
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < total) {
      started += 1;
      const t0 = performance.now();
      await call();
      latenciesUs?.push((performance.now() - t0) * 1000);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, Math.max(total, 1)) }, worker));
}
