import assert from "node:assert/strict";
import { test } from "node:test";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, pluginEnvironment } from "../src/index.js";

test("a plugin gets the protocol's variables and none of the host's private settings", () => {
  const env = pluginEnvironment(
    { pluginId: "com.x", bundleDir: "/p/com.x", socketDir: "/tmp/pp-1", apiTarget: "unix:///tmp/pp-1/api.sock", secret: "s3cret", hookTimeoutMs: 1500, logLevel: "DEBUG", clientCertPem: "PEM" },
    { PATH: "/usr/bin", OPENAI_API_KEY: "plugin-needs-this", POLYPLUG_DATABASE_URL: "postgres://u:pw@h/db", MM_SQLSETTINGS_DATASOURCE: "dsn" },
  );
  assert.equal(env[MAGIC_COOKIE_KEY], MAGIC_COOKIE_VALUE);
  assert.equal(env["PLUGIN_PROTOCOL_VERSIONS"], "1");
  assert.equal(env["PLUGIN_UNIX_SOCKET_DIR"], "/tmp/pp-1");
  assert.equal(env["MATTERMOST_PLUGIN_API_TARGET"], "unix:///tmp/pp-1/api.sock");
  assert.equal(env["MATTERMOST_PLUGIN_API_SECRET"], "s3cret");
  assert.equal(env["MATTERMOST_PLUGIN_HOOK_TIMEOUT"], "1.5");
  assert.equal(env["PLUGIN_CLIENT_CERT"], "PEM");
  assert.equal(env["OPENAI_API_KEY"], "plugin-needs-this", "the host's ordinary environment is inherited");
  assert.equal(env["PATH"], "/usr/bin");
  assert.equal(env["POLYPLUG_DATABASE_URL"], undefined);
  assert.equal(env["MM_SQLSETTINGS_DATASOURCE"], undefined);
});
