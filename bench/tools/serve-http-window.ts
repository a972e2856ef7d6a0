/**
 * Experiment behind a proposed fix (not part of the suite): ServeHTTP download throughput through
 * the Python bench plugin with the host's HTTP/2 receive window at grpc-js's default (64 KiB) and
 * raised with `grpc-node.flow_control_window`. The option is set by mutating the exported
 * CHANNEL_OPTIONS before the server starts, which is exactly what adding it to
 * packages/protocol/src/channel-options.ts would do.
 *
 *   node --import tsx bench/tools/serve-http-window.ts [--mib 256] [--runs 3] [--windows 0,1048576,4194304]
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CHANNEL_OPTIONS } from "@polyplug/protocol";
import { startBenchServer } from "../lib/bench-server.js";
import { runJsonProcess } from "../lib/child-process.js";
import { benchPath, nodeTsArgs } from "../lib/paths.js";
import { median } from "../lib/stats.js";

const { values } = parseArgs({ options: { mib: { type: "string", default: "256" }, runs: { type: "string", default: "3" }, windows: { type: "string", default: "0,1048576,4194304" } } });
const bytes = Number(values.mib) * 1024 * 1024;
const options = CHANNEL_OPTIONS as Record<string, unknown>;
for (const window of values.windows!.split(",").map(Number)) {
  if (window > 0) options["grpc-node.flow_control_window"] = window;
  else delete options["grpc-node.flow_control_window"];
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "ppb-"));
  const server = await startBenchServer({ smoke: false, repeats: 1, tmpDir, log: () => undefined }, "window", [{ dir: benchPath("plugins", "bench_python") }]);
  try {
    const url = `${server.url}/plugins/com.polyplug.bench.python/download?bytes=${bytes}`;
    const rates: number[] = [];
    for (let run = 0; run < Number(values.runs); run++) {
      const result = await runJsonProcess<{ bytes: number; ms: number }>(process.execPath, nodeTsArgs(benchPath("clients", "http-transfer.ts"), "download", url, String(bytes)));
      rates.push(result.bytes / 1e6 / (result.ms / 1000));
    }
    console.log(`window ${window > 0 ? `${window / 1024} KiB` : "default (64 KiB)"}: download ${Math.round(median(rates))} MB/s (runs: ${rates.map(Math.round).join(", ")})`);
  } finally {
    await server.close();
    await rm(tmpDir, { recursive: true, force: true });
  }
}
