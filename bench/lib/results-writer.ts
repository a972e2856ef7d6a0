import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BenchReport, FigureReport } from "./bench-report.js";
import type { Row } from "./figure.js";
import type { Spread } from "./spread.js";

/** Writes `latest.json` (everything, every run's value) and `latest.md` (the tables) into `dir`. */
export async function writeResults(dir: string, report: BenchReport): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true });
  const json = path.join(dir, "latest.json");
  const markdown = path.join(dir, "latest.md");
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdown, renderMarkdown(report));
  return { json, markdown };
}

/** The report as markdown: machine, a verdict summary, then one table per figure. */
export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `# Benchmark results (${report.mode})`,
    "",
    `Run ${report.startedAt}, ${(report.durationMs / 1000).toFixed(0)} s, ${report.repeats} run(s) per figure, each beside its own floor run.`,
    "Cells read `median (min–max)` over the runs; ratios are paired run by run (figure run ÷ the floor run measured next to it).",
    "",
    "| machine | |",
    "|---|---|",
    `| CPU | ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB |`,
    `| OS | ${m.os} (kernel ${m.kernel}) |`,
    `| load average (1/5/15 min) | start ${m.loadAverageAtStart.join(" / ")}, end ${report.loadAverageAtEnd.join(" / ")} (shared machine) |`,
    `| Node | ${m.node}; ${Object.entries(m.npmPackages).map(([k, v]) => `${k} ${v}`).join(", ")} |`,
    `| Python | ${m.python}; ${Object.entries(m.pythonPackages).map(([k, v]) => `${k} ${v}`).join(", ")} |`,
    `| commit | ${m.gitCommit}${m.gitDirty ? " (with uncommitted changes)" : ""} |`,
    "",
    "## Targets",
    "",
    "| figure | measure | target | result |",
    "|---|---|---|---|",
  ];
  for (const figure of report.figures) {
    if (figure.error) lines.push(`| ${figure.title} | — | — | ⚠️ failed: ${oneLine(figure.error)} |`);
    for (const row of figure.rows.filter((r) => r.target)) {
      const judged = row.targetOn === "value" ? cell(row.value, row.unit) : relationCell(row);
      lines.push(`| ${figure.title} | ${row.label} | ${row.target} | ${verdict(row)} ${judged} |`);
    }
  }
  for (const figure of report.figures) lines.push("", ...renderFigure(figure));
  return `${lines.join("\n")}\n`;
}

function renderFigure(figure: FigureReport): string[] {
  const lines = [`## ${figure.title}`, "", `\`${figure.name}\` · floor: ${figure.floor} · ${(figure.durationMs / 1000).toFixed(1)} s`, ""];
  if (figure.error) lines.push("```", figure.error, "```", "");
  if (figure.rows.length) {
    lines.push("| measure | value | floor | vs floor | target | met |", "|---|---|---|---|---|---|");
    for (const row of figure.rows) {
      lines.push(`| ${row.label} | ${cell(row.value, row.unit)} | ${row.floor ? cell(row.floor, row.unit) : "—"} | ${relationCell(row) || "—"} | ${row.target ?? "—"} | ${verdict(row)} |`);
    }
  }
  if (figure.notes.length) lines.push("", ...figure.notes.map((note) => `- ${note}`));
  return lines;
}

function verdict(row: Row): string {
  if (row.met === undefined) return "";
  return row.met === null ? "?" : row.met ? "✅" : "❌";
}

function relationCell(row: Row): string {
  if (row.ratio) {
    const minus = row.offset ? ` after subtracting ${format(row.offset.median, row.unit)} ${row.unit} of app time` : "";
    const range = row.ratio.runs.length > 1 ? ` (${row.ratio.min.toFixed(2)}–${row.ratio.max.toFixed(2)})` : "";
    return `${row.ratio.median.toFixed(2)}×${range}${minus}`;
  }
  if (row.delta) {
    const range = row.delta.runs.length > 1 ? ` (${signed(row.delta.min, row.unit)}…${signed(row.delta.max, row.unit)})` : "";
    return `${signed(row.delta.median, row.unit)}${range}`;
  }
  return "";
}

function cell(spread: Spread, unit: string): string {
  if (spread.runs.length <= 1) return `${format(spread.median, unit)} ${unit}`;
  return `${format(spread.median, unit)} ${unit} (${format(spread.min, unit)}–${format(spread.max, unit)})`;
}

function signed(value: number, unit: string): string {
  return `${value >= 0 ? "+" : "−"}${format(Math.abs(value), unit)} ${unit}`;
}

/** Digits that mean something for the unit: whole µs and calls, tenths of ms and MiB. */
function format(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = unit === "ms" || unit === "MiB" ? 1 : 0;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function oneLine(text: string): string {
  return text.split("\n")[0]!.slice(0, 200).replaceAll("|", "\\|");
}
