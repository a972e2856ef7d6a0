/**
 * Splits the gap between the Python hook-dispatch figure and its floor into steps, each measured
 * beside the others in turns: the raw echo (the floor), + the host's call options (deadline and
 * secret metadata), + protobuf decoding/encoding in Python with a real async handler, + the SDK's
 * secret check (`SecretCheck.guard_method`), then the SDK itself with an `async def` and a `def` handler.
 * Not part of the suite (it answers "where does the time go", not "how fast is it").
 *
 *   node --import tsx bench/tools/python-dispatch-breakdown.ts [--rounds 5] [--calls 3000]
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { MessageWillBePostedRequestSchema } from "@polyplug/protocol";
import { PluginEnvironment } from "@polyplug/host";
import { startReadyProcess, type ReadyProcess } from "../lib/child-process.js";
import { closedLoop } from "../lib/closed-loop.js";
import { createEchoClient, SAMPLE_SECRET } from "../lib/echo-service.js";
import { benchPath, PYTHON } from "../lib/paths.js";
import { samplePost, sampleHookRequest } from "../lib/sample-post.js";
import { median, summarize } from "../lib/stats.js";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" }, calls: { type: "string", default: "3000" } } });
const tmpDir = await mkdtemp(path.join(os.tmpdir(), "ppb-"));
const servers: ReadyProcess[] = [];
const echoServer = async (name: string, ...flags: string[]) => {
  const server = await startReadyProcess(PYTHON, [benchPath("floors", "grpcio_echo_server.py"), path.join(tmpDir, `${name}.sock`), ...flags]);
  servers.push(server);
  return server.address;
};
const environment = new PluginEnvironment({ pluginDir: tmpDir, backend: () => ({}), launch: { pythonInterpreter: PYTHON } });
try {
  const raw = await echoServer("raw");
  const typed = await echoServer("typed", "--typed");
  const guarded = await echoServer("guarded", "--typed", "--secret", SAMPLE_SECRET);
  const plugins: Array<NonNullable<Awaited<ReturnType<typeof environment.load>>>> = [];
  for (const bundle of ["bench_python_async", "bench_python"]) {
    const plugin = await environment.load(benchPath("plugins", bundle));
    if (!plugin || !(await plugin.start())) throw new Error(`${bundle} did not start`);
    plugins.push(plugin);
  }
  const post = samplePost();
  const request = sampleHookRequest(post);
  const client = (address: string, hostCallOptions: boolean) => createEchoClient(address, MessageWillBePostedRequestSchema, { hostCallOptions });
  const steps: Array<[string, () => Promise<unknown>]> = [
    ["raw echo (the floor)", ((c) => () => c.call(request))(client(raw, false))],
    ["+ host call options (deadline, secret metadata)", ((c) => () => c.call(request))(client(raw, true))],
    ["+ protobuf in Python, async handler", ((c) => () => c.call(request))(client(typed, true))],
    ["+ the SDK's secret check", ((c) => () => c.call(request))(client(guarded, true))],
    ["SDK, async def handler (host invoke)", () => plugins[0]!.invoke("messageWillBePosted", { post })],
    ["SDK, def handler (host invoke)", () => plugins[1]!.invoke("messageWillBePosted", { post })],
  ];
  for (const inFlight of [1, 16]) {
    const p50: number[][] = steps.map(() => []);
    const rate: number[][] = steps.map(() => []);
    for (let round = 0; round < Number(values.rounds); round++) {
      const order = steps.map((_, i) => i);
      if (round % 2) order.reverse();
      for (const i of order) {
        const run = await closedLoop(steps[i]![1], { total: Number(values.calls), inFlight, warmup: 300 });
        p50[i]!.push(summarize(run.latenciesUs).p50);
        rate[i]!.push(run.callsPerSecond);
      }
    }
    console.log(`\n${inFlight} in flight (medians of ${values.rounds} rounds)`);
    const floorP50 = median(p50[0]!);
    const floorRate = median(rate[0]!);
    for (const [i, [name]] of steps.entries()) {
      const a = median(p50[i]!);
      const r = median(rate[i]!);
      console.log(`  ${name.padEnd(50)} p50 ${a.toFixed(0).padStart(5)} µs (${(a / floorP50).toFixed(2)}×)   ${r.toFixed(0).padStart(5)} calls/s (${(r / floorRate).toFixed(2)}×)`);
    }
  }
} finally {
  await environment.shutdown();
  for (const server of servers) await server.stop();
  await rm(tmpDir, { recursive: true, force: true });
}
