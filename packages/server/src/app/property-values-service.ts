/**
 * Property values, with Mattermost's semantics (PropertyService): one live value per (group,
 * target, field) — upserts are keyed by that triple — holding JSON text; deletes are soft. A value
 * must belong to a live field of its group, and a write on an owner-managed field's values is
 * checked against the field's owners for the calling plugin and the scope it declares acting as.
 * Batch operations are all-or-nothing (one transaction).
 */
import type { Transaction } from "kysely";
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { withDbErrors, type DbErrorIds } from "./map-db-error.js";
import type { PropertyCaller, PropertyField, PropertyValue, PropertyValueSearchOpts } from "./models/property.js";
import { isValidId, newId } from "./new-id.js";
import { assertMayWriteValues } from "./property-owners.js";
import {
  checkCursor,
  checkPerPage,
  checkValue,
  checkValueJson,
  fieldFromRow,
  invalidValue,
  requireGroupId,
  requireIdParam,
  valueFromRow,
} from "./property-validation.js";
import { searchPage } from "./property-search-page.js";
import type { Db, Schema } from "../store/schema.js";

/** What a caller may set on a value (the rest is the server's). */
export type PropertyValueInput = Pick<PropertyValue, "target_id" | "target_type" | "group_id" | "field_id" | "value" | "created_by" | "updated_by"> & { id?: string };

export interface PropertyValuesService {
  createValue(input: PropertyValueInput, caller: PropertyCaller): Promise<PropertyValue>;
  /** A value of the group (any group when groupId is ""), deleted or not; 404 when absent. */
  getValue(groupId: string, valueId: string): Promise<PropertyValue>;
  getValues(groupId: string, ids: readonly string[]): Promise<PropertyValue[]>;
  /** Replaces the JSON of existing live values of the group (by id). */
  updateValues(groupId: string, inputs: readonly PropertyValueInput[], caller: PropertyCaller): Promise<PropertyValue[]>;
  upsertValues(inputs: readonly PropertyValueInput[], caller: PropertyCaller): Promise<PropertyValue[]>;
  deleteValue(groupId: string, valueId: string, caller: PropertyCaller): Promise<void>;
  deleteValuesForTarget(groupId: string, targetType: string, targetId: string, caller: PropertyCaller): Promise<void>;
  deleteValuesForField(groupId: string, fieldId: string, caller: PropertyCaller): Promise<void>;
  searchValues(opts: PropertyValueSearchOpts): Promise<PropertyValue[]>;
}

type Executor = Db | Transaction<Schema>;

const UNIQUE_VALUE: DbErrorIds = { unique: () => "app.property_value.create.conflict.app_error" };

