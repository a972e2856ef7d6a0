import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { bridgeServeHttp, type PluginEnvironment } from "@polyplug/host";
import type { App } from "../app/app.js";
import { authenticate } from "../http/authenticate.js";
import { sendPublicFile } from "./plugin-public-files.js";

/**
 * `/plugins/{id}` and `/plugins/{id}/…` → the plugin's ServeHTTP, streamed both ways. The scope
 * has no body parser, so request bodies of any size flow to the plugin as they arrive.
 */
export async function registerPluginRoutes(fastify: FastifyInstance, app: App, plugins: () => PluginEnvironment): Promise<void> {
  await fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null));
    const handler = (request: FastifyRequest<{ Params: { pluginId: string } }>, reply: FastifyReply) => servePlugin(request, reply, app, plugins());
    scope.all("/plugins/:pluginId", handler);
    scope.all("/plugins/:pluginId/*", handler);
  });
}

async function servePlugin(request: FastifyRequest<{ Params: { pluginId: string } }>, reply: FastifyReply, app: App, plugins: PluginEnvironment): Promise<void> {
  const { pluginId } = request.params;
  const plugin = plugins.get(pluginId);
  const publicPrefix = `/plugins/${pluginId}/public/`;
  const rawPath = safeDecode((request.raw.url ?? "/").split("?")[0]!);
  if (plugin && request.method === "GET" && rawPath.startsWith(publicPrefix) && (await sendPublicFile(plugin, rawPath.slice(publicPrefix.length), reply))) {
    return;
  }
  if (!plugin?.implements("ServeHTTP") || rawPath.startsWith(publicPrefix)) {
    const why = plugin ? `plugin ${pluginId} is not running or does not serve HTTP` : `no plugin with id ${pluginId}`;
    await reply.code(404).send({ id: "app.plugin.not_found.app_error", message: "Unable to find the plugin.", detailed_error: why, request_id: request.id, status_code: 404 });
    return;
  }
  const session = await authenticate(request, app);
  const url = new URL(request.raw.url ?? "/", "http://plugin");
  url.searchParams.delete("access_token"); // a token in the URL is the host's business, not the plugin's
  const prefix = `/plugins/${pluginId}`;
  const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || "/" : "/";
  reply.hijack();
  await bridgeServeHttp(plugin, request.raw, reply.raw, {
    path,
    rawQuery: url.searchParams.toString(),
    userId: session?.user_id ?? "",
    context: {
      requestId: randomUUID().replaceAll("-", "").slice(0, 26),
      sessionId: session?.id ?? "",
      ipAddress: request.ip,
      acceptLanguage: request.headers["accept-language"] ?? "",
      userAgent: request.headers["user-agent"] ?? "",
    },
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // malformed escapes: match nothing rather than fail
  }
}
