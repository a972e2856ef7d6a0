import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { newId } from "../src/app/new-id.js";
import { PROBE_PLUGIN_ID, startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { TEST_DIALECT } from "./support/test-database.js";

// The Plugin API's property fields, values and groups called by a real Python plugin (the py-api
// probe). Every call is checked against what it returned and what it left in the store. Values
// travel as JSON text (PropertyValue.value), as Mattermost's json.RawMessage.

let counter = 0;
const unique = (prefix: string) => `${prefix}_${process.pid}_${++counter}`;

describe(`the Plugin API's properties group through a Python plugin, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  const db = () => probe.database.database.db;

  before(async () => {
    probe = await startApiProbe();
    for (const status of probe.server.plugins.statuses()) assert.equal(status.state, PluginState.Running, `${status.plugin_id}: ${status.error}`);
  });
  after(() => probe?.close());

  const makeGroup = async () => (await probe.ok("register_property_group", { name: unique("grp") })).id as string;
  const makeField = (groupId: string, extra: Record<string, unknown> = {}) =>
    probe.ok("create_property_field", { field: { group_id: groupId, name: unique("field"), type: "text", target_type: "user", ...extra } });
  /** A field made by the server itself (not a plugin): only such a caller may give a new field owners. */
  const adminField = (groupId: string, attrs: Record<string, unknown>) =>
    probe.app.propertyFields.createField(
      { group_id: groupId, name: unique("field"), type: "text", attrs, target_id: "", target_type: "user", object_type: "", created_by: "", updated_by: "" },
      { pluginId: "", scope: "" },
    );
  const fieldRow = (id: string) => db().selectFrom("property_fields").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const valueRow = (id: string) => db().selectFrom("property_values").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const newValue = (groupId: string, fieldId: string, value: unknown, extra: Record<string, unknown> = {}) => ({
    group_id: groupId, field_id: fieldId, target_type: "user", target_id: newId(), value: JSON.stringify(value), ...extra,
  });

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
