import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's preferences, sessions, access tokens, permissions (Mattermost's ids where it has one). */
export const USER_ACCESS_ERRORS = {
  // Mattermost answers 400 (not 404) for an unknown session id, in GetSession and RevokeSession alike.
  "app.session.get.app_error": { status: 400, message: "Unable to find the session." },
  "app.session.save.existing.app_error": { status: 400, message: "Unable to update existing session: a new session must not carry an id." },
  "model.session.is_valid.user_id.app_error": { status: 400, message: "Invalid user_id for the session." },
  "model.session.is_valid.roles_limit.app_error": { status: 400, message: "Invalid session roles: at most {{.Limit}} characters." },
  "model.user_access_token.is_valid.expires_at.app_error": { status: 400, message: "Invalid expires_at for the token: it must be 0 (never) or a time in epoch milliseconds." },
  "api.preference.update_preferences.set_details.app_error": { status: 403, message: "Unable to set preference details: every preference must belong to the user." },
  "api.preference.delete_preferences.user_id.app_error": { status: 403, message: "Unable to delete preferences for other user." },
} as const satisfies Record<string, CatalogueEntry>;
