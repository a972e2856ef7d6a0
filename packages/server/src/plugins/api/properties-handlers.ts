import type { PluginAPIHandlers } from "@polyplug/host";
import {
  PropertyFieldSchema,
  PropertyFieldSearchOptsSchema,
  PropertyGroupSchema,
  PropertyValueSchema,
  PropertyValueSearchOptsSchema,
  fromProto,
  toProto,
} from "@polyplug/protocol";
import type { PropertyCaller, PropertyField, PropertyGroup, PropertyValue } from "../../app/models/property.js";
import type { PropertyFieldInput } from "../../app/property-fields-service.js";
import type { PropertyValueInput } from "../../app/property-values-service.js";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";
import { invalidParam } from "./request-params.js";

type Message = Parameters<typeof fromProto>[1];

/**
 * The Plugin API's property fields, values and groups, acting as plugin `pluginId`. The plugin is
 * the caller Mattermost checks an owner-managed field's owners against; the *WithOptions variants
 * add the scope it declares acting as (the others act as no scope).
 */
export function createPropertiesHandlers(deps: PluginAPIBackendDeps, pluginId: string): PluginAPIHandlers {
  const { app } = deps;
  const fields = app.propertyFields;
  const values = app.propertyValues;
  const field = (value: PropertyField) => toProto(PropertyFieldSchema, value);
  const value = (v: PropertyValue) => toProto(PropertyValueSchema, v);
  const group = (g: PropertyGroup) => toProto(PropertyGroupSchema, g);
  const caller = (options?: { actingAsScope: string }): PropertyCaller => ({ pluginId, scope: options?.actingAsScope ?? "" });

  const missing = (name: string, where: string): never => {
    throw invalidParam(name, where);
  };
  const fieldInput = (message: Message | undefined, where: string): PropertyFieldInput => {
    if (!message) missing("field", where);
    const json = fromProto(PropertyFieldSchema, message!) as Partial<PropertyField> & { linked_field_id?: string };
    return {
      id: json.id ?? "",
      group_id: json.group_id ?? "",
      name: json.name ?? "",
      type: json.type ?? "",
      attrs: (json.attrs as Record<string, unknown> | undefined) ?? {},
      target_id: json.target_id ?? "",
      target_type: json.target_type ?? "",
      object_type: json.object_type ?? "",
      created_by: json.created_by ?? "",
      updated_by: json.updated_by ?? "",
      linked_field_id: json.linked_field_id,
    };
  };
  const valueInput = (message: Message | undefined, where: string): PropertyValueInput => {
    if (!message) missing("value", where);
    const json = fromProto(PropertyValueSchema, message!) as Partial<PropertyValue>;
    return {
      id: json.id ?? "",
      target_id: json.target_id ?? "",
      target_type: json.target_type ?? "",
      group_id: json.group_id ?? "",
      field_id: json.field_id ?? "",
      value: json.value ?? "",
      created_by: json.created_by ?? "",
      updated_by: json.updated_by ?? "",
    };
  };
  const fieldOpts = (groupId: string, message: Message | undefined) => {
    const o = message ? (fromProto(PropertyFieldSearchOptsSchema, message) as Record<string, any>) : {};
    return {
      group_id: groupId,
      target_type: o["target_type"],
      target_ids: [...(o["target_ids"] ?? []), ...(o["target_id"] ? [o["target_id"]] : [])],
      object_type: o["object_type"],
      linked_field_id: o["linked_field_id"],
      include_deleted: o["include_deleted"],
      cursor: o["cursor"] ? { id: o["cursor"].property_field_id ?? "", create_at: o["cursor"].create_at ?? 0 } : undefined,
      per_page: o["per_page"] ?? 0,
    };
  };
  const valueOpts = (groupId: string, message: Message | undefined) => {
    const o = message ? (fromProto(PropertyValueSearchOptsSchema, message) as Record<string, any>) : {};
    return {
      group_id: groupId,
      target_type: o["target_type"],
      target_ids: o["target_ids"] ?? [],
      field_id: o["field_id"],
      include_deleted: o["include_deleted"],
      cursor: o["cursor"] ? { id: o["cursor"].property_value_id ?? "", create_at: o["cursor"].create_at ?? 0 } : undefined,
      per_page: o["per_page"] ?? 0,
    };
  };

  return {
    registerPropertyGroup: async ({ name }) => ({ group: group(await fields.registerGroup(name)) }),
    getPropertyGroup: async ({ name }) => ({ group: group(await fields.getGroup(name)) }),

    createPropertyField: async (request) => ({ field: field(await fields.createField(fieldInput(request.field, "CreatePropertyField"), caller())) }),
    getPropertyField: async ({ groupId, fieldId }) => ({ field: field(await fields.getField(groupId, fieldId)) }),
    getPropertyFields: async ({ groupId, ids }) => ({ fields: (await fields.getFields(groupId, ids)).map(field) }),
    getPropertyFieldByName: async ({ groupId, targetId, name }) => ({ field: field(await fields.getFieldByName(groupId, targetId, name)) }),
    updatePropertyField: async ({ groupId, field: input }) => {
      const [updated] = await fields.updateFields(groupId, [fieldInput(input, "UpdatePropertyField")], caller());
      return { field: field(updated!) };
    },
    updatePropertyFields: async ({ groupId, fields: inputs }) => ({
      fields: (await fields.updateFields(groupId, inputs.map((f) => fieldInput(f, "UpdatePropertyFields")), caller())).map(field),
    }),
    deletePropertyField: async ({ groupId, fieldId }) => {
      await fields.deleteField(groupId, fieldId, caller());
      return {};
    },
    searchPropertyFields: async ({ groupId, opts }) => ({ fields: (await fields.searchFields(fieldOpts(groupId, opts))).map(field) }),
    countPropertyFields: async ({ groupId, includeDeleted }) => ({ count: BigInt(await fields.countFields(groupId, includeDeleted)) }),
    countPropertyFieldsForTarget: async ({ groupId, targetType, targetId, includeDeleted }) => ({
      count: BigInt(await fields.countFields(groupId, includeDeleted, { targetType, targetId })),
    }),

    createPropertyValue: async (request) => ({ value: value(await values.createValue(valueInput(request.value, "CreatePropertyValue"), caller())) }),
    getPropertyValue: async ({ groupId, valueId }) => ({ value: value(await values.getValue(groupId, valueId)) }),
    getPropertyValues: async ({ groupId, ids }) => ({ values: (await values.getValues(groupId, ids)).map(value) }),
    updatePropertyValue: async ({ groupId, value: input }) => {
      const [updated] = await values.updateValues(groupId, [valueInput(input, "UpdatePropertyValue")], caller());
      return { value: value(updated!) };
    },
    updatePropertyValues: async ({ groupId, values: inputs }) => ({
      values: (await values.updateValues(groupId, inputs.map((v) => valueInput(v, "UpdatePropertyValues")), caller())).map(value),
    }),
    upsertPropertyValue: async (request) => {
      const [saved] = await values.upsertValues([valueInput(request.value, "UpsertPropertyValue")], caller());
      return { value: value(saved!) };
    },
    upsertPropertyValues: async (request) => ({
      values: (await values.upsertValues(request.values.map((v) => valueInput(v, "UpsertPropertyValues")), caller())).map(value),
    }),
    upsertPropertyValueWithOptions: async (request) => {
      const [saved] = await values.upsertValues([valueInput(request.value, "UpsertPropertyValueWithOptions")], caller(request.options));
      return { value: value(saved!) };
    },
    upsertPropertyValuesWithOptions: async (request) => ({
      values: (await values.upsertValues(request.values.map((v) => valueInput(v, "UpsertPropertyValuesWithOptions")), caller(request.options))).map(value),
    }),
    deletePropertyValue: async ({ groupId, valueId }) => {
      await values.deleteValue(groupId, valueId, caller());
      return {};
    },
    deletePropertyValueWithOptions: async ({ groupId, valueId, options }) => {
      await values.deleteValue(groupId, valueId, caller(options));
      return {};
    },
    deletePropertyValuesForTarget: async ({ groupId, targetType, targetId }) => {
      await values.deleteValuesForTarget(groupId, targetType, targetId, caller());
      return {};
    },
    deletePropertyValuesForTargetWithOptions: async ({ groupId, targetType, targetId, options }) => {
      await values.deleteValuesForTarget(groupId, targetType, targetId, caller(options));
      return {};
    },
    deletePropertyValuesForField: async ({ groupId, fieldId }) => {
      await values.deleteValuesForField(groupId, fieldId, caller());
      return {};
    },
    deletePropertyValuesForFieldWithOptions: async ({ groupId, fieldId, options }) => {
      await values.deleteValuesForField(groupId, fieldId, caller(options));
      return {};
    },
    searchPropertyValues: async ({ groupId, opts }) => ({ values: (await values.searchValues(valueOpts(groupId, opts))).map(value) }),
  };
}
