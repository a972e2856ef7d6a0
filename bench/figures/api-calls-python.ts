import path from "node:path";
import { performance } from "node:perf_hooks";
import { create, toBinary } from "@bufbuild/protobuf";
import { GetServerVersionRequestSchema, GetUserRequestSchema, KVSetRequestSchema } from "@polyplug/protocol";
import { startBenchServer } from "../lib/bench-server.js";
import { runJsonProcess } from "../lib/child-process.js";
import { startGrpcJsEchoServer } from "../lib/echo-service.js";
import { makeRow, type Figure, type Row } from "../lib/figure.js";
import { benchPath, PYTHON } from "../lib/paths.js";
import { spreadOf } from "../lib/spread.js";
import { summarize } from "../lib/stats.js";

const PLUGIN_ID = "com.polyplug.bench.python";
const METHODS = ["GetServerVersion", "GetUser", "KVSet"] as const;
type Method = (typeof METHODS)[number];
const KV_VALUE = Buffer.alloc(64, "v"); // what the bench plugin stores

/**
 * Plugin API calls as a Python plugin makes them: the bench plugin times N sequential `self.api`
 * calls from its (worker-thread) ServeHTTP handler. The floor is a plain grpcio client in its own
 * process calling a grpc-js echo server in the host process, each method's request bytes as the
 * payload. The app's own time (SQLite) is measured in-process and subtracted before the ratio, as
 * issue 9 asks.
 */
