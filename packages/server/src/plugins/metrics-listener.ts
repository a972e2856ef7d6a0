import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { bridgeServeHttp, renderHookMetrics, type PluginEnvironment } from "@polyplug/host";

/**
 * Mattermost's metrics listener: a second HTTP server (loopback by default) with the host's own
 * metrics at /metrics and each plugin's ServeMetrics hook at /plugins/{id}/metrics. Kept apart
 * from the main API so a scraper needs no session and the API needs no unauthenticated routes.
 */
export async function startMetricsListener(plugins: () => PluginEnvironment, options: { host: string; port: number }): Promise<{ url: string; close: () => Promise<void> }> {
  const fastify: FastifyInstance = Fastify({ logger: false });
  fastify.get("/metrics", async (_request, reply) => {
    const env = plugins();
    const managed = env.statuses().map((s) => env.get(s.plugin_id)).filter((p) => p !== undefined);
    return reply.type("text/plain; version=0.0.4").send(renderHookMetrics(managed));
  });
  fastify.get("/plugins/:pluginId/metrics", async (request, reply) => {
    const { pluginId } = request.params as { pluginId: string };
    const plugin = plugins().get(pluginId);
    if (!plugin?.implements("ServeMetrics")) {
      return reply.code(404).send({ id: "app.plugin.metrics.not_found.app_error", message: `plugin ${pluginId} serves no metrics`, detailed_error: "", request_id: "", status_code: 404 });
    }
    reply.hijack();
    await bridgeServeHttp(plugin, request.raw, reply.raw, {
      path: "/metrics",
      rawQuery: new URL(request.raw.url ?? "/", "http://metrics").searchParams.toString(),
      userId: "",
      context: { requestId: randomUUID().replaceAll("-", "").slice(0, 26), ipAddress: request.ip },
    }, "serveMetrics");
  });
  const url = await fastify.listen({ host: options.host, port: options.port });
  return { url, close: () => fastify.close() };
}
