import path from "node:path";
import { pluginStateName } from "@polyplug/host";
import { startServer, type ServerOptions } from "@polyplug/server";

/** `polyplug serve`: starts the server, prints where it is and what to try, stops on SIGINT/SIGTERM. */
export async function serveCommand(options: ServerOptions): Promise<number> {
  const server = await startServer({ ...options, dataDir: path.resolve(options.dataDir), pluginDir: path.resolve(options.pluginDir) });
  const out = (line = "") => process.stdout.write(`${line}\n`);
  out(`Polyplug ${server.version} listening on ${server.url}  (data: ${path.resolve(options.dataDir)})`);
  for (const status of server.plugins.statuses()) {
    out(`  plugin ${status.plugin_id}: ${pluginStateName(status.state)}${status.error ? ` — ${status.error}` : ""}`);
  }
  out();
  out("Try it:");
  out(`  curl -s ${server.url}/api/v4/system/ping`);
  out(`  curl -s ${server.url}/plugins/com.polyplug.hello-python/hits`);
  out();
  out("Stop with Ctrl-C.");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  out("stopping…");
  await server.close();
  return 0;
}
