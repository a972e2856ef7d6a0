import type { PluginAPIHandlers } from "@polyplug/host";
import {
  BotGetOptionsSchema, BotPatchSchema, BotSchema, CommandArgsSchema, CommandResponseSchema, CommandSchema, OAuthAppSchema, fromProto, toProto,
} from "@polyplug/protocol";
import type { BotGetOptions, BotPatch, CreateBotInput } from "../../app/bots-service.js";
import type { CustomCommandInput } from "../../app/custom-commands-service.js";
import type { Command, CommandArgs } from "../../app/models/command.js";
import type { OAuthAppInput } from "../../app/models/oauth-app.js";
import type { Bot } from "../../app/models/user-access-token.js";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";
import { requireMessage } from "./request-params.js";

/**
 * The Plugin API's bots, slash commands, OAuth apps, acting as plugin `pluginId`. Plugins are
 * trusted as in Mattermost: no permission checks, and bots they create are owned by the plugin —
 * except that a plugin acts only as itself: it may not create, patch, (de)activate or delete a
 * bot owned by another plugin (403; see docs/bots-commands-api.md).
 */
export function createBotsCommandsHandlers(deps: PluginAPIBackendDeps, pluginId: string): PluginAPIHandlers {
  const { app } = deps;
  const bot = (b: Bot) => toProto(BotSchema, b);
  const commands = (list: Command[]) => list.map((c) => toProto(CommandSchema, c));
  const required = requireMessage;

  return {
    createBot: async (request) => {
      const input = fromProto(BotSchema, required(request.bot, "bot", "CreateBot")) as unknown as CreateBotInput & { owner_id?: string };
      return { bot: bot(await app.bots.createPluginBot(input, pluginId)) };
    },
    patchBot: async ({ userId, botPatch }) => {
      await app.bots.assertPluginMayManage(userId, pluginId, "PatchBot");
      const patch = fromProto(BotPatchSchema, required(botPatch, "bot_patch", "PatchBot")) as BotPatch;
      return { bot: bot(await app.bots.patchBot(userId, patch)) };
    },
    getBot: async ({ userId, includeDeleted }) => ({ bot: bot(await app.bots.getBot(userId, includeDeleted)) }),
    getBots: async ({ options }) => {
      const opts = (options ? fromProto(BotGetOptionsSchema, options) : {}) as BotGetOptions;
      return { bots: (await app.bots.getBots(opts)).map(bot) };
    },
    updateBotActive: async ({ userId, active }) => {
      await app.users.getUser(userId); // 404 app.user.missing_account.const first, as Mattermost
      await app.bots.assertPluginMayManage(userId, pluginId, "UpdateBotActive");
      return { bot: bot(await app.bots.updateBotActive(userId, active)) };
    },
    permanentDeleteBot: async ({ userId }) => {
      await app.bots.assertPluginMayManage(userId, pluginId, "PermanentDeleteBot");
      await app.bots.permanentDeleteBot(userId);
      return {};
    },
    ensureBotUser: async (request) => {
      const input = fromProto(BotSchema, required(request.bot, "bot", "EnsureBotUser")) as unknown as CreateBotInput;
      return { botUserId: await app.bots.ensureBot(pluginId, input) };
    },

    // Mattermost's ExecuteSlashCommand: the user must exist; no channel-membership check (the
    // plugin is trusted), then the same path as a typed command.
    executeSlashCommand: async (request) => {
      const args = fromProto(CommandArgsSchema, required(request.commandArgs, "command_args", "ExecuteSlashCommand")) as unknown as CommandArgs;
      await app.users.getUser(args.user_id);
      const { site_url: _ignored, ...input } = args;
      const response = await app.commands.executeCommand(input, { checkMembership: false });
      return { response: toProto(CommandResponseSchema, response) };
    },
    createCommand: async ({ cmd }) => {
      const input = fromProto(CommandSchema, required(cmd, "cmd", "CreateCommand")) as CustomCommandInput;
      // As Mattermost: a plugin's command has no creator, only the plugin.
      return { command: toProto(CommandSchema, await app.customCommands.createCommand(pluginId, { ...input, creator_id: "" })) };
    },
    // Plugin, built-in, then custom commands, as Mattermost lists them (custom ones only while EnableCommands is on).
    listCommands: async ({ teamId }) => ({
      commands: commands([...(await pluginCommands(teamId)), ...(app.customCommands.enabled() ? await app.customCommands.listCustomCommands(teamId) : [])]),
    }),
    listCustomCommands: async ({ teamId }) => ({ commands: commands(await app.customCommands.listCustomCommands(teamId)) }),
    listPluginCommands: async ({ teamId }) => ({ commands: commands(await pluginCommands(teamId)) }),
    // This server implements none of Mattermost's built-in commands (/away, /join, /me…): typing
    // one answers "not found" unless a plugin registers it, so the truthful list is empty.
    listBuiltInCommands: async () => ({ commands: [] }),
    getCommand: async ({ commandId }) => ({ command: toProto(CommandSchema, await app.customCommands.getCommand(commandId)) }),
    updateCommand: async ({ commandId, updatedCmd }) => {
      const input = fromProto(CommandSchema, required(updatedCmd, "updated_cmd", "UpdateCommand")) as CustomCommandInput;
      return { command: toProto(CommandSchema, await app.customCommands.updateCommand(pluginId, commandId, input)) };
    },
    deleteCommand: async ({ commandId }) => {
      await app.customCommands.deleteCommand(commandId);
      return {};
    },

    createOAuthApp: async (request) => {
      const input = fromProto(OAuthAppSchema, required(request.app, "app", "CreateOAuthApp")) as OAuthAppInput;
      return { app: toProto(OAuthAppSchema, await app.oauthApps.createOAuthApp(input)) };
    },
    getOAuthApp: async ({ appId }) => ({ app: toProto(OAuthAppSchema, await app.oauthApps.getOAuthApp(appId)) }),
    updateOAuthApp: async (request) => {
      const input = fromProto(OAuthAppSchema, required(request.app, "app", "UpdateOAuthApp")) as OAuthAppInput & { id?: string };
      return { app: toProto(OAuthAppSchema, await app.oauthApps.updateOAuthApp(input.id ?? "", input)) };
    },
    deleteOAuthApp: async ({ appId }) => {
      await app.oauthApps.deleteOAuthApp(appId);
      return {};
    },
  };

  /** Plugin commands usable on the team, one per trigger (a team's own before an all-teams one). */
  async function pluginCommands(teamId: string): Promise<Command[]> {
    const all = await app.commands.listPluginCommands(teamId);
    const byTrigger = new Map<string, Command>();
    for (const c of all) {
      const seen = byTrigger.get(c.trigger);
      if (!seen || (seen.team_id === "" && c.team_id !== "")) byTrigger.set(c.trigger, c);
    }
    return [...byTrigger.values()];
  }
}
