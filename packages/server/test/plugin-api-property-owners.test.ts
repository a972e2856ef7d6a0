import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { PROBE_PLUGIN_ID, startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { propertyCalls, unique } from "./support/property-calls.js";
import { TEST_DIALECT } from "./support/test-database.js";

// The Plugin API's property fields' owners and scopes called by a real Python plugin (the py-api probe). Every call
// is checked against what it returned and what it left in the store. Values travel as JSON text
// (PropertyValue.value), as Mattermost's json.RawMessage.
describe(`owner-managed property fields through a Python plugin, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  const db = () => probe.database.database.db;

  before(async () => {
    probe = await startApiProbe();
    for (const status of probe.server.plugins.statuses()) assert.equal(status.state, PluginState.Running, `${status.plugin_id}: ${status.error}`);
  });
  after(() => probe?.close());

  const { makeGroup, makeField, adminField, fieldRow, valueRow, newValue } = propertyCalls(() => probe);

  test("owner-managed fields: values are written only by an owner plugin acting as one of its scopes (the WithOptions variants)", async () => {
    const groupId = await makeGroup();
    const owned = await adminField(groupId, { owners: [{ id: PROBE_PLUGIN_ID, type: "plugin", scopes: ["entra"] }] });
    const entra = { acting_as_scope: "entra" };
    const okta = { acting_as_scope: "okta" };
    const input = newValue(groupId, owned.id, "synced");

    // without a scope, or with another one, the owner may not write
    for (const [method, args] of [
      ["create_property_value", { value: input }],
      ["upsert_property_value", { value: input }],
      ["upsert_property_values", { values: [input] }],
      ["upsert_property_value_with_options", { value: input, options: okta }],
      ["upsert_property_values_with_options", { values: [input], options: okta }],
    ] as const) {
      const error = await probe.fails(method, args, 403);
      assert.equal(error.id, "app.property_value.owner_managed.app_error", method);
    }
    assert.equal(await db().selectFrom("property_values").select("id").where("field_id", "=", owned.id).execute().then((r) => r.length), 0);

    const value = await probe.ok("upsert_property_value_with_options", { value: input, options: entra });
    assert.equal(JSON.parse(value.value), "synced");
    const many = await probe.ok("upsert_property_values_with_options", { values: [{ ...input, value: "\"again\"" }, newValue(groupId, owned.id, "x")], options: entra }, true);
    assert.equal(many[0].id, value.id);
    assert.equal((await valueRow(value.id)).value, "\"again\"");

    // deletes: refused without the scope, done with it
    assert.equal((await probe.fails("delete_property_value", { group_id: groupId, value_id: value.id }, 403)).id, "app.property_value.owner_managed.app_error");
    assert.equal((await probe.fails("delete_property_value_with_options", { group_id: groupId, value_id: value.id, options: okta }, 403)).id, "app.property_value.owner_managed.app_error");
    assert.equal((await probe.fails("update_property_value", { group_id: groupId, value: { ...value, value: "1" } }, 403)).id, "app.property_value.owner_managed.app_error");
    assert.equal(Number((await valueRow(value.id)).delete_at), 0);
    await probe.ok("delete_property_value_with_options", { group_id: groupId, value_id: value.id, options: entra });
    assert.ok(Number((await valueRow(value.id)).delete_at) > 0);

    const target = many[1].target_id;
    const plain = await makeField(groupId);
    const plainValue = await probe.ok("create_property_value", { value: newValue(groupId, plain.id, "p", { target_id: target }) });
    assert.equal((await probe.fails("delete_property_values_for_target", { group_id: groupId, target_type: "user", target_id: target }, 403)).id, "app.property_value.owner_managed.app_error");
    assert.equal(Number((await valueRow(plainValue.id)).delete_at), 0, "refused as a whole");
    await probe.fails("delete_property_values_for_target_with_options", { group_id: groupId, target_type: "user", target_id: target, options: okta }, 403);
    await probe.ok("delete_property_values_for_target_with_options", { group_id: groupId, target_type: "user", target_id: target, options: entra }, true);
    assert.ok(Number((await valueRow(many[1].id)).delete_at) > 0);
    assert.ok(Number((await valueRow(plainValue.id)).delete_at) > 0);

    const last = await probe.ok("upsert_property_value_with_options", { value: newValue(groupId, owned.id, "z"), options: entra });
    assert.equal((await probe.fails("delete_property_values_for_field", { group_id: groupId, field_id: owned.id }, 403)).id, "app.property_value.owner_managed.app_error");
    await probe.fails("delete_property_values_for_field_with_options", { group_id: groupId, field_id: owned.id, options: okta }, 403, true);
    await probe.ok("delete_property_values_for_field_with_options", { group_id: groupId, field_id: owned.id, options: entra });
    assert.ok(Number((await valueRow(last.id)).delete_at) > 0);

    // the owner may change its field definition without a scope
    const renamed = await probe.ok("update_property_field", { group_id: groupId, field: { ...owned, name: unique("owned") } });
    assert.equal(renamed.attrs.owners[0].id, PROBE_PLUGIN_ID);
  });

  test("owner-managed fields of another plugin cannot be changed, nor their values written, whatever the scope", async () => {
    const groupId = await makeGroup();
    const foreign = await adminField(groupId, { owners: [{ id: "com.example.other", type: "plugin", scopes: ["entra"] }] });
    const unscoped = await adminField(groupId, { owners: [{ id: PROBE_PLUGIN_ID, type: "plugin" }] });
    assert.equal((await probe.fails("update_property_field", { group_id: groupId, field: { ...foreign, name: unique("mine") } }, 403)).id, "app.property_field.owner_managed.app_error");
    assert.equal((await probe.fails("update_property_fields", { group_id: groupId, fields: [{ ...foreign, name: unique("mine") }] }, 403)).id, "app.property_field.owner_managed.app_error");
    assert.equal((await probe.fails("delete_property_field", { group_id: groupId, field_id: foreign.id }, 403)).id, "app.property_field.owner_managed.app_error");
    assert.equal((await fieldRow(foreign.id)).name, foreign.name);
    assert.equal(Number((await fieldRow(foreign.id)).delete_at), 0);
    await probe.fails("upsert_property_value_with_options", { value: newValue(groupId, foreign.id, 1), options: { acting_as_scope: "entra" } }, 403);

    // an owner without scopes may write for any scope, or none
    const v = await probe.ok("upsert_property_value", { value: newValue(groupId, unscoped.id, 1) });
    await probe.ok("upsert_property_value_with_options", { value: { ...v, id: "", value: "2" }, options: { acting_as_scope: "anything" } });
    assert.equal((await valueRow(v.id)).value, "2");
    await probe.ok("delete_property_field", { group_id: groupId, field_id: unscoped.id });
  });

  test("a plugin may not give a field owners (create, or adding them to an unowned field); a listed owner may change them", async () => {
    const groupId = await makeGroup();
    const self = [{ id: PROBE_PLUGIN_ID, type: "plugin", scopes: ["entra"] }];
    const name = unique("claimed");
    assert.equal((await probe.fails("create_property_field", { field: { group_id: groupId, name, type: "text", target_type: "user", attrs: { owners: self } } }, 403)).id, "app.property_field.owners_admin_only.app_error");
    assert.equal(await db().selectFrom("property_fields").select("id").where("name", "=", name).executeTakeFirst(), undefined);

    // Adding itself as owner of an unowned field would take it over from everyone else: refused.
    const plain = await makeField(groupId, { attrs: { sort: 1 } });
    assert.equal((await probe.fails("update_property_field", { group_id: groupId, field: { ...plain, attrs: { sort: 1, owners: self } } }, 403)).id, "app.property_field.owners_admin_only.app_error");
    assert.equal((await probe.fails("update_property_fields", { group_id: groupId, fields: [{ ...plain, attrs: { owners: self } }] }, 403, true)).id, "app.property_field.owners_admin_only.app_error");
    assert.deepEqual(JSON.parse((await fieldRow(plain.id)).attrs), { sort: 1 }, "unchanged");
    await probe.ok("update_property_field", { group_id: groupId, field: { ...plain, attrs: { sort: 2, owners: [] } } });

    // A listed owner may change the list (here: widen its scopes).
    const owned = await adminField(groupId, { owners: self });
    const widened = await probe.ok("update_property_field", { group_id: groupId, field: { ...owned, attrs: { owners: [{ ...self[0], scopes: ["entra", "okta"] }] } } });
    assert.deepEqual(widened.attrs.owners[0].scopes, ["entra", "okta"]);
  });

});
