import assert from "node:assert/strict";
import { cp, mkdtemp, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { RestClient, runningServer } from "./support/running-server.js";

// The main job (scripts/run.sh) runs every example side by side: both want /hello, which only one
// plugin may own, so the one that comes second takes /hello-<language> and both keep working.
describe("the example plugins run together", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const frank = new RestClient("");
  let channelId = "";
  let teamId = "";

  before(async () => {
    // A TypeScript bundle outside the repo resolves @polyplug/plugin through a node_modules link.
    const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
    const helloTs = path.join(await mkdtemp(path.join(tmpdir(), "pp-ts-")), "hello_ts");
    await cp(path.join(repo, "examples/hello_ts"), helloTs, { recursive: true, filter: (source) => !["dist", "node_modules"].includes(path.basename(source)) });
    await symlink(path.join(repo, "node_modules"), path.join(helloTs, "node_modules"));
    server = await runningServer(["examples/hello_python", helloTs]);
    Object.assign(frank, { baseUrl: server.url });
    await frank.signUp("frank");
    teamId = (await frank.call("POST", "/api/v4/teams", { name: "demo", display_name: "Demo", type: "O" })).json.id;
    channelId = (await frank.call("POST", "/api/v4/channels", { team_id: teamId, name: "lobby", display_name: "Lobby", type: "O" })).json.id;
  });
  after(() => server.close());

  test("both run, one owns /hello and the other answers under its own name", async () => {
    for (const status of server.plugins.statuses()) assert.equal(status.state, PluginState.Running, `${status.plugin_id}: ${status.error}`);
    const run = (command: string) => frank.call("POST", "/api/v4/commands/execute", { channel_id: channelId, team_id: teamId, command });
    assert.equal((await run("/hello")).json.text, "Hello, frank!");
    const fallbacks = await Promise.all(["/hello-python", "/hello-ts"].map(run));
    assert.deepEqual(fallbacks.map((r) => r.status).sort(), [200, 404], "exactly one plugin took its fallback name");
    assert.equal(fallbacks.find((r) => r.status === 200)!.json.text, "Hello, frank!");
  });

  test("both filter posts and both count their own hits", async () => {
    assert.equal((await frank.call("POST", "/api/v4/posts", { channel_id: channelId, message: "a BADWORD" })).status, 400);
    for (const id of ["com.polyplug.hello-python", "com.polyplug.hello-ts"]) {
      assert.deepEqual(await (await fetch(`${server.url}/plugins/${id}/hits`)).json(), { hits: 1 });
    }
  });
});
