import type { FastifyInstance } from "fastify";
import type { PluginEnvironment } from "@polyplug/host";
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
}
