/**
 * Owner-managed property fields (Mattermost's attrs.owners, model.PropertyOwner): when a field
 * lists owners, only a listed owner may change the field, and a machine caller (a plugin is one)
 * may write its values only when it is a listed owner whose scopes contain the scope it declares
 * acting as — an owner with no scopes may write for any scope.
 *
 * The owners list itself is the admin's (Mattermost's TestOwnerListManagedByAdminOnly): a plugin
 * may neither create a field that declares owners nor add owners to an unowned field (it could
 * otherwise take over any field); a listed owner may change the list. Callers that are not plugins
 * (`pluginId` "", the server itself) may.
 */
import { appError } from "./app-error.js";
import type { PropertyCaller, PropertyField } from "./models/property.js";

export const PROPERTY_OWNER_TYPES = ["plugin", "service", "role", "user"] as const;
/** Mattermost's defensive bounds on the owners list. */
const MAX_OWNERS = 20;
const MAX_SCOPES = 32;
const MAX_SCOPE_RUNES = 64;
const MAX_OWNER_ID_RUNES = 255;
const SCOPE_PATTERN = /^[a-zA-Z0-9._:-]+$/;

interface PropertyOwner {
  id: string;
  type: string;
  scopes: string[];
}

/** The owners a field declares ([] when it is not owner-managed). */
export function fieldOwners(field: Pick<PropertyField, "attrs">): PropertyOwner[] {
  const raw = field.attrs["owners"];
  if (!Array.isArray(raw)) return [];
  return raw.map((o) => {
    const owner = (typeof o === "object" && o !== null ? o : {}) as Record<string, unknown>;
    return { id: String(owner["id"] ?? ""), type: String(owner["type"] ?? ""), scopes: Array.isArray(owner["scopes"]) ? owner["scopes"].map(String) : [] };
  });
}

/** The reason attrs.owners is malformed, or null when it is absent or well formed. */
export function invalidOwnersReason(attrs: Record<string, unknown>): string | null {
  const raw = attrs["owners"];
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw)) return "owners must be a list";
  if (raw.length > MAX_OWNERS) return `at most ${MAX_OWNERS} owners`;
  for (const item of raw) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return "each owner must be an object {id, type, scopes}";
    const owner = item as Record<string, unknown>;
    if (typeof owner["id"] !== "string" || owner["id"] === "" || [...owner["id"]].length > MAX_OWNER_ID_RUNES) return "owner id must be 1-255 characters";
    if (!(PROPERTY_OWNER_TYPES as readonly unknown[]).includes(owner["type"])) return `owner type must be one of ${PROPERTY_OWNER_TYPES.join(", ")}`;
    const scopes = owner["scopes"];
    if (scopes === undefined || scopes === null) continue;
    if (!Array.isArray(scopes) || scopes.length > MAX_SCOPES) return `owner scopes must be a list of at most ${MAX_SCOPES}`;
    for (const scope of scopes) {
      if (typeof scope !== "string" || !SCOPE_PATTERN.test(scope) || [...scope].length > MAX_SCOPE_RUNES) return `invalid owner scope ${JSON.stringify(scope)}`;
    }
  }
  return null;
}

/** Refuses (403) a change to an owner-managed field's definition by a plugin that is not an owner. */
export function assertMayChangeField(field: PropertyField, caller: PropertyCaller, where: string): void {
  const owners = fieldOwners(field);
  if (owners.length === 0) return;
  if (owners.some((o) => o.type === "plugin" && o.id === caller.pluginId)) return;
  throw appError("app.property_field.owner_managed.app_error", { where, params: { FieldId: field.id, PluginId: caller.pluginId } });
}

/** Refuses (403) a value write on an owner-managed field unless the caller owns it for its scope. */
export function assertMayWriteValues(field: PropertyField, caller: PropertyCaller, where: string): void {
  const owners = fieldOwners(field);
  if (owners.length === 0) return;
  const allowed = owners.some((o) => o.type === "plugin" && o.id === caller.pluginId && (o.scopes.length === 0 || (caller.scope !== "" && o.scopes.includes(caller.scope))));
  if (allowed) return;
  throw appError("app.property_value.owner_managed.app_error", { where, params: { FieldId: field.id, PluginId: caller.pluginId, Scope: caller.scope } });
}

/** Refuses (403) a plugin giving owners to a field that had none (or to a new field). */
export function assertMaySetOwners(before: PropertyField | null, after: Pick<PropertyField, "attrs" | "id">, caller: PropertyCaller, where: string): void {
  if (caller.pluginId === "") return;
  if (fieldOwners(after).length === 0 || (before !== null && fieldOwners(before).length > 0)) return;
  throw appError("app.property_field.owners_admin_only.app_error", { where, params: { FieldId: after.id, PluginId: caller.pluginId } });
}
