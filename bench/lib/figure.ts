import { pairedDelta, pairedRatio, type Spread } from "./spread.js";
import { describeTarget, targetMet, targetSubject, type Target } from "./target.js";

/** What every figure gets from the runner. */
export interface BenchContext {
  /** Tiny counts: the CI check that the suite still works (its numbers mean nothing). */
  readonly smoke: boolean;
  /** Runs per figure; each run is measured right beside its own floor run. */
  readonly repeats: number;
  /** A scratch directory removed after the suite. */
  readonly tmpDir: string;
  log(message: string): void;
}

/** One line of a figure's table: a measured value beside its floor, over `repeats` runs. */
export interface Row {
  readonly label: string;
  readonly unit: string;
  readonly value: Spread;
  /** The floor measured beside the value, same unit; absent for rows that only inform. */
  readonly floor?: Spread;
  /** Subtracted from the value before the ratio (e.g. the DB time of an API call). */
  readonly offset?: Spread;
  /** `(value - offset) / floor`, paired run by run. */
  readonly ratio?: Spread;
  /** `value - floor`, paired run by run. */
  readonly delta?: Spread;
  readonly target?: string;
  /** Which number the target judges (the summary table shows that one). */
  readonly targetOn?: "ratio" | "delta" | "value";
  /** true/false when the row has a target, null when a number it needs is missing. */
  readonly met?: boolean | null;
}

export interface FigureResult {
  readonly rows: Row[];
  /** Findings worth keeping beside the numbers (plugin kind, what was measured, caveats). */
  readonly notes: string[];
}

/** One figure of issue 9: measured against the real stack, beside its floor. */
export interface Figure {
  readonly name: string;
  readonly title: string;
  /** What the floor is, in a sentence. */
  readonly floor: string;
  run(context: BenchContext): Promise<FigureResult>;
}

/**
 * Builds a row, computing the paired ratio/delta and the verdict. `relation: "delta"` leaves the
 * ratio out where it means nothing (memory growth against a floor that may grow by 0 MiB).
 */
export function makeRow(options: { label: string; unit: string; value: Spread; floor?: Spread; offset?: Spread; target?: Target; relation?: "ratio" | "delta" }): Row {
  const { label, unit, value, floor, offset, target } = options;
  const ratio = floor && options.relation !== "delta" ? pairedRatio(value, floor, offset) : undefined;
  const delta = floor ? pairedDelta(value, floor) : undefined;
  return {
    label,
    unit,
    value,
    ...(floor ? { floor, delta } : {}),
    ...(ratio ? { ratio } : {}),
    ...(offset ? { offset } : {}),
    ...(target ? { target: describeTarget(target), targetOn: targetSubject(target), met: targetMet(target, { value, ratio, delta }) } : {}),
  };
}
