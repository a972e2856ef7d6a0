import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { startServer } from "../src/index.js";
import { eventually, PYTHON, RestClient, runningServer } from "./support/running-server.js";
import { bundleFromDir, makeTarGz } from "./support/tar-gz.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const ECHO_DIR = path.join(here, "fixtures/plugins/echo");
const ECHO = "com.polyplug.test.echo";
const HELLO = "com.polyplug.hello-python";
const manifest = (id: string, extra: object = {}) => JSON.stringify({ id, name: "Test", version: "1.0.0", ...extra });

async function upload(client: RestClient, bundle: Buffer, force = false): Promise<{ status: number; json: any }> {
  const form = new FormData();
  if (force) form.append("force", "true");
  form.append("plugin", new Blob([bundle]), "bundle.tar.gz");
  const response = await fetch(`${client.baseUrl}/api/v4/plugins`, { method: "POST", body: form, headers: { Authorization: `Bearer ${client.token}` } });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

// Plugin administration through the real server: bundle upload (valid and malicious), force,
// enable/disable persisted in config.json and honoured at the next start, removal, permissions.
describe("plugin bundles: install, enable, disable, remove", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const admin = new RestClient("");
  const user = new RestClient("");
  const installed = () => readdirSync(server.pluginDir).filter((name) => !name.startsWith(".")).sort();

  before(async () => {
    server = await runningServer(["examples/hello_python"], { PluginSettings: { EnableUploads: true } }, { limits: { maxPluginBundleBytes: 2 * 1024 * 1024, maxPluginUnpackedBytes: 2 * 1024 * 1024 } });
    Object.assign(admin, { baseUrl: server.url });
    Object.assign(user, { baseUrl: server.url });
    await admin.signUp("admin");
    await user.signUp("plainuser");
  });
  after(() => server.close());

  test("only system admins manage plugins", async () => {
    assert.equal((await upload(user, bundleFromDir(ECHO_DIR, "echo"))).status, 403);
    for (const [method, route] of [["GET", "/api/v4/plugins"], ["GET", "/api/v4/plugins/statuses"], ["POST", `/api/v4/plugins/${HELLO}/disable`], ["POST", `/api/v4/plugins/${HELLO}/enable`], ["DELETE", `/api/v4/plugins/${HELLO}`]] as const) {
      const reply = await user.call(method, route);
      assert.equal(reply.status, 403, `${method} ${route}`);
      assert.equal(reply.json.id, "api.context.permissions.app_error");
    }
    assert.equal(server.plugins.get(HELLO)?.state, PluginState.Running);
  });

  test("malformed bundles are refused with a clear 400 and leave the installed plugins untouched", async () => {
    const cases: Array<[string, Buffer, string, RegExp]> = [
      ["not gzip", Buffer.from("plain text, not an archive"), "app.plugin.extract.app_error", /not gzip/],
      ["gzip but not tar", makeGzipNoise(), "app.plugin.extract.app_error", /cannot be read|empty/],
      ["path traversal", makeTarGz([{ path: "p/plugin.json", content: manifest("com.evil.one") }, { path: "p/../../escape.txt", content: "x" }]), "app.plugin.extract.app_error", /escapes the bundle/],
      ["absolute path", makeTarGz([{ path: "/tmp/pp-absolute-evil.txt", content: "x" }]), "app.plugin.extract.app_error", /absolute path/],
      ["symlink escaping", makeTarGz([{ path: "p/plugin.json", content: manifest("com.evil.two") }, { path: "p/link", type: "2", linkpath: "../../../etc/passwd" }]), "app.plugin.extract.app_error", /points outside the bundle/],
      ["absolute symlink", makeTarGz([{ path: "p/plugin.json", content: manifest("com.evil.three") }, { path: "p/link", type: "2", linkpath: "/etc" }]), "app.plugin.extract.app_error", /absolute path/],
      ["device node", makeTarGz([{ path: "p/plugin.json", content: manifest("com.evil.four") }, { path: "p/dev", type: "3" }]), "app.plugin.extract.app_error", /type CharacterDevice/],
      ["missing manifest", makeTarGz([{ path: "p/README.md", content: "no manifest here" }]), "app.plugin.manifest.app_error", /no plugin\.json/],
      ["invalid manifest JSON", makeTarGz([{ path: "p/plugin.json", content: "{ not json" }]), "app.plugin.manifest.app_error", /not valid JSON/],
      ["invalid manifest id", makeTarGz([{ path: "p/plugin.json", content: manifest("x!") }]), "app.plugin.manifest.app_error", /"id" must be/],
      ["executable missing", makeTarGz([{ path: "p/plugin.json", content: manifest("com.evil.five", { server: { runtime: "python", executable: "plugin.py" } }) }]), "app.plugin.manifest.app_error", /not a file in the bundle/],
      ["unpacks too large", makeTarGz([{ path: "p/plugin.json", content: manifest("com.evil.six") }, { path: "p/big.bin", content: Buffer.alloc(3 * 1024 * 1024) }]), "app.plugin.extract.app_error", /more than 2097152 bytes/],
    ];
    const before = installed();
    for (const [name, bundle, id, message] of cases) {
      const reply = await upload(admin, bundle, true);
      assert.equal(reply.status, 400, `${name}: ${JSON.stringify(reply.json)}`);
      assert.equal(reply.json.id, id, name);
      assert.match(reply.json.message, message, name);
      assert.deepEqual(Object.keys(reply.json).sort(), ["detailed_error", "id", "message", "request_id", "status_code"]);
    }
    assert.deepEqual(installed(), before);
    assert.equal(readdirSync(server.pluginDir).filter((n) => n.startsWith(".install-")).length, 0, "staging directories are cleaned up");
    assert.ok(!existsSync("/tmp/pp-absolute-evil.txt"));
    assert.equal(server.plugins.get(HELLO)?.state, PluginState.Running);
    // A bundle past the upload limit is refused before it is unpacked.
    const huge = await upload(admin, Buffer.alloc(3 * 1024 * 1024, 1));
    assert.equal(huge.status, 413);
    assert.equal(huge.json.id, "api.plugin.upload.file_too_large.app_error");
    const none = await fetch(`${server.url}/api/v4/plugins`, { method: "POST", body: new FormData(), headers: { Authorization: `Bearer ${admin.token}` } });
    assert.equal(none.status, 400);
    assert.equal(((await none.json()) as { id: string }).id, "api.plugin.upload.no_file.app_error");
  });

  test("a valid bundle installs disabled to <pluginDir>/<id>, enables, disables, and needs force to be replaced", async () => {
    const created = await upload(admin, bundleFromDir(ECHO_DIR, "echo-plugin"));
    assert.equal(created.status, 201, JSON.stringify(created.json));
    assert.equal(created.json.id, ECHO);
    assert.ok(existsSync(path.join(server.pluginDir, ECHO, "plugin.py")));
    let listed = (await admin.call("GET", "/api/v4/plugins")).json;
    assert.ok(listed.inactive.some((m: { id: string }) => m.id === ECHO), "a fresh upload starts disabled, as in Mattermost");
    assert.ok(listed.active.some((m: { id: string }) => m.id === HELLO));
    assert.equal(readConfig().PluginSettings.PluginStates[ECHO].Enable, false);

    const again = await upload(admin, bundleFromDir(ECHO_DIR, "echo-plugin"));
    assert.equal(again.status, 400);
    assert.equal(again.json.id, "app.plugin.install_id.app_error");

    assert.deepEqual((await admin.call("POST", `/api/v4/plugins/${ECHO}/enable`)).json, { status: "OK" });
    assert.equal(server.plugins.get(ECHO)?.state, PluginState.Running);
    assert.equal(readConfig().PluginSettings.PluginStates[ECHO].Enable, true);
    const echoed = await fetch(`${server.url}/plugins/${ECHO}/ping`);
    assert.equal(echoed.status, 200);
    listed = (await admin.call("GET", "/api/v4/plugins")).json;
    assert.ok(listed.active.some((m: { id: string }) => m.id === ECHO));

    // force replaces the running plugin and keeps it enabled.
    const replaced = await upload(admin, bundleFromDir(ECHO_DIR, "echo-plugin"), true);
    assert.equal(replaced.status, 201, JSON.stringify(replaced.json));
    assert.equal(server.plugins.get(ECHO)?.state, PluginState.Running);

    assert.equal((await admin.call("POST", `/api/v4/plugins/${HELLO}/disable`)).status, 200);
    assert.equal(server.plugins.get(HELLO)?.state, PluginState.NotRunning);
    assert.equal(readConfig().PluginSettings.PluginStates[HELLO].Enable, false);
    assert.equal((await admin.call("POST", "/api/v4/plugins/com.nobody.here/enable")).json.id, "app.plugin.not_installed.app_error");
  });

  test("a removed plugin's bundle, state and channel guards are gone", async () => {
    // A guard of a plugin that is gone would answer 503 on its channels forever.
    const channelId = "g".repeat(26);
    await server.app.channelGuards.register(channelId, ECHO);
    await server.app.channelGuards.register(channelId, HELLO);
    assert.deepEqual((await admin.call("DELETE", `/api/v4/plugins/${ECHO}`)).json, { status: "OK" });
    assert.deepEqual(await server.app.channelGuards.pluginsFor(channelId), [HELLO], "only the removed plugin's guard goes");
    await server.app.channelGuards.unregister(channelId, HELLO);
    assert.ok(!existsSync(path.join(server.pluginDir, ECHO)));
    assert.equal(server.plugins.get(ECHO), undefined);
    assert.equal(readConfig().PluginSettings.PluginStates[ECHO], undefined);
    assert.equal((await admin.call("DELETE", `/api/v4/plugins/${ECHO}`)).status, 404);
  });

  test("the saved choice is honoured at start: a disabled plugin is not started", async () => {
    await server.close();
    const { dataDir, pluginDir } = server;
    server = Object.assign(await startServer({ dataDir, pluginDir, port: 0, pythonInterpreter: PYTHON }), { dataDir, pluginDir });
    assert.equal(server.plugins.get(HELLO)?.state, PluginState.NotRunning);
    const again = new RestClient(server.url);
    again.token = admin.token;
    assert.equal((await again.call("POST", `/api/v4/plugins/${HELLO}/enable`)).status, 200);
    await eventually(() => server.plugins.get(HELLO)?.state === PluginState.Running);
  });

  function readConfig(): any {
    return JSON.parse(readFileSync(path.join(server.dataDir, "config.json"), "utf8"));
  }
});

describe("plugin uploads are off by default", () => {
  test("POST /plugins answers 501 until PluginSettings.EnableUploads is true", async () => {
    const server = await runningServer([]);
    try {
      const admin = new RestClient(server.url);
      await admin.signUp("admin");
      const reply = await upload(admin, bundleFromDir(ECHO_DIR, "echo"));
      assert.equal(reply.status, 501);
      assert.equal(reply.json.id, "app.plugin.upload_disabled.app_error");
    } finally {
      await server.close();
    }
  });
});

function makeGzipNoise(): Buffer {
  return gzipSync(Buffer.from("this is gzip but not a tar archive at all ".repeat(20)));
}
