import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { FakePluginAPI, HookInvoker } from "@polyplug/plugin/testing";
import { helloPlugin } from "./plugin.js";

// The example's behaviour, tested with the SDK's kit: a fake host API and the same hook pipeline
// the plugin runs through under the real host, in-process.
describe("hello_ts", () => {
  let fake: FakePluginAPI;
  let plugin: HookInvoker;

  beforeEach(async () => {
    fake = new FakePluginAPI({ config: { BadWord: "Kumquat" } });
    plugin = new HookInvoker(helloPlugin, { fake });
    await plugin.activate();
  });

  test("it implements exactly the example's hooks", () => {
    assert.deepEqual(plugin.implemented, ["ExecuteCommand", "MessageWillBePosted", "OnActivate", "OnConfigurationChange", "ServeHTTP"]);
  });

  test("activation reads the configuration first, then registers /hello", () => {
    assert.ok(fake.callNames.indexOf("GetPluginConfig") < fake.callNames.indexOf("RegisterCommand"));
    assert.deepEqual(
      fake.commands.map((c) => [c.trigger, c.auto_complete, c.auto_complete_hint]),
      [["hello", true, "[name]"]],
    );
    assert.ok(plugin.logs.some((line) => line.message === "Hello, TypeScript!" && line.server_version === fake.serverVersion));
  });

  test("a clean post is allowed unchanged, props and all", async () => {
    const response = await plugin.invoke("MessageWillBePosted", { post: { message: "apples are fine", props: { from: "test" } } });
    assert.equal(response.error, undefined);
    assert.equal(response.rejection_reason, "");
    assert.equal(response.post, undefined);
  });

  test("a post with the configured bad word, in any case, is rejected with a reason", async () => {
    const response = await plugin.invoke("MessageWillBePosted", { post: { message: "I hate KUMQUATs" } });
    assert.equal(response.rejection_reason, "Message blocked: contains a forbidden word");
    // The manifest default is overridden by the configuration.
    assert.equal((await plugin.invoke("MessageWillBePosted", { post: { message: "badword" } })).rejection_reason, "");
  });

  test("/hello greets the caller by username, or the name given", async () => {
    const alice = fake.addUser({ username: "alice" });
    const plain = await plugin.invoke("ExecuteCommand", { args: { command: "/hello", user_id: alice.id } });
    assert.deepEqual([plain.response?.response_type, plain.response?.text], ["ephemeral", "Hello, alice!"]);
    const named = await plugin.invoke("ExecuteCommand", { args: { command: "/hello  big world ", user_id: alice.id } });
    assert.equal(named.response?.text, "Hello, big world!");
  });

  test("/hello for an unknown user fails with the API's 404", async () => {
    const response = await plugin.invoke("ExecuteCommand", { args: { command: "/hello", user_id: "nobody" } });
    assert.equal(response.error?.statusCode, 404);
    assert.equal(response.error?.id, "app.user.missing_account.const");
  });

  test("GET /hits counts in the KV store: 1, then 2, even when concurrent", async () => {
    const first = await plugin.serveHttp({ path: "/hits" });
    assert.equal(first.status, 200);
    assert.equal(first.header("content-type"), "application/json");
    assert.deepEqual(first.json(), { hits: 1 });
    assert.deepEqual((await plugin.serveHttp({ path: "/hits" })).json(), { hits: 2 });
    await Promise.all([plugin.serveHttp({ path: "/hits" }), plugin.serveHttp({ path: "/hits" })]);
    assert.equal(fake.kvText("hits"), "4");
    assert.equal((await plugin.serveHttp({ path: "/nope" })).status, 404);
  });
});
