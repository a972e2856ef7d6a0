/**
 * Property groups and property fields, with Mattermost's semantics (PropertyService): groups are
 * registered once by name; fields belong to a group, are unique by name per (group, target type,
 * target id) among live fields, and are soft-deleted together with their values.
 *
 * Template fields (object_type "template") may be linked to by other fields of the same group and
 * target type: a linked field takes the template's type and options and cannot change them; a
 * template's options changes flow to its linked fields, its type cannot change and it cannot be
 * deleted while linked fields depend on it. Owner-managed fields (attrs.owners) may be changed
 * only by a listed plugin owner.
 */
import type { Transaction } from "kysely";
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { mapDbError, withDbErrors, type DbErrorIds } from "./map-db-error.js";
import {
  PROPERTY_OBJECT_TYPE_TEMPLATE,
  type PropertyCaller,
  type PropertyField,
  type PropertyFieldSearchOpts,
  type PropertyGroup,
} from "./models/property.js";
import { isValidId, newId } from "./new-id.js";
import { assertMayChangeField, assertMaySetOwners } from "./property-owners.js";
import {
  checkCursor,
  checkFieldDefinition,
  checkPerPage,
  fieldFromRow,
  fieldToRow,
  requireGroupId,
  requireIdParam,
  validateGroupName,
} from "./property-validation.js";
import { searchPage } from "./property-search-page.js";
import type { Db, Schema } from "../store/schema.js";

/** What a caller may set on a field (the rest is the server's). */
export type PropertyFieldInput = Pick<PropertyField, "group_id" | "name" | "type" | "attrs" | "target_id" | "target_type" | "object_type" | "created_by" | "updated_by"> & {
  id?: string;
  /** undefined: keep (update) / none (create); "": unlink; an id: link to that template. */
  linked_field_id?: string | undefined;
};

export interface PropertyFieldsService {
  registerGroup(name: string): Promise<PropertyGroup>;
  getGroup(name: string): Promise<PropertyGroup>;
  createField(input: PropertyFieldInput, caller: PropertyCaller): Promise<PropertyField>;
  /** A field of the group (any group when groupId is ""), deleted or not; 404 when absent. */
  getField(groupId: string, fieldId: string): Promise<PropertyField>;
  getFields(groupId: string, ids: readonly string[]): Promise<PropertyField[]>;
  getFieldByName(groupId: string, targetId: string, name: string): Promise<PropertyField>;
  updateFields(groupId: string, inputs: readonly PropertyFieldInput[], caller: PropertyCaller): Promise<PropertyField[]>;
  deleteField(groupId: string, fieldId: string, caller: PropertyCaller): Promise<void>;
  searchFields(opts: PropertyFieldSearchOpts): Promise<PropertyField[]>;
  countFields(groupId: string, includeDeleted: boolean, target?: { targetType: string; targetId: string }): Promise<number>;
}

type Executor = Db | Transaction<Schema>;

/** attrs.options in a canonical form (sorted keys), since Struct round trips do not keep key order. */
const optionsOf = (attrs: Record<string, unknown>) => canonicalJson(attrs["options"] ?? null);

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
/** A UNIQUE violation here can only be the live-name index (property_fields_live_name_uq): a name clash lost to a concurrent write. */
const nameTaken = (kind: "create" | "update"): DbErrorIds => ({ unique: () => `app.property_field.${kind}.name_conflict.app_error` as const });
const isLinked = (field: PropertyField) => field.linked_field_id !== null && field.linked_field_id !== "";

