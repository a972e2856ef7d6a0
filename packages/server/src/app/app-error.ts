/**
 * The app core's one error type and its catalogue of stable ids.
 *
 * Ids are Mattermost's where Mattermost has one, so clients and plugins written for Mattermost
 * recognise them; ids are never reused for a different meaning. Every id carries its HTTP status,
 * so the HTTP layer never guesses: it writes `statusCode` and the JSON body from
 * {@link AppError.toJSON}. Messages may hold Mattermost-style `{{.Name}}` placeholders filled from
 * `params`.
 */

import { USERS_ERRORS } from "./errors/users-errors.js";
import { USER_ACCESS_ERRORS } from "./errors/user-access-errors.js";
import { TEAMS_ERRORS } from "./errors/teams-errors.js";
import { CHANNELS_ERRORS } from "./errors/channels-errors.js";
import { POSTS_ERRORS } from "./errors/posts-errors.js";
import { FILES_ERRORS } from "./errors/files-errors.js";
import { BOTS_COMMANDS_ERRORS } from "./errors/bots-commands-errors.js";
import { GROUPS_ERRORS } from "./errors/groups-errors.js";
import { PROPERTIES_ERRORS } from "./errors/properties-errors.js";
import { SYSTEM_ERRORS } from "./errors/system-errors.js";

/** HTTP statuses the app reports. */
export type AppErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 500 | 501;

export interface CatalogueEntry {
  readonly status: AppErrorStatus;
  readonly message: string;
}

