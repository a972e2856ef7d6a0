import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's groups, group members, group syncables (Mattermost's ids where it has one). */
export const GROUPS_ERRORS = {
  // Group validation (Mattermost's Group.IsValidForCreate / IsValidName)
  "app.group.id.app_error": { status: 400, message: "Invalid group id: a new group has none, an update needs the group's id." },
  "model.group.name.app_error": { status: 400, message: "A group that allows @-mentions (allow_reference) needs a name." },
  "model.group.name.invalid_length.app_error": { status: 400, message: "Group name must be 1-{{.GroupNameMaxLength}} characters." },
  "model.group.name.reserved_name.app_error": { status: 400, message: "Group name '{{.Name}}' is reserved (all, channel, here)." },
  "model.group.name.invalid_chars.app_error": { status: 400, message: "Group name may contain only lowercase letters, digits, '.', '-' and '_'." },
  "model.group.display_name.app_error": { status: 400, message: "Group display name must be 1-{{.GroupDisplayNameMaxLength}} characters." },
  "model.group.description.app_error": { status: 400, message: "Group description must be at most {{.GroupDescriptionMaxLength}} characters." },
  "model.group.source.app_error": { status: 400, message: "Group source must be 'custom', 'ldap' or 'plugin_<plugin id>'." },
  "model.group.remote_id.app_error": { status: 400, message: "Group remote id must be at most 48 characters, and is required for ldap and plugin sources." },
  "app.group.username_conflict": { status: 400, message: "A user with the username \"{{.Username}}\" already exists; a group name must differ from every username." },
  // Uniqueness (Mattermost answers 400 here; a conflict with an existing record is 409 on this server)
  "app.custom_group.unique_name": { status: 409, message: "A group with that name already exists." },
  "app.group.unique_remote_id": { status: 409, message: "A group with that remote id already exists for this source." },
  // Look-ups
  "app.group.no_rows": { status: 404, message: "No matching group found." },
  "app.group.deleted.app_error": { status: 400, message: "The group is archived: restore it first." },
  // Syncables (Mattermost's GroupSyncable.IsValid and app/group.go)
  "model.group_syncable.type.app_error": { status: 400, message: "Group syncable type must be 'Team' or 'Channel'." },
  "model.group_syncable.group_id.app_error": { status: 400, message: "Invalid group id on the group syncable." },
  "model.group_syncable.syncable_id.app_error": { status: 400, message: "Invalid team or channel id on the group syncable." },
  "app.group.group_syncable_already_deleted": { status: 400, message: "The group's link to that team or channel was already removed." },
  "group_not_associated_to_synced_team": { status: 400, message: "The channel's team is group-constrained and the group is not linked to it: link the group to the team first." },
  "app.group.syncable_channel_type.app_error": { status: 400, message: "Only public and private channels can be linked to groups." },
} as const satisfies Record<string, CatalogueEntry>;
