import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import type { WebSocketEvent } from "../src/app/models/websocket-event.js";
import { PROBE_PLUGIN_ID, startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { eventually } from "./support/running-server.js";
import { bundleFromDir } from "./support/tar-gz.js";
import { TEST_DIALECT } from "./support/test-database.js";

// The system group of the Plugin API (config, plugin management, server info, mail/push, audit,
// cluster events) called by a real Python plugin, plus ConfigurationWillBeSaved and
// OnConfigurationChange answered by a second real Python plugin (py-system-hooks).
const HOOKS = "com.polyplug.test.py-system-hooks";
const COUNTER = "com.polyplug.test.py-kv-counter";
const INITIAL_CONFIG = {
  ServiceSettings: { SiteURL: "http://localhost:8065" },
  SqlSettings: { DriverName: "sqlite3", DataSource: "file:secret.db", DataSourceReplicas: ["replica-secret"] },
  EmailSettings: { SMTPServer: "", SMTPPassword: "smtp-secret", FeedbackEmail: "bot@example.com", FeedbackName: "Polyplug" },
  FileSettings: { PublicLinkSalt: "salt-secret" },
  PluginSettings: { Plugins: { [HOOKS]: { ApiToken: "token-secret" } } },
};

describe(`Plugin API system group, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  const events: WebSocketEvent[] = [];

  before(async () => {
    probe = await startApiProbe({ bundles: ["packages/server/test/fixtures/plugins/py-system-hooks"], config: INITIAL_CONFIG, server: { pluginHost: { hookTimeoutsMs: { ConfigurationWillBeSaved: 1500 } } } });
    probe.app.events.subscribe((event) => void events.push(event));
    assert.equal(probe.server.plugins.get(HOOKS)?.state, PluginState.Running);
  });
  after(async () => probe?.close());

  const kv = async (plugin: string, key: string) => {
    const row = await probe.database.database.db.selectFrom("plugin_kv").select("pvalue").where("plugin_id", "=", plugin).where("pkey", "=", key).executeTakeFirst();
    return row ? Buffer.from(row.pvalue).toString() : undefined;
  };
  const configOnDisk = async () => JSON.parse(await readFile(path.join(probe.server.dataDir, "config.json"), "utf8"));

  test("server info: plugin id, bundle path, no license, not enterprise, a stable install date and telemetry id", async () => {
    assert.equal(await probe.ok("get_plugin_id"), PROBE_PLUGIN_ID);
    assert.equal(await probe.ok("get_bundle_path", {}, true), path.resolve(probe.server.pluginDir, "py-api"));
    assert.equal(await probe.ok("get_license"), null);
    assert.equal(await probe.ok("is_enterprise_ready"), false);
    const installed = await probe.ok("get_system_install_date");
    assert.ok(installed > 0 && installed <= Date.now());
    const row = await probe.database.database.db.selectFrom("systems").selectAll().where("name", "=", "InstallationDate").executeTakeFirstOrThrow();
    assert.equal(Number(row.value), installed);
    const telemetry = await probe.ok("get_telemetry_id");
    assert.match(telemetry, /^[a-z0-9]{26}$/);
    assert.equal(await probe.ok("get_diagnostic_id", {}, true), telemetry);
    assert.equal(await probe.ok("get_system_install_date", {}, true), installed, "written once, read ever after");
  });

  test("GetConfig hides secrets, GetUnsanitizedConfig does not", async () => {
    const config = await probe.ok("get_config");
    assert.equal(config.SqlSettings.DataSource, "********");
    assert.deepEqual(config.SqlSettings.DataSourceReplicas, ["********"]);
    assert.equal(config.EmailSettings.SMTPPassword, "********");
    assert.equal(config.FileSettings.PublicLinkSalt, "********");
    assert.equal(config.PluginSettings.Plugins[HOOKS].ApiToken, "********", "a plugin setting marked secret");
    assert.equal(config.SqlSettings.DriverName, "sqlite3");
    const raw = await probe.ok("get_unsanitized_config", {}, true);
    assert.equal(raw.SqlSettings.DataSource, "file:secret.db");
    assert.equal(raw.PluginSettings.Plugins[HOOKS].ApiToken, "token-secret");
  });

  test("LoadPluginConfiguration: manifest defaults overlaid with the admin's values", async () => {
    assert.deepEqual(await probe.ok("load_plugin_configuration"), {});
    const hooksConfig = JSON.parse((await kv(HOOKS, "last-config"))!);
    assert.deepEqual(hooksConfig, { Greeting: "hello", ApiToken: "token-secret" });
  });

  test("SaveConfig: ConfigurationWillBeSaved stamps it, secrets sent back as ******** are kept, saved atomically", async () => {
    const config = await probe.ok("get_config");
    config.ServiceSettings.SiteName = "Polyplug";
    config.PluginSettings.EnableUploads = true;
    await probe.ok("save_config", { config });
    const saved = await configOnDisk();
    assert.equal(saved.ServiceSettings.SiteName, "Polyplug");
    assert.equal(saved.ServiceSettings.StampedBy, "py-system-hooks", "the hook's replacement config was saved");
    assert.equal(saved.SqlSettings.DataSource, "file:secret.db", "******** kept the stored secret");
    assert.deepEqual(saved.SqlSettings.DataSourceReplicas, ["replica-secret"]);
    assert.equal(saved.PluginSettings.Plugins[HOOKS].ApiToken, "token-secret");
    assert.deepEqual((await readdir(probe.server.dataDir)).filter((f) => f.endsWith(".tmp")), []);
  });

  test("SaveConfig: a plugin's AppError vetoes the save (fail closed), a late answer has no say (fail open); invalid configs are 400", async () => {
    const before = await readFile(path.join(probe.server.dataDir, "config.json"), "utf8");
    const config = await probe.ok("get_unsanitized_config");
    config.ServiceSettings.SiteName = "veto";
    const veto = await probe.fails("save_config", { config }, 400, true);
    assert.equal(veto.id, "app.save_config.plugin_hook_error");
    assert.match(veto.message, /py-system-hooks/);
    assert.equal(await readFile(path.join(probe.server.dataDir, "config.json"), "utf8"), before, "nothing written");
    config.ServiceSettings.SiteName = "slow";
    delete config.ServiceSettings.StampedBy;
    await probe.ok("save_config", { config });
    const saved = await configOnDisk();
    assert.equal(saved.ServiceSettings.SiteName, "slow", "a plugin past its deadline has no say (fail open)");
    assert.equal(saved.ServiceSettings.StampedBy, undefined, "saved as it was before that plugin");
    const bad = await probe.fails("save_config", { config: { ServiceSettings: "not an object" } }, 400);
    assert.equal(bad.id, "model.config.is_valid.app_error");
    const badPlugins = await probe.fails("save_config", { config: { PluginSettings: { Plugins: { x: 1 } } } }, 400);
    assert.equal(badPlugins.id, "model.config.is_valid.app_error");
  });

  test("SavePluginConfig replaces this plugin's settings; OnConfigurationChange reaches only plugins whose settings changed", async () => {
    const changes = Number(await kv(HOOKS, "config-changes"));
    await probe.ok("save_plugin_config", { config: { Color: "blue", Count: 3 } });
    assert.deepEqual((await configOnDisk()).PluginSettings.Plugins[PROBE_PLUGIN_ID], { Color: "blue", Count: 3 });
    assert.deepEqual(await probe.ok("load_plugin_configuration", {}, true), { Color: "blue", Count: 3 });
    assert.deepEqual(await probe.ok("get_plugin_config"), { Color: "blue", Count: 3 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(Number(await kv(HOOKS, "config-changes")), changes, "py-system-hooks' settings did not change");

    const config = await probe.ok("get_config");
    config.PluginSettings.Plugins[HOOKS] = { ...config.PluginSettings.Plugins[HOOKS], Greeting: "bonjour" };
    await probe.ok("save_config", { config });
    await eventually(async () => Number(await kv(HOOKS, "config-changes")) === changes + 1);
    assert.deepEqual(JSON.parse((await kv(HOOKS, "last-config"))!), { Greeting: "bonjour", ApiToken: "token-secret" });
  });

  test("plugin management: GetPlugins, GetPluginStatus, InstallPlugin, Enable, Disable, Remove", async () => {
    const manifests = await probe.ok("get_plugins");
    assert.deepEqual(manifests.map((m: { id: string }) => m.id).sort(), [PROBE_PLUGIN_ID, HOOKS].sort());
    const status = await probe.ok("get_plugin_status", { id: HOOKS }, true);
    assert.equal(status.plugin_id, HOOKS);
    assert.equal(status.state, PluginState.Running);
    assert.equal(status.version, "0.1.0");
    assert.equal((await probe.fails("get_plugin_status", { id: "no.such.plugin" }, 404)).id, "app.plugin.not_installed.app_error");

    const bundle = bundleFromDir(path.resolve("packages/server/test/fixtures/plugins/py-kv-counter"), "py-kv-counter");
    const manifest = await probe.ok("install_plugin", { file: { base64: bundle.toString("base64") }, replace: false });
    assert.equal(manifest.id, COUNTER);
    assert.equal((await probe.fails("install_plugin", { file: { base64: bundle.toString("base64") }, replace: false }, 400)).id, "app.plugin.install_id.app_error");
    assert.equal((await probe.fails("install_plugin", { file: { base64: Buffer.from("not a tarball").toString("base64") }, replace: true }, 400)).id, "app.plugin.extract.app_error");
    assert.equal((await probe.ok("get_plugin_status", { id: COUNTER })).state, PluginState.NotRunning, "a fresh upload starts disabled");

    await probe.ok("enable_plugin", { id: COUNTER });
    assert.equal(probe.server.plugins.get(COUNTER)?.state, PluginState.Running);
    assert.equal((await configOnDisk()).PluginSettings.PluginStates[COUNTER].Enable, true);
    assert.ok((await probe.ok("get_plugins")).some((m: { id: string }) => m.id === COUNTER));
    await probe.ok("disable_plugin", { id: COUNTER }, true);
    assert.equal(probe.server.plugins.get(COUNTER)?.state, PluginState.NotRunning);
    assert.equal((await configOnDisk()).PluginSettings.PluginStates[COUNTER].Enable, false);
    const guarded = await probe.app.channels.createChannel({ team_id: (await probe.app.teams.createTeam({ name: "guards", display_name: "Guards", type: "O" } as never)).id, name: "guarded", display_name: "Guarded", type: "O" });
    await probe.app.channelGuards.register(guarded.id, COUNTER);
    await probe.app.channelGuards.register(guarded.id, HOOKS);
    await probe.ok("remove_plugin", { id: COUNTER });
    assert.deepEqual(await probe.app.channelGuards.pluginsFor(guarded.id), [HOOKS], "a removed plugin's channel guards go with it (no 503 forever)");
    await probe.app.channelGuards.unregister(guarded.id, HOOKS);
    assert.equal((await probe.fails("get_plugin_status", { id: COUNTER }, 404)).id, "app.plugin.not_installed.app_error");
    for (const method of ["enable_plugin", "disable_plugin", "remove_plugin"]) {
      assert.equal((await probe.fails(method, { id: COUNTER }, 404)).id, "app.plugin.not_installed.app_error", method);
    }
  });

  test("InstallPlugin needs PluginSettings.EnableUploads (501 otherwise, as Mattermost)", async () => {
    const config = await probe.ok("get_config");
    config.PluginSettings.EnableUploads = false;
    await probe.ok("save_config", { config });
    const bundle = bundleFromDir(path.resolve("packages/server/test/fixtures/plugins/py-kv-counter"), "py-kv-counter");
    assert.equal((await probe.fails("install_plugin", { file: { base64: bundle.toString("base64") }, replace: true }, 501)).id, "app.plugin.upload_disabled.app_error");
  });

  test("SendMail spools an RFC 5322 message; bad input is 400 with Mattermost's ids", async () => {
    await probe.ok("send_mail", { to: "alice@example.com", subject: "Héllo", html_body: "<p>Hi Alice</p>" });
    const dir = path.join(probe.server.dataDir, "mail");
    const files = (await readdir(dir)).filter((f) => f.endsWith(".eml"));
    assert.equal(files.length, 1);
    const text = await readFile(path.join(dir, files[0]!), "utf8");
    assert.match(text, /^From: Polyplug <bot@example\.com>\r\n/);
    assert.match(text, /\r\nTo: alice@example\.com\r\n/);
    assert.match(text, /\r\nSubject: =\?UTF-8\?B\?SMOpbGxv\?=\r\n/);
    assert.match(text, /\r\nMIME-Version: 1\.0\r\n/);
    const body = text.split("\r\n\r\n")[1]!.replace(/\r\n/g, "");
    assert.equal(Buffer.from(body, "base64").toString(), "<p>Hi Alice</p>");
    assert.equal((await probe.fails("send_mail", { to: "", subject: "s", html_body: "b" }, 400)).id, "plugin_api.send_mail.missing_to");
    assert.equal((await probe.fails("send_mail", { to: "a@b.c", subject: "", html_body: "b" }, 400)).id, "plugin_api.send_mail.missing_subject");
    assert.equal((await probe.fails("send_mail", { to: "a@b.c", subject: "s", html_body: "" }, 400, true)).id, "plugin_api.send_mail.missing_htmlbody");
    assert.equal((await probe.fails("send_mail", { to: "a@b.c\r\nBcc: x@y.z", subject: "s", html_body: "b" }, 400)).id, "plugin_api.send_mail.invalid_to");
    assert.equal((await readdir(dir)).filter((f) => f.endsWith(".eml")).length, 1);
  });

  test("SendMail: CR/LF in the configured FeedbackEmail cannot inject headers", async () => {
    const config = await probe.ok("get_config");
    const feedback = config.EmailSettings.FeedbackEmail;
    config.EmailSettings.FeedbackEmail = "bot@example.com\r\nBcc: evil@example.com";
    await probe.ok("save_config", { config });
    const dir = path.join(probe.server.dataDir, "mail");
    const known = new Set(await readdir(dir));
    await probe.ok("send_mail", { to: "alice@example.com", subject: "Hi", html_body: "<p>Hi</p>" });
    const fresh = (await readdir(dir)).filter((f) => f.endsWith(".eml") && !known.has(f));
    assert.equal(fresh.length, 1);
    const text = await readFile(path.join(dir, fresh[0]!), "utf8");
    const headers = text.split("\r\n\r\n")[0]!.split("\r\n");
    assert.equal(headers[0], "From: Polyplug <bot@example.comBcc: evil@example.com>");
    assert.ok(!headers.some((h) => /^bcc:/i.test(h)), "no injected Bcc header");
    const restored = await probe.ok("get_config");
    restored.EmailSettings.FeedbackEmail = feedback;
    await probe.ok("save_config", { config: restored });
    assert.equal((await configOnDisk()).EmailSettings.FeedbackEmail, "bot@example.com");
  });

  test("SendPushNotification queues to the push outbox", async () => {
    const user = await probe.app.users.createUser({ username: "pushy", email: "pushy@example.com", password: "correct-horse-1" } as never);
    await probe.ok("send_push_notification", { notification: { message: "ping", channel_id: "c1", type: "message" }, user_id: user.id });
    const dir = path.join(probe.server.dataDir, "push");
    const [file] = await readdir(dir);
    const queued = JSON.parse(await readFile(path.join(dir, file!), "utf8"));
    assert.equal(queued.user_id, user.id);
    assert.deepEqual(queued.notification, { message: "ping", channel_id: "c1", type: "message" });
    assert.equal((await probe.fails("send_push_notification", { notification: { message: "x" }, user_id: "bad" }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("send_push_notification", { notification: { message: "x" }, user_id: "a".repeat(26) }, 404)).id, "app.user.missing_account.const");
    assert.equal((await probe.fails("send_push_notification", { notification: {}, user_id: user.id }, 400, true)).id, "api.push_notification.invalid.app_error");
  });

  test("OpenInteractiveDialog publishes open_dialog to the trigger id's user; forged or expired ids are 400", async () => {
    const user = await probe.app.users.createUser({ username: "dialogue", email: "dialogue@example.com", password: "correct-horse-1" } as never);
    const { clientTriggerId, triggerId } = await probe.app.system.generateTriggerId(user.id);
    events.length = 0;
    await probe.ok("open_interactive_dialog", { dialog: { trigger_id: triggerId, url: "/plugins/x/submit", dialog: { callback_id: "cb", title: "Title", elements: [] } } });
    const event = events.find((e) => e.event === "open_dialog");
    assert.ok(event);
    assert.equal(event.broadcast.user_id, user.id);
    assert.deepEqual(JSON.parse(event.data["dialog"] as string), { trigger_id: clientTriggerId, url: "/plugins/x/submit", dialog: { callback_id: "cb", title: "Title", elements: [] } });

    const forged = Buffer.from(Buffer.from(triggerId, "base64").toString().replace(user.id, "b".repeat(26))).toString("base64");
    assert.equal((await probe.fails("open_interactive_dialog", { dialog: { trigger_id: forged } }, 400)).id, "interactive_message.decode_trigger_id.verify_signature_failed");
    const expired = (await probe.app.system.generateTriggerId(user.id, Date.now() - 60_000)).triggerId;
    assert.equal((await probe.fails("open_interactive_dialog", { dialog: { trigger_id: expired } }, 400, true)).id, "interactive_message.decode_trigger_id.expired");
    assert.equal((await probe.fails("open_interactive_dialog", { dialog: { trigger_id: "!!" } }, 400)).id, "interactive_message.decode_trigger_id.base64_decode_failed");
    assert.equal((await probe.fails("open_interactive_dialog", { dialog: { trigger_id: Buffer.from("a:b").toString("base64") } }, 400)).id, "interactive_message.decode_trigger_id.missing_data");
  });

  test("SendToastMessage publishes show_toast to the user (or one connection)", async () => {
    events.length = 0;
    await probe.ok("send_toast_message", { user_id: "u".repeat(26), connection_id: "", message: "Saved!", options: { position: "top-right" } });
    await probe.ok("send_toast_message", { user_id: "u".repeat(26), connection_id: "conn-1", message: "Only here", options: null }, true);
    const toasts = events.filter((e) => e.event === "show_toast");
    assert.deepEqual(toasts.map((e) => [e.data, e.broadcast.user_id, e.broadcast.connection_id]), [
      [{ message: "Saved!", position: "top-right" }, "u".repeat(26), ""],
      [{ message: "Only here", position: "" }, "u".repeat(26), "conn-1"],
    ]);
    assert.equal((await probe.fails("send_toast_message", { user_id: "", connection_id: "", message: "m", options: null }, 400)).id, "app.toast.send_toast_message.user_id.app_error");
    assert.equal((await probe.fails("send_toast_message", { user_id: "u".repeat(26), connection_id: "", message: "", options: null }, 400)).id, "app.toast.send_toast_message.message.app_error");
  });

  test("LogAuditRec / LogAuditRecWithLevel append to logs/audit.jsonl", async () => {
    const rec = { event_name: "doThing", status: "success", actor: { user_id: "u1" }, meta: { k: "v" } };
    await probe.ok("log_audit_rec", { rec });
    await probe.ok("log_audit_rec_with_level", { rec: { ...rec, event_name: "doOther" }, level: "audit-content" }, true);
    const lines = (await readFile(path.join(probe.server.dataDir, "logs", "audit.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.event_name, l.level, l.plugin_id, l.status, l.meta]), [
      ["doThing", "audit-api", PROBE_PLUGIN_ID, "success", { k: "v" }],
      ["doOther", "audit-content", PROBE_PLUGIN_ID, "success", { k: "v" }],
    ]);
    assert.ok(!Number.isNaN(Date.parse(lines[0].timestamp)));
    // The host's fields cannot be forged by the record.
    await probe.ok("log_audit_rec", { rec: { event_name: "forged", status: "success", plugin_id: "com.someone.else", level: "error", timestamp: "1999-01-01T00:00:00.000Z" } });
    const forged = (await readFile(path.join(probe.server.dataDir, "logs", "audit.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l)).at(-1);
    assert.deepEqual([forged.event_name, forged.plugin_id, forged.level], ["forged", PROBE_PLUGIN_ID, "audit-api"]);
    assert.ok(Date.parse(forged.timestamp) > Date.parse("2020-01-01"), "the host's timestamp");
    assert.equal((await probe.fails("log_audit_rec", { rec: { status: "x" } }, 400)).id, "app.audit.log_audit_rec.event_name.app_error");
    assert.equal((await probe.fails("log_audit_rec_with_level", { rec, level: "loud" }, 400)).id, "app.audit.log_audit_rec.level.app_error");
  });

  test("single node and deprecated: PublishPluginClusterEvent and RegisterCollectionAndTopic succeed doing nothing", async () => {
    await probe.ok("publish_plugin_cluster_event", { ev: { id: "sync", data: { base64: Buffer.from("x").toString("base64") } }, opts: { send_type: "reliable", target_id: "" } });
    await probe.ok("register_collection_and_topic", { collection_type: "c", topic_type: "t" }, true);
  });

  test("RequestTrialLicense and GetCloudLimits answer 501", async () => {
    for (const [method, args] of [["request_trial_license", { requester_id: "u".repeat(26), users: 10, terms_accepted: true, receive_emails_accepted: false }], ["get_cloud_limits", {}]] as const) {
      const error = await probe.fails(method, args, 501);
      assert.equal(error.id, "app.plugin_api.not_supported.app_error");
    }
  });

  test("SaveConfig changing PluginStates starts and stops plugins now, not at the next restart", async () => {
    const config = await probe.ok("get_config");
    config.PluginSettings.PluginStates = { ...config.PluginSettings.PluginStates, [HOOKS]: { Enable: false } };
    await probe.ok("save_config", { config });
    assert.equal(probe.server.plugins.get(HOOKS)?.state, PluginState.NotRunning);
    assert.equal((await configOnDisk()).PluginSettings.PluginStates[HOOKS].Enable, false);
    const again = await probe.ok("get_config");
    again.PluginSettings.PluginStates[HOOKS] = { Enable: true };
    await probe.ok("save_config", { config: again }, true);
    assert.equal(probe.server.plugins.get(HOOKS)?.state, PluginState.Running);
  });

  test("saves are serialized and merged: a concurrent SavePluginConfig or disable is not lost", async () => {
    const config = await probe.ok("get_config");
    config.ServiceSettings.SiteName = "slow"; // py-system-hooks holds this save up to the hook deadline
    const slowSave = probe.ok("save_config", { config });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // While it waits on the hook: this plugin saves its own settings, and HOOKS is disabled.
    await Promise.all([
      probe.ok("save_plugin_config", { config: { Mode: "concurrent" } }, true),
      probe.ok("disable_plugin", { id: HOOKS }),
      slowSave,
    ]);
    const onDisk = await configOnDisk();
    assert.equal(onDisk.ServiceSettings.SiteName, "slow", "the slow save landed");
    assert.deepEqual(onDisk.PluginSettings.Plugins[PROBE_PLUGIN_ID], { Mode: "concurrent" }, "the SavePluginConfig queued behind it was not overwritten");
    assert.equal(onDisk.PluginSettings.PluginStates[HOOKS].Enable, false, "the disable written meanwhile was not overwritten");
    assert.equal(probe.server.plugins.get(HOOKS)?.state, PluginState.NotRunning);
    await probe.ok("enable_plugin", { id: HOOKS });
  });

  test("InstallPlugin of the caller's own bundle with replace answers first, then replaces it (no self-deadlock)", async () => {
    const config = await probe.ok("get_config");
    config.PluginSettings.EnableUploads = true;
    await probe.ok("save_config", { config });
    const before = probe.server.plugins.get(PROBE_PLUGIN_ID);
    const bundle = bundleFromDir(path.resolve("packages/server/test/fixtures/plugins/py-api"), "py-api");
    const manifest = await probe.ok("install_plugin", { file: { base64: bundle.toString("base64") }, replace: true });
    assert.equal(manifest.id, PROBE_PLUGIN_ID);
    await eventually(() => probe.server.plugins.get(PROBE_PLUGIN_ID) !== before && probe.server.plugins.get(PROBE_PLUGIN_ID)?.state === PluginState.Running);
    assert.equal(await probe.ok("get_plugin_id"), PROBE_PLUGIN_ID, "the replaced plugin answers again");
    assert.deepEqual((await readdir(probe.server.dataDir)).filter((f) => f.startsWith(".plugin-upload-")), [], "the upload is cleaned up");
  });

  test("a plugin disabling itself gets its answer, then stops (no deadlock)", async () => {
    await probe.ok("disable_plugin", { id: PROBE_PLUGIN_ID });
    await eventually(() => probe.server.plugins.get(PROBE_PLUGIN_ID)?.state === PluginState.NotRunning);
    assert.equal((await configOnDisk()).PluginSettings.PluginStates[PROBE_PLUGIN_ID].Enable, false);
  });
});
