import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { helloExampleContract } from "./support/hello-example-contract.js";
import { eventually, RestClient, runningServer } from "./support/running-server.js";

// The whole stack, for real: HTTP → app core → SQLite file, and the example plugin as its own
// Python process over gRPC, configured through config.json (BadWord = "kumquat").
describe("hello_python through the real stack", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const alice = new RestClient("");
  let channelId = "";
  let teamId = "";
  const PLUGIN = "com.polyplug.hello-python";

  before(async () => {
    server = await runningServer(["examples/hello_python"], { PluginSettings: { Plugins: { [PLUGIN]: { BadWord: "Kumquat" } } } });
    Object.assign(alice, { baseUrl: server.url });
    await alice.signUp("alice");
    const team = await alice.call("POST", "/api/v4/teams", { name: "garden", display_name: "Garden", type: "O" });
    teamId = team.json.id;
    const channel = await alice.call("POST", "/api/v4/channels", { team_id: teamId, name: "fruit", display_name: "Fruit", type: "O" });
    channelId = channel.json.id;
  });
  after(() => server.close());

  test("the plugin is running and an admin sees it in the statuses", async () => {
    const statuses = await alice.call("GET", "/api/v4/plugins/statuses");
    assert.equal(statuses.status, 200);
    const status = statuses.json.find((s: { plugin_id: string }) => s.plugin_id === PLUGIN);
    assert.equal(status.state, PluginState.Running, status.error);
  });

  helloExampleContract(PLUGIN, () => ({ server, alice, channelId, teamId }));

  test("killing the plugin process leaves the server up and reports the plugin as failed", async () => {
    const pid = server.plugins.get(PLUGIN)!.pid!;
    process.kill(pid, "SIGKILL");
    const status = await eventually(async () => {
      const statuses = await alice.call("GET", "/api/v4/plugins/statuses");
      const s = statuses.json.find((x: { plugin_id: string }) => x.plugin_id === PLUGIN);
      return s.state === PluginState.FailedToStayRunning ? s : undefined;
    });
    assert.match(status.error, /exited unexpectedly \(signal SIGKILL\)/);
    assert.equal(status.error_code, "POLYPLUG_PROCESS_EXITED");
    assert.equal((await alice.call("GET", "/api/v4/system/ping")).json.status, "OK");
    // Posting goes on without the plugin; its HTTP routes and command are gone with it.
    assert.equal((await alice.call("POST", "/api/v4/posts", { channel_id: channelId, message: "kumquat, now allowed" })).status, 201);
    assert.equal((await fetch(`${server.url}/plugins/${PLUGIN}/hits`)).status, 404);
    const command = await eventually(async () => {
      const r = await alice.call("POST", "/api/v4/commands/execute", { channel_id: channelId, team_id: teamId, command: "/hello" });
      return r.status === 404 ? r : undefined;
    });
    assert.equal(command.json.id, "api.command.execute_command.not_found.app_error");
  });
});
