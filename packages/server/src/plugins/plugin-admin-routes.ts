import type { FastifyInstance } from "fastify";
import { renderHookMetrics, type PluginEnvironment } from "@polyplug/host";
import type { App } from "../app/app.js";
import { appError } from "../app/app-error.js";
import { requireSession } from "../http/authenticate.js";

/**
 * Plugin administration over REST (Mattermost's `/api/v4/plugins…`), system admins only. For now
 * the status list; upload, enable and disable come with the REST issue.
 */
export function registerPluginAdminRoutes(fastify: FastifyInstance, app: App, plugins: () => PluginEnvironment): void {
  fastify.get("/api/v4/plugins/statuses", async (request) => {
    const session = await requireSession(request, app);
    if (!(await app.users.isSystemAdmin(session.user_id))) {
      throw appError("api.context.permissions.app_error", { where: "getPluginStatuses", detailedError: "manage_system permission required" });
    }
    return plugins().statuses();
  });

  // Prometheus text. Mattermost serves metrics on a separate loopback listener; here the same
  // rule holds on the main one: loopback callers (a local scraper) or system admins only.
  fastify.get("/metrics", async (request, reply) => {
    if (!isLoopback(request.ip)) {
      const session = await requireSession(request, app);
      if (!(await app.users.isSystemAdmin(session.user_id))) {
        throw appError("api.context.permissions.app_error", { where: "getMetrics", detailedError: "metrics are for loopback callers or system admins" });
      }
    }
    const env = plugins();
    const ids = env.statuses().map((s) => s.plugin_id);
    const managed = ids.map((id) => env.get(id)).filter((p) => p !== undefined);
    return reply.type("text/plain; version=0.0.4").send(renderHookMetrics(managed));
  });
}

function isLoopback(ip: string): boolean {
  return ip === "::1" || ip.startsWith("127.") || ip.startsWith("::ffff:127.");
}
