import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { HostErrorCode, PluginEnvironment, PluginState } from "../src/index.js";
import { nativeManifest, pluginDir } from "./bundle-fixture.js";

// Each case is a real child process that breaks the protocol on purpose. The host must report a
// clear error in the plugin's status and keep going.
const cases: Array<{ name: string; script: string; code: string; message: RegExp }> = [
  { name: "prints something before the handshake", script: 'echo "Loading model..."; echo "1|1|unix|/tmp/x|grpc|"; sleep 30', code: HostErrorCode.HandshakeInvalid, message: /"Loading model\.\.\."/ },
  { name: "never prints the handshake", script: "sleep 30", code: HostErrorCode.HandshakeTimeout, message: /did not print its handshake line within 700 ms/ },
  { name: "exits before the handshake", script: 'echo "ModuleNotFoundError: No module named grpc" >&2; exit 3', code: HostErrorCode.ExitedBeforeHandshake, message: /exit code 3.*\n.*No module named grpc/s },
  { name: "speaks another core protocol", script: 'echo "2|1|unix|/tmp/x|grpc|"; sleep 30', code: HostErrorCode.HandshakeInvalid, message: /core protocol version "2"/ },
  { name: "offers netrpc", script: 'echo "1|1|unix|/tmp/x|netrpc|"; sleep 30', code: HostErrorCode.HandshakeInvalid, message: /"netrpc" is not "grpc"/ },
  { name: "listens on a public interface", script: 'echo "1|1|tcp|0.0.0.0:4000|grpc|"; sleep 30', code: HostErrorCode.HandshakeInvalid, message: /not on loopback/ },
  {
    name: "expects another magic cookie",
    // What go-plugin binaries do when the cookie is not theirs (e.g. a Terraform provider).
    script: '[ "$MATTERMOST_PLUGIN" = "some other app" ] || { echo "This binary is a plugin. These are not meant to be executed directly." >&2; exit 1; }',
    code: HostErrorCode.ExitedBeforeHandshake,
    message: /exit code 1.*\n.*This binary is a plugin/s,
  },
  { name: "announces a socket nobody serves", script: 'echo "1|1|unix|$PLUGIN_UNIX_SOCKET_DIR/none.sock|grpc|"; sleep 30', code: HostErrorCode.HealthCheckFailed, message: /health check/ },
];

for (const c of cases) {
  test(`a plugin that ${c.name} fails to start with ${c.code}, and its process is gone`, async () => {
    const plugins = await pluginDir();
    await plugins.bundle("bad", { "plugin.json": nativeManifest("com.test.bad"), "plugin.sh": `#!/bin/sh\n${c.script}\n` });
    const env = new PluginEnvironment({ pluginDir: plugins.dir, backend: () => ({}), startTimeoutMs: 700 });
    const [status] = await env.startAll();
    assert.equal(status!.state, PluginState.FailedToStart);
    assert.equal(status!.error_code, c.code);
    assert.match(status!.error, c.message);
    assert.equal(env.get("com.test.bad")!.pid === undefined || !isAlive(env.get("com.test.bad")!.pid!), true);
    await env.shutdown();
  });
}

test("broken bundles are reported by directory and do not stop the others from loading", async () => {
  const plugins = await pluginDir();
  await plugins.bundle("no-manifest", { "README.md": "hi" });
  await plugins.bundle("bad-json", { "plugin.json": "{ id: nope" });
  await plugins.bundle("escape", { "plugin.json": nativeManifest("com.test.escape", "../outside.sh") });
  await writeFile(path.join(plugins.dir, "outside.sh"), "#!/bin/sh\n");
  await plugins.bundle("missing-exe", { "plugin.json": nativeManifest("com.test.missing", "nope.sh") });
  const env = new PluginEnvironment({ pluginDir: plugins.dir, backend: () => ({}), startTimeoutMs: 700 });
  const statuses = Object.fromEntries((await env.startAll()).map((s) => [s.plugin_id, s]));
  assert.equal(statuses["no-manifest"]!.error_code, HostErrorCode.ManifestMissing);
  assert.equal(statuses["bad-json"]!.error_code, HostErrorCode.ManifestInvalid);
  assert.match(statuses["com.test.escape"]!.error, /escapes the plugin bundle/);
  assert.match(statuses["com.test.missing"]!.error, /does not exist/);
  for (const status of Object.values(statuses)) assert.equal(status.state, PluginState.FailedToStart);
  await env.shutdown();
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
