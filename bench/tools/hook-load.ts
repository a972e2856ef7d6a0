/**
 * Profiling aid for the hook-dispatch figures: starts the host on a bench plugin and keeps
 * MessageWillBePosted calls in flight for a while, so a profiler can watch either side.
 *
 *   node --import tsx bench/tools/hook-load.ts [--plugin python|node] [--in-flight N] [--seconds S] [--py-spy PATH] [--out FILE]
 *
 * With `--py-spy`, py-spy records the plugin process during the load (`--out`, collapsed stacks);
 * for the host side run this file under `node --cpu-prof --cpu-prof-dir DIR`. Prints the plugin's
 * pid and the calls/s reached.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PluginEnvironment } from "@polyplug/host";
import { closedLoop } from "../lib/closed-loop.js";
import { benchPath, PYTHON } from "../lib/paths.js";
import { samplePost } from "../lib/sample-post.js";

const { values } = parseArgs({
  options: {
    plugin: { type: "string", default: "python" },
    bundle: { type: "string" },
    "in-flight": { type: "string", default: "16" },
    seconds: { type: "string", default: "8" },
    "py-spy": { type: "string" },
    out: { type: "string", default: "py-spy.txt" },
  },
});
const inFlight = Number(values["in-flight"]);
const seconds = Number(values.seconds);
const tmpDir = await mkdtemp(path.join(os.tmpdir(), "ppb-"));
const environment = new PluginEnvironment({ pluginDir: tmpDir, backend: () => ({}), launch: { pythonInterpreter: PYTHON } });
const plugin = await environment.load(values.bundle ?? benchPath("plugins", values.plugin === "node" ? "bench_node" : "bench_python"));
if (!plugin || !(await plugin.start())) throw new Error(`plugin did not start: ${plugin?.status().error}`);
process.stderr.write(`plugin pid ${plugin.pid}\n`);

const post = samplePost();
const call = () => plugin.hooks.messageWillBePosted({ post }, plugin.hookCallOptions());
await closedLoop(call, { total: 2000, inFlight, warmup: 0 });
const profiler = values["py-spy"] ? spawn(values["py-spy"], ["record", "--pid", String(plugin.pid), "--duration", String(seconds), "--rate", "500", "--format", "raw", "--output", values.out!, ...(process.env["PYSPY_ARGS"] ?? "--nonblocking").split(" ").filter(Boolean)], { stdio: "inherit" }) : undefined;
const profilerExit = profiler ? once(profiler, "exit") : undefined;
const deadline = Date.now() + seconds * 1000;
let calls = 0;
const started = Date.now();
while (Date.now() < deadline) {
  const run = await closedLoop(call, { total: 2000, inFlight, warmup: 0 });
  calls += run.latenciesUs.length;
}
process.stderr.write(`${Math.round(calls / ((Date.now() - started) / 1000))} calls/s at ${inFlight} in flight\n`);
await profilerExit;
await environment.shutdown();
await rm(tmpDir, { recursive: true, force: true });
