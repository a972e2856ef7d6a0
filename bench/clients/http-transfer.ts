/**
 * Moves N bytes over one HTTP request, in its own process so the client's work does not run on
 * the host's event loop: `upload` POSTs N zero bytes in 64 KiB writes (honouring backpressure),
 * `download` GETs and counts the body. Prints `{"bytes":…, "ms":…}` timed from the request's start
 * to the response's last byte; fails if the byte count is wrong.
 * Usage: node --import tsx bench/clients/http-transfer.ts upload|download <url> <bytes>
 */
import { once } from "node:events";
import { request, type IncomingMessage } from "node:http";
import { performance } from "node:perf_hooks";

const [mode, url, bytesArg] = process.argv.slice(2);
const bytes = Number(bytesArg);
if ((mode !== "upload" && mode !== "download") || !url || !Number.isSafeInteger(bytes)) {
  process.stderr.write("usage: http-transfer.ts upload|download <url> <bytes>\n");
  process.exit(2);
}
const CHUNK = Buffer.alloc(64 * 1024);

const started = performance.now();
const req = request(url, { method: mode === "upload" ? "POST" : "GET", headers: mode === "upload" ? { "Content-Type": "application/octet-stream", "Content-Length": String(bytes) } : {} });
const responded = once(req, "response") as Promise<[IncomingMessage]>;
if (mode === "upload") {
  for (let sent = 0; sent < bytes; sent += CHUNK.length) {
    const slice = bytes - sent >= CHUNK.length ? CHUNK : CHUNK.subarray(0, bytes - sent);
    if (!req.write(slice)) await once(req, "drain");
  }
}
req.end();
const [response] = await responded;
let received = 0;
let text = "";
for await (const chunk of response as AsyncIterable<Buffer>) {
  received += chunk.length;
  if (mode === "upload" && text.length < 4096) text += chunk.toString("utf8");
}
const ms = performance.now() - started;
if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`);
if (mode === "download" && received !== bytes) throw new Error(`downloaded ${received} bytes, expected ${bytes}`);
if (mode === "upload" && (JSON.parse(text) as { bytes: number }).bytes !== bytes) throw new Error(`server counted ${text}, expected ${bytes} bytes`);
process.stdout.write(`${JSON.stringify({ bytes, ms })}\n`);