export function createPropertyFieldsService(ctx: AppContext): PropertyFieldsService {
  const { db } = ctx;

  async function groupById(groupId: string, where: string): Promise<void> {
    const row = await db.selectFrom("property_groups").select("id").where("id", "=", groupId).executeTakeFirst();
    if (!row) throw appError("app.property_group.get.app_error", { where, detailedError: `group_id=${groupId}` });
  }

  async function findField(ex: Executor, groupId: string, fieldId: string): Promise<PropertyField | undefined> {
    let query = ex.selectFrom("property_fields").selectAll().where("id", "=", fieldId);
    if (groupId !== "") query = query.where("group_id", "=", groupId);
    const row = await query.executeTakeFirst();
    return row ? fieldFromRow(row) : undefined;
  }

  async function requireField(ex: Executor, groupId: string, fieldId: string, where: string): Promise<PropertyField> {
    const field = await findField(ex, groupId, fieldId);
    if (!field) throw appError("app.property_field.get.app_error", { where, detailedError: `group_id=${groupId} field_id=${fieldId}` });
    return field;
  }

  async function activeDependents(ex: Executor, fieldId: string): Promise<PropertyField[]> {
    const rows = await ex.selectFrom("property_fields").selectAll().where("linked_field_id", "=", fieldId).where("delete_at", "=", 0).execute();
    return rows.map(fieldFromRow);
  }

  /** Refuses (409) a live field with the same name for the same target in the group. */
  async function checkNameFree(ex: Executor, field: PropertyField, id: "create" | "update", where: string): Promise<void> {
    const clash = await ex
      .selectFrom("property_fields")
      .select("id")
      .where("group_id", "=", field.group_id)
      .where("name", "=", field.name)
      .where("target_type", "=", field.target_type)
      .where("target_id", "=", field.target_id)
      .where("delete_at", "=", 0)
      .where("id", "!=", field.id)
      .executeTakeFirst();
    if (clash) throw appError(`app.property_field.${id}.name_conflict.app_error`, { where, params: { Name: field.name }, detailedError: `existing field ${clash.id}` });
  }

  /** Validates a link to `templateId` and copies the template's type and options onto `field`. */
  async function applyTemplate(field: PropertyField, templateId: string, suppliedOptions: boolean, where: string): Promise<void> {
    const err = (id: Parameters<typeof appError>[0], detail: string) => appError(id, { where, detailedError: detail });
    if (field.object_type === PROPERTY_OBJECT_TYPE_TEMPLATE) throw err("app.property_field.create.template_cannot_be_linked.app_error", `linked_field_id=${templateId}`);
    const source = isValidId(templateId) ? await findField(db, "", templateId) : undefined;
    if (!source) throw err("app.property_field.create.linked_source_not_found.app_error", `linked source field "${templateId}" not found`);
    if (source.group_id !== field.group_id) throw err("app.property_field.create.linked_source_cross_group.app_error", `source group ${source.group_id}`);
    if (source.delete_at !== 0) throw err("app.property_field.create.linked_source_deleted.app_error", `linked source field "${templateId}" is deleted`);
    if (source.object_type !== PROPERTY_OBJECT_TYPE_TEMPLATE) throw err("app.property_field.create.linked_source_not_template.app_error", `source object_type "${source.object_type}"`);
    if (source.target_type !== field.target_type) throw err("app.property_field.create.linked_target_type_mismatch.app_error", `"${field.target_type}" vs "${source.target_type}"`);
    if (isLinked(source)) throw err("app.property_field.create.linked_source_is_linked.app_error", `source links to ${source.linked_field_id}`);
    if (suppliedOptions) throw err("app.property_field.create.linked_options_supplied.app_error", `linked_field_id=${templateId}`);
    field.type = source.type;
    if (source.attrs["options"] !== undefined) field.attrs = { ...field.attrs, options: source.attrs["options"] };
    field.linked_field_id = source.id;
  }

  /** The checked new state of one field update, and the template propagation it implies. */
  async function planUpdate(ex: Executor, groupId: string, input: PropertyFieldInput, caller: PropertyCaller, where: string) {
    if (!isValidId(input.id)) throw appError("model.property_field.is_valid.app_error", { where, params: { FieldName: "id", Reason: "invalid id" } });
    const existing = await requireField(ex, groupId, input.id, where);
    // A deleted field is gone for updates (Mattermost's UpdatePropertyField matches DeleteAt = 0).
    if (existing.delete_at !== 0) throw appError("app.property_field.get.app_error", { where, detailedError: `field ${existing.id} is deleted` });
    assertMayChangeField(existing, caller, where);
    const next: PropertyField = {
      ...existing,
      name: input.name,
      type: input.type,
      attrs: { ...(input.attrs ?? {}) },
      target_id: input.target_id,
      target_type: input.target_type,
      object_type: input.object_type,
      updated_by: input.updated_by,
      update_at: ctx.now(),
    };
    if (input.linked_field_id === "") next.linked_field_id = null;
    else if (input.linked_field_id !== undefined && input.linked_field_id !== existing.linked_field_id) {
      throw appError("app.property_field.update.relink.app_error", { where, detailedError: `linked_field_id=${input.linked_field_id}` });
    }
    const optionsChanged = optionsOf(existing.attrs) !== optionsOf(next.attrs);
    if (isLinked(existing)) {
      if (next.type !== existing.type) throw appError("app.property_field.update.linked_type_change.app_error", { where, detailedError: `field ${existing.id}` });
      if (optionsChanged) throw appError("app.property_field.update.linked_options_change.app_error", { where, detailedError: `field ${existing.id}` });
    }
    checkFieldDefinition(next, where);
    assertMaySetOwners(existing, next, caller, where);
    const dependents = await activeDependents(ex, existing.id);
    if (dependents.length > 0 && next.type !== existing.type) {
      throw appError("app.property_field.update.type_change_with_dependents.app_error", { where, detailedError: `${dependents.length} linked field(s)` });
    }
    if (next.name !== existing.name || next.target_type !== existing.target_type || next.target_id !== existing.target_id) {
      await checkNameFree(ex, next, "update", where);
    }
    return { next, propagateTo: optionsOf(existing.attrs) !== optionsOf(next.attrs) ? dependents : [] };
  }

  return {
    async registerGroup(name) {
      validateGroupName(name, "RegisterPropertyGroup");
      const existing = await db.selectFrom("property_groups").selectAll().where("name", "=", name).executeTakeFirst();
      if (existing) return { ...existing, version: Number(existing.version) };
      const group: PropertyGroup = { id: newId(), name, version: 1 };
      try {
        await db.insertInto("property_groups").values(group).execute();
        return group;
      } catch (error) {
        // Registered concurrently under the same name: answer the winner, as Mattermost's upsert does.
        const winner = await db.selectFrom("property_groups").selectAll().where("name", "=", name).executeTakeFirst();
        if (winner) return { ...winner, version: Number(winner.version) };
        throw mapDbError(error, "RegisterPropertyGroup");
      }
    },

    async getGroup(name) {
      const row = await db.selectFrom("property_groups").selectAll().where("name", "=", name).executeTakeFirst();
      if (!row) throw appError("app.property_group.get.app_error", { where: "GetPropertyGroup", detailedError: `name=${name}` });
      return { ...row, version: Number(row.version) };
    },

    async createField(input, caller) {
      const where = "CreatePropertyField";
      if (input.id !== undefined && input.id !== "") throw appError("model.property_field.is_valid.app_error", { where, params: { FieldName: "id", Reason: "a new field has no id" } });
      requireGroupId(input.group_id, where);
      await groupById(input.group_id, where);
      const now = ctx.now();
      const field: PropertyField = {
        id: newId(),
        group_id: input.group_id,
        name: input.name,
        type: input.type,
        attrs: { ...(input.attrs ?? {}) },
        target_id: input.target_id,
        target_type: input.target_type,
        object_type: input.object_type,
        linked_field_id: null,
        created_by: input.created_by,
        updated_by: input.updated_by || input.created_by,
        create_at: now,
        update_at: now,
        delete_at: 0,
      };
      if (input.linked_field_id) await applyTemplate(field, input.linked_field_id, input.attrs?.["options"] !== undefined, where);
      checkFieldDefinition(field, where);
      assertMaySetOwners(null, field, caller, where);
      await checkNameFree(db, field, "create", where);
      await withDbErrors(where, nameTaken("create"), () => db.insertInto("property_fields").values(fieldToRow(field)).execute());
      return field;
    },

    async getField(groupId, fieldId) {
      const where = "GetPropertyField";
      if (groupId !== "") requireGroupId(groupId, where);
      requireIdParam(fieldId, "field_id", where);
      return requireField(db, groupId, fieldId, where);
    },

    async getFields(groupId, ids) {
      const where = "GetPropertyFields";
      if (groupId !== "") requireGroupId(groupId, where);
      ids.forEach((id) => requireIdParam(id, "ids", where));
      if (ids.length === 0) return [];
      let query = db.selectFrom("property_fields").selectAll().where("id", "in", [...ids]);
      if (groupId !== "") query = query.where("group_id", "=", groupId);
      const found = new Map((await query.execute()).map((row) => [row.id, fieldFromRow(row)]));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) throw appError("app.property_field.get.app_error", { where, detailedError: `missing: ${missing.join(",")}` });
      return [...new Set(ids)].map((id) => found.get(id)!);
    },

    async getFieldByName(groupId, targetId, name) {
      const where = "GetPropertyFieldByName";
      requireGroupId(groupId, where);
      const row = await db
        .selectFrom("property_fields")
        .selectAll()
        .where("group_id", "=", groupId)
        .where("target_id", "=", targetId)
        .where("name", "=", name)
        .where("delete_at", "=", 0)
        .executeTakeFirst();
      if (!row) throw appError("app.property_field.get.app_error", { where, detailedError: `name=${name} target_id=${targetId}` });
      return fieldFromRow(row);
    },

    async updateFields(groupId, inputs, caller) {
      const where = inputs.length === 1 ? "UpdatePropertyField" : "UpdatePropertyFields";
      requireGroupId(groupId, where);
      if (inputs.length === 0) return [];
      return withDbErrors(where, nameTaken("update"), () =>
        db.transaction().execute(async (trx) => {
          const updated: PropertyField[] = [];
          for (const input of inputs) {
            const { next, propagateTo } = await planUpdate(trx, groupId, input, caller, where);
            await trx.updateTable("property_fields").set(fieldToRow(next)).where("id", "=", next.id).execute();
            for (const dependent of propagateTo) {
              const attrs = { ...dependent.attrs, options: next.attrs["options"] };
              await trx.updateTable("property_fields").set({ attrs: JSON.stringify(attrs), update_at: next.update_at }).where("id", "=", dependent.id).execute();
            }
            updated.push(next);
          }
          return updated;
        }),
      );
    },

    async deleteField(groupId, fieldId, caller) {
      const where = "DeletePropertyField";
      requireGroupId(groupId, where);
      requireIdParam(fieldId, "field_id", where);
      await withDbErrors(where, {}, () =>
        db.transaction().execute(async (trx) => {
          const field = await requireField(trx, groupId, fieldId, where);
          if (field.delete_at !== 0) throw appError("app.property_field.get.app_error", { where, detailedError: `field ${fieldId} is already deleted` });
          assertMayChangeField(field, caller, where);
          const dependents = await activeDependents(trx, fieldId);
          if (dependents.length > 0) throw appError("app.property_field.delete.has_linked_dependents.app_error", { where, detailedError: dependents.map((d) => d.id).join(",") });
          const now = ctx.now();
          await trx.updateTable("property_values").set({ delete_at: now }).where("group_id", "=", groupId).where("field_id", "=", fieldId).where("delete_at", "=", 0).execute();
          await trx.updateTable("property_fields").set({ delete_at: now }).where("id", "=", fieldId).execute();
        }),
      );
    },

    async searchFields(opts) {
      const where = "SearchPropertyFields";
      if (opts.group_id !== "") requireGroupId(opts.group_id, where);
      checkPerPage(opts.per_page, where);
      const cursor = checkCursor(opts.cursor, where);
      let query = db.selectFrom("property_fields").selectAll();
      if (opts.group_id !== "") query = query.where("group_id", "=", opts.group_id);
      if (opts.target_type) query = query.where("target_type", "=", opts.target_type);
      if (opts.target_ids && opts.target_ids.length > 0) query = query.where("target_id", "in", [...opts.target_ids]);
      if (opts.object_type) query = query.where("object_type", "=", opts.object_type);
      if (opts.linked_field_id) query = query.where("linked_field_id", "=", opts.linked_field_id);
      if (!opts.include_deleted) query = query.where("delete_at", "=", 0);
      const rows = await searchPage(query, cursor, opts.per_page).execute();
      return rows.map(fieldFromRow);
    },

    async countFields(groupId, includeDeleted, target) {
      requireGroupId(groupId, target ? "CountPropertyFieldsForTarget" : "CountPropertyFields");
      let query = db.selectFrom("property_fields").select((eb) => eb.fn.countAll<number>().as("count")).where("group_id", "=", groupId);
      if (target) query = query.where("target_type", "=", target.targetType).where("target_id", "=", target.targetId);
      if (!includeDeleted) query = query.where("delete_at", "=", 0);
      const row = await query.executeTakeFirstOrThrow();
      return Number(row.count);
    },
  };
}
