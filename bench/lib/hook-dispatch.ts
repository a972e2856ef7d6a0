import path from "node:path";
import { toBinary } from "@bufbuild/protobuf";
import { MessageWillBePostedRequestSchema } from "@polyplug/protocol";
import { PluginEnvironment, PluginState, type LaunchOptions, type ManagedPlugin } from "@polyplug/host";
import type { ReadyProcess } from "./child-process.js";
import { closedLoop, type LoopRun } from "./closed-loop.js";
import { createEchoClient } from "./echo-service.js";
import { makeRow, type BenchContext, type FigureResult, type Row } from "./figure.js";
import { samplePost, sampleHookRequest } from "./sample-post.js";
import { spreadOf } from "./spread.js";
import { summarize } from "./stats.js";

/** Concurrency levels of issue 9: calls in flight at once. */
export const IN_FLIGHT = [1, 4, 16] as const;

/** One plugin measured by the figure; several variants share the same floor runs. */
export interface HookVariant {
  /** Prefix of the variant's row labels ("" for a figure with one variant). */
  readonly label: string;
  /** The plugin bundle, loaded in place. */
  readonly bundleDir: string;
}

export interface HookDispatchOptions {
  readonly variants: readonly HookVariant[];
  readonly launch?: LaunchOptions;
  /** Starts the floor's echo server (its own process) on `socketPath`. */
  readonly startFloor: (socketPath: string) => Promise<ReadyProcess>;
}

/**
 * Hook dispatch as the app does it: `plugin.invoke("messageWillBePosted", …)` (deadline, outcome
 * counting) on real plugin processes started by the real host runtime, at 1, 4 and 16 calls in
 * flight, each run measured right beside a plain grpc-js → echo run with the same payload bytes on
 * the same socket type. Floor and variants take turns (the order flips every repeat) so drifts of
 * the shared machine hit all of them. One more floor, at 1 in flight, adds the host's per-call
 * deadline and authorization metadata to the echo: the part of the gap that the protocol itself
 * requires.
 */
export async function measureHookDispatch(context: BenchContext, options: HookDispatchOptions): Promise<FigureResult> {
  const environment = new PluginEnvironment({ pluginDir: context.tmpDir, backend: () => ({}), launch: options.launch ?? {}, logDir: path.join(context.tmpDir, "logs") });
  const plugins: ManagedPlugin[] = [];
  try {
    for (const variant of options.variants) {
      const plugin = await environment.load(variant.bundleDir);
      if (!plugin || !(await plugin.start()) || plugin.state !== PluginState.Running) {
        throw new Error(`bench plugin ${variant.bundleDir} did not start: ${plugin?.status().error ?? "bad manifest"}`);
      }
      plugins.push(plugin);
    }
    const floorServer = await options.startFloor(path.join(context.tmpDir, `echo-${process.pid}.sock`));
    const echo = createEchoClient(floorServer.address, MessageWillBePostedRequestSchema);
    const echoWithOptions = createEchoClient(floorServer.address, MessageWillBePostedRequestSchema, { hostCallOptions: true });
    try {
      return await measure(context, options.variants, plugins, echo.call, echoWithOptions.call);
    } finally {
      echo.close();
      echoWithOptions.close();
      await floorServer.stop();
    }
  } finally {
    await environment.shutdown();
  }
}

type Call = () => Promise<unknown>;

async function measure(
  context: BenchContext,
  variants: readonly HookVariant[],
  plugins: ManagedPlugin[],
  echo: (message: ReturnType<typeof sampleHookRequest>) => Promise<unknown>,
  echoWithOptions: (message: ReturnType<typeof sampleHookRequest>) => Promise<unknown>,
): Promise<FigureResult> {
  const post = samplePost();
  const request = sampleHookRequest(post);
  const hookCalls: Call[] = plugins.map((plugin) => async () => {
    const response = await plugin.invoke("messageWillBePosted", { post });
    // The handler lets the post through: either "allowed unchanged" (no post; the Python SDK's
    // answer when the returned post equals the one it got) or the post itself (the other plugins).
    const allowed = !response.error && !response.rejectionReason && (!response.post || response.post.id === post.id);
    if (!allowed) throw new Error(`unexpected hook answer: ${JSON.stringify(response.error ?? response.post ?? response.rejectionReason)}`);
  });
  const total = context.smoke ? 60 : 3000;
  const warmup = context.smoke ? 20 : 300;

  // runs[level][k]: k = 0 the floor, 1… the variants; extra: the floor with host call options.
  const runs = new Map<number, LoopRun[][]>(IN_FLIGHT.map((n) => [n, [[], ...variants.map(() => [])]]));
  const withOptions: LoopRun[] = [];
  const floorAt1: LoopRun[] = [];
  for (let repeat = 0; repeat < context.repeats; repeat++) {
    for (const inFlight of IN_FLIGHT) {
      const calls: Call[] = [() => echo(request), ...hookCalls];
      const order = calls.map((_, k) => k);
      if (repeat % 2 === 1) order.reverse();
      for (const k of order) runs.get(inFlight)![k]!.push(await closedLoop(calls[k]!, { total, inFlight, warmup }));
    }
    // The call-options floor gets its own plain floor run beside it, so its ratio is paired too.
    floorAt1.push(await closedLoop(() => echo(request), { total, inFlight: 1, warmup }));
    withOptions.push(await closedLoop(() => echoWithOptions(request), { total, inFlight: 1, warmup }));
    context.log(`  repeat ${repeat + 1}/${context.repeats} done`);
  }

  const stat = (list: LoopRun[], pick: (s: ReturnType<typeof summarize>) => number) => spreadOf(list.map((run) => pick(summarize(run.latenciesUs))));
  const rate = (list: LoopRun[]) => spreadOf(list.map((run) => run.callsPerSecond));
  const rows: Row[] = [];
  for (const [v, variant] of variants.entries()) {
    const prefix = variant.label ? `${variant.label}: ` : "";
    for (const inFlight of IN_FLIGHT) {
      const [floor, ...figures] = runs.get(inFlight)!;
      const figure = figures[v]!;
      rows.push(
        makeRow({ label: `${prefix}p50, ${inFlight} in flight`, unit: "µs", value: stat(figure, (s) => s.p50), floor: stat(floor!, (s) => s.p50), target: { kind: "ratio-max", limit: 1.25 } }),
        makeRow({ label: `${prefix}p99, ${inFlight} in flight`, unit: "µs", value: stat(figure, (s) => s.p99), floor: stat(floor!, (s) => s.p99), target: { kind: "ratio-max", limit: 1.5 } }),
        makeRow({ label: `${prefix}throughput, ${inFlight} in flight`, unit: "calls/s", value: rate(figure), floor: rate(floor!), target: { kind: "ratio-min", limit: 0.8 } }),
      );
    }
  }
  rows.push(makeRow({ label: "echo with the host's call options (deadline + authorization metadata), p50, 1 in flight", unit: "µs", value: stat(withOptions, (s) => s.p50), floor: stat(floorAt1, (s) => s.p50) }));
  return {
    rows,
    notes: [
      `${total} timed calls per run after ${warmup} warm-up calls; payload: a MessageWillBePostedRequest of ${toBinary(MessageWillBePostedRequestSchema, request).length} bytes; the handler returns the post unchanged (the Python SDK answers that as "allowed unchanged", without the post).`,
      "The last row is no figure of issue 9: it is the floor plus what every host hook call must carry (a deadline, the plugin's secret as metadata), measured beside a plain floor run; it shows how much of the gap the protocol itself accounts for.",
    ],
  };
}
