import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { newId } from "../src/app/new-id.js";
import { PROBE_PLUGIN_ID, startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { propertyCalls } from "./support/property-calls.js";
import { TEST_DIALECT } from "./support/test-database.js";

// The Plugin API's property values called by a real Python plugin (the py-api probe). Every call
// is checked against what it returned and what it left in the store. Values travel as JSON text
// (PropertyValue.value), as Mattermost's json.RawMessage.
describe(`the Plugin API's property values through a Python plugin, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  const db = () => probe.database.database.db;

  before(async () => {
    probe = await startApiProbe();
    for (const status of probe.server.plugins.statuses()) assert.equal(status.state, PluginState.Running, `${status.plugin_id}: ${status.error}`);
  });
  after(() => probe?.close());

  const { makeGroup, makeField, fieldRow, valueRow, newValue } = propertyCalls(() => probe);

  test("CreatePropertyValue, GetPropertyValue(s), UpdatePropertyValue(s) and DeletePropertyValue", async () => {
    const groupId = await makeGroup();
    const field = await makeField(groupId);
    const input = newValue(groupId, field.id, { nested: ["json", 1] }, { created_by: "author" });
    const value = await probe.ok("create_property_value", { value: input });
    assert.equal(value.id.length, 26);
    assert.equal(value.field_id, field.id);
    assert.equal(value.target_id, input.target_id);
    assert.equal(value.target_type, "user");
    assert.deepEqual(JSON.parse(value.value), { nested: ["json", 1] });
    assert.equal(value.created_by, "author");
    assert.equal(value.updated_by, "author");
    assert.ok(value.create_at > 0 && value.update_at === value.create_at && value.delete_at === 0);
    assert.deepEqual(JSON.parse((await valueRow(value.id)).value), { nested: ["json", 1] });

    assert.equal((await probe.fails("create_property_value", { value: input }, 409, true)).id, "app.property_value.create.conflict.app_error");
    const invalid: Array<[Record<string, unknown>, number, string]> = [
      [{ ...input, target_id: newId(), value: "{not json" }, 400, "model.property_value.is_valid.app_error"],
      [{ ...input, target_id: "bad" }, 400, "model.property_value.is_valid.app_error"],
      [{ ...input, target_id: newId(), target_type: "" }, 400, "model.property_value.is_valid.app_error"],
      [{ ...input, target_id: newId(), id: newId() }, 400, "model.property_value.is_valid.app_error"],
      [{ ...input, target_id: newId(), field_id: newId() }, 404, "app.property_field.get.app_error"],
      [{ ...input, target_id: newId(), group_id: await makeGroup() }, 404, "app.property_field.get.app_error"],
    ];
    for (const [bad, status, id] of invalid) assert.equal((await probe.fails("create_property_value", { value: bad }, status)).id, id, JSON.stringify(bad));

    assert.deepEqual(await probe.ok("get_property_value", { group_id: groupId, value_id: value.id }), value);
    assert.equal((await probe.fails("get_property_value", { group_id: groupId, value_id: newId() }, 404, true)).id, "app.property_value.get.app_error");
    assert.equal((await probe.fails("get_property_value", { group_id: await makeGroup(), value_id: value.id }, 404)).id, "app.property_value.get.app_error");
    const second = await probe.ok("create_property_value", { value: newValue(groupId, field.id, 2) });
    assert.deepEqual(await probe.ok("get_property_values", { group_id: groupId, ids: [second.id, value.id] }, true), [second, value]);
    assert.equal((await probe.fails("get_property_values", { group_id: groupId, ids: [value.id, newId()] }, 404)).id, "app.property_value.get.app_error");

    const updated = await probe.ok("update_property_value", { group_id: groupId, value: { ...value, value: JSON.stringify("new"), updated_by: "editor" } });
    assert.equal(updated.id, value.id);
    assert.equal(JSON.parse(updated.value), "new");
    assert.equal(updated.updated_by, "editor");
    assert.ok(updated.update_at > value.update_at);
    assert.equal((await valueRow(value.id)).value, JSON.stringify("new"));
    assert.equal((await probe.fails("update_property_value", { group_id: groupId, value: { ...value, id: newId() } }, 404)).id, "app.property_value.get.app_error");
    assert.equal((await probe.fails("update_property_value", { group_id: groupId, value: { ...value, value: "nope{" } }, 400)).id, "model.property_value.is_valid.app_error");

    const both = await probe.ok("update_property_values", { group_id: groupId, values: [{ ...updated, value: "1" }, { ...second, value: "[2]" }] }, true);
    assert.deepEqual(both.map((v: any) => v.value), ["1", "[2]"]);
    assert.equal((await valueRow(second.id)).value, "[2]");
    await probe.fails("update_property_values", { group_id: groupId, values: [{ ...updated, value: "99" }, { ...second, id: newId() }] }, 404);
    assert.equal((await valueRow(value.id)).value, "1", "all or none");

    await probe.ok("delete_property_value", { group_id: groupId, value_id: value.id });
    assert.ok(Number((await valueRow(value.id)).delete_at) > 0, "soft delete");
    assert.equal((await probe.fails("delete_property_value", { group_id: groupId, value_id: value.id }, 404, true)).id, "app.property_value.get.app_error");
    // the target may get a value for the field again once the old one is deleted
    const again = await probe.ok("create_property_value", { value: input });
    assert.notEqual(again.id, value.id);
  });

  test("UpsertPropertyValue(s) create or replace the value keyed by group, target and field", async () => {
    const groupId = await makeGroup();
    const field = await makeField(groupId);
    const other = await makeField(groupId);
    const input = newValue(groupId, field.id, "first", { created_by: "u1" });
    const created = await probe.ok("upsert_property_value", { value: input });
    assert.equal(JSON.parse(created.value), "first");
    const replaced = await probe.ok("upsert_property_value", { value: { ...input, value: JSON.stringify("second"), updated_by: "u2" } }, true);
    assert.equal(replaced.id, created.id, "same (group, target, field): the same value");
    assert.equal(JSON.parse(replaced.value), "second");
    assert.equal(replaced.created_by, "u1");
    assert.equal(replaced.updated_by, "u2");
    assert.equal(replaced.create_at, created.create_at);
    const rows = await db().selectFrom("property_values").selectAll().where("field_id", "=", field.id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.value, JSON.stringify("second"));

    const many = await probe.ok("upsert_property_values", { values: [{ ...input, value: "3" }, { ...input, field_id: other.id, value: "4" }] });
    assert.equal(many[0].id, created.id);
    assert.equal(many[0].value, "3");
    assert.equal(many[1].field_id, other.id);
    assert.equal((await valueRow(many[1].id)).value, "4");
    // all or none: the second refers to no field
    await probe.fails("upsert_property_values", { values: [{ ...input, value: "5" }, { ...input, field_id: newId() }] }, 404, true);
    assert.equal((await valueRow(created.id)).value, "3");
    assert.equal((await probe.fails("upsert_property_value", { value: { ...input, value: "" } }, 400)).id, "model.property_value.is_valid.app_error");
  });

  test("DeletePropertyValuesForTarget and DeletePropertyValuesForField soft-delete in bulk; SearchPropertyValues pages with a cursor", async () => {
    const groupId = await makeGroup();
    const f1 = await makeField(groupId);
    const f2 = await makeField(groupId);
    const [t1, t2] = [newId(), newId()];
    const made: any[] = [];
    for (const target of [t1, t2]) {
      for (const f of [f1, f2]) made.push(await probe.ok("create_property_value", { value: newValue(groupId, f.id, `${target}/${f.id}`, { target_id: target }) }));
    }

    const seen: string[] = [];
    let cursor: Record<string, unknown> | undefined;
    for (;;) {
      const page = await probe.ok("search_property_values", { group_id: groupId, opts: { per_page: 3, ...(cursor ? { cursor } : {}) } });
      seen.push(...page.map((v: any) => v.id));
      if (page.length < 3) break;
      cursor = { property_value_id: page[2].id, create_at: page[2].create_at };
    }
    assert.deepEqual(seen, made.map((v) => v.id));
    const forT1 = await probe.ok("search_property_values", { group_id: groupId, opts: { target_type: "user", target_ids: [t1], per_page: 10 } }, true);
    assert.deepEqual(forT1.map((v: any) => v.id), [made[0].id, made[1].id]);
    const forF2 = await probe.ok("search_property_values", { group_id: groupId, opts: { field_id: f2.id, per_page: 10 } });
    assert.deepEqual(forF2.map((v: any) => v.id), [made[1].id, made[3].id]);
    assert.equal((await probe.fails("search_property_values", { group_id: groupId, opts: { per_page: -1 } }, 400)).id, "api.context.invalid_param.app_error");

    await probe.ok("delete_property_values_for_target", { group_id: groupId, target_type: "user", target_id: t1 });
    assert.ok(Number((await valueRow(made[0].id)).delete_at) > 0 && Number((await valueRow(made[1].id)).delete_at) > 0);
    assert.equal(Number((await valueRow(made[2].id)).delete_at), 0);
    const live = await probe.ok("search_property_values", { group_id: groupId, opts: { per_page: 10 } });
    assert.deepEqual(live.map((v: any) => v.id), [made[2].id, made[3].id]);
    const withDeleted = await probe.ok("search_property_values", { group_id: groupId, opts: { per_page: 10, include_deleted: true } });
    assert.equal(withDeleted.length, 4);

    await probe.ok("delete_property_values_for_field", { group_id: groupId, field_id: f2.id }, true);
    assert.ok(Number((await valueRow(made[3].id)).delete_at) > 0);
    assert.equal(Number((await valueRow(made[2].id)).delete_at), 0);
    assert.equal(Number((await fieldRow(f2.id)).delete_at), 0, "the field itself stays");
    assert.equal((await probe.fails("delete_property_values_for_field", { group_id: groupId, field_id: newId() }, 404)).id, "app.property_field.get.app_error");
    assert.equal((await probe.fails("delete_property_values_for_target", { group_id: groupId, target_type: "user", target_id: "bad" }, 400)).id, "api.context.invalid_param.app_error");
  });

  test("concurrent upserts of the same (group, target, field) on separate connections all succeed and leave one row", async () => {
    const groupId = await makeGroup();
    const field = await makeField(groupId);
    for (let round = 0; round < 10; round++) {
      const targetId = newId();
      const inputs = [1, 2, 3].map((n) => ({ group_id: groupId, field_id: field.id, target_type: "user", target_id: targetId, value: JSON.stringify(n), created_by: "", updated_by: "" }));
      // Each upsert is its own transaction on its own pooled connection (PostgreSQL runs them at once).
      const saved = await Promise.all(inputs.map((input) => probe.app.propertyValues.upsertValues([input], { pluginId: PROBE_PLUGIN_ID, scope: "" })));
      const rows = await db().selectFrom("property_values").selectAll().where("field_id", "=", field.id).where("target_id", "=", targetId).execute();
      assert.equal(rows.length, 1, `round ${round}: one row`);
      assert.ok(saved.every(([v]) => v!.id === rows[0]!.id), "every upsert answered the one row");
      assert.ok(["1", "2", "3"].includes(rows[0]!.value));
    }
  });
});