/** Every error id the app core raises, with its status and default (English) message. */
const CORE_ERRORS = {
  // Request context (HTTP layer)
  "api.context.session_expired.app_error": { status: 401, message: "Invalid or expired session, please login again." },
  "api.context.permissions.app_error": { status: 403, message: "You do not have the appropriate permissions." },
  "api.context.invalid_param.app_error": { status: 400, message: "Invalid {{.Name}} parameter." },
  "api.context.invalid_url_param.app_error": { status: 400, message: "Invalid or missing {{.Name}} parameter in request URL." },
  "api.context.invalid_body_param.app_error": { status: 400, message: "Invalid or missing {{.Name}} in request body." },
  "api.context.request_body_too_large.app_error": { status: 413, message: "The request body is too large." },
  "api.context.404.app_error": { status: 404, message: "Sorry, we could not find the page." },
  "app.plugin_api.not_supported.app_error": { status: 501, message: "{{.Method}} is not supported by this server: {{.Reason}}" },
  "api.context.unexpected.app_error": { status: 500, message: "An unexpected error occurred; the server log has details." },
  // Users and sessions
  "model.user.is_valid.username.app_error": { status: 400, message: "Username must begin with a letter and contain between 3 and 22 lowercase characters made up of numbers, letters, and the symbols '.', '-', and '_'." },
  "model.user.is_valid.restricted_username.app_error": { status: 400, message: "The username {{.Username}} is reserved; choose another." },
  "model.user.is_valid.email.app_error": { status: 400, message: "Invalid email: use a valid address of at most 128 characters." },
  "model.user.is_valid.pwd_length.app_error": { status: 400, message: "Password must be between 8 and 256 characters." },
  "model.user.is_valid.field_length.app_error": { status: 400, message: "The {{.Name}} field is too long." },
  "app.user.save.username_exists.app_error": { status: 409, message: "An account with that username already exists." },
  "app.user.save.email_exists.app_error": { status: 409, message: "An account with that email already exists." },
  "app.user.missing_account.const": { status: 404, message: "Unable to find the user." },
  "api.user.login.invalid_credentials_email_username": { status: 401, message: "Enter a valid email or username and/or password." },
  "api.user.login.inactive.app_error": { status: 401, message: "Login failed because your account has been deactivated." },
  "api.user.login.bot_login_forbidden.app_error": { status: 401, message: "Bot accounts cannot log in with a password; use a bot access token." },
  "api.user.check_user_login_attempts.too_many.app_error": { status: 401, message: "Your account is locked because of too many failed password attempts. Ask an administrator to reset your password." },
  // Teams
  "model.team.is_valid.name.app_error": { status: 400, message: "Team name must be 2-64 lowercase letters, numbers or '-', starting and ending with a letter or number." },
  "model.team.is_valid.display_name.app_error": { status: 400, message: "Team display name must be 1-64 characters." },
  "model.team.is_valid.type.app_error": { status: 400, message: "Team type must be 'O' (open) or 'I' (invite only)." },
  "app.team.save.existing.app_error": { status: 409, message: "A team with that name already exists." },
  "app.team.get.find.app_error": { status: 404, message: "Unable to find the existing team." },
  "app.team.get_member.missing.app_error": { status: 404, message: "No team member found for that user ID and team ID." },
  // Channels
  "model.channel.is_valid.name.app_error": { status: 400, message: "Channel name must be 1-64 lowercase letters, numbers, '-' or '_', starting and ending with a letter or number." },
  "model.channel.is_valid.display_name.app_error": { status: 400, message: "Channel display name must be 1-64 characters." },
  "model.channel.is_valid.type.app_error": { status: 400, message: "Channel type must be 'O' (public) or 'P' (private)." },
  "model.channel.is_valid.header.app_error": { status: 400, message: "Channel header must be at most 1024 characters." },
  "model.channel.is_valid.purpose.app_error": { status: 400, message: "Channel purpose must be at most 250 characters." },
  "store.sql_channel.save_channel.exists.app_error": { status: 409, message: "A channel with that name already exists on the same team." },
  "app.channel.get.existing.app_error": { status: 404, message: "Unable to find the existing channel." },
  "app.channel.get_member.missing.app_error": { status: 404, message: "No channel member found for that user ID and channel ID." },
  "api.channel.add_user.to.channel.failed.deleted.app_error": { status: 403, message: "Failed to add user to channel because they have been removed from the team." },
  // Posts
  "model.post.is_valid.user_id.app_error": { status: 400, message: "Invalid user id on the post." },
  "model.post.is_valid.channel_id.app_error": { status: 400, message: "Invalid channel id on the post." },
  "model.post.is_valid.message_length.app_error": { status: 400, message: "Message must be at most {{.MaxLength}} characters." },
  "model.post.is_valid.props.app_error": { status: 400, message: "Post props must be a JSON object of at most {{.MaxLength}} characters." },
  "model.post.is_valid.type.app_error": { status: 400, message: "Invalid post type." },
  "api.post.create_post.root_id.app_error": { status: 400, message: "Invalid root_id: it must name a post in the same channel that is not itself a reply." },
  "app.post.get.app_error": { status: 404, message: "Unable to get the post." },
  "plugin.message_will_be_posted.reject": { status: 400, message: "Post rejected by plugin." },
  "plugin.message_will_be_posted.dismiss_post": { status: 400, message: "Post rejected by plugin." },
  // Plugin KV store
  "model.plugin_key_value.is_valid.key.app_error": { status: 400, message: "Invalid key: it must be 1 to {{.Max}} characters." },
  "model.plugin_key_value.is_valid.plugin_id.app_error": { status: 400, message: "Invalid plugin id: it must be 1 to {{.Max}} characters." },
  "model.plugin_kvset_options.is_valid.old_value.app_error": { status: 400, message: "old_value is only allowed with atomic set: pass atomic = true." },
  // Commands
  "model.command.is_valid.trigger.app_error": { status: 400, message: "Invalid trigger: 1-128 characters, no spaces, not starting with '/'." },
  "model.command.is_valid.team_id.app_error": { status: 400, message: "Invalid team id on the command (use \"\" for all teams)." },
  "model.command.is_valid.plugin_id.app_error": { status: 400, message: "Invalid plugin id on the command." },
  "app.command.register_plugin_command.duplicate.app_error": { status: 409, message: "Another plugin already registered the trigger '{{.Trigger}}' on this team." },
  "api.command.execute_command.format.app_error": { status: 400, message: "A command must start with '/' followed by a trigger." },
  "api.command.execute_command.not_found.app_error": { status: 404, message: "Command with a trigger of '{{.Trigger}}' not found." },
  "api.command.execute_command.failed.app_error": { status: 500, message: "Command with a trigger of '{{.Trigger}}' failed." },
  "app.plugin.disabled.app_error": { status: 501, message: "Plugins have been disabled; enable them to run plugin commands." },
  // Post edits and deletes
  "api.post.update_post.system_message.app_error": { status: 400, message: "System messages cannot be edited." },
  "plugin.message_will_be_updated.reject": { status: 400, message: "Post rejected by plugin." },
  // Reactions
  "model.reaction.is_valid.emoji_name.app_error": { status: 400, message: "Invalid emoji name: 1-64 letters, digits, '-', '+' or '_'." },
  "api.reaction.save_reaction.user_id.app_error": { status: 403, message: "You cannot save a reaction for another user." },
  "api.reaction.delete.archived_channel.app_error": { status: 403, message: "You cannot remove reactions in an archived channel." },
  // Direct messages and membership removal
  "api.channel.create_direct_channel.invalid_user.app_error": { status: 400, message: "A direct message needs exactly two existing, distinct or identical user ids, and you must be one of them." },
  "api.channel.remove_member.direct.app_error": { status: 400, message: "You cannot remove members from a direct message channel." },
  // Files
  "api.file.upload_file.read_request.app_error": { status: 400, message: "Unable to read the upload: send multipart/form-data with a channel_id field before the files." },
  "api.file.upload_file.incorrect_channelId.app_error": { status: 400, message: "The upload needs a valid channel_id (a form field before the files, or a query parameter)." },
  "api.file.upload_file.multiple_channel_ids.app_error": { status: 400, message: "An upload may target only one channel." },
  "api.file.upload_file.incorrect_number_of_files.app_error": { status: 400, message: "The upload contains no files." },
  "api.file.upload_file.too_large_detailed.app_error": { status: 413, message: "Unable to upload file {{.Filename}}: it exceeds the maximum of {{.Limit}} bytes." },
  // Mattermost answers 400 "File rejected by plugin. <reason>" here.
  "api.file.upload_file.rejected_by_plugin.app_error": { status: 400, message: "File rejected by plugin. {{.Reason}}" },
  "api.file.attachments.disabled.app_error": { status: 501, message: "File uploads are disabled on this server (no files directory configured)." },
  "app.file_info.get.app_error": { status: 404, message: "Unable to find the file." },
  "api.post.create_post.file_ids.app_error": { status: 400, message: "file_ids must name files you uploaded to this channel that are not attached to another post." },
  // Preferences and statuses
  "model.preference.is_valid.id.app_error": { status: 400, message: "Invalid user id on the preference." },
  "model.preference.is_valid.category.app_error": { status: 400, message: "Invalid preference category: 1-{{.Max}} characters." },
  "model.preference.is_valid.name.app_error": { status: 400, message: "Invalid preference name: 1-{{.Max}} characters." },
  "model.preference.is_valid.value.app_error": { status: 400, message: "Preference value is too long (at most {{.Max}} characters)." },
  "api.preference.update_preferences.too_many.app_error": { status: 400, message: "At most {{.Max}} preferences per request." },
  "app.preference.get.app_error": { status: 404, message: "Unable to find the preference." },
  "model.status.is_valid.status.app_error": { status: 400, message: "Status must be one of online, away, dnd or offline." },
  // Personal access tokens and bots
  "model.user_access_token.is_valid.description.app_error": { status: 400, message: "A token needs a description of 1-255 characters." },
  "app.user_access_token.get.app_error": { status: 404, message: "Unable to find the personal access token." },
  "app.bot.get.app_error": { status: 404, message: "Unable to find the bot." },
  // Plugin management
  "app.plugin.upload_disabled.app_error": { status: 501, message: "Plugin uploads are disabled: set PluginSettings.EnableUploads to true in config.json." },
  "api.plugin.upload.no_file.app_error": { status: 400, message: "Missing file in the multipart request: send the bundle in a part named 'plugin'." },
  "api.plugin.upload.file_too_large.app_error": { status: 413, message: "The plugin bundle is larger than the allowed {{.Max}} bytes." },
  "app.plugin.extract.app_error": { status: 400, message: "The plugin bundle is not a valid .tar.gz archive: {{.Reason}}" },
  "app.plugin.manifest.app_error": { status: 400, message: "The plugin bundle has no valid manifest: {{.Reason}}" },
  "app.plugin.install_id.app_error": { status: 400, message: "A plugin with this id is already installed; upload with force=true to replace it." },
  "app.plugin.not_installed.app_error": { status: 404, message: "No plugin with this id is installed." },
  "app.plugin.install.app_error": { status: 500, message: "The plugin could not be installed; the server log has details." },
  "app.plugin.remove.app_error": { status: 500, message: "The plugin could not be removed; the server log has details." },
  "app.plugin.config.app_error": { status: 500, message: "The plugin state could not be saved to config.json." },
  "api.web_socket.connect.upgrade.app_error": { status: 400, message: "Failed to upgrade the websocket connection (origin {{.BlockedOrigin}} is not this server)." },
  // WebSocket requests (answered in a response with status FAIL)
  "api.web_socket_router.no_action.app_error": { status: 400, message: "No websocket action." },
  "api.web_socket_router.bad_seq.app_error": { status: 400, message: "Invalid sequence for websocket message." },
  "api.web_socket_router.not_authenticated.app_error": { status: 401, message: "The websocket connection is not authenticated; send authentication_challenge first." },
  "api.web_socket_router.bad_action.app_error": { status: 501, message: "Unknown websocket action." },
  "api.websocket_handler.invalid_param.app_error": { status: 400, message: "Invalid {{.Name}} parameter." },
  // Store boundary (constraint violations not given a more specific id by a service)
  "store.sql.unique_violation.app_error": { status: 409, message: "The change conflicts with an existing record." },
  "store.sql.foreign_key_violation.app_error": { status: 400, message: "The change refers to a record that does not exist." },
  "store.sql.constraint_violation.app_error": { status: 400, message: "The change violates a database constraint." },
  "store.sql.query.app_error": { status: 500, message: "The database could not complete the request; the server log has details." },
} as const satisfies Record<string, CatalogueEntry>;

