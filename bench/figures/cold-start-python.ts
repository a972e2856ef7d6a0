import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PluginEnvironment } from "@polyplug/host";
import { makeRow, type Figure } from "../lib/figure.js";
import { benchPath, PYTHON } from "../lib/paths.js";
import { spreadOf } from "../lib/spread.js";
import { median } from "../lib/stats.js";

/**
 * Python plugin cold start as the host sees it: `ManagedPlugin.start()` of a minimal plugin (temp
 * directory, API server, spawn, handshake, connect, health check, Implemented, OnActivate) until
 * OnActivate has returned, beside spawning the same interpreter to run `import grpc` and exit.
 * Each run's value is the median of several starts; the plugin is stopped (untimed) in between.
 */
export const coldStartPython: Figure = {
  name: "cold-start-python",
  title: "Python plugin cold start (spawn → OnActivate returned)",
  floor: "`python -c \"import grpc\"` with the same (.venv) interpreter, spawn → exit",
  async run(context) {
    const starts = context.smoke ? 1 : 5;
    const environment = new PluginEnvironment({ pluginDir: context.tmpDir, backend: () => ({}), launch: { pythonInterpreter: PYTHON }, logDir: path.join(context.tmpDir, "logs") });
    const plugin = await environment.load(benchPath("plugins", "minimal_python"));
    if (!plugin) throw new Error("bench/plugins/minimal_python has a bad manifest");
    const timeStart = async (): Promise<number> => {
      const t0 = performance.now();
      const ok = await plugin.start();
      const ms = performance.now() - t0;
      if (!ok) throw new Error(`minimal plugin did not start: ${plugin.status().error}`);
      await plugin.stop();
      return ms;
    };
    const importGrpc = () => timeProcess(PYTHON, ["-c", "import grpc"]);
    const importSdk = () => timeProcess(PYTHON, ["-c", "import mattermost_plugin.server"]);
    try {
      await timeStart(); // the first start compiles .pyc files and warms the page cache: not "cold" in the sense meant here
      await importGrpc();
      const figure: number[] = [];
      const floor: number[] = [];
      const sdk: number[] = [];
      for (let repeat = 0; repeat < context.repeats; repeat++) {
        const f: number[] = [];
        const g: number[] = [];
        const s: number[] = [];
        for (let i = 0; i < starts; i++) {
          if ((repeat + i) % 2 === 0) {
            g.push(await importGrpc());
            f.push(await timeStart());
          } else {
            f.push(await timeStart());
            g.push(await importGrpc());
          }
          s.push(await importSdk());
        }
        figure.push(median(f));
        floor.push(median(g));
        sdk.push(median(s));
        context.log(`  repeat ${repeat + 1}/${context.repeats} done`);
      }
      return {
        rows: [
          makeRow({ label: "spawn → OnActivate returned", unit: "ms", value: spreadOf(figure), floor: spreadOf(floor), relation: "delta", target: { kind: "delta-max", limit: 150, unit: "ms" } }),
          makeRow({ label: "`python -c \"import mattermost_plugin.server\"` (the SDK's imports alone)", unit: "ms", value: spreadOf(sdk), floor: spreadOf(floor), relation: "delta" }),
        ],
        notes: [`Each run is the median of ${starts} starts; .pyc files and the page cache are warm (one untimed start first), as on a server that restarts a plugin.`],
      };
    } finally {
      await environment.shutdown();
    }
  },
};

/** Milliseconds from spawning `command` to its exit (which must be 0). */
async function timeProcess(command: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn(command, args, { stdio: "ignore" });
  const [code] = (await once(child, "exit")) as [number | null];
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited ${code}`);
  return ms;
}
