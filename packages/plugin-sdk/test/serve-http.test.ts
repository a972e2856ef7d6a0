import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, test } from "node:test";
import { STREAM_CHUNK_BYTES } from "@polyplug/protocol";
import { definePlugin } from "../src/index.js";
import { HookInvoker } from "../src/testing/index.js";

// ServeHTTP through the SDK's real bridge (PluginRequest/PluginResponse over the stream
// messages); only gRPC is replaced by an in-memory stream.
describe("ServeHTTP", () => {
  const seen: string[] = [];
  const plugin = new HookInvoker(
    definePlugin({
      async serveHTTP(ctx, req, res) {
        switch (req.path) {
          case "/echo":
            res.setHeader("X-Method", req.method);
            res.appendHeader("Set-Cookie", "a=1");
            res.appendHeader("Set-Cookie", "b=2");
            return void res.json({ query: req.query.get("q"), user: req.userId, agent: req.header("USER-AGENT"), tags: req.headerValues("x-tag"), body: await req.text() });
          case "/stream": {
            // Each chunk is answered as it arrives, before the next one is even sent.
            for await (const chunk of req) {
              seen.push(`in:${chunk}`);
              res.write(`out:${chunk};`);
              res.flush();
            }
            return void res.end();
          }
          case "/big":
            return pipeline(Readable.from([Buffer.alloc(200 * 1024, 1), Buffer.alloc(10, 2)]), res);
          case "/status":
            res.writeHead(201, { "Content-Type": "text/plain" });
            assert.throws(() => res.setHeader("X-Late", "1"), /headers were already sent/);
            return void res.end("created");
          case "/throw-early":
            throw new Error("before any output");
          case "/silent":
            return; // the SDK completes a response the handler left open
          default:
            res.writeHead(404).end();
        }
      },
    }),
  );

  test("request head, query, headers and body reach the handler; JSON and multi-value headers come back", async () => {
    const response = await plugin.serveHttp({
      method: "POST",
      path: "/echo?q=1",
      headers: { "Mattermost-User-Id": "u1", "User-Agent": "ua", "X-Tag": ["a", "b"] },
      body: "hello",
    });
    assert.equal(response.status, 200);
    assert.deepEqual(response.json(), { query: "1", user: "u1", agent: "ua", tags: ["a", "b"], body: "hello" });
    assert.equal(response.header("x-method"), "POST");
    assert.equal(response.header("content-type"), "application/json");
    assert.deepEqual(response.headers["Set-Cookie"], ["a=1", "b=2"]);
    assert.ok(response.complete);
  });

  test("the body is read as it arrives and each write leaves at once, with its flush", async () => {
    async function* body() {
      yield "one";
      // The second chunk is only produced once the handler has answered the first one: a handler
      // that waited for the whole body would never get it.
      for (let turn = 0; turn < 1000 && seen.length === 0; turn++) await new Promise(setImmediate);
      assert.deepEqual(seen, ["in:one"]);
      yield "two";
    }
    const response = await plugin.serveHttp({ method: "POST", path: "/stream", body: body() });
    assert.equal(response.text(), "out:one;out:two;");
    assert.equal(response.flushes, 2);
    assert.deepEqual(seen, ["in:one", "in:two"]);
  });

  test("big responses go out in messages of at most 64 KiB, in order", async () => {
    const response = await plugin.serveHttp({ path: "/big" });
    assert.equal(response.body.length, 200 * 1024 + 10);
    assert.ok(response.messages.every((m) => m.bodyChunk.length <= STREAM_CHUNK_BYTES));
    assert.equal(response.body.at(-1), 2);
  });

  test("writeHead fixes the status; later header changes are refused", async () => {
    const response = await plugin.serveHttp({ path: "/status" });
    assert.deepEqual([response.status, response.text()], [201, "created"]);
  });

  test("a handler that fails before writing answers 500; one that writes nothing answers an empty 200", async () => {
    const failed = await plugin.serveHttp({ path: "/throw-early" });
    assert.deepEqual([failed.status, failed.text()], [500, "Internal Server Error"]);
    assert.ok(plugin.logs.some((line) => line.level === "error" && String(line.message).includes("before any output")));
    const silent = await plugin.serveHttp({ path: "/silent" });
    assert.deepEqual([silent.status, silent.text(), silent.complete], [200, "", true]);
  });

  test("a plugin without a ServeHTTP handler answers 404", async () => {
    const bare = new HookInvoker(definePlugin({}));
    assert.equal((await bare.serveHttp({ path: "/" })).status, 404);
  });
});

describe("FileWillBeUploaded", () => {
  const plugin = new HookInvoker(
    definePlugin({
      async fileWillBeUploaded(_ctx, { file_info, file, output }) {
        const text = (await Readable.from(file).toArray()).join("");
        if (text.includes("virus")) return "infected";
        if (file_info.name.endsWith(".txt")) {
          output.write(text.toUpperCase());
          return { ...file_info, name: `${file_info.name}.upper`, size: text.length };
        }
        return undefined;
      },
    }),
  );

  test("the upload streams in; written output replaces it, with a new FileInfo", async () => {
    const result = await plugin.uploadFile({ name: "a.txt" }, (async function* () {
      yield "hello ";
      yield "world";
    })());
    assert.equal(result.content.toString(), "HELLO WORLD");
    assert.deepEqual([result.file_info?.name, result.file_info?.size, result.rejection_reason], ["a.txt.upper", 11, ""]);
  });

  test("a string rejects; nothing keeps the original", async () => {
    assert.equal((await plugin.uploadFile({ name: "b.bin" }, "a virus")).rejection_reason, "infected");
    const kept = await plugin.uploadFile({ name: "c.bin" }, "data");
    assert.deepEqual([kept.content.length, kept.file_info, kept.rejection_reason, kept.error], [0, undefined, "", undefined]);
  });
});

describe("ServeHTTP failing mid-response", () => {
  test("the stream ends without body_complete, so the host cannot pass a truncated body for a whole one", async () => {
    const plugin = new HookInvoker(
      definePlugin({
        async serveHTTP(_ctx, _req, res) {
          res.write("partial");
          await new Promise(setImmediate);
          throw new Error("mid-way");
        },
      }),
    );
    const response = await plugin.serveHttp({ path: "/" });
    assert.deepEqual([response.status, response.text(), response.complete], [200, "partial", false]);
  });
});
