/**
 * Input checks shared by the property services (Mattermost's PropertyGroup / PropertyField /
 * PropertyValue IsValid), and row ↔ model conversion.
 */
import { parseJsonObject } from "./app-context.js";
import { appError } from "./app-error.js";
import { PROPERTY_FIELD_TYPES, type PropertyField, type PropertySearchCursor, type PropertyValue } from "./models/property.js";
import { isValidId, newId } from "./new-id.js";
import { invalidOwnersReason } from "./property-owners.js";
import type { PropertyFieldsTable, PropertyValuesTable } from "../store/schema.js";
import { runes } from "./runes.js";

/** Mattermost's validPropertyGroupNameRegex; the PropertyGroups name column is 64 wide. */
const GROUP_NAME_PATTERN = /^[a-z0-9][a-z0-9_]*$/;
const GROUP_NAME_MAX = 64;
/** Mattermost's PropertyFieldNameMaxRunes and the width of the target columns. */
export const FIELD_NAME_MAX_RUNES = 255;
const TARGET_MAX_RUNES = 255;

export function validateGroupName(name: string, where: string): void {
  if (!GROUP_NAME_PATTERN.test(name) || name.length > GROUP_NAME_MAX) {
    throw appError("model.property_group.is_valid.app_error", { where, params: { FieldName: "name", Reason: `must match [a-z0-9][a-z0-9_]* and be at most ${GROUP_NAME_MAX} characters` } });
  }
}

function invalidField(where: string, fieldName: string, reason: string): never {
  throw appError("model.property_field.is_valid.app_error", { where, params: { FieldName: fieldName, Reason: reason } });
}

export function invalidValue(where: string, fieldName: string, reason: string): never {
  throw appError("model.property_value.is_valid.app_error", { where, params: { FieldName: fieldName, Reason: reason } });
}

/** A group id argument: a valid id (400 otherwise). */
export function requireGroupId(groupId: string, where: string): void {
  if (!isValidId(groupId)) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "group_id" } });
}

export function requireIdParam(value: string, name: string, where: string): void {
  if (!isValidId(value)) throw appError("api.context.invalid_param.app_error", { where, params: { Name: name } });
}

/**
 * Checks a field's definition (after a linked field took its template's type) and gives options
 * without an id one, as Mattermost's NewPropertyOptionsFromFieldAttrs.
 */
export function checkFieldDefinition(field: PropertyField, where: string): void {
  field.name = field.name.trim();
  if (field.name === "") invalidField(where, "name", "value cannot be empty");
  if (runes(field.name) > FIELD_NAME_MAX_RUNES) invalidField(where, "name", "value exceeds maximum length");
  if (!(PROPERTY_FIELD_TYPES as readonly string[]).includes(field.type)) invalidField(where, "type", `unknown value (use ${PROPERTY_FIELD_TYPES.join(", ")})`);
  for (const column of ["target_id", "target_type", "object_type"] as const) {
    if (runes(field[column]) > TARGET_MAX_RUNES) invalidField(where, column, "value exceeds maximum length");
  }
  const ownersProblem = invalidOwnersReason(field.attrs);
  if (ownersProblem !== null) invalidField(where, "attrs.owners", ownersProblem);
  const options = field.attrs["options"];
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) invalidField(where, "attrs.options", "options must be a list");
  const names = new Set<string>();
  field.attrs["options"] = options.map((item: unknown, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) invalidField(where, "attrs.options", `option ${index} must be an object`);
    const option = { ...(item as Record<string, unknown>) };
    if (typeof option["name"] !== "string" || option["name"] === "") invalidField(where, "attrs.options", `option ${index} needs a name`);
    if (names.has(option["name"])) invalidField(where, "attrs.options", `duplicate option name ${JSON.stringify(option["name"])}`);
    names.add(option["name"]);
    if (option["id"] === undefined || option["id"] === "") option["id"] = newId();
    return option;
  });
}

/** A value's identifying columns and JSON text (400 otherwise). */
export function checkValue(value: PropertyValue, where: string): void {
  if (!isValidId(value.target_id)) invalidValue(where, "target_id", "invalid id");
  if (value.target_type === "") invalidValue(where, "target_type", "value cannot be empty");
  if (runes(value.target_type) > TARGET_MAX_RUNES) invalidValue(where, "target_type", "value exceeds maximum length");
  if (!isValidId(value.group_id)) invalidValue(where, "group_id", "invalid id");
  if (!isValidId(value.field_id)) invalidValue(where, "field_id", "invalid id");
  checkValueJson(value.value, where);
}

export function checkValueJson(text: string, where: string): void {
  try {
    JSON.parse(text);
  } catch {
    invalidValue(where, "value", "must be JSON text (e.g. '\"text\"' or '[\"a\", \"b\"]')");
  }
}

/** A search cursor: empty, or a positive create_at with a valid id (Mattermost's cursor IsValid). */
export function checkCursor(cursor: PropertySearchCursor | undefined, where: string): PropertySearchCursor | undefined {
  if (cursor === undefined || (cursor.id === "" && cursor.create_at === 0)) return undefined;
  if (cursor.create_at <= 0) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "cursor.create_at" }, detailedError: "create at cannot be negative or zero" });
  if (!isValidId(cursor.id)) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "cursor id" }, detailedError: "the cursor's id is invalid" });
  return cursor;
}

export function checkPerPage(perPage: number, where: string): void {
  if (!(perPage > 0)) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "per_page" }, detailedError: "per page must be a positive integer greater than zero" });
}

export function fieldFromRow(row: PropertyFieldsTable): PropertyField {
  return { ...row, attrs: parseJsonObject(row.attrs), create_at: Number(row.create_at), update_at: Number(row.update_at), delete_at: Number(row.delete_at) };
}

export function fieldToRow(field: PropertyField): PropertyFieldsTable {
  return { ...field, attrs: JSON.stringify(field.attrs) };
}

export function valueFromRow(row: PropertyValuesTable): PropertyValue {
  return { ...row, create_at: Number(row.create_at), update_at: Number(row.update_at), delete_at: Number(row.delete_at) };
}
