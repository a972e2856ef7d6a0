import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { PluginEnvironment, PluginState } from "../src/index.js";
import { minimalPythonPlugin, PYTHON } from "./python-fixture.js";
import { isGone, waitFor } from "./process-helpers.js";

const here = path.dirname(fileURLToPath(import.meta.url));

describe("plugin processes leave nothing behind", () => {
  test("stopping a plugin also ends the children it started (its whole process group)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pp-plugins-"));
    await cp(path.join(here, "fixtures", "python-forker"), path.join(dir, "forker"), { recursive: true });
    const env = new PluginEnvironment({ pluginDir: dir, backend: () => ({}), launch: { pythonInterpreter: PYTHON }, healthCheck: { enabled: false } });
    const [status] = await env.startAll();
    assert.equal(status!.state, PluginState.Running, status!.error);
    const child = Number(await readFile(path.join(dir, "forker", "child.pid"), "utf8"));
    assert.equal(isGone(child), false, "the child runs while the plugin does");
    await env.shutdown();
    await waitFor(() => isGone(child));
  });

  test("a Python plugin exits by itself when its host is killed with SIGKILL", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pp-plugins-"));
    await minimalPythonPlugin(dir);
    const host = spawn(process.execPath, ["--import", "tsx", path.join(here, "fixtures", "host-process.ts"), dir, PYTHON], { stdio: ["ignore", "pipe", "inherit"] });
    const line = await new Promise<string>((resolve) => createInterface({ input: host.stdout! }).once("line", resolve));
    const pid = (JSON.parse(line) as { pids: Record<string, number> }).pids["com.polyplug.test.minimal"]!;
    assert.equal(isGone(pid), false);
    host.kill("SIGKILL");
    await waitFor(() => isGone(pid));
  });
});