export function createPropertyValuesService(ctx: AppContext): PropertyValuesService {
  const { db } = ctx;

  /** The live field a value belongs to (404 when its group has no such live field). */
  async function liveField(ex: Executor, groupId: string, fieldId: string, where: string): Promise<PropertyField> {
    const row = await ex.selectFrom("property_fields").selectAll().where("id", "=", fieldId).where("group_id", "=", groupId).where("delete_at", "=", 0).executeTakeFirst();
    if (!row) throw appError("app.property_field.get.app_error", { where, detailedError: `no live field ${fieldId} in group ${groupId}` });
    return fieldFromRow(row);
  }

  async function findValue(ex: Executor, groupId: string, valueId: string): Promise<PropertyValue | undefined> {
    let query = ex.selectFrom("property_values").selectAll().where("id", "=", valueId);
    if (groupId !== "") query = query.where("group_id", "=", groupId);
    const row = await query.executeTakeFirst();
    return row ? valueFromRow(row) : undefined;
  }

  async function liveValue(ex: Executor, groupId: string, valueId: string, where: string): Promise<PropertyValue> {
    const value = await findValue(ex, groupId, valueId);
    if (!value || value.delete_at !== 0) throw appError("app.property_value.get.app_error", { where, detailedError: `group_id=${groupId} value_id=${valueId}` });
    return value;
  }

  /** Refuses the whole operation when any of these fields' values may not be written by the caller. */
  async function assertMayWriteFields(ex: Executor, fieldIds: Iterable<string>, caller: PropertyCaller, where: string): Promise<void> {
    const ids = [...new Set(fieldIds)];
    if (ids.length === 0) return;
    const rows = await ex.selectFrom("property_fields").selectAll().where("id", "in", ids).execute();
    for (const row of rows) assertMayWriteValues(fieldFromRow(row), caller, where);
  }

  async function insertValue(ex: Executor, input: PropertyValueInput): Promise<PropertyValue> {
    const now = ctx.now();
    const value: PropertyValue = {
      id: newId(),
      target_id: input.target_id,
      target_type: input.target_type,
      group_id: input.group_id,
      field_id: input.field_id,
      value: input.value,
      created_by: input.created_by,
      updated_by: input.updated_by || input.created_by,
      create_at: now,
      update_at: now,
      delete_at: 0,
    };
    await ex.insertInto("property_values").values(value).execute();
    return value;
  }

  async function softDelete(ex: Executor, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await ex.updateTable("property_values").set({ delete_at: ctx.now() }).where("id", "in", [...ids]).where("delete_at", "=", 0).execute();
  }

  return {
    async createValue(input, caller) {
      const where = "CreatePropertyValue";
      if (input.id !== undefined && input.id !== "") invalidValue(where, "id", "a new value has no id");
      checkValue({ ...input, id: "", create_at: 0, update_at: 0, delete_at: 0 }, where);
      const field = await liveField(db, input.group_id, input.field_id, where);
      assertMayWriteValues(field, caller, where);
      return withDbErrors(where, UNIQUE_VALUE, () => insertValue(db, input));
    },

    async getValue(groupId, valueId) {
      const where = "GetPropertyValue";
      if (groupId !== "") requireGroupId(groupId, where);
      requireIdParam(valueId, "value_id", where);
      const value = await findValue(db, groupId, valueId);
      if (!value) throw appError("app.property_value.get.app_error", { where, detailedError: `group_id=${groupId} value_id=${valueId}` });
      return value;
    },

    async getValues(groupId, ids) {
      const where = "GetPropertyValues";
      if (groupId !== "") requireGroupId(groupId, where);
      ids.forEach((id) => requireIdParam(id, "ids", where));
      if (ids.length === 0) return [];
      let query = db.selectFrom("property_values").selectAll().where("id", "in", [...ids]);
      if (groupId !== "") query = query.where("group_id", "=", groupId);
      const found = new Map((await query.execute()).map((row) => [row.id, valueFromRow(row)]));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) throw appError("app.property_value.get.app_error", { where, detailedError: `missing: ${missing.join(",")}` });
      return [...new Set(ids)].map((id) => found.get(id)!);
    },

    async updateValues(groupId, inputs, caller) {
      const where = inputs.length === 1 ? "UpdatePropertyValue" : "UpdatePropertyValues";
      requireGroupId(groupId, where);
      inputs.forEach((input) => {
        if (!isValidId(input.id)) invalidValue(where, "id", "invalid id");
        checkValueJson(input.value, where);
      });
      return withDbErrors(where, UNIQUE_VALUE, () =>
        db.transaction().execute(async (trx) => {
          const updated: PropertyValue[] = [];
          for (const input of inputs) {
            const existing = await liveValue(trx, groupId, input.id!, where);
            await assertMayWriteFields(trx, [existing.field_id], caller, where);
            const next = { ...existing, value: input.value, updated_by: input.updated_by, update_at: ctx.now() };
            await trx.updateTable("property_values").set({ value: next.value, updated_by: next.updated_by, update_at: next.update_at }).where("id", "=", next.id).execute();
            updated.push(next);
          }
          return updated;
        }),
      );
    },

    async upsertValues(inputs, caller) {
      const where = inputs.length === 1 ? "UpsertPropertyValue" : "UpsertPropertyValues";
      inputs.forEach((input) => checkValue({ ...input, id: "", create_at: 0, update_at: 0, delete_at: 0 }, where));
      return withDbErrors(where, UNIQUE_VALUE, () =>
        db.transaction().execute(async (trx) => {
          const saved: PropertyValue[] = [];
          for (const input of inputs) {
            const field = await liveField(trx, input.group_id, input.field_id, where);
            assertMayWriteValues(field, caller, where);
            // One statement, so two concurrent upserts of the same triple cannot both insert (the
            // unique index includes delete_at, and a new row's is 0: only the live row conflicts).
            const now = ctx.now();
            const row = await trx
              .insertInto("property_values")
              .values({
                id: newId(), target_id: input.target_id, target_type: input.target_type, group_id: input.group_id, field_id: input.field_id,
                value: input.value, created_by: input.created_by, updated_by: input.updated_by || input.created_by, create_at: now, update_at: now, delete_at: 0,
              })
              .onConflict((oc) =>
                oc.columns(["group_id", "target_id", "field_id", "delete_at"]).doUpdateSet((eb) => ({
                  value: eb.ref("excluded.value"), target_type: eb.ref("excluded.target_type"), updated_by: eb.ref("excluded.updated_by"), update_at: eb.ref("excluded.update_at"),
                })),
              )
              .returningAll()
              .executeTakeFirstOrThrow();
            saved.push(valueFromRow(row));
          }
          return saved;
        }),
      );
    },

    async deleteValue(groupId, valueId, caller) {
      const where = "DeletePropertyValue";
      requireGroupId(groupId, where);
      requireIdParam(valueId, "value_id", where);
      await withDbErrors(where, {}, () =>
        db.transaction().execute(async (trx) => {
          const value = await liveValue(trx, groupId, valueId, where);
          await assertMayWriteFields(trx, [value.field_id], caller, where);
          await softDelete(trx, [value.id]);
        }),
      );
    },

    async deleteValuesForTarget(groupId, targetType, targetId, caller) {
      const where = "DeletePropertyValuesForTarget";
      requireGroupId(groupId, where);
      requireIdParam(targetId, "target_id", where);
      if (targetType === "") throw appError("api.context.invalid_param.app_error", { where, params: { Name: "target_type" } });
      await withDbErrors(where, {}, () =>
        db.transaction().execute(async (trx) => {
          const rows = await trx
            .selectFrom("property_values")
            .select(["id", "field_id"])
            .where("group_id", "=", groupId)
            .where("target_type", "=", targetType)
            .where("target_id", "=", targetId)
            .where("delete_at", "=", 0)
            .execute();
          await assertMayWriteFields(trx, rows.map((r) => r.field_id), caller, where);
          await softDelete(trx, rows.map((r) => r.id));
        }),
      );
    },

    async deleteValuesForField(groupId, fieldId, caller) {
      const where = "DeletePropertyValuesForField";
      requireGroupId(groupId, where);
      requireIdParam(fieldId, "field_id", where);
      await withDbErrors(where, {}, () =>
        db.transaction().execute(async (trx) => {
          const field = await trx.selectFrom("property_fields").selectAll().where("id", "=", fieldId).where("group_id", "=", groupId).executeTakeFirst();
          if (!field) throw appError("app.property_field.get.app_error", { where, detailedError: `group_id=${groupId} field_id=${fieldId}` });
          assertMayWriteValues(fieldFromRow(field), caller, where);
          await trx.updateTable("property_values").set({ delete_at: ctx.now() }).where("group_id", "=", groupId).where("field_id", "=", fieldId).where("delete_at", "=", 0).execute();
        }),
      );
    },

    async searchValues(opts) {
      const where = "SearchPropertyValues";
      if (opts.group_id !== "") requireGroupId(opts.group_id, where);
      checkPerPage(opts.per_page, where);
      const cursor = checkCursor(opts.cursor, where);
      let query = db.selectFrom("property_values").selectAll();
      if (opts.group_id !== "") query = query.where("group_id", "=", opts.group_id);
      if (opts.target_type) query = query.where("target_type", "=", opts.target_type);
      if (opts.target_ids && opts.target_ids.length > 0) query = query.where("target_id", "in", [...opts.target_ids]);
      if (opts.field_id) query = query.where("field_id", "=", opts.field_id);
      if (!opts.include_deleted) query = query.where("delete_at", "=", 0);
      const rows = await searchPage(query, cursor, opts.per_page).execute();
      return rows.map(valueFromRow);
    },
  };
}
