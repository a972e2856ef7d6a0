import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { copyFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { after, before, describe, test } from "node:test";
import { HostErrorCode, PluginEnvironment, PluginState, sha256File, type PluginAPIBackend } from "../src/index.js";
import { isGone, waitFor } from "./process-helpers.js";

const ID = "com.polyplug.hello-go";
const here = path.dirname(fileURLToPath(import.meta.url));
const exampleDir = path.resolve(here, "../../../examples/hello_go");

// A stock hashicorp/go-plugin binary, built by the test with the Go toolchain, run by our host:
// go-plugin's handshake, AutoMTLS, health, GRPCStdio and GRPCController, and our PluginHooks.
describe("a go-plugin gRPC binary as a plugin", () => {
  let pluginDir = "";
  const kv = new Map<string, string>();
  const logs: string[] = [];
  const backend: PluginAPIBackend = (pluginId) => ({
    getServerVersion: async () => ({ version: "9.9.9" }),
    kVSet: async ({ key, value }) => (kv.set(`${pluginId}/${key}`, Buffer.from(value ?? []).toString()), {}),
    logInfo: async ({ message, fields }) => (logs.push(`${message} ${JSON.stringify(fields)}`), {}),
  });

  before(async () => {
    pluginDir = await mkdtemp(path.join(tmpdir(), "pp-go-"));
    const bundle = path.join(pluginDir, "hello_go");
    await promisify(execFile)("go", ["build", "-o", path.join(bundle, "hello_go"), "."], { cwd: exampleDir, timeout: 600_000 });
    await copyFile(path.join(exampleDir, "plugin.json"), path.join(bundle, "plugin.json"));
  });

  for (const autoMTLS of [true, false]) {
    describe(autoMTLS ? "with AutoMTLS" : "without AutoMTLS", () => {
      let env: PluginEnvironment;
      before(async () => {
        env = new PluginEnvironment({ pluginDir, backend, autoMTLS, healthCheck: { enabled: false } });
        const [status] = await env.startAll();
        assert.equal(status!.state, PluginState.Running, status!.error);
      });
      after(() => env.shutdown());

      test(`connects ${autoMTLS ? "over mutual TLS" : "in plaintext"} and activates, calling the host API back`, () => {
        assert.equal(env.get(ID)!.usesTLS, autoMTLS);
        assert.equal(kv.get(`${ID}/activated_on`), "9.9.9");
        assert.ok(logs.includes('hello from Go {"language":"go"}'));
      });

      test("its stdout after the handshake arrives through GRPCStdio in the plugin log", async () => {
        await waitFor(() => env.get(ID)!.log.tail(100).some((e) => e.source === "stdout" && e.message === "go plugin stdout after the handshake"));
      });

      test("MessageWillBePosted rejects and modifies", async () => {
        const plugin = env.get(ID)!;
        const rejected = await plugin.invoke("messageWillBePosted", { post: { message: "go away" } });
        assert.equal(rejected.rejectionReason, "the gopher stays");
        const signed = await plugin.invoke("messageWillBePosted", { post: { message: "hi", props: { keep: true } } });
        assert.equal(signed.post?.message, "hi (checked by Go)");
        assert.deepEqual(signed.post?.props, { keep: true });
      });

      test("stops through GRPCController.Shutdown, leaving no process", async () => {
        const pid = env.get(ID)!.pid!;
        await env.deactivate(ID);
        assert.throws(() => process.kill(pid, 0), /ESRCH/);
      });
    });
  }

  test("the plugin does not outlive a host killed with SIGKILL", async () => {
    const host = spawn(process.execPath, ["--import", "tsx", path.join(here, "fixtures", "host-process.ts"), pluginDir], { stdio: ["ignore", "pipe", "inherit"] });
    const line = await new Promise<string>((resolve) => createInterface({ input: host.stdout! }).once("line", resolve));
    const pid = (JSON.parse(line) as { pids: Record<string, number> }).pids[ID]!;
    assert.doesNotThrow(() => process.kill(pid, 0), "the plugin runs");
    host.kill("SIGKILL");
    await waitFor(() => isGone(pid));
  });

  test("a binary whose SHA-256 does not match the expected one is refused", async () => {
    const actual = await sha256File(path.join(pluginDir, "hello_go", "hello_go"));
    const env = new PluginEnvironment({ pluginDir, backend, launch: { nativeChecksums: { [ID]: "0".repeat(64) } }, healthCheck: { enabled: false } });
    const [status] = await env.startAll();
    assert.equal(status!.state, PluginState.FailedToStart);
    assert.equal(status!.error_code, HostErrorCode.ExecutableInvalid);
    assert.match(status!.error, new RegExp(`checksum of .* is ${actual}, expected 0{64}`));
    await env.shutdown();
  });
});
