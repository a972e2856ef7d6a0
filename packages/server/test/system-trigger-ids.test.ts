import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { TRIGGER_ID_LIFETIME_MS } from "../src/app/system-service.js";
import { createFakeHooks, type FakeHooks } from "./support/fake-hooks.js";
import { catchAppError, createTestEnv, makeChannel, makeTeam, makeUser, type TestEnv } from "./support/test-env.js";

// Trigger ids: every slash command run carries one signed for the user who ran it (Mattermost's
// GenerateTriggerId), which OpenInteractiveDialog later verifies (plugin-api-system.test.ts).
describe("signed trigger ids", () => {
  let env: TestEnv;
  let hooks: FakeHooks;

  before(async () => {
    hooks = createFakeHooks();
    env = await createTestEnv({ hooks });
  });
  after(() => env.close());

  it("a slash command run hands the plugin a trigger id signed for the user who ran it", async () => {
    const user = await makeUser(env.app);
    const team = await makeTeam(env.app, user);
    const channel = await makeChannel(env.app, team, user);
    await env.app.commands.registerPluginCommand("com.example.dialogs", { trigger: "survey" });
    hooks.execute = () => ({ response_type: "ephemeral", text: "" });
    await env.app.commands.executeCommand({ user_id: user.id, channel_id: channel.id, command: "/survey", trigger_id: "client-chosen" });
    await env.app.commands.executeCommand({ user_id: user.id, channel_id: channel.id, command: "/survey" });
    const [first, second] = hooks.seenCommands.slice(-2).map((c) => c.args.trigger_id);
    assert.notEqual(first, "client-chosen", "the server issues trigger ids, as Mattermost does");
    assert.notEqual(first, second);
    const verified = await env.app.system.verifyTriggerId(first!);
    assert.equal(verified.userId, user.id);
    assert.match(verified.clientTriggerId, /^[a-z0-9]{26}$/);
  });

  it("refuses tampered, truncated and expired ids", async () => {
    const { triggerId } = await env.app.system.generateTriggerId("a".repeat(26));
    const decoded = Buffer.from(triggerId, "base64").toString();
    const tampered = Buffer.from(decoded.replace("a".repeat(26), "b".repeat(26))).toString("base64");
    assert.equal((await catchAppError(() => env.app.system.verifyTriggerId(tampered))).id, "interactive_message.decode_trigger_id.verify_signature_failed");
    const unsigned = Buffer.from(`${decoded.split(":").slice(0, 3).join(":")}:`).toString("base64");
    assert.equal((await catchAppError(() => env.app.system.verifyTriggerId(unsigned))).id, "interactive_message.decode_trigger_id.missing_data");
    const old = await env.app.system.generateTriggerId("a".repeat(26), env.clock.now() - TRIGGER_ID_LIFETIME_MS - 1_000);
    assert.equal((await catchAppError(() => env.app.system.verifyTriggerId(old.triggerId))).id, "interactive_message.decode_trigger_id.expired");
  });

  it("install date and telemetry id are created once and kept", async () => {
    const date = await env.app.system.installDate();
    const id = await env.app.system.telemetryId();
    const rows = await env.app.system.installDate().then(() => env.database.db.selectFrom("systems").selectAll().orderBy("name").execute());
    assert.deepEqual(rows.filter((r) => r.name === "DiagnosticId" || r.name === "InstallationDate").map((r) => [r.name, r.value]), [["DiagnosticId", id], ["InstallationDate", String(date)]]);
  });
});
