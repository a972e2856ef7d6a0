import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { request } from "node:http";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { eventually, RestClient, runningServer } from "./support/running-server.js";

const STREAMING = "com.polyplug.test.streaming";
const ECHO = "com.polyplug.test.echo";

describe("ServeHTTP through the real stack", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const bob = new RestClient("");
  let bobId = "";

  before(async () => {
    server = await runningServer(["streaming", "echo", "caller"].map((name) => `packages/server/test/fixtures/plugins/${name}`), {}, { metricsPort: 0 });
    for (const status of server.plugins.statuses()) assert.equal(status.state, PluginState.Running, `${status.plugin_id}: ${status.error}`);
    Object.assign(bob, { baseUrl: server.url });
    bobId = (await bob.signUp("bob")).id;
  });
  after(() => server.close());

  test("the plugin answers before the request body has ended, then reads the rest", async () => {
    const url = new URL(`${server.url}/plugins/${STREAMING}/upload`);
    const body = await new Promise<string>((resolve, reject) => {
      const req = request({ hostname: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "Transfer-Encoding": "chunked" } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
          // Only once the plugin's first answer is here does the client send the rest.
          if (text === "got:first") req.end("second");
        });
        res.on("end", () => resolve(text));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.write("first");
    });
    assert.equal(body, "got:first|rest:second");
  });

  test("100 MiB streams up and back down through the plugin, byte for byte", async () => {
    const size = 100 * 1024 * 1024;
    const sent = createHash("sha256");
    const body = Readable.from(
      (function* () {
        for (let offset = 0; offset < size; offset += 1 << 20) {
          const chunk = Buffer.alloc(1 << 20, offset >> 20);
          sent.update(chunk);
          yield chunk;
        }
      })(),
    );
    const response = await fetch(`${server.url}/plugins/${STREAMING}/echo`, { method: "POST", body: Readable.toWeb(body) as ReadableStream, duplex: "half" } as RequestInit);
    assert.equal(response.status, 200);
    const received = createHash("sha256");
    let length = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      received.update(chunk);
      length += chunk.length;
    }
    assert.equal(length, size);
    assert.equal(received.digest("hex"), sent.digest("hex"));
  });

  test("a client that goes away cancels the plugin's stream", async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/plugins/${STREAMING}/drip`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    assert.match(first, /^drop 0/);
    controller.abort();
    const stopped = await eventually(() => server.app.kv.get(STREAMING, "drip_stopped"));
    assert.ok(Buffer.from(stopped).toString().length > 0, "the plugin's write failed once the client left");
  });

  test("identity headers, the session cookie and access_token never reach the plugin; the host sets the user", async () => {
    const response = await fetch(`${server.url}/plugins/${ECHO}/who?access_token=${bob.token}&x=1`, {
      headers: { "Mattermost-User-Id": "forged", "Mattermost-Plugin-ID": "forged", Cookie: `MMAUTHTOKEN=${bob.token}; theme=dark`, Authorization: `Bearer ${bob.token}`, Referer: "https://evil.example" },
    });
    assert.equal(response.status, 200);
    const seen = (await response.json()) as { path: string; query: string; headers: Record<string, string[]> };
    const header = (name: string) => Object.entries(seen.headers).find(([k]) => k.toLowerCase() === name)?.[1];
    assert.equal(seen.path, "/who");
    assert.equal(seen.query, "x=1");
    assert.deepEqual(header("mattermost-user-id"), [bobId]);
    assert.equal(header("mattermost-plugin-id"), undefined);
    assert.equal(header("referer"), undefined);
    assert.deepEqual(header("cookie"), ["theme=dark"]);
  });

  test("anonymous requests reach the plugin with no user id, even when they forge one", async () => {
    const seen = (await (await fetch(`${server.url}/plugins/${ECHO}/`, { headers: { "Mattermost-User-Id": "forged" } })).json()) as { headers: Record<string, string[]> };
    assert.ok(!Object.keys(seen.headers).some((k) => k.toLowerCase() === "mattermost-user-id"));
  });

  test("the plugin's status code passes through; an invalid one becomes 500", async () => {
    assert.equal((await fetch(`${server.url}/plugins/${ECHO}/x`, { headers: { "X-Status": "418" } })).status, 418);
    assert.equal((await fetch(`${server.url}/plugins/${ECHO}/x`, { headers: { "X-Status": "42" } })).status, 500);
  });

  test("a 5 MiB body streams through (no 4 MiB gRPC wall)", async () => {
    const body = Buffer.alloc(5 * 1024 * 1024, 7);
    const seen = (await (await fetch(`${server.url}/plugins/${ECHO}/big`, { method: "POST", body })).json()) as { body_length: number; method: string };
    assert.equal(seen.method, "POST");
    assert.equal(seen.body_length, body.length);
  });

  test("files under the bundle's public/ are served as they are, and nothing outside it", async () => {
    const text = await fetch(`${server.url}/plugins/${ECHO}/public/hello.txt`);
    assert.equal(text.status, 200);
    assert.match(text.headers.get("content-type") ?? "", /^text\/plain/);
    assert.equal(await text.text(), "hello from a static file\n");
    assert.match((await fetch(`${server.url}/plugins/${ECHO}/public/css/site.css`)).headers.get("content-type") ?? "", /^text\/css/);
    assert.equal((await fetch(`${server.url}/plugins/${ECHO}/public/missing.txt`)).status, 404);
    for (const sneaky of ["%2e%2e/plugin.json", "..%2fplugin.json", "css/%2e%2e/%2e%2e/plugin.py"]) {
      assert.equal(await rawStatus(server.url, `/plugins/${ECHO}/public/${sneaky}`), 404, sneaky);
    }
  });

  test("deactivating a plugin stops its process gracefully and frees its route", async () => {
    const pid = server.plugins.get(ECHO)!.pid!;
    await server.plugins.deactivate(ECHO);
    assert.equal(server.plugins.get(ECHO)!.state, PluginState.NotRunning);
    assert.equal(server.plugins.get(ECHO)!.status().error, "");
    assert.throws(() => process.kill(pid, 0), /ESRCH/);
    assert.equal((await fetch(`${server.url}/plugins/${ECHO}/x`)).status, 404);
    assert.equal((await fetch(`${server.url}/plugins/${ECHO}/public/hello.txt`)).status, 404, "no static files while inactive");
    assert.equal(await server.plugins.activate(ECHO), true);
    assert.equal((await fetch(`${server.url}/plugins/${ECHO}/x`)).status, 200);
  });

  test("PluginHTTP: one plugin calls another; the host sets Mattermost-Plugin-ID to the caller", async () => {
    const path = encodeURIComponent(`/${ECHO}/who?x=1`);
    const answer = (await (await fetch(`${server.url}/plugins/com.polyplug.test.caller/call?path=${path}`)).json()) as { status: number; body: { path: string; query: string; method: string; body_length: number; headers: Record<string, string[]> } };
    assert.equal(answer.status, 201);
    assert.equal(answer.body.path, "/who");
    assert.equal(answer.body.query, "x=1");
    assert.equal(answer.body.method, "POST");
    assert.equal(answer.body.body_length, 5);
    const pluginIds = Object.entries(answer.body.headers).filter(([k]) => k.toLowerCase() === "mattermost-plugin-id").flatMap(([, v]) => v);
    assert.deepEqual(pluginIds, ["com.polyplug.test.caller"], "the caller's forged id was replaced");
    const missing = (await (await fetch(`${server.url}/plugins/com.polyplug.test.caller/call?path=${encodeURIComponent("/com.nobody/x")}`)).json()) as { error: string; status: number };
    assert.deepEqual(missing, { error: "plugin_api.plugin_http.not_found.app_error", status: 404 });
  });

  test("the metrics listener serves host metrics and each plugin's ServeMetrics", async () => {
    const own = await (await fetch(`${server.metricsUrl}/plugins/${ECHO}/metrics`)).text();
    assert.match(own, /^echo_requests_total 42$/m);
    const host = await (await fetch(`${server.metricsUrl}/metrics`)).text();
    assert.match(host, new RegExp(`polyplug_plugin_state\\{plugin="${ECHO}"\\} 2`));
    assert.equal((await fetch(`${server.metricsUrl}/plugins/${STREAMING}/metrics`)).status, 404, "no ServeMetrics, no metrics");
  });

  test("an unknown plugin is a Mattermost-shaped 404", async () => {
    const response = await fetch(`${server.url}/plugins/com.nobody/x`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { id: string }).id, "app.plugin.not_found.app_error");
  });
});

/** GET with the path sent exactly as written (fetch would normalise the dots away). */
function rawStatus(baseUrl: string, rawPath: string): Promise<number> {
    const url = new URL(baseUrl);
    return new Promise((resolve, reject) => {
      request({ hostname: url.hostname, port: url.port, path: rawPath }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on("error", reject)
        .end();
    });
  }