/** Every error id the app core raises: the core's above, and each Plugin API group's (app/errors/). */
export const ERROR_CATALOGUE = {
  ...CORE_ERRORS,
  ...USERS_ERRORS,
  ...USER_ACCESS_ERRORS,
  ...TEAMS_ERRORS,
  ...CHANNELS_ERRORS,
  ...POSTS_ERRORS,
  ...FILES_ERRORS,
  ...BOTS_COMMANDS_ERRORS,
  ...GROUPS_ERRORS,
  ...PROPERTIES_ERRORS,
  ...SYSTEM_ERRORS,
} as const satisfies Record<string, CatalogueEntry>;

/** An id from {@link ERROR_CATALOGUE}. */
export type AppErrorId = keyof typeof ERROR_CATALOGUE;

/** The JSON body Mattermost clients expect for an error. */
export interface AppErrorBody {
  id: string;
  message: string;
  detailed_error: string;
  request_id: string;
  status_code: number;
}

/** Everything an AppError carries; used directly only for ids from outside the catalogue (e.g. a plugin's). */
export interface AppErrorInit {
  readonly id: string;
  readonly message: string;
  readonly statusCode: number;
  readonly detailedError?: string;
  readonly where?: string;
  readonly params?: Record<string, unknown>;
  readonly cause?: unknown;
}

