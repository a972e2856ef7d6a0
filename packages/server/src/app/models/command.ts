/**
 * Slash commands (Mattermost's `model.Command`, `CommandArgs`, `CommandResponse` JSON).
 * These are the shapes the plugin host converts to and from the wire types.
 */

export interface Command {
  id: string;
  token: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  creator_id: string;
  /** "" registers the trigger on every team. */
  team_id: string;
  trigger: string;
  method: string;
  username: string;
  icon_url: string;
  auto_complete: boolean;
  auto_complete_desc: string;
  auto_complete_hint: string;
  display_name: string;
  description: string;
  url: string;
  /** Set for plugin commands; executing the command calls this plugin's ExecuteCommand hook. */
  plugin_id: string;
}

/** What a plugin passes to RegisterCommand. */
export interface PluginCommandInput {
  trigger: string;
  team_id?: string;
  display_name?: string;
  description?: string;
  auto_complete?: boolean;
  auto_complete_desc?: string;
  auto_complete_hint?: string;
  icon_url?: string;
  username?: string;
}

/** What a plugin's ExecuteCommand hook receives about the invocation. */
export interface CommandArgs {
  user_id: string;
  channel_id: string;
  team_id: string;
  root_id: string;
  parent_id: string;
  trigger_id: string;
  /** The full text typed, e.g. "/weather Paris tomorrow". */
  command: string;
  site_url: string;
  user_mentions?: Record<string, string>;
  channel_mentions?: Record<string, string>;
}

/** Response only the caller sees (the default when a plugin leaves response_type empty). */
export const COMMAND_RESPONSE_TYPE_EPHEMERAL = "ephemeral";
/** Response the server posts to the channel as the caller. */
export const COMMAND_RESPONSE_TYPE_IN_CHANNEL = "in_channel";

/** A plugin's answer to a command, returned as-is to the REST caller. */
export interface CommandResponse {
  /** "ephemeral" (only the caller sees it; the default) or "in_channel" (posted to the channel). */
  response_type: string;
  text: string;
  username?: string;
  channel_id?: string;
  icon_url?: string;
  type?: string;
  props?: Record<string, unknown>;
  goto_location?: string;
  trigger_id?: string;
  skip_slack_parsing?: boolean;
  extra_responses?: CommandResponse[];
}
