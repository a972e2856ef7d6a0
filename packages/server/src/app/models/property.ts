/** Mattermost's model.PropertyGroup: a named namespace of property fields. */
export interface PropertyGroup {
  id: string;
  name: string;
  version: number;
}

/** Mattermost's field types. */
export const PROPERTY_FIELD_TYPES = ["text", "select", "multiselect", "date", "user", "multiuser"] as const;
export type PropertyFieldType = (typeof PROPERTY_FIELD_TYPES)[number];

/** object_type of a template field, the only kind other fields may link to. */
export const PROPERTY_OBJECT_TYPE_TEMPLATE = "template";

/** Mattermost's model.PropertyField (JSON names). `linked_field_id` is null when unlinked. */
export interface PropertyField {
  id: string;
  group_id: string;
  name: string;
  type: string;
  attrs: Record<string, unknown>;
  target_id: string;
  target_type: string;
  object_type: string;
  linked_field_id: string | null;
  created_by: string;
  updated_by: string;
  create_at: number;
  update_at: number;
  delete_at: number;
}

/** Mattermost's model.PropertyValue; `value` is the value's JSON text (json.RawMessage). */
export interface PropertyValue {
  id: string;
  target_id: string;
  target_type: string;
  group_id: string;
  field_id: string;
  value: string;
  created_by: string;
  updated_by: string;
  create_at: number;
  update_at: number;
  delete_at: number;
}

/** Resumes a search after (create_at, id) of the previous page's last row. */
export interface PropertySearchCursor {
  id: string;
  create_at: number;
}

/** Mattermost's PropertyFieldSearchOpts. */
export interface PropertyFieldSearchOpts {
  group_id: string;
  target_type?: string;
  target_ids?: readonly string[];
  object_type?: string;
  linked_field_id?: string;
  include_deleted?: boolean;
  cursor?: PropertySearchCursor;
  per_page: number;
}

/** Mattermost's PropertyValueSearchOpts. */
export interface PropertyValueSearchOpts {
  group_id: string;
  target_type?: string;
  target_ids?: readonly string[];
  field_id?: string;
  include_deleted?: boolean;
  cursor?: PropertySearchCursor;
  per_page: number;
}

/**
 * Who is calling: the plugin (Mattermost's caller id) and the scope it declares it acts as
 * (PropertyRequestOptions.ActingAsScope, "" when none).
 */
export interface PropertyCaller {
  pluginId: string;
  scope: string;
}
