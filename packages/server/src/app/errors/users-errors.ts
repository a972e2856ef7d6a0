import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's users: accounts, search, statuses, custom status, profile images (Mattermost's ids where it has one). */
export const USERS_ERRORS = {
  // Mattermost answers a plugin's UserWillLogIn refusal with 400 "Login rejected by plugin: <reason>".
  "plugin.user_will_log_in.reject": { status: 400, message: "Login rejected by plugin: {{.Reason}}" },
  "plugin.api.update_user_status.bad_status": { status: 400, message: "Unrecognized status {{.Status}}: use online, away, dnd or offline." },
  "plugin.api.get_users_in_channel": { status: 400, message: "Invalid sort option {{.SortBy}}: use \"username\" or \"status\"." },
  "app.role.check_roles_exist.role_not_found": { status: 400, message: "The role {{.Role}} does not exist." },
  "app.user.save.auth_data_exists.app_error": { status: 409, message: "An account with that auth_service identity (auth_data) already exists." },
  "app.user.update_auth_data.email_exists.app_error": { status: 400, message: "Another account already uses this auth_service identity (auth_data)." },
  "api.user.update_auth.auth_service.app_error": { status: 400, message: "auth_service and auth_data must both be set (an external identity) to move an account to an auth service." },
  "api.custom_status.set_custom_statuses.update.app_error": { status: 400, message: "Failed to update the custom status: give an emoji or a text." },
  "api.custom_status.set_custom_statuses.expiry.app_error": { status: 400, message: "Invalid custom status expiry: duration must be one of thirty_minutes, one_hour, four_hours, today, this_week, date_and_time (or empty), and expires_at an RFC 3339 time not in the past." },
  "api.user.upload_profile_user.decode.app_error": { status: 400, message: "Could not decode the profile image: send PNG, JPEG or GIF bytes." },
  "api.user.upload_profile_user.large_image.app_error": { status: 400, message: "The profile image is too large: {{.Width}}x{{.Height}} is more than {{.Max}} pixels." },
  "api.user.upload_profile_user.too_large.app_error": { status: 413, message: "The profile image is larger than the allowed {{.Max}} bytes." },
} as const satisfies Record<string, CatalogueEntry>;
