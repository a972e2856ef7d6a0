/**
 * The CI check of the benchmark suite: runs it in smoke mode (tiny counts, one run per figure)
 * into a temp directory and checks the JSON has every figure, each with finite numbers and a
 * floor measured beside it. No timing is asserted: on a shared 2-core machine a timing assertion
 * would only measure the neighbours.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ALL_FIGURES } from "./figures/index.js";
import type { BenchReport } from "./lib/bench-report.js";
import { benchPath, nodeTsArgs, REPO_DIR } from "./lib/paths.js";

test("the benchmark suite runs in smoke mode and reports every figure beside a floor", { timeout: 180_000 }, async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), "pp-bench-test-"));
  try {
    const child = spawn(process.execPath, nodeTsArgs(benchPath("run.ts"), "--smoke", "--out", out), { cwd: REPO_DIR, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-8000)));
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 0, `bench/run.ts --smoke failed:\n${stderr}`);

    const report = JSON.parse(await readFile(path.join(out, "latest.json"), "utf8")) as BenchReport;
    assert.equal(report.mode, "smoke");
    assert.deepEqual(report.figures.map((f) => f.name), ALL_FIGURES.map((f) => f.name));
    for (const figure of report.figures) {
      assert.equal(figure.error, undefined, `${figure.name} failed: ${figure.error}`);
      assert.ok(figure.rows.length > 0, `${figure.name} has no rows`);
      assert.ok(figure.rows.some((row) => row.floor), `${figure.name} has no row with a floor`);
      for (const row of figure.rows) {
        for (const [what, spread] of Object.entries({ value: row.value, floor: row.floor, ratio: row.ratio, delta: row.delta })) {
          if (spread) assert.ok(Number.isFinite(spread.median) && spread.runs.every(Number.isFinite), `${figure.name} / ${row.label}: ${what} is not finite (${JSON.stringify(spread)})`);
        }
      }
    }
    const markdown = await readFile(path.join(out, "latest.md"), "utf8");
    for (const figure of ALL_FIGURES) assert.ok(markdown.includes(figure.title), `latest.md lacks ${figure.title}`);
    assert.ok(report.machine.cores > 0 && report.machine.node.startsWith("v"));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
