/**
 * The benchmark suite in one command:
 *
 *   node --import tsx bench/run.ts [--smoke] [--only NAME[,NAME…]] [--repeats N] [--out DIR]
 *   npm run bench
 *
 * Runs each figure against the real stack beside its floor, `--repeats` times (3 by default, 1 in
 * smoke mode), and writes `latest.json` and `latest.md` to `--out` (default bench/results; smoke
 * runs default to a fresh temp directory, so tiny-count numbers never overwrite real ones). Figures
 * run one after the other, never in parallel: they would measure each other; and each in a fresh
 * runner process (this script with --figure-child), because a figure run after others in one
 * process measured the runner's state too: ServeHTTP upload gave 359 MB/s right after the Node
 * dispatch figure and 662 MB/s alone (bench/results/findings.md §4). A figure that fails
 * is reported and the others still run; the exit code is then 1. A missed target is a finding, not
 * a failure: timings never decide the exit code.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
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
    // Internal: run one figure in this process and write its report as JSON to this file.
    "figure-child": { type: "string" },
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

/** Runs one figure here and returns its report (a failure is a report with `error`). */
async function runFigure(figure: (typeof ALL_FIGURES)[number]): Promise<FigureReport> {
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "ppb-")); // short: unix socket paths stay < 100 bytes
  const started = performance.now();
  try {
    const result = await figure.run({ smoke, repeats, tmpDir, log });
    return { name: figure.name, title: figure.title, floor: figure.floor, durationMs: performance.now() - started, rows: result.rows, notes: result.notes };
  } catch (error) {
    log(`   failed: ${(error as Error).stack ?? String(error)}`);
    return { name: figure.name, title: figure.title, floor: figure.floor, durationMs: performance.now() - started, rows: [], notes: [], error: (error as Error).stack ?? String(error) };
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
}

/** Runs one figure in a fresh runner process (same Node flags), so figures cannot affect each other. */
async function runFigureInChild(figure: (typeof ALL_FIGURES)[number]): Promise<FigureReport> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ppb-child-"));
  const out = path.join(dir, "figure.json");
  try {
    const args = [...process.execArgv, process.argv[1]!, "--figure-child", out, "--only", figure.name, "--repeats", String(repeats), ...(smoke ? ["--smoke"] : [])];
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"] });
      child.on("error", reject);
      child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    });
    try {
      return JSON.parse(await readFile(out, "utf8")) as FigureReport;
    } catch {
      const error = `the figure's runner process exited with ${code} and wrote no report`;
      return { name: figure.name, title: figure.title, floor: figure.floor, durationMs: 0, rows: [], notes: [], error };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (values["figure-child"]) {
  const report = await runFigure(figures[0]!);
  await writeFile(values["figure-child"], JSON.stringify(report));
  process.exit(0);
}

const startedAt = new Date().toISOString();
const machine = collectMachineInfo();
const t0 = performance.now();
const reports: FigureReport[] = [];
for (const figure of figures) {
  log(`== ${figure.name}: ${figure.title}`);
  const started = performance.now();
  reports.push(await runFigureInChild(figure));
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
