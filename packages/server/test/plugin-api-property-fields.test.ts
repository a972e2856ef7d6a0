import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { newId } from "../src/app/new-id.js";
import { PROBE_PLUGIN_ID, startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { propertyCalls, unique } from "./support/property-calls.js";
import { TEST_DIALECT } from "./support/test-database.js";

// The Plugin API's property groups and fields called by a real Python plugin (the py-api probe). Every call
// is checked against what it returned and what it left in the store. Values travel as JSON text
// (PropertyValue.value), as Mattermost's json.RawMessage.
describe(`the Plugin API's property groups and fields through a Python plugin, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  const db = () => probe.database.database.db;

  before(async () => {
    probe = await startApiProbe();
    for (const status of probe.server.plugins.statuses()) assert.equal(status.state, PluginState.Running, `${status.plugin_id}: ${status.error}`);
  });
  after(() => probe?.close());

  const { makeGroup, makeField, fieldRow, valueRow, newValue } = propertyCalls(() => probe);

  test("RegisterPropertyGroup registers a group once by name; GetPropertyGroup finds it", async () => {
    const name = unique("cpa");
    const group = await probe.ok("register_property_group", { name });
    assert.equal(group.id.length, 26);
    assert.equal(group.name, name);
    assert.equal(group.version, 1);
    assert.deepEqual(await probe.ok("register_property_group", { name }, true), group, "registering again answers the same group");
    const rows = await db().selectFrom("property_groups").selectAll().where("name", "=", name).execute();
    assert.equal(rows.length, 1);
    assert.deepEqual(await probe.ok("get_property_group", { name }), group);
    assert.deepEqual(await probe.ok("get_property_group", { name }, true), group);

    assert.equal((await probe.fails("get_property_group", { name: unique("missing") }, 404)).id, "app.property_group.get.app_error");
    for (const bad of ["Bad Name", "_reserved", "", "x".repeat(65)]) {
      assert.equal((await probe.fails("register_property_group", { name: bad }, 400)).id, "model.property_group.is_valid.app_error", bad);
    }
  });

  test("CreatePropertyField stores a field, validated as Mattermost's PropertyField.IsValid", async () => {
    const groupId = await makeGroup();
    const name = unique("Department");
    const field = await probe.ok("create_property_field", {
      field: {
        group_id: groupId, name: `  ${name} `, type: "select", target_type: "user", created_by: "creator",
        attrs: { visibility: "always", options: [{ name: "Eng", color: "blue" }, { id: "keep-me", name: "Sales" }] },
      },
    });
    assert.equal(field.id.length, 26);
    assert.equal(field.group_id, groupId);
    assert.equal(field.name, name, "the name is trimmed");
    assert.equal(field.type, "select");
    assert.equal(field.target_type, "user");
    assert.equal(field.created_by, "creator");
    assert.equal(field.updated_by, "creator");
    assert.equal(field.linked_field_id, null);
    assert.equal(field.delete_at, 0);
    assert.ok(field.create_at > 0 && field.update_at === field.create_at);
    assert.equal(field.attrs.visibility, "always");
    assert.equal(field.attrs.options[0].name, "Eng");
    assert.equal(field.attrs.options[0].id.length, 26, "an option without an id gets one");
    assert.equal(field.attrs.options[1].id, "keep-me");
    const row = await fieldRow(field.id);
    assert.equal(row.name, name);
    assert.deepEqual(JSON.parse(row.attrs), field.attrs);
    assert.equal(row.linked_field_id, null);

    // the same name for the same target is taken; for another target, or once deleted, it is free
    const dup = await probe.fails("create_property_field", { field: { group_id: groupId, name, type: "text", target_type: "user" } }, 409, true);
    assert.equal(dup.id, "app.property_field.create.name_conflict.app_error");
    const other = await makeField(groupId, { name, target_type: "channel" });
    assert.equal(other.name, name);

    const invalid: Array<[Record<string, unknown>, number, string]> = [
      [{ group_id: groupId, name: "x", type: "number" }, 400, "model.property_field.is_valid.app_error"],
      [{ group_id: groupId, name: "   ", type: "text" }, 400, "model.property_field.is_valid.app_error"],
      [{ group_id: groupId, name: "n".repeat(256), type: "text" }, 400, "model.property_field.is_valid.app_error"],
      [{ id: newId(), group_id: groupId, name: "x", type: "text" }, 400, "model.property_field.is_valid.app_error"],
      [{ group_id: groupId, name: "x", type: "select", attrs: { options: [{ name: "a" }, { name: "a" }] } }, 400, "model.property_field.is_valid.app_error"],
      [{ group_id: groupId, name: "x", type: "text", attrs: { owners: [{ id: "p", type: "robot" }] } }, 400, "model.property_field.is_valid.app_error"],
      [{ group_id: groupId, name: "x", type: "text", attrs: { owners: [{ id: "p", type: "plugin", scopes: ["bad scope"] }] } }, 400, "model.property_field.is_valid.app_error"],
      [{ group_id: "nope", name: "x", type: "text" }, 400, "api.context.invalid_param.app_error"],
      [{ group_id: newId(), name: "x", type: "text" }, 404, "app.property_group.get.app_error"],
    ];
    for (const [input, status, id] of invalid) {
      assert.equal((await probe.fails("create_property_field", { field: input }, status)).id, id, JSON.stringify(input).slice(0, 120));
    }
    assert.equal(await db().selectFrom("property_fields").select("id").where("group_id", "=", groupId).execute().then((r) => r.length), 2, "nothing invalid was stored");
  });

  test("GetPropertyField, GetPropertyFields and GetPropertyFieldByName read fields of a group", async () => {
    const groupId = await makeGroup();
    const otherGroup = await makeGroup();
    const target = newId();
    const a = await makeField(groupId, { target_id: target });
    const b = await makeField(groupId);
    assert.deepEqual(await probe.ok("get_property_field", { group_id: groupId, field_id: a.id }), a);
    assert.deepEqual(await probe.ok("get_property_field", { group_id: groupId, field_id: b.id }, true), b);
    assert.equal((await probe.fails("get_property_field", { group_id: otherGroup, field_id: a.id }, 404)).id, "app.property_field.get.app_error");
    assert.equal((await probe.fails("get_property_field", { group_id: groupId, field_id: newId() }, 404)).id, "app.property_field.get.app_error");
    assert.equal((await probe.fails("get_property_field", { group_id: groupId, field_id: "bad" }, 400)).id, "api.context.invalid_param.app_error");

    assert.deepEqual(await probe.ok("get_property_fields", { group_id: groupId, ids: [b.id, a.id] }), [b, a]);
    assert.deepEqual(await probe.ok("get_property_fields", { group_id: groupId, ids: [] }, true), []);
    assert.equal((await probe.fails("get_property_fields", { group_id: groupId, ids: [a.id, newId()] }, 404)).id, "app.property_field.get.app_error");

    assert.deepEqual(await probe.ok("get_property_field_by_name", { group_id: groupId, target_id: target, name: a.name }), a);
    assert.equal((await probe.fails("get_property_field_by_name", { group_id: groupId, target_id: "", name: a.name }, 404)).id, "app.property_field.get.app_error");
    assert.deepEqual(await probe.ok("get_property_field_by_name", { group_id: groupId, target_id: "", name: b.name }, true), b);
    await probe.ok("delete_property_field", { group_id: groupId, field_id: b.id });
    await probe.fails("get_property_field_by_name", { group_id: groupId, target_id: "", name: b.name }, 404);
    const deleted = await probe.ok("get_property_field", { group_id: groupId, field_id: b.id });
    assert.ok(deleted.delete_at > 0, "a deleted field is still readable by id, with its delete_at");
  });

  test("UpdatePropertyField and UpdatePropertyFields change fields, all or none", async () => {
    const groupId = await makeGroup();
    const a = await makeField(groupId, { attrs: { sort: 1 } });
    const b = await makeField(groupId);
    const renamed = unique("renamed");
    const updated = await probe.ok("update_property_field", { group_id: groupId, field: { ...a, name: renamed, type: "date", attrs: { sort: 2 }, updated_by: "editor" } });
    assert.equal(updated.id, a.id);
    assert.equal(updated.name, renamed);
    assert.equal(updated.type, "date");
    assert.deepEqual(updated.attrs, { sort: 2 });
    assert.equal(updated.updated_by, "editor");
    assert.equal(updated.create_at, a.create_at);
    assert.ok(updated.update_at > a.update_at);
    const row = await fieldRow(a.id);
    assert.equal(row.name, renamed);
    assert.equal(row.type, "date");
    assert.equal(Number(row.update_at), updated.update_at);

    assert.equal((await probe.fails("update_property_field", { group_id: groupId, field: { ...b, name: renamed } }, 409)).id, "app.property_field.update.name_conflict.app_error");
    assert.equal((await probe.fails("update_property_field", { group_id: groupId, field: { ...b, id: newId() } }, 404)).id, "app.property_field.get.app_error");
    assert.equal((await probe.fails("update_property_field", { group_id: groupId, field: { ...b, type: "bogus" } }, 400)).id, "model.property_field.is_valid.app_error");
    assert.equal((await probe.fails("update_property_field", { group_id: await makeGroup(), field: b }, 404)).id, "app.property_field.get.app_error");

    const both = await probe.ok("update_property_fields", { group_id: groupId, fields: [{ ...updated, name: unique("one") }, { ...b, type: "user" }] }, true);
    assert.deepEqual(both.map((f: any) => f.id), [a.id, b.id]);
    assert.equal((await fieldRow(b.id)).type, "user");
    // the second update is invalid, so the first is not applied either
    const before = await fieldRow(a.id);
    await probe.fails("update_property_fields", { group_id: groupId, fields: [{ ...both[0], name: unique("never") }, { ...both[1], type: "bogus" }] }, 400);
    assert.equal((await fieldRow(a.id)).name, before.name, "all or none");
  });

  test("linked fields take a template's type and options and cannot change them; templates guard their dependents", async () => {
    const groupId = await makeGroup();
    const template = await makeField(groupId, { type: "select", object_type: "template", attrs: { options: [{ name: "Red" }, { name: "Blue" }] } });
    const linked = await probe.ok("create_property_field", { field: { group_id: groupId, name: unique("linked"), type: "text", target_type: "user", linked_field_id: template.id } });
    assert.equal(linked.linked_field_id, template.id);
    assert.equal(linked.type, "select", "the type comes from the template");
    assert.deepEqual(linked.attrs.options, template.attrs.options, "so do the options");
    assert.equal((await fieldRow(linked.id)).linked_field_id, template.id);

    const plain = await makeField(groupId);
    const otherGroupTemplate = await makeField(await makeGroup(), { object_type: "template" });
    const link = (extra: Record<string, unknown>) => ({ field: { group_id: groupId, name: unique("l"), type: "text", target_type: "user", ...extra } });
    const refused: Array<[Record<string, unknown>, string]> = [
      [{ linked_field_id: newId() }, "app.property_field.create.linked_source_not_found.app_error"],
      [{ linked_field_id: plain.id }, "app.property_field.create.linked_source_not_template.app_error"],
      [{ linked_field_id: otherGroupTemplate.id }, "app.property_field.create.linked_source_cross_group.app_error"],
      [{ linked_field_id: template.id, target_type: "channel" }, "app.property_field.create.linked_target_type_mismatch.app_error"],
      [{ linked_field_id: template.id, object_type: "template" }, "app.property_field.create.template_cannot_be_linked.app_error"],
      [{ linked_field_id: template.id, attrs: { options: [{ name: "Own" }] } }, "app.property_field.create.linked_options_supplied.app_error"],
    ];
    for (const [extra, id] of refused) assert.equal((await probe.fails("create_property_field", link(extra), 400)).id, id, id);

    // a linked field's type and options are the template's
    assert.equal((await probe.fails("update_property_field", { group_id: groupId, field: { ...linked, type: "text" } }, 400)).id, "app.property_field.update.linked_type_change.app_error");
    assert.equal((await probe.fails("update_property_field", { group_id: groupId, field: { ...linked, attrs: { options: [{ name: "Mine" }] } } }, 400)).id, "app.property_field.update.linked_options_change.app_error");
    assert.equal((await probe.fails("update_property_field", { group_id: groupId, field: { ...linked, linked_field_id: plain.id } }, 400)).id, "app.property_field.update.relink.app_error");

    // the template's options flow to its linked fields; its type cannot change while they exist
    const newOptions = [...template.attrs.options, { name: "Green" }];
    const updatedTemplate = await probe.ok("update_property_field", { group_id: groupId, field: { ...template, attrs: { options: newOptions } } });
    assert.equal(updatedTemplate.attrs.options.length, 3);
    const relinked = await probe.ok("get_property_field", { group_id: groupId, field_id: linked.id });
    assert.deepEqual(relinked.attrs.options, updatedTemplate.attrs.options, "options propagated to the linked field");
    assert.equal((await probe.fails("update_property_field", { group_id: groupId, field: { ...updatedTemplate, type: "multiselect" } }, 409)).id, "app.property_field.update.type_change_with_dependents.app_error");
    assert.equal((await probe.fails("delete_property_field", { group_id: groupId, field_id: template.id }, 409)).id, "app.property_field.delete.has_linked_dependents.app_error");
    assert.equal(Number((await fieldRow(template.id)).delete_at), 0);

    // a linked field that is itself used as a source would make a chain
    // (it is not a template, so it is refused as such first; Mattermost refuses both)
    assert.equal((await probe.fails("create_property_field", link({ linked_field_id: linked.id }), 400)).id, "app.property_field.create.linked_source_not_template.app_error");

    // unlinking (linked_field_id "") frees the field's type and options, and the template's delete
    const unlinked = await probe.ok("update_property_field", { group_id: groupId, field: { ...relinked, linked_field_id: "" } }, true);
    assert.equal(unlinked.linked_field_id, null);
    assert.equal((await fieldRow(linked.id)).linked_field_id, null);
    const own = await probe.ok("update_property_field", { group_id: groupId, field: { ...unlinked, attrs: { options: [{ name: "Mine" }] } } });
    assert.equal(own.attrs.options[0].name, "Mine");
    await probe.ok("delete_property_field", { group_id: groupId, field_id: template.id });
    assert.ok(Number((await fieldRow(template.id)).delete_at) > 0);
    assert.equal((await probe.fails("create_property_field", link({ linked_field_id: template.id }), 400)).id, "app.property_field.create.linked_source_deleted.app_error");
  });

  test("DeletePropertyField soft-deletes the field and its values", async () => {
    const groupId = await makeGroup();
    const field = await makeField(groupId);
    const keep = await makeField(groupId);
    const v1 = await probe.ok("create_property_value", { value: newValue(groupId, field.id, "a") });
    const v2 = await probe.ok("create_property_value", { value: newValue(groupId, keep.id, "b") });
    await probe.ok("delete_property_field", { group_id: groupId, field_id: field.id }, true);
    assert.ok(Number((await fieldRow(field.id)).delete_at) > 0);
    assert.ok(Number((await valueRow(v1.id)).delete_at) > 0, "the field's values are deleted with it");
    assert.equal(Number((await valueRow(v2.id)).delete_at), 0, "other fields' values stay");
    assert.equal((await probe.fails("delete_property_field", { group_id: groupId, field_id: field.id }, 404)).id, "app.property_field.get.app_error");
    assert.equal((await probe.fails("delete_property_field", { group_id: groupId, field_id: newId() }, 404)).id, "app.property_field.get.app_error");
    assert.equal((await probe.fails("delete_property_field", { group_id: "x", field_id: keep.id }, 400)).id, "api.context.invalid_param.app_error");
    // the name is free again
    await makeField(groupId, { name: field.name });
  });

  test("SearchPropertyFields pages with a cursor; CountPropertyFields and CountPropertyFieldsForTarget count", async () => {
    const groupId = await makeGroup();
    const target = newId();
    const forTarget = [];
    for (let i = 0; i < 5; i++) forTarget.push(await makeField(groupId, { target_type: "channel", target_id: target }));
    const others = [await makeField(groupId), await makeField(groupId, { object_type: "template" })];
    await probe.ok("delete_property_field", { group_id: groupId, field_id: forTarget[4].id });

    const seen: string[] = [];
    let cursor: Record<string, unknown> | undefined;
    for (;;) {
      const page = await probe.ok("search_property_fields", { group_id: groupId, opts: { target_type: "channel", target_ids: [target], per_page: 2, ...(cursor ? { cursor } : {}) } });
      seen.push(...page.map((f: any) => f.id));
      if (page.length < 2) break;
      const last = page[page.length - 1];
      cursor = { property_field_id: last.id, create_at: last.create_at };
    }
    assert.deepEqual(seen, forTarget.slice(0, 4).map((f) => f.id), "live fields for the target, in create_at/id order, across pages");
    const withDeleted = await probe.ok("search_property_fields", { group_id: groupId, opts: { target_id: target, include_deleted: true, per_page: 100 } }, true);
    assert.deepEqual(withDeleted.map((f: any) => f.id), forTarget.map((f) => f.id));
    const all = await probe.ok("search_property_fields", { group_id: groupId, opts: { per_page: 100 } });
    assert.deepEqual(all.map((f: any) => f.id), [...forTarget.slice(0, 4), ...others].map((f) => f.id));
    const templates = await probe.ok("search_property_fields", { group_id: groupId, opts: { object_type: "template", per_page: 10 } });
    assert.deepEqual(templates.map((f: any) => f.id), [others[1].id]);
    assert.equal((await probe.fails("search_property_fields", { group_id: groupId, opts: { per_page: 0 } }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("search_property_fields", { group_id: groupId, opts: { per_page: 5, cursor: { property_field_id: "bad", create_at: 5 } } }, 400)).id, "api.context.invalid_param.app_error");
    assert.equal((await probe.fails("search_property_fields", { group_id: groupId, opts: { per_page: 5, cursor: { property_field_id: newId(), create_at: 0 } } }, 400)).id, "api.context.invalid_param.app_error");

    assert.equal(await probe.ok("count_property_fields", { group_id: groupId, include_deleted: false }), 6);
    assert.equal(await probe.ok("count_property_fields", { group_id: groupId, include_deleted: true }, true), 7);
    assert.equal(await probe.ok("count_property_fields", { group_id: await makeGroup(), include_deleted: true }), 0);
    assert.equal(await probe.ok("count_property_fields_for_target", { group_id: groupId, target_type: "channel", target_id: target, include_deleted: false }), 4);
    assert.equal(await probe.ok("count_property_fields_for_target", { group_id: groupId, target_type: "channel", target_id: target, include_deleted: true }, true), 5);
    assert.equal(await probe.ok("count_property_fields_for_target", { group_id: groupId, target_type: "user", target_id: target, include_deleted: true }), 0);
    assert.equal((await probe.fails("count_property_fields", { group_id: "bad", include_deleted: false }, 400)).id, "api.context.invalid_param.app_error");
  });

  test("updating a deleted field answers 404; a live name is unique per (group, target type, target) even under concurrent writes", async () => {
    const groupId = await makeGroup();
    const gone = await makeField(groupId);
    await probe.ok("delete_property_field", { group_id: groupId, field_id: gone.id });
    assert.equal((await probe.fails("update_property_field", { group_id: groupId, field: { ...gone, name: unique("revived") } }, 404)).id, "app.property_field.get.app_error");
    assert.equal((await probe.fails("update_property_fields", { group_id: groupId, fields: [{ ...gone, type: "date" }] }, 404, true)).id, "app.property_field.get.app_error");
    const row = await fieldRow(gone.id);
    assert.deepEqual([row.name, row.type], [gone.name, gone.type], "the deleted field is unchanged");
    // Its name is free again for a live field.
    await probe.ok("create_property_field", { field: { group_id: groupId, name: gone.name, type: "text", target_type: gone.target_type } });

    // Concurrent creates of one name for one target: one wins, the rest answer 409, one live row.
    for (let round = 0; round < 5; round++) {
      const name = unique("race");
      const input = { group_id: groupId, name, type: "text", attrs: {}, target_id: "", target_type: "user", object_type: "", created_by: "", updated_by: "" };
      const outcomes = await Promise.allSettled([1, 2, 3].map(() => probe.app.propertyFields.createField({ ...input }, { pluginId: PROBE_PLUGIN_ID, scope: "" })));
      assert.equal(outcomes.filter((o) => o.status === "fulfilled").length, 1, `round ${round}`);
      for (const o of outcomes) if (o.status === "rejected") assert.equal((o.reason as { id: string }).id, "app.property_field.create.name_conflict.app_error");
      const live = await db().selectFrom("property_fields").select("id").where("group_id", "=", groupId).where("name", "=", name).where("delete_at", "=", 0).execute();
      assert.equal(live.length, 1);
    }
    // The same name for another target type is another field.
    const shared = unique("shared");
    await probe.ok("create_property_field", { field: { group_id: groupId, name: shared, type: "text", target_type: "user" } });
    await probe.ok("create_property_field", { field: { group_id: groupId, name: shared, type: "text", target_type: "channel" } });
  });

});
