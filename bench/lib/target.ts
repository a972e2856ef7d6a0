import type { Spread } from "./spread.js";

/**
 * A figure's target from issue 9, checked against the numbers of the same run. Ratio and delta
 * targets compare with the floor measured beside the figure; absolute ones (MB/s, MiB) stand alone.
 * `judge` picks which run decides: the median for speed, the worst run for memory bounds.
 */
export type Target =
  | { readonly kind: "ratio-max"; readonly limit: number; readonly judge?: Judge }
  | { readonly kind: "ratio-min"; readonly limit: number; readonly judge?: Judge }
  | { readonly kind: "delta-max"; readonly limit: number; readonly unit: string; readonly judge?: Judge }
  | { readonly kind: "value-min"; readonly limit: number; readonly unit: string; readonly judge?: Judge }
  | { readonly kind: "value-max"; readonly limit: number; readonly unit: string; readonly judge?: Judge };

export type Judge = "median" | "worst";

/** How the target reads in the markdown table. */
export function describeTarget(target: Target): string {
  const worst = target.judge === "worst" ? " (worst run)" : "";
  switch (target.kind) {
    case "ratio-max":
      return `≤ ${target.limit}× floor${worst}`;
    case "ratio-min":
      return `≥ ${target.limit}× floor${worst}`;
    case "delta-max":
      return `≤ floor + ${target.limit} ${target.unit}${worst}`;
    case "value-min":
      return `≥ ${target.limit} ${target.unit}${worst}`;
    case "value-max":
      return `< ${target.limit} ${target.unit}${worst}`;
  }
}

/** The number a target judges: the paired ratio, the paired difference, or the value itself. */
export function targetSubject(target: Target): "ratio" | "delta" | "value" {
  return target.kind.startsWith("ratio") ? "ratio" : target.kind.startsWith("delta") ? "delta" : "value";
}

/** Whether the target is met; null when a number it needs is missing or not finite. */
export function targetMet(target: Target, numbers: { value: Spread; ratio?: Spread | undefined; delta?: Spread | undefined }): boolean | null {
  const pick = (spread: Spread | undefined, higherIsWorse: boolean): number | undefined => {
    if (!spread) return undefined;
    if (target.judge !== "worst") return spread.median;
    return higherIsWorse ? spread.max : spread.min;
  };
  let subject: number | undefined;
  switch (target.kind) {
    case "ratio-max":
      subject = pick(numbers.ratio, true);
      break;
    case "ratio-min":
      subject = pick(numbers.ratio, false);
      break;
    case "delta-max":
      subject = pick(numbers.delta, true);
      break;
    case "value-min":
      subject = pick(numbers.value, false);
      break;
    case "value-max":
      subject = pick(numbers.value, true);
      break;
  }
  if (subject === undefined || !Number.isFinite(subject)) return null;
  switch (target.kind) {
    case "ratio-max":
    case "delta-max":
      return subject <= target.limit;
    case "value-max":
      return subject < target.limit;
    case "ratio-min":
    case "value-min":
      return subject >= target.limit;
  }
}
