import type { Row } from "./figure.js";
import type { MachineInfo } from "./machine-info.js";

/** One figure's outcome in the report: its rows, or the error that stopped it. */
export interface FigureReport {
  readonly name: string;
  readonly title: string;
  readonly floor: string;
  readonly durationMs: number;
  readonly rows: Row[];
  readonly notes: string[];
  readonly error?: string;
}

/** Everything one run of the suite wrote (bench/results/latest.json). */
export interface BenchReport {
  readonly schema: 1;
  readonly mode: "full" | "smoke";
  readonly repeats: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly machine: MachineInfo;
  readonly loadAverageAtEnd: number[];
  readonly figures: FigureReport[];
}
