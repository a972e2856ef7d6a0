/**
 * The benchmark suite in one command:
 *
 *   node --import tsx bench/run.ts [--smoke] [--only NAME[,NAME…]] [--repeats N] [--out DIR]
 *   npm run bench
 *
 * Runs each figure against the real stack beside its floor, `--repeats` times (3 by default, 1 in
 * smoke mode), and writes `latest.json` and `latest.md` to `--out` (default bench/results; smoke
 * runs default to a fresh temp directory, so tiny-count numbers never overwrite real ones). Figures
 * run one after the other, never in parallel: they would measure each other. A figure that fails
 * is reported and the others still run; the exit code is then 1. A missed target is a finding, not
 * a failure: timings never decide the exit code.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { ALL_FIGURES } from "./figures/index.js";
import type { BenchReport, FigureReport } from "./lib/bench-report.js";
import { collectMachineInfo } from "./lib/machine-info.js";
import { benchPath } from "./lib/paths.js";
import { writeResults } from "./lib/results-writer.js";

const { values } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    only: { type: "string", multiple: true },
    repeats: { type: "string" },
    out: { type: "string" },
  },
});
const smoke = values.smoke ?? false;
const repeats = Number(values.repeats ?? (smoke ? 1 : 3));
const only = (values.only ?? []).flatMap((list) => list.split(",")).filter(Boolean);
const unknown = only.filter((name) => !ALL_FIGURES.some((figure) => figure.name === name));
if (unknown.length || !Number.isInteger(repeats) || repeats < 1) {
  process.stderr.write(`${unknown.length ? `unknown figure(s): ${unknown.join(", ")}; ` : ""}figures: ${ALL_FIGURES.map((f) => f.name).join(", ")}; --repeats takes a positive integer\n`);
  process.exit(2);
}
const figures = only.length ? ALL_FIGURES.filter((figure) => only.includes(figure.name)) : ALL_FIGURES;
const outDir = values.out ?? (smoke ? await mkdtemp(path.join(os.tmpdir(), "pp-bench-smoke-")) : benchPath("results"));
const log = (message: string) => process.stderr.write(`${message}\n`);

const startedAt = new Date().toISOString();
const machine = collectMachineInfo();
const t0 = performance.now();
const reports: FigureReport[] = [];
for (const figure of figures) {
  log(`== ${figure.name}: ${figure.title}`);
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "ppb-")); // short: unix socket paths stay < 100 bytes
  const started = performance.now();
  try {
    const result = await figure.run({ smoke, repeats, tmpDir, log });
    reports.push({ name: figure.name, title: figure.title, floor: figure.floor, durationMs: performance.now() - started, rows: result.rows, notes: result.notes });
  } catch (error) {
    log(`   failed: ${(error as Error).stack ?? String(error)}`);
    reports.push({ name: figure.name, title: figure.title, floor: figure.floor, durationMs: performance.now() - started, rows: [], notes: [], error: (error as Error).stack ?? String(error) });
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
  log(`   ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const report: BenchReport = {
  schema: 1,
  mode: smoke ? "smoke" : "full",
  repeats,
  startedAt,
  durationMs: performance.now() - t0,
  machine,
  loadAverageAtEnd: os.loadavg().map((load) => Math.round(load * 100) / 100),
  figures: reports,
};
const written = await writeResults(outDir, report);
log(`wrote ${written.json} and ${written.markdown}`);
const missed = reports.flatMap((figure) => figure.rows.filter((row) => row.met === false).map((row) => `${figure.name}: ${row.label} (${row.target})`));
if (missed.length) log(`targets missed (findings, not failures):\n  ${missed.join("\n  ")}`);
process.exit(reports.some((figure) => figure.error) ? 1 : 0);