/** A client-visible failure with a stable id (Mattermost's model.AppError). */
export class AppError extends Error {
  readonly id: string;
  readonly statusCode: number;
  /** Diagnostic detail (often a driver message); shown to clients, so never include secrets. */
  readonly detailedError: string;
  /** The operation that failed, e.g. "createPost". */
  readonly where: string;
  readonly params: Record<string, unknown> | undefined;

  constructor(init: AppErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "AppError";
    this.id = init.id;
    this.statusCode = init.statusCode;
    this.detailedError = init.detailedError ?? "";
    this.where = init.where ?? "";
    this.params = init.params;
  }

  /** The Mattermost JSON shape; `requestId` comes from the HTTP request when there is one. */
  toJSON(requestId = ""): AppErrorBody {
    return { id: this.id, message: this.message, detailed_error: this.detailedError, request_id: requestId, status_code: this.statusCode };
  }
}

/** Per-occurrence details for {@link appError}; the id fixes status and default message. */
export interface AppErrorOptions {
  readonly where?: string;
  readonly params?: Record<string, unknown>;
  readonly detailedError?: string;
  /** Replaces the catalogue message (used when the text carries data, e.g. a plugin's reason). */
  readonly message?: string;
  readonly cause?: unknown;
}

/** Fills `{{.Name}}` placeholders; unknown placeholders are left visible rather than dropped. */
function render(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{\{\.(\w+)\}\}/g, (whole, name: string) =>
    params !== undefined && name in params ? String(params[name]) : whole,
  );
}

/** Builds the catalogued error `id`; the one way services raise client-visible errors. */
export function appError(id: AppErrorId, options: AppErrorOptions = {}): AppError {
  const entry: CatalogueEntry = ERROR_CATALOGUE[id];
  return new AppError({
    id,
    statusCode: entry.status,
    message: options.message ?? render(entry.message, options.params),
    detailedError: options.detailedError,
    where: options.where,
    params: options.params,
    cause: options.cause,
  });
}

/** Narrows `unknown` (a caught value) to AppError. */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/**
 * The answer of a Plugin API method that needs a system this server does not run (LDAP, SAML,
 * licensing, clusters, shared channels…): 501 with the reason. docs/api-unsupported.md lists each.
 */
export function notSupported(method: string, reason: string): AppError {
  return appError("app.plugin_api.not_supported.app_error", { where: method, params: { Method: method, Reason: reason } });
}
