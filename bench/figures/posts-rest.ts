import { startBenchServer } from "../lib/bench-server.js";
import { runJsonProcess } from "../lib/child-process.js";
import { makeRow, type Figure, type Row } from "../lib/figure.js";
import { benchPath, nodeTsArgs } from "../lib/paths.js";
import { spreadOf } from "../lib/spread.js";
import { summarize } from "../lib/stats.js";

const PLUGIN_IDS = ["com.polyplug.bench.mwbp-1", "com.polyplug.bench.mwbp-2", "com.polyplug.bench.mwbp-3"];
const PLUGIN_COUNTS = [0, 1, 3] as const;
const IN_FLIGHT = 4;

/**
 * Posts per second over REST with 0, 1 and 3 plugins implementing MessageWillBePosted (three
 * copies of the Python bench plugin under different ids, each letting the post through
 * unchanged), from a client in its own process with 4 requests in flight. The same server and
 * database serve all three cases; plugins are activated and deactivated between them.
 */
export const postsRest: Figure = {
  name: "posts-rest",
  title: "Posts/s over REST with 0, 1, 3 plugins implementing MessageWillBePosted",
  floor: "the same server with 0 plugins",
  async run(context) {
    const server = await startBenchServer(context, "posts", PLUGIN_IDS.map((id) => ({ dir: benchPath("plugins", "bench_python"), id })));
    try {
      const total = context.smoke ? 30 : 1500;
      const warmup = context.smoke ? 10 : 150;
      const use = async (count: number) => {
        for (const [i, id] of PLUGIN_IDS.entries()) {
          if (i < count) {
            if (!(await server.plugins.activate(id))) throw new Error(`${id} did not start: ${server.plugins.get(id)!.status().error}`);
          } else await server.plugins.deactivate(id);
        }
      };
      const rates = new Map<number, number[]>(PLUGIN_COUNTS.map((n) => [n, []]));
      const p50s = new Map<number, number[]>(PLUGIN_COUNTS.map((n) => [n, []]));
      for (let repeat = 0; repeat < context.repeats; repeat++) {
        const order = repeat % 2 === 0 ? [...PLUGIN_COUNTS] : [...PLUGIN_COUNTS].reverse();
        for (const count of order) {
          await use(count);
          const args = nodeTsArgs(benchPath("clients", "rest-poster.ts"), server.url, server.token, server.channelId, String(total), String(IN_FLIGHT), String(warmup));
          const run = await runJsonProcess<{ wallMs: number; latenciesUs: number[] }>(process.execPath, args);
          rates.get(count)!.push(total / (run.wallMs / 1000));
          p50s.get(count)!.push(summarize(run.latenciesUs).p50);
        }
        context.log(`  repeat ${repeat + 1}/${context.repeats} done`);
      }
      const floorRate = spreadOf(rates.get(0)!);
      const floorP50 = spreadOf(p50s.get(0)!);
      const rows: Row[] = [];
      for (const count of PLUGIN_COUNTS) {
        const floors = count === 0 ? {} : { floor: floorRate }; // 0 plugins is the floor itself
        rows.push(makeRow({ label: `posts/s, ${count} plugin${count === 1 ? "" : "s"}`, unit: "posts/s", value: spreadOf(rates.get(count)!), ...floors }));
        rows.push(makeRow({ label: `p50 latency, ${count} plugin${count === 1 ? "" : "s"}`, unit: "µs", value: spreadOf(p50s.get(count)!), ...(count === 0 ? {} : { floor: floorP50 }) }));
      }
      for (const count of [1, 3]) {
        // Server time per post is 1/rate; what each plugin adds to it, run by run.
        const cost = rates.get(count)!.map((rate, i) => ((1 / rate - 1 / rates.get(0)![i]!) / count) * 1e6);
        rows.push(makeRow({ label: `cost per plugin per post (from the ${count}-plugin case)`, unit: "µs", value: spreadOf(cost) }));
      }
      return {
        rows,
        notes: [
          `${total} timed posts per case and run after ${warmup} warm-up posts, ${IN_FLIGHT} in flight on keep-alive connections, from a Node client process; SQLite (WAL) store.`,
          "Cost per plugin = (1/posts-per-second with N plugins − 1/posts-per-second with none) / N: the server time each plugin adds to a post at this concurrency.",
        ],
      };
    } finally {
      await server.close();
    }
  },
};
