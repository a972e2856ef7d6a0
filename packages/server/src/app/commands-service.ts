/**
 * Plugin slash commands: registration on behalf of plugins, lookup, and execution.
 *
 * Commands are rows (unique per team and trigger; team "" = every team) so that a trigger taken by
 * one plugin cannot silently be taken over by another: re-registering by the same plugin updates
 * the command, another plugin gets 409. Execution finds the command (team-specific before
 * all-teams), asks the plugin through {@link AppHooks.executeCommand}, and — like Mattermost —
 * posts an "in_channel" response to the channel through the normal post path (so hooks run).
 */
import type { AppContext } from "./app-context.js";
import { appError, isAppError } from "./app-error.js";
import type { ChannelsService } from "./channels-service.js";
import { withDbErrors } from "./map-db-error.js";
import { COMMAND_RESPONSE_TYPE_EPHEMERAL, COMMAND_RESPONSE_TYPE_IN_CHANNEL, type Command, type CommandArgs, type CommandResponse, type PluginCommandInput } from "./models/command.js";
import { isValidId, newId } from "./new-id.js";
import { parseCommand } from "./parse-command.js";
import type { PostsService } from "./posts-service.js";
import type { SystemService } from "./system-service.js";
import { runCommandWebhook } from "./command-webhook.js";
import { isCustomCommand } from "./custom-commands-service.js";
import type { CommandsTable } from "../store/schema.js";

const TRIGGER_MAX_LENGTH = 128;

/** What a caller of executeCommand supplies; the rest of CommandArgs is filled in. */
export type ExecuteCommandInput = Pick<CommandArgs, "user_id" | "channel_id" | "command"> & Partial<CommandArgs>;

/** Slash commands as the plugin API (register/unregister) and REST (execute) need them. */
export interface CommandsService {
  /** Registers (or updates) a plugin's command; 409 if another plugin owns the trigger on that team. */
  registerPluginCommand(pluginId: string, command: PluginCommandInput): Promise<Command>;
  /** Removes one of the plugin's commands; a no-op if it does not exist. */
  unregisterPluginCommand(pluginId: string, teamId: string, trigger: string): Promise<void>;
  /** Removes all of a plugin's commands (on deactivation, or stale ones at startup). */
  unregisterPluginCommands(pluginId: string): Promise<void>;
  /** Commands usable on a team (its own and all-teams ones), or all of them without `teamId`. */
  listPluginCommands(teamId?: string): Promise<Command[]>;
  /** The command a trigger resolves to on a team, or null. */
  findCommand(teamId: string, trigger: string): Promise<Command | null>;
  /** Runs "/trigger rest" typed in a channel; 404 `api.command.execute_command.not_found.app_error` if unknown. */
  executeCommand(input: ExecuteCommandInput, options?: { checkMembership?: boolean }): Promise<CommandResponse>;
}

function commandFromRow(row: CommandsTable): Command {
  return { ...row, auto_complete: row.auto_complete !== 0 };
}

function normaliseTrigger(trigger: unknown): string {
  const t = typeof trigger === "string" ? trigger.trim().toLowerCase() : "";
  if (t.length < 1 || t.length > TRIGGER_MAX_LENGTH || t.startsWith("/") || /\s/.test(t)) {
    throw appError("model.command.is_valid.trigger.app_error", { where: "registerPluginCommand" });
  }
  return t;
}

/** Builds the service; execution reuses the channels and posts services so rules are not duplicated. */
/**
 * `triggerIds` signs the trigger id each run carries (Mattermost's GenerateTriggerId), so the plugin
 * can open an interactive dialog for that user; without it the id is a plain random one.
 */
/**
 * Custom (webhook) commands share the table, told apart by their URL (custom-commands-service.ts);
 * `customCommandsEnabled` says whether the admin lets them run (default: no).
 */
