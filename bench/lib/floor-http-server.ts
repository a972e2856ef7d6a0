import { Readable } from "node:stream";
import Fastify from "fastify";

/**
 * The floor of the ServeHTTP figure: the same transfers answered by fastify itself, in the host
 * process, with the request body read raw as the plugin route reads it (no body parser) and the
 * download streamed in 64 KiB chunks as the plugin writes it.
 */
export async function startFloorHttpServer(): Promise<{ url: string; close(): Promise<void> }> {
  const fastify = Fastify({ bodyLimit: Number.MAX_SAFE_INTEGER });
  await fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null));
    scope.post("/upload", async (request) => {
      let received = 0;
      for await (const chunk of request.raw as AsyncIterable<Buffer>) received += chunk.length;
      return { bytes: received };
    });
  });
  fastify.get<{ Querystring: { bytes?: string } }>("/download", async (request, reply) => {
    const total = Number(request.query.bytes ?? 0);
    const chunk = Buffer.alloc(64 * 1024);
    async function* body() {
      for (let sent = 0; sent < total; sent += chunk.length) yield total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
    }
    return reply.header("Content-Type", "application/octet-stream").header("Content-Length", String(total)).send(Readable.from(body()));
  });
  const url = await fastify.listen({ host: "127.0.0.1", port: 0 });
  return { url, close: () => fastify.close() };
}
