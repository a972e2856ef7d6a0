import assert from "node:assert/strict";
import { mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import * as grpc from "@grpc/grpc-js";
import { CHANNEL_OPTIONS, PluginAPI, createTypedClient } from "@polyplug/protocol";
import { PluginAPIServer } from "../src/api-server.js";
import { newPluginSecret } from "../src/plugin-secret.js";

// Two plugins' API servers, for real, over unix sockets: each answers only its own secret, and the
// handlers learn the plugin id from the host, never from the caller.
describe("PluginAPI server identity", () => {
  const secrets = { a: newPluginSecret(), b: newPluginSecret() };
  const servers: PluginAPIServer[] = [];
  let dir = "";

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pp-"));
    for (const id of ["a", "b"] as const) {
      servers.push(await PluginAPIServer.start({ pluginId: `plugin.${id}`, socketPath: path.join(dir, `${id}.sock`), secret: secrets[id], backend: (pluginId) => ({ getServerVersion: async () => ({ version: `as ${pluginId}` }) }) }));
    }
  });
  after(async () => Promise.all(servers.map((s) => s.stop())));

  const client = (socket: string, secret: string | undefined) =>
    createTypedClient(PluginAPI, `unix://${path.join(dir, socket)}`, grpc.credentials.createInsecure(), CHANNEL_OPTIONS, () => {
      const metadata = new grpc.Metadata();
      if (secret !== undefined) metadata.set("authorization", `Bearer ${secret}`);
      return metadata;
    }).client;

  test("the right secret is answered, as the plugin the host bound to that socket", async () => {
    assert.equal((await client("a.sock", secrets.a).getServerVersion({})).version, "as plugin.a");
    assert.equal((await client("b.sock", secrets.b).getServerVersion({})).version, "as plugin.b");
  });

  for (const [name, secret] of [["another plugin's secret", "b"], ["no secret", undefined], ["an empty secret", ""]] as const) {
    test(`${name} is refused with UNAUTHENTICATED`, async () => {
      const presented = secret === "b" ? secrets.b : secret;
      await assert.rejects(client("a.sock", presented).getServerVersion({}), (error: grpc.ServiceError) => {
        assert.equal(error.code, grpc.status.UNAUTHENTICATED);
        assert.match(error.details, /missing or wrong plugin secret/);
        return true;
      });
    });
  }

  test("a method the backend does not implement answers AppError 501 with a reason", async () => {
    const response = await client("a.sock", secrets.a).kVGet({ key: "x" });
    assert.equal(response.error?.statusCode, 501);
    assert.match(response.error?.message ?? "", /KVGet is not supported/);
  });

  test("a message over the 64 MiB limit is refused with RESOURCE_EXHAUSTED, and the server goes on", async () => {
    const oversize = new Uint8Array(65 * 1024 * 1024);
    await assert.rejects(client("a.sock", secrets.a).kVSet({ key: "big", value: oversize }), (error: grpc.ServiceError) => {
      assert.equal(error.code, grpc.status.RESOURCE_EXHAUSTED);
      return true;
    });
    assert.equal((await client("a.sock", secrets.a).getServerVersion({})).version, "as plugin.a");
  });

  test("the socket is private to the host's user", async () => {
    assert.equal((await stat(path.join(dir, "a.sock"))).mode & 0o077, 0);
  });
});
