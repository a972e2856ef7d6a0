import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseLogLine } from "@polyplug/host";
import { DEFAULT_HOOK_TIMEOUT_SECONDS, createLogger, runtimeConfigFromEnv } from "../src/index.js";

describe("logger", () => {
  test("writes hclog JSON lines the host reads the level, message and fields from", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "info", module: "com.example", write: (line) => void lines.push(line) }).with({ hook: "ServeHTTP" });
    log.debug("hidden");
    log.warn("slow answer", { ms: 1200, error: new Error("boom"), "@level": "error" });
    assert.equal(lines.length, 1);
    assert.ok(lines[0]!.endsWith("\n"));
    const entry = parseLogLine("stderr", lines[0]!.trimEnd());
    assert.equal(entry.level, "warn");
    assert.equal(entry.message, "slow answer");
    assert.equal(entry.fields?.hook, "ServeHTTP");
    assert.equal(entry.fields?.ms, 1200);
    assert.equal((entry.fields?.error as { error: string }).error, "boom");
  });

  test("a field that cannot be serialized does not lose the line", () => {
    const lines: string[] = [];
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    createLogger({ write: (line) => void lines.push(line) }).error("still here", { cyclic });
    assert.equal(parseLogLine("stderr", lines[0]!.trimEnd()).message, "still here");
  });
});

describe("runtime config", () => {
  test("reads the host's environment", () => {
    const config = runtimeConfigFromEnv({
      MATTERMOST_PLUGIN_ID: "com.example",
      MATTERMOST_PLUGIN_PATH: "/plugins/x",
      MATTERMOST_PLUGIN_API_TARGET: "unix:///tmp/api.sock",
      MATTERMOST_PLUGIN_API_SECRET: "abc",
      MATTERMOST_PLUGIN_HOOK_TIMEOUT: "2.5",
      MATTERMOST_PLUGIN_LOG_LEVEL: "WARNING",
      PLUGIN_UNIX_SOCKET_DIR: "/tmp/pp",
    });
    assert.deepEqual(config, { pluginId: "com.example", pluginPath: "/plugins/x", apiTarget: "unix:///tmp/api.sock", apiSecret: "abc", hookTimeoutSeconds: 2.5, logLevel: "warn", socketDir: "/tmp/pp" });
  });

  test("falls back to safe defaults for missing or bad values", () => {
    const config = runtimeConfigFromEnv({ MATTERMOST_PLUGIN_HOOK_TIMEOUT: "soon", MATTERMOST_PLUGIN_LOG_LEVEL: "TRACE" });
    assert.equal(config.hookTimeoutSeconds, DEFAULT_HOOK_TIMEOUT_SECONDS);
    assert.equal(config.logLevel, "debug");
    assert.equal(runtimeConfigFromEnv({}).logLevel, "info");
  });
});
