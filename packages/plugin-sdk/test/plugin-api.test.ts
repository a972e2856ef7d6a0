import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PluginAPI as PluginAPIService } from "@polyplug/protocol";
import { AppError, apiMethodName, createPluginAPI, isAppError } from "../src/index.js";
import { grpcApiTransport } from "../src/internal/api-transport.js";
import { FakePluginAPI } from "../src/testing/index.js";
import { serveFakeHost, type FakeHost } from "./support/fake-host.js";

describe("the Plugin API client, built from the PluginAPI descriptor", () => {
  test("method names are Mattermost's with the leading capitals lowered", () => {
    assert.deepEqual(["GetUser", "KVSet", "KVGet", "LogInfo", "HTTP", "OnSAMLLogin"].map(apiMethodName), ["getUser", "kvSet", "kvGet", "logInfo", "http", "onSAMLLogin"]);
    const client = createPluginAPI(new FakePluginAPI().transport) as unknown as Record<string, unknown>;
    // Every method, unary or streamed: a method added to api.proto without a client fails here.
    for (const method of PluginAPIService.methods) assert.equal(typeof client[apiMethodName(method.name)], "function", method.name);
  });

  test("one-field requests take the value, positional methods their fields in order; results are models", async () => {
    const fake = new FakePluginAPI({ config: { Mode: "on" } });
    const api = fake.api;
    const user = fake.addUser({ username: "ann", create_at: 1700000000000 });
    const got = await api.getUser(user.id);
    assert.deepEqual([got.username, got.create_at, typeof got.update_at], ["ann", 1700000000000, "number"]);
    assert.equal("password" in got, false);
    await api.kvSet("k", "v");
    assert.deepEqual(fake.calls.at(-1), { method: "KVSet", request: { key: "k", value: new Uint8Array(Buffer.from("v")) } });
    assert.equal(Buffer.from((await api.kvGet("k"))!).toString(), "v");
    assert.equal(await api.kvGet("absent"), undefined);
    await api.kvSet("empty", new Uint8Array());
    assert.deepEqual(await api.kvGet("empty"), new Uint8Array());
    await api.kvSet("empty", null); // Go's nil: deletes
    assert.deepEqual(fake.calls.at(-1), { method: "KVSet", request: { key: "empty" } });
    assert.equal(await api.kvGet("empty"), undefined);
    assert.deepEqual(await api.getPluginConfig(), { Mode: "on" });
    await api.logWarn("careful", { n: 1 });
    assert.deepEqual(fake.logs, [{ level: "warn", message: "careful", fields: { n: 1 } }]);
    await api.publishWebSocketEvent("refresh", { n: 1 }, { channel_id: "c1" });
    assert.deepEqual(fake.events, [{ event: "refresh", payload: { n: 1 }, broadcast: { omit_users: {}, user_id: "", channel_id: "c1", team_id: "" } }]);
    await api.registerCommand({ trigger: "t", team_id: "x" });
    await api.unregisterCommand("x", "t");
    assert.deepEqual(fake.commands, []);
  });

  test("an AppError from the host rejects with its id and status", async () => {
    const fake = new FakePluginAPI();
    await assert.rejects(fake.api.getChannel("nope"), (error: unknown) => isAppError(error) && error.statusCode === 404 && error.id === "app.channel.get.existing.app_error");
    fake.handle("GetServerVersion", () => {
      throw new AppError({ id: "x.y", message: "down for maintenance", statusCode: 503 });
    });
    await assert.rejects(fake.api.getServerVersion(), /down for maintenance/);
  });
});

describe("PluginHTTP: another plugin's ServeHTTP, streamed", () => {
  test("the request goes out whole (streamed bodies too); the response streams back", async () => {
    const fake = new FakePluginAPI().handleHttp(({ method, path, headers, body }) => ({
      status: 202,
      headers: { "X-Seen": `${method} ${path} ${headers["X-Token"]?.[0]}` },
      body: `${body.length}:${body.toString().slice(0, 5)}`,
    }));
    async function* upload() {
      yield "hello";
      yield Buffer.alloc(100 * 1024);
    }
    const response = await fake.api.pluginHTTP({ method: "POST", path: "/com.other/sum?x=1", headers: { "X-Token": "t" }, body: upload() });
    assert.equal(response.status, 202);
    assert.equal(response.header("x-seen"), "POST /com.other/sum?x=1 t");
    assert.equal(await response.text(), `${5 + 100 * 1024}:hello`);
  });

  test("an undeliverable request rejects with the host's AppError", async () => {
    await assert.rejects(new FakePluginAPI().api.pluginHTTP({ path: "/com.nobody/x" }), (error: AppError) => error.statusCode === 404 && error.id === "plugin_api.plugin_http.not_found.app_error");
  });
});

describe("the gRPC transport to the host", () => {
  let host: FakeHost;
  const fake = new FakePluginAPI();
  before(async () => (host = await serveFakeHost(fake)));
  after(() => host.close());

  test("presents the secret and carries calls both ways", async () => {
    const transport = grpcApiTransport(host.target, host.secret);
    assert.equal(await transport.waitReady(5000), true);
    const api = createPluginAPI(transport);
    const post = await api.createPost({ channel_id: "c1", message: "hi", props: { deep: { list: [1, "two", null] } } });
    assert.deepEqual((await api.getPost(post.id)).props, { deep: { list: [1, "two", null] } });
    fake.handleHttp(({ body }) => ({ body: Buffer.alloc(body.length * 2, 1) }));
    const big = await api.pluginHTTP({ method: "PUT", path: "/com.other/double", body: Buffer.alloc(300 * 1024) });
    assert.equal((await big.buffer()).length, 600 * 1024);
    transport.close();
  });

  test("transport failures are AppErrors too, with the gRPC error as cause", async () => {
    const wrong = grpcApiTransport(host.target, "not-the-secret");
    await assert.rejects(createPluginAPI(wrong).getServerVersion(), (error: AppError) => error.statusCode === 401 && error.id === "plugin.api.grpc.unauthenticated" && error.cause !== undefined);
    wrong.close();
    const nowhere = grpcApiTransport(`unix://${host.dir}/missing.sock`, host.secret);
    await assert.rejects(createPluginAPI(nowhere).getServerVersion(), (error: AppError) => error.statusCode === 503 && error.id === "plugin.api.grpc.unavailable");
    nowhere.close();
  });
});
