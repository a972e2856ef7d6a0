import { startBenchServer } from "../lib/bench-server.js";
import { runJsonProcess } from "../lib/child-process.js";
import { makeRow, type Figure } from "../lib/figure.js";
import { startFloorHttpServer } from "../lib/floor-http-server.js";
import { benchPath, nodeTsArgs } from "../lib/paths.js";
import { RssSampler, type RssGrowth } from "../lib/rss-sampler.js";
import { spreadOf } from "../lib/spread.js";

const PLUGIN_ID = "com.polyplug.bench.python";
const MIB = 1024 * 1024;

interface Transfer {
  readonly mbPerSecond: number;
  readonly host: RssGrowth;
  readonly plugin?: RssGrowth;
}

/**
 * Bulk ServeHTTP through a Python plugin: 256 MiB up (the plugin reads the body as it arrives)
 * and 256 MiB down (the plugin writes 64 KiB chunks), by an HTTP client in its own process,
 * beside the same transfers answered by fastify directly in the host process. RSS of the host and
 * of the plugin is sampled from /proc every 10 ms during each transfer.
 */
export const serveHttpPython: Figure = {
  name: "serve-http-python",
  title: "ServeHTTP 256 MiB up and down through a Python plugin",
  floor: "the same transfer straight to a fastify route in the host process (raw body stream, 64 KiB chunks)",
  async run(context) {
    const bytes = (context.smoke ? 4 : 256) * MIB;
    const server = await startBenchServer(context, "http", [{ dir: benchPath("plugins", "bench_python") }]);
    const floorServer = await startFloorHttpServer();
    try {
      const pluginPid = server.plugins.get(PLUGIN_ID)!.pid!;
      const transfer = async (base: string, mode: "upload" | "download", size: number, withPlugin: boolean): Promise<Transfer> => {
        const url = mode === "upload" ? `${base}/upload` : `${base}/download?bytes=${size}`;
        const host = new RssSampler(process.pid);
        const plugin = withPlugin ? new RssSampler(pluginPid) : undefined;
        const result = await runJsonProcess<{ bytes: number; ms: number }>(process.execPath, nodeTsArgs(benchPath("clients", "http-transfer.ts"), mode, url, String(size)));
        return { mbPerSecond: result.bytes / 1e6 / (result.ms / 1000), host: host.stop(), ...(plugin ? { plugin: plugin.stop() } : {}) };
      };
      const pluginBase = `${server.url}/plugins/${PLUGIN_ID}`;
      // Warm both paths (buffers, allocator arenas, JIT) before any run or RSS baseline is taken:
      // the first large transfer through a fresh plugin is markedly slower than the next ones.
      const warmBytes = (context.smoke ? 1 : 32) * MIB;
      for (const mode of ["upload", "download"] as const) {
        await transfer(pluginBase, mode, warmBytes, true);
        await transfer(floorServer.url, mode, warmBytes, false);
      }

      const runs = { upload: { figure: [] as Transfer[], floor: [] as Transfer[] }, download: { figure: [] as Transfer[], floor: [] as Transfer[] } };
      for (let repeat = 0; repeat < context.repeats; repeat++) {
        for (const mode of ["upload", "download"] as const) {
          const figure = () => transfer(pluginBase, mode, bytes, true).then((t) => runs[mode].figure.push(t));
          const floor = () => transfer(floorServer.url, mode, bytes, false).then((t) => runs[mode].floor.push(t));
          if (repeat % 2 === 0) await floor().then(figure);
          else await figure().then(floor);
        }
        context.log(`  repeat ${repeat + 1}/${context.repeats} done`);
      }

      const rows = (["upload", "download"] as const).flatMap((mode) => {
        const { figure, floor } = runs[mode];
        const label = mode === "upload" ? "up" : "down";
        return [
          makeRow({ label: `${label}: throughput`, unit: "MB/s", value: spreadOf(figure.map((t) => t.mbPerSecond)), floor: spreadOf(floor.map((t) => t.mbPerSecond)), target: { kind: "value-min", limit: 300, unit: "MB/s" } }),
          makeRow({ label: `${label}: host RSS growth`, unit: "MiB", value: spreadOf(figure.map((t) => t.host.growthMiB)), floor: spreadOf(floor.map((t) => t.host.growthMiB)), relation: "delta", target: { kind: "value-max", limit: 64, unit: "MiB", judge: "worst" } }),
          makeRow({ label: `${label}: plugin RSS growth`, unit: "MiB", value: spreadOf(figure.map((t) => t.plugin!.growthMiB)), target: { kind: "value-max", limit: 64, unit: "MiB", judge: "worst" } }),
        ];
      });
      const baseline = (list: Transfer[], pick: (t: Transfer) => number) => Math.round(Math.min(...list.map(pick)));
      return {
        rows,
        notes: [
          `${bytes / MIB} MiB per transfer (MB = 10^6 bytes); the client is a Node process of its own; the plugin handler is a plain \`def\` (worker thread) reading \`r.iter_body()\` and calling \`w.write()\` per 64 KiB.`,
          `RSS growth = peak during the transfer − RSS just before it; baselines: host ≥ ${baseline(runs.upload.figure, (t) => t.host.baselineMiB)} MiB, plugin ≥ ${baseline(runs.upload.figure, (t) => t.plugin!.baselineMiB)} MiB. The floor column of the host RSS rows is the host's growth during the direct fastify transfer.`,
        ],
      };
    } finally {
      await floorServer.close();
      await server.close();
    }
  },
};
