import { startReadyProcess } from "../lib/child-process.js";
import type { Figure } from "../lib/figure.js";
import { measureHookDispatch } from "../lib/hook-dispatch.js";
import { benchPath, PYTHON } from "../lib/paths.js";

/**
 * Hook dispatch host → Python plugin, beside grpc-js → grpcio echo. Measured twice: with a plain
 * `def` handler (the SDK's default style: it runs in the SDK's worker-thread pool) and with an
 * `async def` handler (run on the SDK's event loop), which isolates the cost of the thread hop.
 */
export const hookDispatchPython: Figure = {
  name: "hook-dispatch-python",
  title: "Hook dispatch host → Python plugin (MessageWillBePosted)",
  floor: "plain grpc-js client → grpcio (grpc.aio) echo server in its own process, same payload bytes, unix socket",
  async run(context) {
    const result = await measureHookDispatch(context, {
      variants: [
        { label: "def handler", bundleDir: benchPath("plugins", "bench_python") },
        { label: "async def handler", bundleDir: benchPath("plugins", "bench_python_async") },
      ],
      launch: { pythonInterpreter: PYTHON },
      startFloor: (socketPath) => startReadyProcess(PYTHON, [benchPath("floors", "grpcio_echo_server.py"), socketPath]),
    });
    result.notes.push(
      "Plugins: bench/plugins/bench_python (`def` handler: every call crosses into the SDK's worker-thread pool and back) and bench/plugins/bench_python_async (the same handler as `async def`, run on the SDK's event loop).",
    );
    return result;
  },
};
