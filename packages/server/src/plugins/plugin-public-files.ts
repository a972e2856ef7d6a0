import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { FastifyReply } from "fastify";
import { PluginState, type ManagedPlugin } from "@polyplug/host";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

/**
 * `/plugins/{id}/public/{file}`: a file from the bundle's `public/` folder, as Mattermost serves
 * them — only while the plugin runs, never a path (or symlink) leading out of that folder.
 * Resolves false when there is no such file (the caller answers 404).
 */
export async function sendPublicFile(plugin: ManagedPlugin, relativePath: string, reply: FastifyReply): Promise<boolean> {
  if (plugin.state !== PluginState.Running) return false;
  const publicDir = path.join(plugin.bundleDir, "public");
  let file: string;
  try {
    const root = await realpath(publicDir);
    file = await realpath(path.join(root, path.normalize(`/${relativePath}`)));
    if (!file.startsWith(root + path.sep) || !(await stat(file)).isFile()) return false;
  } catch {
    return false;
  }
  await reply
    .header("Content-Type", CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream")
    .header("X-Content-Type-Options", "nosniff")
    .send(createReadStream(file));
  return true;
}