export const apiCallsPython: Figure = {
  name: "api-calls-python",
  title: "Plugin API calls Python plugin → host (sync `self.api`)",
  floor: "plain grpcio client (own process) → grpc-js echo server (host process), the method's request bytes, unix socket",
  async run(context) {
    const server = await startBenchServer(context, "api", [{ dir: benchPath("plugins", "bench_python") }]);
    const echo = await startGrpcJsEchoServer(path.join(context.tmpDir, "api-echo.sock"));
    try {
      const n = context.smoke ? 50 : 2000;
      const warmup = context.smoke ? 10 : 200;
      const payloads: Record<Method, Uint8Array> = {
        GetServerVersion: toBinary(GetServerVersionRequestSchema, create(GetServerVersionRequestSchema)),
        GetUser: toBinary(GetUserRequestSchema, create(GetUserRequestSchema, { userId: server.userId })),
        KVSet: toBinary(KVSetRequestSchema, create(KVSetRequestSchema, { key: "bench", value: KV_VALUE })),
      };
      const appCalls: Record<Method, () => Promise<unknown>> = {
        GetServerVersion: async () => server.app.version,
        GetUser: () => server.app.users.getUser(server.userId),
        KVSet: () => server.app.kv.set(PLUGIN_ID, "bench", KV_VALUE),
      };
      // The app time inside the real calls: the backend looks these methods up at call time, so
      // wrapping them times exactly the app's share of each call, under the same load.
      const inSitu: Record<Method, number[]> = { GetServerVersion: [], GetUser: [], KVSet: [] };
      const restore = [timed(server.app.users, "getUser", inSitu.GetUser), timed(server.app.kv, "set", inSitu.KVSet)];

      const figure = new Map<Method, number[][]>(METHODS.map((m) => [m, []]));
      const floor = new Map<Method, number[][]>(METHODS.map((m) => [m, []]));
      const appInCall = new Map<Method, number[][]>(METHODS.map((m) => [m, []]));
      const appAlone = new Map<Method, number[][]>(METHODS.map((m) => [m, []]));
      const measureFloor = async () => {
        const args = [benchPath("floors", "grpcio_echo_client.py"), echo.address, String(n), String(warmup), ...METHODS.map((m) => `${m}=${Buffer.from(payloads[m]).toString("hex")}`)];
        const result = await runJsonProcess<Record<Method, number[]>>(PYTHON, args);
        for (const m of METHODS) floor.get(m)!.push(result[m]);
      };
      const measureFigure = async () => {
        for (const m of METHODS) {
          inSitu[m].length = 0;
          const query = new URLSearchParams({ method: m, n: String(n), warmup: String(warmup), user_id: server.userId });
          const response = await fetch(`${server.url}/plugins/${PLUGIN_ID}/api?${query}`);
          if (!response.ok) throw new Error(`bench plugin /api ${m}: HTTP ${response.status} ${await response.text()}`);
          figure.get(m)!.push(((await response.json()) as { latencies_us: number[] }).latencies_us);
          appInCall.get(m)!.push(m === "GetServerVersion" ? [0] : inSitu[m].slice(warmup));
          for (const undo of restore) undo.pause();
          appAlone.get(m)!.push(await timeInProcess(appCalls[m], n, warmup));
          for (const undo of restore) undo.resume();
        }
      };
      for (let repeat = 0; repeat < context.repeats; repeat++) {
        if (repeat % 2 === 0) {
          await measureFloor();
          await measureFigure();
        } else {
          await measureFigure();
          await measureFloor();
        }
        context.log(`  repeat ${repeat + 1}/${context.repeats} done`);
      }

      for (const undo of restore) undo.pause();
      const rows: Row[] = [];
      const stat = (runs: number[][], pick: "p50" | "p99") => spreadOf(runs.map((samples) => summarize(samples)[pick]));
      for (const m of METHODS) {
        const db = m === "GetServerVersion" ? "no DB" : "SQLite";
        const appP50 = stat(appInCall.get(m)!, "p50");
        rows.push(
          makeRow({ label: `${m} p50 (ratio after subtracting the app time)`, unit: "µs", value: stat(figure.get(m)!, "p50"), floor: stat(floor.get(m)!, "p50"), offset: appP50, target: { kind: "ratio-max", limit: 1.3 } }),
          makeRow({ label: `${m} p99`, unit: "µs", value: stat(figure.get(m)!, "p99"), floor: stat(floor.get(m)!, "p99") }),
          makeRow({ label: `${m} app time inside the calls, p50 (${db})`, unit: "µs", value: appP50 }),
          makeRow({ label: `${m} app time alone in a loop, p50 (${db})`, unit: "µs", value: stat(appAlone.get(m)!, "p50") }),
        );
      }
      return {
        rows,
        notes: [
          `${n} sequential calls per method and run after ${warmup} warm-up calls, timed inside the plugin with perf_counter around each \`self.api\` call (the handler runs in the SDK's worker thread, as plain \`def\` handlers do).`,
          "App time inside the calls: the app service each call reaches (users.getUser, kv.set; GetServerVersion only reads a field) timed where the Plugin API backend calls it, during the figure's runs; its p50 is subtracted from the figure's p50 before dividing by the floor. \"Alone in a loop\" is the same call timed back to back in the host with nothing else running: the gap between the two is what running amid gRPC traffic (cold caches, other process on the core) costs the app.",
          `Floor payloads are each method's serialized request (${METHODS.map((m) => `${m} ${payloads[m].length} B`).join(", ")}), echoed back unchanged.`,
        ],
      };
    } finally {
      await echo.stop();
      await server.close();
    }
  },
};

/**
 * Replaces `object[method]` with a wrapper that records each call's duration (µs) into `samples`
 * while not paused. Returns pause/resume switches (paused, the wrapper only forwards).
 */
function timed(object: object, method: string, samples: number[]): { pause(): void; resume(): void } {
  const target = object as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = target[method]!;
  let active = true;
  target[method] = async (...args: unknown[]) => {
    if (!active) return original.apply(object, args);
    const t0 = performance.now();
    try {
      return await original.apply(object, args);
    } finally {
      samples.push((performance.now() - t0) * 1000);
    }
  };
  return { pause: () => (active = false), resume: () => (active = true) };
}

/** Latencies (µs) of `n` sequential in-process calls after `warmup` untimed ones. */
async function timeInProcess(call: () => Promise<unknown>, n: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call();
    samples.push((performance.now() - t0) * 1000);
  }
  return samples;
}
