import assert from "node:assert/strict";
import { Duplex } from "node:stream";
import { describe, test } from "node:test";
import { create } from "@bufbuild/protobuf";
import { ServeHTTPRequestSchema, ServeHTTPResponseSchema } from "@polyplug/protocol";
import { createLogger, definePlugin, runtimeConfigFromEnv, type PluginRequest } from "../src/index.js";
import { HookDispatcher } from "../src/internal/hook-dispatcher.js";
import { loadPlugin } from "../src/internal/load-plugin.js";
import { serveHttp } from "../src/internal/serve-http.js";
import { StreamSink } from "../src/internal/stream-sink.js";
import { FakePluginAPI } from "../src/testing/index.js";

/** An object-mode stream whose writes complete only when the test says so (a slow client). */
function slowCall() {
  const pending: Array<() => void> = [];
  const call = new Duplex({
    objectMode: true,
    highWaterMark: 1,
    read() {},
    write(_message, _encoding, callback) {
      pending.push(() => callback());
    },
  });
  return { call, release: () => pending.splice(0).forEach((done) => done()) };
}

const turns = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise(setImmediate);
};

describe("backpressure", () => {
  test("plugin → host: a send waits for the stream's drain, and fails once the exchange is gone", async () => {
    const { call, release } = slowCall();
    const sink = new StreamSink(call, ServeHTTPResponseSchema);
    let sent = false;
    const first = sink.send({ bodyChunk: Buffer.from("a") }).then(() => (sent = true));
    await turns();
    assert.equal(sent, false, "the send must wait while the stream is full");
    release();
    await first;
    const stuck = sink.send({ bodyChunk: Buffer.from("b") });
    sink.close();
    await assert.rejects(stuck, /exchange has ended/);
    await assert.rejects(sink.send({ bodyChunk: Buffer.from("c") }), /exchange has ended/);
  });

  test("host → plugin: the stream is paused while the handler does not read, resumed when it does", async () => {
    let request: PluginRequest | undefined;
    let read = 0;
    let startReading: () => void = () => undefined;
    const readingAllowed = new Promise<void>((resolve) => (startReading = resolve));
    const plugin = definePlugin({
      async serveHTTP(_ctx, req, res) {
        request = req;
        await readingAllowed;
        for await (const chunk of req) read += (chunk as Buffer).length;
        res.end(String(read));
      },
    });
    const services = { api: new FakePluginAPI().api, log: createLogger({ write: () => undefined }), config: runtimeConfigFromEnv({}) };
    const dispatcher = new HookDispatcher(loadPlugin(plugin, services), services);
    const call = new Duplex({ objectMode: true, read() {}, write: (_m, _e, callback) => callback() });
    const served = serveHttp(dispatcher, "ServeHTTP", call);
    call.push(create(ServeHTTPRequestSchema, { init: { method: "POST", path: "/" } }));
    for (let i = 0; i < 64; i++) call.push(create(ServeHTTPRequestSchema, { bodyChunk: Buffer.alloc(64 * 1024) }));
    call.push(create(ServeHTTPRequestSchema, { bodyComplete: true }));
    await turns();
    assert.ok(request, "the handler started");
    assert.equal(call.isPaused(), true, "4 MiB unread must pause the stream");
    assert.ok(request.readableLength < 4 * 1024 * 1024);
    startReading();
    await served;
    assert.equal(read, 64 * 64 * 1024);
  });
});
