import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's property fields, values and groups (Mattermost's ids where it has one). */
export const PROPERTIES_ERRORS = {
  // Validation (Mattermost's PropertyGroup / PropertyField / PropertyValue IsValid)
  "model.property_group.is_valid.app_error": { status: 400, message: "Invalid property group {{.FieldName}}: {{.Reason}}." },
  "model.property_field.is_valid.app_error": { status: 400, message: "Invalid property field {{.FieldName}}: {{.Reason}}." },
  "model.property_value.is_valid.app_error": { status: 400, message: "Invalid property value {{.FieldName}}: {{.Reason}}." },
  // Look-ups
  "app.property_group.get.app_error": { status: 404, message: "Unable to find the property group." },
  "app.property_field.get.app_error": { status: 404, message: "Unable to find the property field." },
  "app.property_value.get.app_error": { status: 404, message: "Unable to find the property value." },
  // Field names and linked (template) fields
  "app.property_field.create.name_conflict.app_error": { status: 409, message: "Property name \"{{.Name}}\" is already used in this group for the same target." },
  "app.property_field.update.name_conflict.app_error": { status: 409, message: "Property name \"{{.Name}}\" is already used in this group for the same target." },
  "app.property_field.create.linked_source_not_found.app_error": { status: 400, message: "The linked source field does not exist." },
  "app.property_field.create.linked_source_deleted.app_error": { status: 400, message: "The linked source field is deleted." },
  "app.property_field.create.linked_source_is_linked.app_error": { status: 400, message: "Cannot link to a field that is itself linked (no chains allowed)." },
  "app.property_field.create.linked_source_cross_group.app_error": { status: 400, message: "The linked source field must be in the same property group." },
  "app.property_field.create.linked_source_not_template.app_error": { status: 400, message: "Only template fields (object_type \"template\") can be linked to." },
  "app.property_field.create.linked_target_type_mismatch.app_error": { status: 400, message: "A linked field's target_type must match its template's target_type." },
  "app.property_field.create.template_cannot_be_linked.app_error": { status: 400, message: "Template fields cannot have a linked_field_id." },
  "app.property_field.create.linked_options_supplied.app_error": { status: 400, message: "A linked field takes its options from its template, so it cannot be created carrying its own." },
  "app.property_field.update.linked_type_change.app_error": { status: 400, message: "Cannot modify the type of a linked field." },
  "app.property_field.update.linked_options_change.app_error": { status: 400, message: "Cannot modify the options of a linked field." },
  "app.property_field.update.relink.app_error": { status: 400, message: "A field's linked_field_id can only be kept or cleared (\"\") by an update." },
  "app.property_field.update.type_change_with_dependents.app_error": { status: 409, message: "Cannot change the type of a field with active linked dependents." },
  "app.property_field.delete.has_linked_dependents.app_error": { status: 409, message: "Cannot delete a field with active linked dependents; unlink or delete the dependent fields first." },
  // Owner-managed fields (attrs.owners)
  "app.property_field.owner_managed.app_error": { status: 403, message: "Field {{.FieldId}} is owner-managed and plugin {{.PluginId}} is not one of its owners." },
  "app.property_field.owners_admin_only.app_error": { status: 403, message: "Plugin {{.PluginId}} may not give owners to field {{.FieldId}}: the owners list of a field is set by an admin; only a listed owner may change it." },
  "app.property_value.owner_managed.app_error": { status: 403, message: "Field {{.FieldId}} is owner-managed: plugin {{.PluginId}} acting as scope \"{{.Scope}}\" may not write its values." },
  // Values
  "app.property_value.create.conflict.app_error": { status: 409, message: "The target already has a value for this property field." },
} as const satisfies Record<string, CatalogueEntry>;