export function createCommandsService(ctx: AppContext, channels: ChannelsService, posts: PostsService, triggerIds?: Pick<SystemService, "generateTriggerId">, customCommandsEnabled: () => boolean = () => false, serviceSettings: () => Record<string, unknown> = () => ({})): CommandsService {
  async function findCommand(teamId: string, trigger: string): Promise<Command | null> {
    const rows = await ctx.db.selectFrom("commands").selectAll()
      .where("trigger", "=", trigger.toLowerCase()).where("delete_at", "=", 0).where("team_id", "in", [teamId, ""])
      .execute();
    // As Mattermost's ExecuteCommand: plugin commands before custom (webhook) ones; a team's own before all-teams.
    const ownTeamFirst = (list: CommandsTable[]) => [...list.filter((r) => r.team_id === teamId && teamId !== ""), ...list.filter((r) => r.team_id === "")];
    const row = [...ownTeamFirst(rows.filter((r) => !isCustomCommand(r))), ...ownTeamFirst(rows.filter(isCustomCommand))][0];
    return row ? commandFromRow(row) : null;
  }

  async function runPlugin(pluginId: string, args: CommandArgs, trigger: string): Promise<CommandResponse> {
    try {
      const response = await ctx.hooks().executeCommand(pluginId, args);
      return { ...response, response_type: response?.response_type || COMMAND_RESPONSE_TYPE_EPHEMERAL, text: response?.text ?? "" };
    } catch (err) {
      if (isAppError(err)) throw err;
      throw appError("api.command.execute_command.failed.app_error", {
        where: "executeCommand", params: { Trigger: trigger }, cause: err,
        detailedError: `plugin_id=${pluginId}: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }

  return {
    async registerPluginCommand(pluginId, input) {
      if (typeof pluginId !== "string" || pluginId.length < 1 || pluginId.length > 190) {
        throw appError("model.command.is_valid.plugin_id.app_error", { where: "registerPluginCommand" });
      }
      const trigger = normaliseTrigger(input.trigger);
      const teamId = input.team_id ?? "";
      if (teamId !== "" && !isValidId(teamId)) throw appError("model.command.is_valid.team_id.app_error", { where: "registerPluginCommand" });
      const now = ctx.now();
      const duplicate = () => appError("app.command.register_plugin_command.duplicate.app_error", { where: "registerPluginCommand", params: { Trigger: trigger } });
      const fields = {
        display_name: input.display_name ?? "", description: input.description ?? "",
        auto_complete: input.auto_complete ? 1 : 0, auto_complete_desc: input.auto_complete_desc ?? "",
        auto_complete_hint: input.auto_complete_hint ?? "", icon_url: input.icon_url ?? "", username: input.username ?? "",
      };
      return withDbErrors("registerPluginCommand", { unique: () => "app.command.register_plugin_command.duplicate.app_error" }, () =>
        ctx.db.transaction().execute(async (trx) => {
          const existing = await trx.selectFrom("commands").selectAll().where("team_id", "=", teamId).where("trigger", "=", trigger).executeTakeFirst();
          const liveCustom = existing !== undefined && isCustomCommand(existing) && existing.delete_at === 0;
          if (existing && (liveCustom || (!isCustomCommand(existing) && existing.plugin_id !== pluginId))) throw duplicate();
          // A deleted custom command gives its trigger way (its row cannot be reused: it has a URL).
          if (existing && isCustomCommand(existing)) await trx.deleteFrom("commands").where("id", "=", existing.id).execute();
          else if (existing) {
            const updated: CommandsTable = { ...existing, ...fields, update_at: now, delete_at: 0 };
            await trx.updateTable("commands").set(updated).where("id", "=", existing.id).execute();
            return commandFromRow(updated);
          }
          const row: CommandsTable = {
            id: newId(), token: newId(), create_at: now, update_at: now, delete_at: 0, creator_id: "",
            team_id: teamId, trigger, method: "P", url: "", plugin_id: pluginId, ...fields,
          };
          await trx.insertInto("commands").values(row).execute();
          return commandFromRow(row);
        }),
      );
    },

    async unregisterPluginCommand(pluginId, teamId, trigger) {
      await ctx.db.deleteFrom("commands").where("plugin_id", "=", pluginId).where("team_id", "=", teamId).where("url", "=", "")
        .where("trigger", "=", String(trigger).trim().toLowerCase()).execute();
    },

    async unregisterPluginCommands(pluginId) {
      // Custom commands the plugin created (CreateCommand) outlive it, as in Mattermost.
      await ctx.db.deleteFrom("commands").where("plugin_id", "=", pluginId).where("url", "=", "").execute();
    },

    async listPluginCommands(teamId) {
      let query = ctx.db.selectFrom("commands").selectAll().where("plugin_id", "!=", "").where("url", "=", "").where("delete_at", "=", 0);
      if (teamId !== undefined) query = query.where("team_id", "in", [teamId, ""]);
      return (await query.orderBy("trigger").orderBy("team_id").execute()).map(commandFromRow);
    },

    findCommand,

    async executeCommand(input, options = {}) {
      const { trigger } = parseCommand(typeof input.command === "string" ? input.command : "");
      const checkMembership = options.checkMembership ?? true;
      const channel = checkMembership ? await channels.requireMember(input.channel_id, input.user_id) : await channels.getChannel(input.channel_id);
      const teamId = input.team_id || channel.team_id;
      const command = await findCommand(teamId, trigger);
      if (!command) throw appError("api.command.execute_command.not_found.app_error", { where: "executeCommand", params: { Trigger: trigger } });
      const args: CommandArgs = {
        user_id: input.user_id, channel_id: channel.id, team_id: teamId, root_id: input.root_id ?? "",
        parent_id: input.parent_id ?? "", trigger_id: triggerIds ? (await triggerIds.generateTriggerId(input.user_id)).triggerId : (input.trigger_id ?? newId()), command: input.command,
        site_url: ctx.siteUrl, user_mentions: input.user_mentions ?? {}, channel_mentions: input.channel_mentions ?? {},
      };
      const response = isCustomCommand(command)
        ? await runCommandWebhook(command, args, {
          enabled: customCommandsEnabled(), text: parseCommand(input.command).message, channelName: channel.name,
          allowedUntrustedInternalConnections: String(serviceSettings()["AllowedUntrustedInternalConnections"] ?? ""),
          userName: (await ctx.db.selectFrom("users").select("username").where("id", "=", args.user_id).executeTakeFirst())?.username ?? "",
          teamDomain: (await ctx.db.selectFrom("teams").select("name").where("id", "=", teamId).executeTakeFirst())?.name ?? "",
        })
        : await runPlugin(command.plugin_id, args, trigger);
      if (response.response_type === COMMAND_RESPONSE_TYPE_IN_CHANNEL && (response.text !== "" || Object.keys(response.props ?? {}).length > 0)) {
        await posts.createPost(
          {
            channel_id: response.channel_id || channel.id, user_id: args.user_id, message: response.text,
            root_id: args.root_id, type: response.type ?? "", props: response.props ?? {},
          },
          { checkMembership },
        );
      }
      return response;
    },
  };
}
