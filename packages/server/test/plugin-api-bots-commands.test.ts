import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { PROBE_PLUGIN_ID, startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { TEST_DIALECT } from "./support/test-database.js";
import type { Channel } from "../src/app/models/channel.js";
import type { Team } from "../src/app/models/team.js";
import type { User } from "../src/app/models/user.js";

// The Plugin API's bots, slash commands and OAuth apps, called by a real Python plugin (the py-api
// probe) on the suite's database; py-bots-commands registers /shout for ExecuteSlashCommand.
const SHOUT_PLUGIN = "com.polyplug.test.py-bots-commands";

/** A local endpoint for custom (webhook) commands: records each request, answers what `reply` says. */
interface Hook {
  server: Server;
  url: string;
  requests: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }>;
  reply: { status: number; type: string; body: string };
}

async function startHook(): Promise<Hook> {
  const hook: Hook = { server: undefined as never, url: "", requests: [], reply: { status: 200, type: "application/json", body: "{}" } };
  hook.server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      hook.requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      res.writeHead(hook.reply.status, { "Content-Type": hook.reply.type });
      res.end(hook.reply.body);
    });
  });
  await new Promise<void>((resolve) => hook.server.listen(0, "127.0.0.1", resolve));
  hook.url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}`;
  return hook;
}

/** The suite's config.json: commands and the OAuth provider on, the test's loopback hook allowed. */
const SERVICE_SETTINGS = { EnableCommands: true, EnableOAuthServiceProvider: true, AllowedUntrustedInternalConnections: "127.0.0.1" };

describe(`Plugin API bots, slash commands and OAuth apps, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  let hook: Hook;
  let admin: User;
  let alice: User;
  let team: Team;
  let channel: Channel;
  const db = () => probe.database.database.db;

  before(async () => {
    probe = await startApiProbe({ bundles: ["packages/server/test/fixtures/plugins/py-bots-commands"], config: { ServiceSettings: SERVICE_SETTINGS } });
    hook = await startHook();
    admin = await probe.app.users.createUser({ username: "admin", email: "admin@example.com", password: "password-123" });
    alice = await probe.app.users.createUser({ username: "alice", email: "alice@example.com", password: "password-123" });
    team = await probe.app.teams.createTeam({ name: "alpha", display_name: "Alpha", type: "O" }, admin.id);
    channel = await probe.app.channels.createChannel({ team_id: team.id, name: "town", display_name: "Town", type: "O" }, admin.id);
  });
  after(async () => {
    await probe?.close();
    await new Promise((resolve) => hook?.server.close(resolve));
  });

  // The server reads config.json from its data directory, which the probe puts in the database's directory.
  const setServiceSettings = (settings: Record<string, unknown>) => writeFile(path.join(probe.database.dir, "config.json"), JSON.stringify({ ServiceSettings: settings }));
  const setEnableCommands = (enable: boolean) => setServiceSettings({ ...SERVICE_SETTINGS, EnableCommands: enable });

  describe("bots", () => {
    test("CreateBot: owned by the calling plugin unless owner_id is given; the bot is a user with is_bot", async () => {
      const bot = await probe.ok("create_bot", { bot: { username: "Probe-Bot", display_name: "Probe", description: "does things" } });
      assert.equal(bot.username, "probe-bot");
      assert.equal(bot.display_name, "Probe");
      assert.equal(bot.description, "does things");
      assert.equal(bot.owner_id, PROBE_PLUGIN_ID);
      assert.equal(bot.delete_at, 0);
      assert.ok(bot.create_at > 0);
      const user = await db().selectFrom("users").selectAll().where("id", "=", bot.user_id).executeTakeFirstOrThrow();
      assert.equal(user.is_bot, 1);
      assert.equal(user.first_name, "Probe");
      assert.equal(user.password_hash, "");

      const owned = await probe.ok("create_bot", { bot: { username: "alice-bot", owner_id: alice.id } }, true);
      assert.equal(owned.owner_id, alice.id);
    });

    test("CreateBot rejects a bot owner, a taken or invalid username and an overlong display name", async () => {
      const bot = await probe.app.bots.createPluginBot({ username: "owner-bot" }, PROBE_PLUGIN_ID);
      assert.equal((await probe.fails("create_bot", { bot: { username: "child-bot", owner_id: bot.user_id } }, 400)).id, "plugin_api.bot_cant_create_bot");
      assert.equal((await probe.fails("create_bot", { bot: { username: "alice" } }, 409)).id, "app.user.save.username_exists.app_error");
      assert.equal((await probe.fails("create_bot", { bot: { username: "x" } }, 400)).id, "model.user.is_valid.username.app_error");
      assert.equal((await probe.fails("create_bot", { bot: { username: "long-bot", display_name: "d".repeat(65) } }, 400)).id, "model.bot.is_valid.display_name.app_error");
      assert.equal(await db().selectFrom("users").select("id").where("username", "in", ["child-bot", "long-bot"]).executeTakeFirst(), undefined, "nothing half-made");
    });

    test("GetBot: by user id; 404 for a non-bot user or an unknown id", async () => {
      const created = await probe.app.bots.createPluginBot({ username: "get-bot", display_name: "Get" }, PROBE_PLUGIN_ID);
      const bot = await probe.ok("get_bot", { user_id: created.user_id, include_deleted: false });
      assert.deepEqual(bot, { ...created });
      assert.equal((await probe.fails("get_bot", { user_id: alice.id, include_deleted: true }, 404)).id, "app.bot.get.app_error");
      assert.equal((await probe.fails("get_bot", { user_id: "nope", include_deleted: true }, 404, true)).id, "app.bot.get.app_error");
    });

    test("PatchBot: changes only the set fields, in the bot and its user; 409 on a taken username, 404 when unknown", async () => {
      const created = await probe.app.bots.createPluginBot({ username: "patch-bot", display_name: "Before", description: "old" }, PROBE_PLUGIN_ID);
      const renamed = await probe.ok("patch_bot", { user_id: created.user_id, bot_patch: { display_name: "After" } });
      assert.equal(renamed.display_name, "After");
      assert.equal(renamed.username, "patch-bot");
      assert.equal(renamed.description, "old");
      const moved = await probe.ok("patch_bot", { user_id: created.user_id, bot_patch: { username: "Patched-Bot", description: "" } }, true);
      assert.equal(moved.username, "patched-bot");
      assert.equal(moved.description, "", "an empty string is a value, not 'unset'");
      const user = await db().selectFrom("users").selectAll().where("id", "=", created.user_id).executeTakeFirstOrThrow();
      assert.deepEqual([user.username, user.first_name, user.bot_description], ["patched-bot", "After", ""]);
      assert.equal((await probe.fails("patch_bot", { user_id: created.user_id, bot_patch: { username: "alice" } }, 409)).id, "app.user.save.username_exists.app_error");
      assert.equal((await probe.fails("patch_bot", { user_id: created.user_id, bot_patch: { description: "d".repeat(1025) } }, 400)).id, "model.bot.is_valid.description.app_error");
      assert.equal((await probe.fails("patch_bot", { user_id: alice.id, bot_patch: { display_name: "x" } }, 404)).id, "app.bot.get.app_error");
    });

    test("UpdateBotActive: deactivates bot and user (and its sessions), and back; GetBot hides it unless include_deleted", async () => {
      const created = await probe.app.bots.createPluginBot({ username: "sleepy-bot" }, PROBE_PLUGIN_ID);
      const off = await probe.ok("update_bot_active", { user_id: created.user_id, active: false });
      assert.ok(off.delete_at > 0);
      assert.ok((await db().selectFrom("users").select("delete_at").where("id", "=", created.user_id).executeTakeFirstOrThrow()).delete_at > 0);
      assert.equal((await probe.fails("get_bot", { user_id: created.user_id, include_deleted: false }, 404)).id, "app.bot.get.app_error");
      assert.equal((await probe.ok("get_bot", { user_id: created.user_id, include_deleted: true })).delete_at, off.delete_at);
      const on = await probe.ok("update_bot_active", { user_id: created.user_id, active: true }, true);
      assert.equal(on.delete_at, 0);
      assert.equal((await db().selectFrom("users").select("delete_at").where("id", "=", created.user_id).executeTakeFirstOrThrow()).delete_at, 0);
      assert.equal((await probe.fails("update_bot_active", { user_id: "unknown", active: true }, 404)).id, "app.user.missing_account.const");
      assert.equal((await probe.fails("update_bot_active", { user_id: alice.id, active: false }, 404)).id, "app.bot.get.app_error");
    });

    test("GetBots: by username, filtered by owner, deactivation and orphaned owners, paged", async () => {
      const carol = await probe.app.users.createUser({ username: "carol", email: "carol@example.com", password: "password-123" });
      const b1 = await probe.app.bots.createPluginBot({ username: "zz-carol-1", owner_id: carol.id }, PROBE_PLUGIN_ID);
      const b2 = await probe.app.bots.createPluginBot({ username: "zz-carol-2", owner_id: carol.id }, PROBE_PLUGIN_ID);
      const b3 = await probe.app.bots.createPluginBot({ username: "zz-carol-3", owner_id: carol.id }, PROBE_PLUGIN_ID);
      await probe.app.bots.updateBotActive(b3.user_id, false);
      const names = (bots: Array<{ username: string }>) => bots.map((b) => b.username);
      assert.deepEqual(names(await probe.ok("get_bots", { options: { owner_id: carol.id, per_page: 10 } })), ["zz-carol-1", "zz-carol-2"]);
      assert.deepEqual(names(await probe.ok("get_bots", { options: { owner_id: carol.id, include_deleted: true, per_page: 10 } }, true)), ["zz-carol-1", "zz-carol-2", "zz-carol-3"]);
      assert.deepEqual(names(await probe.ok("get_bots", { options: { owner_id: carol.id, include_deleted: true, page: 1, per_page: 2 } })), ["zz-carol-3"]);
      assert.deepEqual(await probe.ok("get_bots", { options: { only_orphaned: true, per_page: 10 } }), [], "no owner is deactivated yet");
      await db().updateTable("users").set({ delete_at: 1 }).where("id", "=", carol.id).execute();
      assert.deepEqual(names(await probe.ok("get_bots", { options: { only_orphaned: true, per_page: 10 } })), [b1.username, b2.username]);
      const all = names(await probe.ok("get_bots", { options: { per_page: 1000 } }));
      assert.ok(all.includes("zz-carol-1") && !all.includes("zz-carol-3"));
      assert.equal((await probe.fails("get_bots", { options: { per_page: -1 } }, 400)).id, "api.context.invalid_param.app_error");
      // Mattermost's store pages with LIMIT per_page: 0 (or no options at all) answers nothing.
      assert.deepEqual(await probe.ok("get_bots", { options: { owner_id: carol.id, per_page: 0 } }), []);
      assert.deepEqual(await probe.ok("get_bots", { options: null }, true), []);

      // Ordered by username: letters-only names sort the same under C and ICU collations.
      const dave = await probe.app.users.createUser({ username: "dave", email: "dave@example.com", password: "password-123" });
      for (const username of ["orderbotc", "orderbota", "orderbotd", "orderbotb"]) await probe.app.bots.createPluginBot({ username, owner_id: dave.id }, PROBE_PLUGIN_ID);
      assert.deepEqual(names(await probe.ok("get_bots", { options: { owner_id: dave.id, per_page: 10 } })), ["orderbota", "orderbotb", "orderbotc", "orderbotd"]);
      assert.deepEqual(names(await probe.ok("get_bots", { options: { owner_id: dave.id, page: 1, per_page: 3 } })), ["orderbotd"]);
    });

    test("PermanentDeleteBot: removes bot and user; 404 when unknown; 409 while the bot's posts remain", async () => {
      const created = await probe.app.bots.createPluginBot({ username: "doomed-bot" }, PROBE_PLUGIN_ID);
      await probe.ok("permanent_delete_bot", { user_id: created.user_id });
      assert.equal(await db().selectFrom("bots").select("user_id").where("user_id", "=", created.user_id).executeTakeFirst(), undefined);
      assert.equal(await db().selectFrom("users").select("id").where("id", "=", created.user_id).executeTakeFirst(), undefined);
      assert.equal((await probe.fails("permanent_delete_bot", { user_id: created.user_id }, 404, true)).id, "app.bot.get.app_error");

      const poster = await probe.app.bots.createPluginBot({ username: "poster-bot" }, PROBE_PLUGIN_ID);
      await probe.app.posts.createPost({ channel_id: channel.id, user_id: poster.user_id, message: "hi" }, { checkMembership: false });
      assert.equal((await probe.fails("permanent_delete_bot", { user_id: poster.user_id }, 409)).id, "app.bot.permanent_delete.has_content.app_error");
      assert.ok(await db().selectFrom("bots").select("user_id").where("user_id", "=", poster.user_id).executeTakeFirst(), "nothing deleted");
    });

    test("a plugin acts only as itself: another plugin's bots cannot be created, patched, (de)activated or deleted (403); users' bots can", async () => {
      const theirs = await probe.app.bots.createPluginBot({ username: "their-bot" }, "com.example.other");
      for (const [method, args] of [
        ["patch_bot", { user_id: theirs.user_id, bot_patch: { display_name: "Mine now" } }],
        ["update_bot_active", { user_id: theirs.user_id, active: false }],
        ["permanent_delete_bot", { user_id: theirs.user_id }],
      ] as const) {
        assert.equal((await probe.fails(method, args, 403)).id, "plugin_api.bot.not_owner.app_error", method);
      }
      const after = await probe.app.bots.getBot(theirs.user_id);
      assert.deepEqual([after.display_name, after.delete_at, after.owner_id], ["", 0, "com.example.other"], "untouched");
      assert.equal((await probe.fails("create_bot", { bot: { username: "spoof-bot", owner_id: "com.example.other" } }, 403, true)).id, "plugin_api.bot.not_owner.app_error");
      assert.equal(await db().selectFrom("users").select("id").where("username", "=", "spoof-bot").executeTakeFirst(), undefined);
      assert.equal((await probe.fails("patch_bot", { user_id: "unknown", bot_patch: { display_name: "x" } }, 404)).id, "app.bot.get.app_error");

      const alices = await probe.app.bots.createPluginBot({ username: "alices-bot", owner_id: alice.id }, "com.example.other");
      assert.equal((await probe.ok("patch_bot", { user_id: alices.user_id, bot_patch: { display_name: "Managed" } })).display_name, "Managed");
      assert.ok((await probe.ok("update_bot_active", { user_id: alices.user_id, active: false })).delete_at > 0);
      await probe.ok("permanent_delete_bot", { user_id: alices.user_id }, true);
      assert.equal(await db().selectFrom("bots").select("user_id").where("user_id", "=", alices.user_id).executeTakeFirst(), undefined);
    });

    test("EnsureBotUser: creates the plugin's bot once, then syncs and reactivates it; refuses others' accounts", async () => {
      const id = await probe.ok("ensure_bot_user", { bot: { username: "ensured-bot", display_name: "One" } });
      const bot = await probe.app.bots.getBot(id);
      assert.equal(bot.owner_id, PROBE_PLUGIN_ID);
      assert.equal(bot.display_name, "One");
      const remembered = await db().selectFrom("plugin_kv").selectAll().where("plugin_id", "=", PROBE_PLUGIN_ID).where("pkey", "=", "mmi_botid").executeTakeFirstOrThrow();
      assert.equal(Buffer.from(remembered.pvalue).toString(), id);

      await probe.app.bots.updateBotActive(id, false);
      assert.equal(await probe.ok("ensure_bot_user", { bot: { username: "ensured-bot", display_name: "Two", description: "synced" } }, true), id);
      const again = await probe.app.bots.getBot(id);
      assert.deepEqual([again.display_name, again.description, again.delete_at], ["Two", "synced", 0]);
      assert.equal((await db().selectFrom("users").select("delete_at").where("id", "=", id).executeTakeFirstOrThrow()).delete_at, 0, "user reactivated");
      assert.equal((await db().selectFrom("bots").select("user_id").where("owner_id", "=", PROBE_PLUGIN_ID).where("user_id", "=", id).execute()).length, 1);

      // Forgetting the KV key: the bot is found again by username (and is this plugin's).
      await probe.app.kv.delete(PROBE_PLUGIN_ID, "mmi_botid");
      assert.equal(await probe.ok("ensure_bot_user", { bot: { username: "ensured-bot", display_name: "Two" } }), id);

      const other = await probe.app.bots.createPluginBot({ username: "foreign-bot" }, "com.example.other");
      await probe.app.kv.delete(PROBE_PLUGIN_ID, "mmi_botid");
      assert.equal((await probe.fails("ensure_bot_user", { bot: { username: "foreign-bot" } }, 403)).id, "plugin_api.ensure_bot.not_owner.app_error");
      assert.equal((await probe.app.bots.getBot(other.user_id)).owner_id, "com.example.other", "untouched");
      assert.equal((await probe.fails("ensure_bot_user", { bot: { username: "alice" } }, 409)).id, "plugin_api.ensure_bot.user_exists.app_error");
      assert.equal((await probe.fails("ensure_bot_user", { bot: { username: "" } }, 400)).id, "plugin_api.ensure_bot.username_missing.app_error");
    });
  });

  describe("slash commands", () => {
    let deployId = "";

    test("CreateCommand: a custom webhook command of this plugin; duplicates and invalid fields refused", async () => {
      const cmd = await probe.ok("create_command", {
        cmd: { trigger: "Deploy", team_id: team.id, method: "P", url: `${hook.url}/deploy`, auto_complete: true, auto_complete_desc: "Ship it", creator_id: alice.id },
      });
      deployId = cmd.id;
      assert.equal(cmd.trigger, "deploy");
      assert.equal(cmd.team_id, team.id);
      assert.equal(cmd.plugin_id, PROBE_PLUGIN_ID);
      assert.equal(cmd.creator_id, "", "a plugin's command has no creator, as in Mattermost");
      assert.equal(cmd.auto_complete, true);
      assert.match(cmd.token, /^[a-z0-9]{26}$/);
      const row = await db().selectFrom("commands").selectAll().where("id", "=", cmd.id).executeTakeFirstOrThrow();
      assert.equal(row.url, `${hook.url}/deploy`);

      const base = { trigger: "other", team_id: team.id, method: "P", url: `${hook.url}/x` };
      assert.equal((await probe.fails("create_command", { cmd: { ...base, trigger: "DEPLOY" } }, 409)).id, "api.command.duplicate_trigger.app_error");
      // Sharing an all-teams plugin command's trigger is allowed, as in Mattermost; the plugin's runs (see ExecuteSlashCommand).
      const shadow = await probe.ok("create_command", { cmd: { ...base, trigger: "shout" } }, true);
      const found = await probe.app.commands.findCommand(team.id, "shout");
      assert.equal(found?.plugin_id, SHOUT_PLUGIN, "plugin commands come before custom ones");
      await probe.app.customCommands.deleteCommand(shadow.id);
      assert.equal((await probe.fails("create_command", { cmd: { ...base, url: "" } }, 400)).id, "model.command.is_valid.url.app_error");
      assert.equal((await probe.fails("create_command", { cmd: { ...base, url: "ftp://example.com" } }, 400)).id, "model.command.is_valid.url_http.app_error");
      assert.equal((await probe.fails("create_command", { cmd: { ...base, method: "X" } }, 400)).id, "model.command.is_valid.method.app_error");
      assert.equal((await probe.fails("create_command", { cmd: { ...base, team_id: "" } }, 400)).id, "model.command.is_valid.team_id.app_error");
      assert.equal((await probe.fails("create_command", { cmd: { ...base, trigger: "/bad" } }, 400)).id, "model.command.is_valid.trigger.app_error");
    });

    test("GetCommand: a live custom command; 404 for unknown ids and for plugin-registered commands", async () => {
      const cmd = await probe.ok("get_command", { command_id: deployId }, true);
      assert.equal(cmd.trigger, "deploy");
      assert.equal((await probe.fails("get_command", { command_id: "unknown" }, 404)).id, "store.sql_command.save.get.app_error");
      const shout = await probe.app.commands.findCommand(team.id, "shout");
      assert.ok(shout, "the fixture registered /shout");
      assert.equal((await probe.fails("get_command", { command_id: shout.id }, 404)).id, "store.sql_command.save.get.app_error");
    });

    test("List*Commands: plugin ones, built-in ones (none here) and custom ones, as Mattermost splits them", async () => {
      const triggers = (cmds: Array<{ trigger: string }>) => cmds.map((c) => c.trigger);
      assert.deepEqual(triggers(await probe.ok("list_custom_commands", { team_id: team.id })), ["deploy"]);
      const plugin = await probe.ok("list_plugin_commands", { team_id: team.id });
      assert.deepEqual(triggers(plugin), ["shout"]);
      assert.equal(plugin[0].plugin_id, SHOUT_PLUGIN);
      assert.deepEqual(await probe.ok("list_built_in_commands", {}, true), []);
      assert.deepEqual(triggers(await probe.ok("list_commands", { team_id: team.id })), ["shout", "deploy"]);
      assert.deepEqual(await probe.ok("list_custom_commands", { team_id: "unknown" }), []);
      // Custom commands created by a plugin outlive its registered ones (deactivation clears those only).
      await probe.app.commands.unregisterPluginCommands(PROBE_PLUGIN_ID);
      assert.deepEqual(triggers(await probe.ok("list_custom_commands", { team_id: team.id })), ["deploy"]);

      // With EnableCommands off, as Mattermost: ListCustomCommands answers 501, ListCommands leaves them out.
      await setEnableCommands(false);
      try {
        assert.equal((await probe.fails("list_custom_commands", { team_id: team.id }, 501)).id, "api.command.disabled.app_error");
        assert.deepEqual(triggers(await probe.ok("list_commands", { team_id: team.id }, true)), ["shout"]);
      } finally {
        await setEnableCommands(true);
      }
    });

    test("UpdateCommand: replaces the settings, keeps id, token, creation and (when unset) the team", async () => {
      const before = await probe.app.customCommands.getCommand(deployId);
      const updated = await probe.ok("update_command", {
        command_id: deployId, updated_cmd: { trigger: "Ship", method: "G", url: `${hook.url}/ship`, description: "ships", team_id: "" },
      });
      assert.deepEqual([updated.id, updated.token, updated.create_at, updated.team_id], [before.id, before.token, before.create_at, team.id]);
      assert.deepEqual([updated.trigger, updated.method, updated.url, updated.description, updated.auto_complete], ["ship", "G", `${hook.url}/ship`, "ships", false]);
      assert.ok(updated.update_at >= before.update_at);
      assert.equal((await probe.fails("update_command", { command_id: deployId, updated_cmd: { trigger: "ship", method: "P", url: "nope" } }, 400)).id, "model.command.is_valid.url_http.app_error");
      assert.equal((await probe.fails("update_command", { command_id: "unknown", updated_cmd: { trigger: "x", method: "P", url: hook.url } }, 404, true)).id, "store.sql_command.save.get.app_error");
    });

    test("ExecuteSlashCommand: a plugin command runs its ExecuteCommand hook; an in_channel answer is posted", async () => {
      const response = await probe.ok("execute_slash_command", { command_args: { user_id: alice.id, channel_id: channel.id, command: "/shout hello world" } });
      assert.equal(response.response_type, "in_channel");
      assert.equal(response.text, `HELLO WORLD (from ${alice.id})`);
      const post = await db().selectFrom("posts").selectAll().where("channel_id", "=", channel.id).where("message", "=", response.text).executeTakeFirst();
      assert.equal(post?.user_id, alice.id, "posted as the caller, who need not be a channel member");

      assert.equal((await probe.fails("execute_slash_command", { command_args: { user_id: "unknown", channel_id: channel.id, command: "/shout x" } }, 404)).id, "app.user.missing_account.const");
      assert.equal((await probe.fails("execute_slash_command", { command_args: { user_id: alice.id, channel_id: channel.id, command: "/nothing" } }, 404, true)).id, "api.command.execute_command.not_found.app_error");
      assert.equal((await probe.fails("execute_slash_command", { command_args: { user_id: alice.id, channel_id: channel.id, command: "shout" } }, 400)).id, "api.command.execute_command.format.app_error");
    });

    test("ExecuteSlashCommand: a custom command calls its URL only when ServiceSettings.EnableCommands allows it", async () => {
      const args = { user_id: alice.id, channel_id: channel.id, command: "/ship now please" };
      await setEnableCommands(false);
      assert.equal((await probe.fails("execute_slash_command", { command_args: args }, 501)).id, "api.command.disabled.app_error");
      assert.equal(hook.requests.length, 0, "no request went out");

      await setEnableCommands(true);
      hook.reply = { status: 200, type: "application/json", body: JSON.stringify({ response_type: "ephemeral", text: "shipped" }) };
      const response = await probe.ok("execute_slash_command", { command_args: args });
      assert.deepEqual([response.response_type, response.text], ["ephemeral", "shipped"]);
      const request = hook.requests.at(-1)!;
      assert.equal(request.method, "GET", "the command's method is G now");
      const query = new URL(request.url, hook.url).searchParams;
      const command = await probe.app.customCommands.getCommand(deployId);
      assert.deepEqual(
        [query.get("text"), query.get("command"), query.get("user_id"), query.get("user_name"), query.get("channel_name"), query.get("team_domain"), query.get("token")],
        ["now please", "/ship", alice.id, "alice", "town", "alpha", command.token],
      );
      assert.equal(request.headers.authorization, `Token ${command.token}`);

      // POST with a form body; a plain-text answer is the text, ephemeral.
      await probe.app.customCommands.updateCommand(PROBE_PLUGIN_ID, deployId, { ...command, method: "P" });
      hook.reply = { status: 200, type: "text/plain", body: "plain answer" };
      const plain = await probe.ok("execute_slash_command", { command_args: args }, true);
      assert.deepEqual([plain.response_type, plain.text], ["ephemeral", "plain answer"]);
      const posted = hook.requests.at(-1)!;
      assert.equal(posted.method, "POST");
      assert.equal(posted.headers["content-type"], "application/x-www-form-urlencoded");
      assert.equal(new URLSearchParams(posted.body).get("text"), "now please");

      hook.reply = { status: 200, type: "application/json", body: JSON.stringify({ response_type: "in_channel", text: "deployed to prod" }) };
      await probe.ok("execute_slash_command", { command_args: args });
      assert.ok(await db().selectFrom("posts").select("id").where("channel_id", "=", channel.id).where("message", "=", "deployed to prod").executeTakeFirst(), "in_channel answer posted");

      hook.reply = { status: 500, type: "text/plain", body: "boom: internal secret" };
      const failed = await probe.fails("execute_slash_command", { command_args: args }, 500);
      assert.equal(failed.id, "api.command.execute_command.failed_resp.app_error");
      assert.doesNotMatch(JSON.stringify(failed), /internal secret/, "the remote body is logged, not handed back");
    });

    test("ExecuteSlashCommand: a custom command may not reach an internal address unless AllowedUntrustedInternalConnections lists it", async () => {
      const args = { user_id: alice.id, channel_id: channel.id, command: "/ship" };
      hook.reply = { status: 200, type: "text/plain", body: "reached" };
      const sent = hook.requests.length;
      for (const allowed of ["", "10.0.0.0/8 example.com", "localhost"]) {
        await setServiceSettings({ ...SERVICE_SETTINGS, AllowedUntrustedInternalConnections: allowed });
        const refused = await probe.fails("execute_slash_command", { command_args: args }, 403);
        assert.equal(refused.id, "api.command.execute_command.forbidden_address.app_error", `allowed=${JSON.stringify(allowed)}`);
        assert.match(refused.message, /AllowedUntrustedInternalConnections/);
      }
      assert.equal(hook.requests.length, sent, "no request reached the hook");

      // A host name resolving to loopback is checked at its resolved address, too.
      const command = await probe.app.customCommands.getCommand(deployId);
      const port = new URL(hook.url).port;
      await probe.app.customCommands.updateCommand(PROBE_PLUGIN_ID, deployId, { ...command, url: `http://localhost:${port}/ship` });
      await setServiceSettings({ ...SERVICE_SETTINGS, AllowedUntrustedInternalConnections: "" });
      assert.equal((await probe.fails("execute_slash_command", { command_args: args }, 403, true)).id, "api.command.execute_command.forbidden_address.app_error");
      await setServiceSettings({ ...SERVICE_SETTINGS, AllowedUntrustedInternalConnections: "localhost" });
      assert.equal((await probe.ok("execute_slash_command", { command_args: args })).text, "reached", "the host name is allowed");
      await probe.app.customCommands.updateCommand(PROBE_PLUGIN_ID, deployId, command);

      // Listed as an address or a CIDR (comma- or space-separated), it works against the real hook.
      for (const allowed of ["127.0.0.1", "example.com,127.0.0.0/8", "::1 127.0.0.1/32"]) {
        await setServiceSettings({ ...SERVICE_SETTINGS, AllowedUntrustedInternalConnections: allowed });
        assert.equal((await probe.ok("execute_slash_command", { command_args: args })).text, "reached", `allowed=${allowed}`);
      }
      await setServiceSettings(SERVICE_SETTINGS);
    });

    test("ExecuteSlashCommand: redirects are not followed, and an answer past 1 MiB is cut off", async () => {
      const args = { user_id: alice.id, channel_id: channel.id, command: "/ship" };
      const sent = hook.requests.length;
      hook.reply = { status: 302, type: "text/plain", body: "" };
      assert.equal((await probe.fails("execute_slash_command", { command_args: args }, 500)).id, "api.command.execute_command.failed_resp.app_error");
      assert.equal(hook.requests.length, sent + 1, "one request, no second one to a Location");

      hook.reply = { status: 200, type: "text/plain", body: "x".repeat(1024 * 1024 + 1) };
      const large = await probe.fails("execute_slash_command", { command_args: args }, 500, true);
      assert.equal(large.id, "api.command.execute_command.failed_resp.app_error");
      hook.reply = { status: 200, type: "text/plain", body: "y".repeat(1024 * 1024) };
      assert.equal((await probe.ok("execute_slash_command", { command_args: args })).text.length, 1024 * 1024, "exactly 1 MiB is fine");
    });

    test("DeleteCommand: soft delete; the trigger can be taken again", async () => {
      await probe.ok("delete_command", { command_id: deployId });
      assert.ok((await db().selectFrom("commands").select("delete_at").where("id", "=", deployId).executeTakeFirstOrThrow()).delete_at > 0);
      assert.equal((await probe.fails("get_command", { command_id: deployId }, 404)).id, "store.sql_command.save.get.app_error");
      assert.deepEqual(await probe.ok("list_custom_commands", { team_id: team.id }), []);
      assert.equal((await probe.fails("delete_command", { command_id: deployId }, 404, true)).id, "store.sql_command.save.get.app_error");
      const reborn = await probe.ok("create_command", { cmd: { trigger: "ship", team_id: team.id, method: "P", url: `${hook.url}/again` } });
      assert.notEqual(reborn.id, deployId);
    });
  });

  describe("OAuth apps", () => {
    test("all four methods answer 501 while ServiceSettings.EnableOAuthServiceProvider is not true, as Mattermost", async () => {
      const created = await probe.app.oauthApps.createOAuthApp(valid());
      for (const settings of [{}, { EnableOAuthServiceProvider: false }, { EnableOAuthServiceProvider: "true" }]) {
        await setServiceSettings(settings);
        try {
          assert.equal((await probe.fails("create_oauth_app", { app: valid() }, 501)).id, "api.oauth.register_oauth_app.turn_off.app_error");
          assert.equal((await probe.fails("get_oauth_app", { app_id: created.id }, 501, true)).id, "api.oauth.allow_oauth.turn_off.app_error");
          assert.equal((await probe.fails("update_oauth_app", { app: { ...valid(), id: created.id, name: "Nope" } }, 501)).id, "api.oauth.allow_oauth.turn_off.app_error");
          assert.equal((await probe.fails("delete_oauth_app", { app_id: created.id }, 501)).id, "api.oauth.allow_oauth.turn_off.app_error");
        } finally {
          await setServiceSettings(SERVICE_SETTINGS);
        }
      }
      const row = await db().selectFrom("oauth_apps").selectAll().where("id", "=", created.id).executeTakeFirstOrThrow();
      assert.equal(row.name, created.name, "nothing changed while off");
      assert.equal((await probe.ok("get_oauth_app", { app_id: created.id })).name, created.name, "and it answers once on");
    });

    const valid = () => ({ creator_id: admin.id, name: "Dashboard", description: "stats", homepage: "https://dash.example.com", callback_urls: ["https://dash.example.com/cb"], is_trusted: true });

    test("CreateOAuthApp: the server generates id and client secret; invalid apps are refused", async () => {
      const created = await probe.ok("create_oauth_app", { app: { ...valid(), id: "x".repeat(26), client_secret: "mine" } });
      assert.match(created.id, /^[a-z0-9]{26}$/);
      assert.notEqual(created.id, "x".repeat(26));
      assert.match(created.client_secret, /^[a-z0-9]{26}$/);
      assert.deepEqual([created.name, created.creator_id, created.callback_urls, created.is_trusted], ["Dashboard", admin.id, ["https://dash.example.com/cb"], true]);
      const row = await db().selectFrom("oauth_apps").selectAll().where("id", "=", created.id).executeTakeFirstOrThrow();
      assert.equal(row.client_secret, created.client_secret);

      assert.equal((await probe.fails("create_oauth_app", { app: { ...valid(), callback_urls: [] } }, 400)).id, "model.oauth.is_valid.callback.app_error");
      assert.equal((await probe.fails("create_oauth_app", { app: { ...valid(), callback_urls: ["not a url"] } }, 400)).id, "model.oauth.is_valid.callback.app_error");
      assert.equal((await probe.fails("create_oauth_app", { app: { ...valid(), homepage: "" } }, 400, true)).id, "model.oauth.is_valid.homepage.app_error");
      assert.equal((await probe.fails("create_oauth_app", { app: { ...valid(), name: "" } }, 400)).id, "model.oauth.is_valid.name.app_error");
      assert.equal((await probe.fails("create_oauth_app", { app: { ...valid(), creator_id: "someone" } }, 400)).id, "model.oauth.is_valid.creator_id.app_error");
      assert.equal((await probe.fails("create_oauth_app", { app: { ...valid(), icon_url: "icon.png" } }, 400)).id, "model.oauth.is_valid.icon_url.app_error");
    });

    test("GetOAuthApp, UpdateOAuthApp, DeleteOAuthApp", async () => {
      const created = await probe.app.oauthApps.createOAuthApp(valid());
      assert.deepEqual(await probe.ok("get_oauth_app", { app_id: created.id }, true), created);
      assert.equal((await probe.fails("get_oauth_app", { app_id: "unknown" }, 404)).id, "app.oauth.get_app.find.app_error");

      const updated = await probe.ok("update_oauth_app", {
        app: { id: created.id, name: "Renamed", homepage: "https://new.example.com", callback_urls: ["https://new.example.com/a", "https://new.example.com/b"], creator_id: alice.id, client_secret: "stolen" },
      });
      assert.deepEqual([updated.name, updated.callback_urls, updated.is_trusted, updated.description], ["Renamed", ["https://new.example.com/a", "https://new.example.com/b"], false, ""]);
      assert.deepEqual([updated.creator_id, updated.client_secret, updated.create_at], [created.creator_id, created.client_secret, created.create_at], "kept");
      assert.equal((await probe.fails("update_oauth_app", { app: { ...valid(), id: created.id, homepage: "nope" } }, 400)).id, "model.oauth.is_valid.homepage.app_error");
      assert.equal((await probe.fails("update_oauth_app", { app: { ...valid(), id: "unknown" } }, 404)).id, "app.oauth.get_app.find.app_error");

      await probe.ok("delete_oauth_app", { app_id: created.id });
      assert.equal(await db().selectFrom("oauth_apps").select("id").where("id", "=", created.id).executeTakeFirst(), undefined);
      assert.equal((await probe.fails("delete_oauth_app", { app_id: created.id }, 404, true)).id, "app.oauth.get_app.find.app_error");
    });
  });
});
