import type { FastifyInstance, FastifyRequest } from "fastify";
import { renderHookMetrics, type PluginEnvironment } from "@polyplug/host";
import type { App } from "../app/app.js";
import { appError } from "../app/app-error.js";
import { FileStore, FileTooLargeError, type TempFile } from "../app/file-store.js";
import { requireSession } from "../http/authenticate.js";
import { readMultipart } from "../http/multipart-input.js";
import { stringParam } from "../http/request-input.js";
import type { PluginManager } from "./plugin-manager.js";
import type { ServerConfigFile } from "./server-config-file.js";

/** Mattermost's MaximumPluginFileSize: the largest bundle an upload may carry. */
export const DEFAULT_MAX_PLUGIN_BUNDLE_BYTES = 50 * 1024 * 1024;

/** What the install/enable/disable/remove routes need; without it only statuses and metrics exist. */
export interface PluginAdminDeps {
  readonly manager: PluginManager;
  readonly config: ServerConfigFile;
  readonly pluginDir: string;
  readonly maxBundleBytes?: number;
}

/**
 * Plugin administration over REST (Mattermost's `/api/v4/plugins…`), system admins only:
 * statuses, the installed list, bundle upload (`plugin` part, optional `force=true`; needs
 * PluginSettings.EnableUploads), enable, disable and remove.
 */
export function registerPluginAdminRoutes(fastify: FastifyInstance, app: App, plugins: () => PluginEnvironment, admin?: PluginAdminDeps): void {
  async function requireAdmin(request: FastifyRequest, where: string): Promise<void> {
    const session = await requireSession(request, app);
    if (!(await app.users.isSystemAdmin(session.user_id))) {
      throw appError("api.context.permissions.app_error", { where, detailedError: "manage_system permission required" });
    }
  }

  fastify.get("/api/v4/plugins/statuses", async (request) => {
    await requireAdmin(request, "getPluginStatuses");
    return plugins().statuses();
  });

  if (admin) registerManagementRoutes(fastify, admin, requireAdmin);

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

function registerManagementRoutes(fastify: FastifyInstance, admin: PluginAdminDeps, requireAdmin: (request: FastifyRequest, where: string) => Promise<void>): void {
  const { manager } = admin;
  const uploads = new FileStore(admin.pluginDir);
  const maxBytes = admin.maxBundleBytes ?? DEFAULT_MAX_PLUGIN_BUNDLE_BYTES;

  fastify.get("/api/v4/plugins", async (request) => {
    await requireAdmin(request, "getPlugins");
    return manager.list();
  });

  fastify.post("/api/v4/plugins", async (request, reply) => {
    if (!admin.config.uploadsEnabled()) throw appError("app.plugin.upload_disabled.app_error", { where: "uploadPlugin" });
    await requireAdmin(request, "uploadPlugin");
    let bundle: TempFile | undefined;
    let force = false;
    try {
      await readMultipart(request, { files: 1, fields: 4 }, async (part) => {
        if (part.kind === "field") {
          if (part.name === "force") force = part.value === "true";
          return;
        }
        if (part.name !== "plugin" || bundle) return;
        try {
          bundle = await uploads.writeTemp(part.stream, maxBytes);
        } catch (error) {
          throw error instanceof FileTooLargeError ? appError("api.plugin.upload.file_too_large.app_error", { where: "uploadPlugin", params: { Max: maxBytes } }) : error;
        }
      });
      const uploaded = bundle as TempFile | undefined;
      if (!uploaded) throw appError("api.plugin.upload.no_file.app_error", { where: "uploadPlugin" });
      const manifest = await manager.install(uploaded.path, { force });
      return reply.code(201).send(manifest);
    } finally {
      const uploaded = bundle as TempFile | undefined;
      if (uploaded) await uploads.remove(uploaded.path);
    }
  });

  fastify.post("/api/v4/plugins/:plugin_id/enable", async (request) => {
    await requireAdmin(request, "enablePlugin");
    await manager.enable(stringParam(request, "plugin_id"));
    return { status: "OK" };
  });

  fastify.post("/api/v4/plugins/:plugin_id/disable", async (request) => {
    await requireAdmin(request, "disablePlugin");
    await manager.disable(stringParam(request, "plugin_id"));
    return { status: "OK" };
  });

  fastify.delete("/api/v4/plugins/:plugin_id", async (request) => {
    await requireAdmin(request, "removePlugin");
    await manager.remove(stringParam(request, "plugin_id"));
    return { status: "OK" };
  });
}
