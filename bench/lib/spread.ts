import { median } from "./stats.js";

/**
 * One figure measured over repeated runs: the median, the extremes and every run's value. The
 * machine is shared, so a single run says little; the spread says how much to trust the median.
 */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: readonly number[];
}

/** The spread of per-run values. */
export function spreadOf(runs: readonly number[]): Spread {
  return {
    median: median(runs),
    min: runs.length ? Math.min(...runs) : Number.NaN,
    max: runs.length ? Math.max(...runs) : Number.NaN,
    runs: [...runs],
  };
}

/**
 * Per-run ratios `(value - offset) / floor`, paired run by run. Each figure run is measured right
 * beside its floor run, so pairing cancels most of the machine's slow drifts; the spread of the
 * ratios is then the honest spread of the figure.
 */
export function pairedRatio(values: Spread, floors: Spread, offsets?: Spread): Spread {
  return spreadOf(values.runs.map((value, i) => (value - (offsets?.runs[i] ?? 0)) / floors.runs[i]!));
}

/** Per-run differences `value - floor`, paired run by run (used for "floor + N ms" targets). */
export function pairedDelta(values: Spread, floors: Spread): Spread {
  return spreadOf(values.runs.map((value, i) => value - floors.runs[i]!));
}
