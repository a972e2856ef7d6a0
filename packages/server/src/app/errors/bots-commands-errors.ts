import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's bots, slash commands, OAuth apps (Mattermost's ids where it has one). */
export const BOTS_COMMANDS_ERRORS = {
  // Bots
  "model.bot.is_valid.display_name.app_error": { status: 400, message: "Invalid bot display name: at most {{.Max}} characters." },
  "model.bot.is_valid.description.app_error": { status: 400, message: "Invalid bot description: at most {{.Max}} characters." },
  "model.bot.is_valid.creator_id.app_error": { status: 400, message: "Invalid bot owner: owner_id must be 1-190 characters." },
  "plugin_api.bot_cant_create_bot": { status: 400, message: "A bot cannot own another bot: owner_id names a bot account." },
  "app.bot.permanent_delete.has_content.app_error": { status: 409, message: "The bot cannot be deleted permanently while its posts remain; deactivate it instead." },
  "plugin_api.ensure_bot.username_missing.app_error": { status: 400, message: "EnsureBotUser needs a bot with a username." },
  "plugin_api.ensure_bot.user_exists.app_error": { status: 409, message: "The username {{.Username}} belongs to a user account, not a bot; rename that account or pick another bot username." },
  "plugin_api.ensure_bot.not_owner.app_error": { status: 403, message: "The bot {{.Username}} is owned by someone else, not by this plugin." },
  // Custom slash commands
  "model.command.is_valid.creator_id.app_error": { status: 400, message: "Invalid creator id on the command." },
  "model.command.is_valid.url.app_error": { status: 400, message: "A custom command needs a URL of 1-1024 characters." },
  "model.command.is_valid.url_http.app_error": { status: 400, message: "The command URL must be an absolute http:// or https:// URL." },
  "model.command.is_valid.method.app_error": { status: 400, message: "The command method must be 'P' (POST) or 'G' (GET)." },
  "model.command.is_valid.field_length.app_error": { status: 400, message: "The command's {{.Name}} is too long (at most {{.Max}} characters)." },
  "store.sql_command.save.get.app_error": { status: 404, message: "Unable to find the command." },
  "api.command.duplicate_trigger.app_error": { status: 409, message: "The trigger '{{.Trigger}}' is already used by another command on this team." },
  "api.command.disabled.app_error": { status: 501, message: "Custom slash commands have been disabled by the system admin (ServiceSettings.EnableCommands)." },
  "api.command.execute_command.forbidden_address.app_error": { status: 403, message: "Command with a trigger of '{{.Trigger}}' points at an internal address; an admin may allow it in ServiceSettings.AllowedUntrustedInternalConnections." },
  "api.oauth.register_oauth_app.turn_off.app_error": { status: 501, message: "The system admin has turned off OAuth2 Service Provider (ServiceSettings.EnableOAuthServiceProvider)." },
  "api.oauth.allow_oauth.turn_off.app_error": { status: 501, message: "The system admin has turned off OAuth2 Service Provider (ServiceSettings.EnableOAuthServiceProvider)." },
  "plugin_api.bot.not_owner.app_error": { status: 403, message: "The bot {{.BotUserId}} is owned by another plugin; a plugin manages only its own bots and those of users." },
  "api.command.execute_command.failed_resp.app_error": { status: 500, message: "Command with a trigger of '{{.Trigger}}' returned response {{.Status}}." },
  // OAuth apps
  "model.oauth.is_valid.creator_id.app_error": { status: 400, message: "Invalid creator id: an OAuth app needs the id of the user creating it." },
  "model.oauth.is_valid.name.app_error": { status: 400, message: "An OAuth app needs a name of 1-64 characters." },
  "model.oauth.is_valid.callback.app_error": { status: 400, message: "An OAuth app needs 1 or more http(s) callback URLs (at most 1024 characters together)." },
  "model.oauth.is_valid.homepage.app_error": { status: 400, message: "An OAuth app needs an http(s) homepage URL of at most 256 characters." },
  "model.oauth.is_valid.description.app_error": { status: 400, message: "OAuth app description must be at most 512 characters." },
  "model.oauth.is_valid.icon_url.app_error": { status: 400, message: "OAuth app icon URL must be an http(s) URL of at most 512 characters." },
  "model.oauth.is_valid.mattermost_app_id.app_error": { status: 400, message: "OAuth app mattermost_app_id must be at most 32 characters." },
  "app.oauth.get_app.find.app_error": { status: 404, message: "Unable to find the OAuth app." },
} as const satisfies Record<string, CatalogueEntry>;
