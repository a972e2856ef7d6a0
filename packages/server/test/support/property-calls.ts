/**
 * Shared arrangements for the property suites (plugin-api-property-*.test.ts): groups, fields and
 * values made through the py-api probe, and the rows they leave in the store.
 */
import { newId } from "../../src/app/new-id.js";
import type { ApiProbe } from "./plugin-api-probe.js";

let counter = 0;
/** A name no other call in this process has used. */
export const unique = (prefix: string) => `${prefix}_${process.pid}_${++counter}`;

/** Helpers over the probe the suite started (given lazily: it starts in `before`). */
export function propertyCalls(probe: () => ApiProbe) {
  const db = () => probe().database.database.db;
  return {
    makeGroup: async () => (await probe().ok("register_property_group", { name: unique("grp") })).id as string,
    makeField: (groupId: string, extra: Record<string, unknown> = {}) =>
      probe().ok("create_property_field", { field: { group_id: groupId, name: unique("field"), type: "text", target_type: "user", ...extra } }),
    /** A field made by the server itself (not a plugin): only such a caller may give a new field owners. */
    adminField: (groupId: string, attrs: Record<string, unknown>) =>
      probe().app.propertyFields.createField(
        { group_id: groupId, name: unique("field"), type: "text", attrs, target_id: "", target_type: "user", object_type: "", created_by: "", updated_by: "" },
        { pluginId: "", scope: "" },
      ),
    fieldRow: (id: string) => db().selectFrom("property_fields").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
    valueRow: (id: string) => db().selectFrom("property_values").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
    newValue: (groupId: string, fieldId: string, value: unknown, extra: Record<string, unknown> = {}) => ({
      group_id: groupId, field_id: fieldId, target_type: "user", target_id: newId(), value: JSON.stringify(value), ...extra,
    }),
  };
}
