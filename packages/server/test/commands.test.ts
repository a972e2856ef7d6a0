import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createApp } from "../src/app/app.js";
import type { Channel } from "../src/app/models/channel.js";
import type { Team } from "../src/app/models/team.js";
import type { User } from "../src/app/models/user.js";
import { parseCommand } from "../src/app/parse-command.js";
import { createFakeHooks, type FakeHooks } from "./support/fake-hooks.js";
import { catchAppError, createTestEnv, makeChannel, makeTeam, makeUser, type TestEnv } from "./support/test-env.js";

describe("parseCommand", () => {
  it("splits like Mattermost: lowercase trigger, rest untouched", () => {
    assert.deepEqual(parseCommand("/Weather  Paris Tomorrow"), { trigger: "weather", message: " Paris Tomorrow" });
    assert.deepEqual(parseCommand("/ping"), { trigger: "ping", message: "" });
    assert.equal(catchSync(() => parseCommand("ping")), "api.command.execute_command.format.app_error");
    assert.equal(catchSync(() => parseCommand("/")), "api.command.execute_command.format.app_error");
  });
});

function catchSync(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as { id: string }).id;
  }
  return "no error";
}

describe("plugin commands", () => {
  let env: TestEnv;
  let hooks: FakeHooks;
  let user: User;
  let team: Team;
  let channel: Channel;

  before(async () => {
    hooks = createFakeHooks();
    env = await createTestEnv({ hooks });
    user = await makeUser(env.app);
    team = await makeTeam(env.app, user);
    channel = await makeChannel(env.app, team, user);
  });
  after(() => env.close());

  it("registers, finds and executes a plugin command through the hooks", async () => {
    const cmd = await env.app.commands.registerPluginCommand("com.example.weather", { trigger: "Weather", auto_complete: true, auto_complete_desc: "Forecast" });
    assert.equal(cmd.trigger, "weather");
    assert.equal(cmd.team_id, "");
    assert.equal(cmd.plugin_id, "com.example.weather");
    assert.equal((await env.app.commands.findCommand(team.id, "WEATHER"))?.id, cmd.id);

    hooks.execute = (_pluginId, args) => ({ response_type: "ephemeral", text: `Sunny in ${args.command.split(" ")[1]}` });
    const response = await env.app.commands.executeCommand({ user_id: user.id, channel_id: channel.id, command: "/weather Paris" });
    assert.deepEqual(response, { response_type: "ephemeral", text: "Sunny in Paris" });
    const call = hooks.seenCommands.at(-1);
    assert.equal(call?.pluginId, "com.example.weather");
    assert.equal(call?.args.team_id, team.id, "team taken from the channel");
    assert.equal(call?.args.site_url, "http://localhost:8065");
    assert.equal(call?.args.user_id, user.id);
  });

  it("returns 404 for an unknown trigger", async () => {
    const err = await catchAppError(() => env.app.commands.executeCommand({ user_id: user.id, channel_id: channel.id, command: "/nope now" }));
    assert.equal(err.id, "api.command.execute_command.not_found.app_error");
    assert.equal(err.statusCode, 404);
    assert.equal(err.message, "Command with a trigger of 'nope' not found.");
  });

  it("lets the owner re-register but gives another plugin 409", async () => {
    const first = await env.app.commands.registerPluginCommand("com.example.one", { trigger: "shared", team_id: team.id, description: "v1" });
    const again = await env.app.commands.registerPluginCommand("com.example.one", { trigger: "shared", team_id: team.id, description: "v2" });
    assert.equal(again.id, first.id);
    assert.equal(again.description, "v2");
    const err = await catchAppError(() => env.app.commands.registerPluginCommand("com.example.two", { trigger: "shared", team_id: team.id }));
    assert.equal(err.id, "app.command.register_plugin_command.duplicate.app_error");
    assert.equal(err.statusCode, 409);
    assert.equal((await catchAppError(() => env.app.commands.registerPluginCommand("p", { trigger: "has space" }))).statusCode, 400);
  });

  it("prefers a team-specific command over an all-teams one, and unregisters", async () => {
    await env.app.commands.registerPluginCommand("com.example.global", { trigger: "deploy" });
    await env.app.commands.registerPluginCommand("com.example.local", { trigger: "deploy", team_id: team.id });
    assert.equal((await env.app.commands.findCommand(team.id, "deploy"))?.plugin_id, "com.example.local");
    await env.app.commands.unregisterPluginCommand("com.example.local", team.id, "deploy");
    assert.equal((await env.app.commands.findCommand(team.id, "deploy"))?.plugin_id, "com.example.global");
    await env.app.commands.unregisterPluginCommands("com.example.global");
    assert.equal(await env.app.commands.findCommand(team.id, "deploy"), null);
  });

  it("posts an in_channel response to the channel through the post path", async () => {
    await env.app.commands.registerPluginCommand("com.example.echo", { trigger: "echo" });
    hooks.execute = (_id, args) => ({ response_type: "in_channel", text: args.command.slice("/echo ".length), props: { from_plugin: "echo" } });
    const seenBefore = hooks.seenWillBePosted.length;
    await env.app.commands.executeCommand({ user_id: user.id, channel_id: channel.id, command: "/echo hello all" });
    const list = await env.app.posts.getPostsForChannel(channel.id);
    const newest = list.posts[list.order[0]!];
    assert.equal(newest?.message, "hello all");
    assert.deepEqual(newest?.props, { from_plugin: "echo" });
    assert.equal(hooks.seenWillBePosted.length, seenBefore + 1, "MessageWillBePosted ran for the response post");
  });

  it("wraps a non-AppError failure from the host as a 500 naming the trigger", async () => {
    await env.app.commands.registerPluginCommand("com.example.crash", { trigger: "crash" });
    hooks.execute = () => {
      throw new Error("plugin process exited");
    };
    const err = await catchAppError(() => env.app.commands.executeCommand({ user_id: user.id, channel_id: channel.id, command: "/crash" }));
    assert.equal(err.id, "api.command.execute_command.failed.app_error");
    assert.equal(err.statusCode, 500);
    assert.match(err.detailedError, /plugin process exited/);
  });

  it("answers 501 when no plugin host is wired in (noop hooks)", async () => {
    const bare = createApp({ db: env.database.db, version: "test" });
    const err = await catchAppError(() => bare.commands.executeCommand({ user_id: user.id, channel_id: channel.id, command: "/echo hi" }));
    assert.equal(err.id, "app.plugin.disabled.app_error");
    assert.equal(err.statusCode, 501);
  });
});
