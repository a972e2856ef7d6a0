import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { HostErrorCode, PluginEnvironment, PluginState } from "../src/index.js";
import { minimalPythonPlugin, PYTHON } from "./python-fixture.js";
import { waitFor } from "./process-helpers.js";

const ID = "com.polyplug.test.minimal";

// Real Python plugin processes under the real health job (driven tick by tick with runOnce, so the
// test does not wait for intervals): crashes and hangs are restarted until the policy gives up.
describe("health job and restart policy", () => {
  let env: PluginEnvironment;

  before(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pp-plugins-"));
    await minimalPythonPlugin(dir);
    env = new PluginEnvironment({
      pluginDir: dir,
      backend: () => ({}),
      launch: { pythonInterpreter: PYTHON },
      healthCheck: { enabled: false, pingAttempts: 3, pingTimeoutMs: 300 },
      restartPolicy: { limit: 4, windowMs: 60 * 60 * 1000 },
    });
    const [status] = await env.startAll();
    assert.equal(status!.state, PluginState.Running, status!.error);
  });
  after(() => env.shutdown());

  test("a healthy plugin passes the check and keeps its process", async () => {
    const pid = env.get(ID)!.pid;
    await env.healthCheck.runOnce();
    assert.equal(env.get(ID)!.state, PluginState.Running);
    assert.equal(env.get(ID)!.pid, pid);
  });

  test("a crashed plugin is reported, then restarted by the next check", async () => {
    const plugin = env.get(ID)!;
    const oldPid = plugin.pid!;
    process.kill(oldPid, "SIGKILL");
    await waitFor(() => plugin.state === PluginState.FailedToStayRunning);
    assert.match(plugin.status().error, /exited unexpectedly \(signal SIGKILL\); the health job will restart it/);
    await env.healthCheck.runOnce();
    assert.equal(plugin.state, PluginState.Running);
    assert.notEqual(plugin.pid, oldPid);
    assert.equal(plugin.status().error, "");
  });

  test("a plugin that crashes mid-hook: the caller gets a clear error, the host restarts the plugin", async () => {
    const plugin = env.get(ID)!;
    const oldPid = plugin.pid!;
    await assert.rejects(plugin.invoke("messageWillBePosted", { post: { message: "crash please" } }), (error: { code: string; message: string }) => {
      assert.equal(error.code, HostErrorCode.HookFailed);
      assert.match(error.message, /MessageWillBePosted of plugin com.polyplug.test.minimal failed/);
      return true;
    });
    await waitFor(() => plugin.state === PluginState.FailedToStayRunning);
    assert.match(plugin.status().error, /exited unexpectedly \(exit code 3\)/);
    await env.healthCheck.runOnce();
    assert.equal(plugin.state, PluginState.Running);
    assert.notEqual(plugin.pid, oldPid);
  });

  test("a hung plugin (SIGSTOP) fails its pings, is killed and restarted", async () => {
    const plugin = env.get(ID)!;
    const hungPid = plugin.pid!;
    process.kill(hungPid, "SIGSTOP");
    await env.healthCheck.runOnce();
    assert.equal(plugin.state, PluginState.Running);
    assert.notEqual(plugin.pid, hungPid);
    assert.throws(() => process.kill(hungPid, 0), /ESRCH/, "the hung process must be gone");
  });

  test("the last failure the policy allows (4 here) leaves it FailedToStayRunning for good", async () => {
    const plugin = env.get(ID)!;
    process.kill(plugin.pid!, "SIGKILL");
    await waitFor(() => plugin.state === PluginState.FailedToStayRunning);
    assert.equal(plugin.status().error_code, HostErrorCode.ProcessExited);
    assert.match(plugin.status().error, /given up after 4 failures/);
    assert.equal(plugin.restartPending, false);
    await env.healthCheck.runOnce();
    assert.equal(plugin.state, PluginState.FailedToStayRunning);
    // An admin's explicit restart starts the count afresh.
    await env.deactivate(ID);
    assert.equal(await env.activate(ID), true);
  });
});
