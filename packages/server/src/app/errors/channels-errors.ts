import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's channels, channel members, direct/group channels, sidebar categories (Mattermost's ids where it has one). */
export const CHANNELS_ERRORS = {
  // Archiving, restoring, updating
  "api.channel.delete_channel.deleted.app_error": { status: 400, message: "The channel is already archived." },
  "api.channel.delete_channel.type.invalid": { status: 400, message: "Direct and group message channels cannot be archived." },
  "api.channel.restore_channel.restored.app_error": { status: 400, message: "Unable to unarchive the channel: it is not archived." },
  "app.channel.delete_channel.rejected_by_plugin": { status: 400, message: "Channel archive rejected by plugin: {{.Reason}}" },
  "api.channel.update_channel.deleted.app_error": { status: 400, message: "The channel is archived; restore it before updating it." },
  "api.channel.update_channel.typechange.app_error": { status: 400, message: "A channel's type can only change between open (O) and private (P)." },
  // Membership
  "api.channel.add_user_to_channel.deleted.app_error": { status: 400, message: "The channel is archived; users cannot be added to it." },
  "api.channel.add_user_to_channel.type.app_error": { status: 400, message: "Users cannot be added to a direct or group message channel." },
  "app.channel.add_user.to.channel.rejected_by_plugin": { status: 400, message: "The user was not added to the channel: {{.Reason}}" },
  "api.channel.update_channel_member_roles.scheme_role.app_error": { status: 400, message: "Invalid channel role '{{.Role}}': use channel_user, optionally with channel_admin." },
  "api.channel.update_channel_member_roles.unset_user_scheme.app_error": { status: 400, message: "A channel member must keep the channel_user role." },
  "model.channel_member.is_valid.notify_props.app_error": { status: 400, message: "Invalid notification property {{.Name}}: '{{.Value}}' is not one of {{.Allowed}}." },
  "app.channel.patch_channel_members_notify_props.too_many": { status: 400, message: "At most {{.Max}} channel members can be updated at once." },
  // Direct and group messages
  "api.channel.create_group.bad_size.app_error": { status: 400, message: "Group message channels must have at least 3 and no more than 8 users." },
  "api.channel.create_group.bad_user.app_error": { status: 400, message: "One of the provided users does not exist or is deactivated." },
  // Channel guards
  "app.channel_guard.register.empty_channel.app_error": { status: 400, message: "A channel id is required to register a channel guard." },
  "app.channel_guard.unregister.empty_channel.app_error": { status: 400, message: "A channel id is required to unregister a channel guard." },
  "app.channel_guard.invalid_channel.app_error": { status: 400, message: "Invalid channel id for a channel guard." },
  // Sidebar categories
  "app.channel.sidebar_categories.app_error": { status: 404, message: "Sidebar category not found for this user and team." },
  "model.channel_sidebar_category.is_valid.display_name.app_error": { status: 400, message: "A custom sidebar category needs a display name of 1 to 64 characters." },
  "model.channel_sidebar_category.is_valid.sorting.app_error": { status: 400, message: "Invalid sidebar category sorting '{{.Sorting}}': use \"\", manual, recent or alpha." },
  "app.channel.sidebar_categories.invalid_channel.app_error": { status: 400, message: "Channel {{.ChannelId}} is not one of the user's channels on this team." },
} as const satisfies Record<string, CatalogueEntry>;
