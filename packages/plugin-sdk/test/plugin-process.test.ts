import assert from "node:assert/strict";
import { once } from "node:events";
import { after, before, describe, test } from "node:test";
import { create } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { ServeHTTPRequestSchema, goplugin, health, toGrpcServiceDefinition, type ServeHTTPResponse } from "@polyplug/protocol";
import { SdkErrorId } from "../src/index.js";
import { FakePluginAPI } from "../src/testing/index.js";
import { serveFakeHost, type FakeHost } from "./support/fake-host.js";
import { COOKIE, spawnFixture, startFixture, type RunningPlugin } from "./support/plugin-process.js";

// The SDK's process contract (docs/protocol.md), checked on a real plugin process started the way
// the host starts it, against a fake host API served over real gRPC.
describe("a TypeScript plugin process", () => {
  let fake: FakePluginAPI;
  let host: FakeHost;
  let plugin: RunningPlugin;

  before(async () => {
    fake = new FakePluginAPI();
    host = await serveFakeHost(fake);
    plugin = await startFixture("lifecycle", host, { MATTERMOST_PLUGIN_HOOK_TIMEOUT: "0.3" });
  });
  after(async () => {
    plugin.close();
    await host.close();
  });

  test("the handshake is its first and only stdout line; a stray console.log goes to stderr", () => {
    assert.equal(plugin.handshake, `1|1|unix|${plugin.socketDir}/plugin.sock|grpc|`);
    assert.deepEqual(plugin.stdout, [plugin.handshake]);
    assert.match(plugin.stderr(), /a stray console.log before the handshake/);
  });

  test("health answers SERVING for \"plugin\" without credentials; unknown services are NOT_FOUND", async () => {
    const response = await plugin.health.check({ service: "plugin" });
    assert.equal(response.status, health.HealthCheckResponse_ServingStatus.SERVING);
    await assert.rejects(plugin.health.check({ service: "other" }), (error: grpc.ServiceError) => error.code === grpc.status.NOT_FOUND);
  });

  test("hook and controller calls without the host's secret are refused", async () => {
    const call = (definition: grpc.MethodDefinition<unknown, unknown>, metadata: grpc.Metadata) =>
      new Promise((resolve, reject) => {
        plugin.rawHooks.makeUnaryRequest(definition.path, definition.requestSerialize, definition.responseDeserialize, {}, metadata, (error, value) => (error ? reject(error) : resolve(value)));
      });
    const implemented = plugin.hooksDefinition.implemented!;
    const shutdown = toGrpcServiceDefinition(goplugin.GRPCController).shutdown!;
    for (const [definition, metadata] of [
      [implemented, new grpc.Metadata()],
      [implemented, plugin.metadata("wrong")],
      [shutdown, plugin.metadata("wrong")],
    ] as const) {
      await assert.rejects(call(definition, metadata), (error: grpc.ServiceError) => error.code === grpc.status.UNAUTHENTICATED);
    }
    assert.match(plugin.stderr(), /refused implemented: no valid bearer secret/);
  });

  test("Implemented lists its hooks; OnActivate runs OnConfigurationChange first", async () => {
    assert.deepEqual((await plugin.hooks.implemented({})).hooks, ["MessageWillBePosted", "OnActivate", "OnConfigurationChange", "OnDeactivate", "ServeHTTP"]);
    const activated = await plugin.hooks.onActivate({});
    assert.equal(activated.error, undefined);
    assert.equal(fake.kvText("events"), "config,activate");
  });

  test("a hook that runs past MATTERMOST_PLUGIN_HOOK_TIMEOUT answers AppError 504, and the process goes on", async () => {
    const response = await plugin.hooks.messageWillBePosted({ post: { message: "slow" } });
    assert.deepEqual([response.error?.id, response.error?.statusCode], [SdkErrorId.HookTimeout, 504]);
    assert.equal((await plugin.hooks.messageWillBePosted({ post: { message: "quick" } })).error, undefined);
  });

  test("ServeHTTP answers each request chunk before the next one is sent", async () => {
    const def = plugin.hooksDefinition.serveHTTP!;
    const call = plugin.rawHooks.makeBidiStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, plugin.metadata());
    const text: string[] = [];
    let status = 0;
    call.write(create(ServeHTTPRequestSchema, { init: { method: "POST", path: "/", url: "/" }, bodyChunk: Buffer.from("first") }));
    for await (const message of call as AsyncIterable<ServeHTTPResponse>) {
      if (message.init) status = message.init.statusCode;
      text.push(Buffer.from(message.bodyChunk).toString());
      // Only once the plugin answered the first chunk does the "client" send the rest.
      if (text.join("") === "got:first;") call.write(create(ServeHTTPRequestSchema, { bodyChunk: Buffer.from("second"), bodyComplete: true }));
    }
    assert.equal(status, 200);
    assert.equal(text.join(""), "got:first;got:second;done");
  });

  test("GRPCController.Shutdown makes it run OnDeactivate and exit 0", async () => {
    await plugin.controller.shutdown({});
    assert.deepEqual(await plugin.exited, { code: 0, signal: null });
    assert.equal(fake.kvText("events"), "config,activate,deactivate");
    assert.match(plugin.stderr(), /stopping: GRPCController.Shutdown/);
  });
});

describe("how a TypeScript plugin process ends", () => {
  let fake: FakePluginAPI;
  let host: FakeHost;
  before(async () => {
    fake = new FakePluginAPI();
    host = await serveFakeHost(fake);
  });
  after(() => host.close());

  test("SIGTERM: OnDeactivate, then exit 0", async () => {
    fake.kv.clear();
    const plugin = await startFixture("lifecycle", host);
    await plugin.hooks.onActivate({});
    plugin.child.kill("SIGTERM");
    assert.deepEqual(await plugin.exited, { code: 0, signal: null });
    assert.equal(fake.kvText("events"), "config,activate,deactivate");
    plugin.close();
  });

  test("stdin reaching end of file (the host died): exit 0 without OnDeactivate", async () => {
    fake.kv.clear();
    const plugin = await startFixture("lifecycle", host);
    await plugin.hooks.onActivate({});
    plugin.child.stdin!.end();
    assert.deepEqual(await plugin.exited, { code: 0, signal: null });
    assert.equal(fake.kvText("events"), "config,activate");
    plugin.close();
  });

  test("started by hand (no cookie), or without the API variables: exit 1 with an explanation, nothing on stdout", async () => {
    for (const [env, expected] of [
      [{}, /started by the server, not by hand/],
      [COOKIE, /MATTERMOST_PLUGIN_API_TARGET, MATTERMOST_PLUGIN_API_SECRET not set/],
    ] as const) {
      const child = spawnFixture("lifecycle", env);
      let stdout = "";
      let stderr = "";
      child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk));
      child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk));
      const [code] = await once(child, "exit");
      assert.equal(code, 1);
      assert.match(stderr, expected);
      assert.equal(stdout, env === COOKIE ? "" : "a stray console.log before the handshake\n");
    }
  });
});
