import { startReadyProcess } from "../lib/child-process.js";
import type { Figure } from "../lib/figure.js";
import { measureHookDispatch } from "../lib/hook-dispatch.js";
import { benchPath, nodeTsArgs } from "../lib/paths.js";

/**
 * Hook dispatch host → Node plugin, beside grpc-js → grpc-js echo: a plugin on the TypeScript SDK
 * (@polyplug/plugin), and a bare grpc-js plugin written from the protocol doc, which shows what the
 * SDK's dispatch layer costs on top of the wire.
 */
export const hookDispatchNode: Figure = {
  name: "hook-dispatch-node",
  title: "Hook dispatch host → Node plugin (MessageWillBePosted)",
  floor: "plain grpc-js client → grpc-js echo server in its own Node process, same payload bytes, unix socket",
  async run(context) {
    const result = await measureHookDispatch(context, {
      variants: [
        { label: "TypeScript SDK", bundleDir: benchPath("plugins", "bench_node_sdk") },
        { label: "bare grpc-js", bundleDir: benchPath("plugins", "bench_node") },
      ],
      startFloor: (socketPath) => startReadyProcess(process.execPath, nodeTsArgs(benchPath("floors", "grpc-js-echo-server.ts"), socketPath)),
    });
    result.notes.push(
      "Plugins: bench/plugins/bench_node_sdk (on @polyplug/plugin) and bench/plugins/bench_node (bare grpc-js written from docs/protocol.md: handshake, health, controller, secret check, no SDK), both run by the host's node runtime through tsx like any .ts plugin entry.",
    );
    return result;
  },
};
