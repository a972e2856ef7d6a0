import assert from "node:assert/strict";
import { test } from "node:test";
import * as bundle from "../src/bundle/index.js";
import * as sdk from "../src/index.js";
import * as testing from "../src/testing/index.js";

// The run-time surface plugin authors see, entry point by entry point: a change here is a change
// of the public API, made on purpose (the types are checked in types.test.ts).
test("the public run-time exports are exactly these", () => {
  const internal = ["apiMethodName", "attachServices", "createPluginAPI"];
  assert.deepEqual(Object.keys(sdk).filter((name) => !internal.includes(name)).sort(), [
    "AppError", "DEFAULT_HOOK_TIMEOUT_SECONDS", "DISMISS_POST_ERROR", "HOOK_NAMES", "HookRegistrationError",
    "MAGIC_COOKIE_KEY", "MAGIC_COOKIE_VALUE", "Plugin", "PluginRequest", "PluginResponse", "SdkErrorId",
    "WIRE_HOOK_NAMES", "createLogger", "definePlugin", "isAppError", "isMainModule", "runPlugin", "runtimeConfigFromEnv",
  ]);
  assert.deepEqual(Object.keys(testing).sort(), ["FAKE_SERVER_VERSION", "FakePluginAPI", "HookInvoker"]);
  assert.deepEqual(Object.keys(bundle), ["bundlePlugin"]);
});
