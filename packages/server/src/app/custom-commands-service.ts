/**
 * Custom slash commands (Mattermost's "outgoing webhook" commands): rows of the `commands` table
 * with a URL, which a run answers by calling that URL. Plugin-registered commands live in the same
 * table without a URL (see commands-service.ts); {@link isCustomCommand} tells them apart. A
 * trigger is unique per team across both kinds (the table's UNIQUE constraint). A custom command
 * may share the trigger of an all-teams plugin command; as in Mattermost, the plugin's runs.
 *
 * Like Mattermost, deleting a custom command is soft (`delete_at`); a new command may reuse the
 * trigger of a deleted one, whose row is then purged to free the constraint.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { isValidHttpUrl } from "./http-url.js";
import { withDbErrors } from "./map-db-error.js";
import type { Command } from "./models/command.js";
import { isValidId, newId } from "./new-id.js";
import type { CommandsTable } from "../store/schema.js";

const TRIGGER_MAX_LENGTH = 128;
const URL_MAX_LENGTH = 1024;
const DISPLAY_NAME_MAX = 64;
const DESCRIPTION_MAX = 128;
const USERNAME_MAX = 64;
/** Command methods: an HTTP POST with a form body, or a GET with the same fields as query. */
export const COMMAND_METHOD_POST = "P";
export const COMMAND_METHOD_GET = "G";

/** Whether a command is a custom (webhook) one rather than registered by a plugin. */
export function isCustomCommand(command: Pick<Command, "url">): boolean {
  return command.url !== "";
}

/** The fields a caller sets on a custom command (Mattermost's model.Command minus server-set ones). */
export type CustomCommandInput = Partial<Omit<Command, "id" | "token" | "create_at" | "update_at" | "delete_at" | "plugin_id">>;

/** Custom commands as the Plugin API manages them. */
export interface CustomCommandsService {
  /** Creates a command attributed to plugin `pluginId`; 409 `api.command.duplicate_trigger.app_error` if the trigger is taken on the team. */
  createCommand(pluginId: string, input: CustomCommandInput): Promise<Command>;
  /** A live custom command; 404 `store.sql_command.save.get.app_error` otherwise. */
  getCommand(commandId: string): Promise<Command>;
  /** Replaces the settable fields (an empty team_id keeps the old team); id, token, create_at stay. */
  updateCommand(pluginId: string, commandId: string, input: CustomCommandInput): Promise<Command>;
  /** Soft-deletes a live custom command (404 if there is none). */
  deleteCommand(commandId: string): Promise<void>;
  /** The live custom commands of a team, by trigger; 501 `api.command.disabled.app_error` while EnableCommands is off. */
  listCustomCommands(teamId: string): Promise<Command[]>;
  /** ServiceSettings.EnableCommands: whether custom commands are listed and run. */
  enabled(): boolean;
}

export function commandFromRow(row: CommandsTable): Command {
  return { ...row, auto_complete: row.auto_complete !== 0 };
}

type CommandFields = Omit<CommandsTable, "id" | "token" | "create_at" | "update_at" | "delete_at" | "plugin_id">;

/** Mattermost's Command.IsValid for the caller-set fields; returns the row fields. */
function validate(input: CustomCommandInput, where: string): CommandFields {
  const trigger = typeof input.trigger === "string" ? input.trigger.trim().toLowerCase() : "";
  if (trigger.length < 1 || trigger.length > TRIGGER_MAX_LENGTH || trigger.startsWith("/") || /\s/.test(trigger)) {
    throw appError("model.command.is_valid.trigger.app_error", { where });
  }
  const teamId = input.team_id ?? "";
  if (!isValidId(teamId)) throw appError("model.command.is_valid.team_id.app_error", { where });
  const creatorId = input.creator_id ?? "";
  if (creatorId !== "" && !isValidId(creatorId)) throw appError("model.command.is_valid.creator_id.app_error", { where });
  const url = input.url ?? "";
  if (url === "" || url.length > URL_MAX_LENGTH) throw appError("model.command.is_valid.url.app_error", { where });
  if (!isValidHttpUrl(url)) throw appError("model.command.is_valid.url_http.app_error", { where });
  const method = input.method ?? "";
  if (method !== COMMAND_METHOD_POST && method !== COMMAND_METHOD_GET) throw appError("model.command.is_valid.method.app_error", { where });
  const text = (value: string | undefined, max: number, name: string): string => {
    const v = value ?? "";
    if (typeof v !== "string" || [...v].length > max) throw appError("model.command.is_valid.field_length.app_error", { where, params: { Name: name, Max: max } });
    return v;
  };
  return {
    trigger, team_id: teamId, creator_id: creatorId, url, method,
    display_name: text(input.display_name, DISPLAY_NAME_MAX, "display_name"),
    description: text(input.description, DESCRIPTION_MAX, "description"),
    username: text(input.username, USERNAME_MAX, "username"),
    icon_url: text(input.icon_url, URL_MAX_LENGTH, "icon_url"),
    auto_complete: input.auto_complete ? 1 : 0,
    auto_complete_desc: text(input.auto_complete_desc, URL_MAX_LENGTH, "auto_complete_desc"),
    auto_complete_hint: text(input.auto_complete_hint, URL_MAX_LENGTH, "auto_complete_hint"),
  };
}

/** Builds the service over the store. */
export function createCustomCommandsService(ctx: AppContext, enabled: () => boolean = () => false): CustomCommandsService {
  const duplicate = () => "api.command.duplicate_trigger.app_error" as const;

  async function getCommand(commandId: string): Promise<Command> {
    const row = isValidId(commandId)
      ? await ctx.db.selectFrom("commands").selectAll().where("id", "=", commandId).where("delete_at", "=", 0).where("url", "!=", "").executeTakeFirst()
      : undefined;
    if (!row) throw appError("store.sql_command.save.get.app_error", { where: "getCommand", detailedError: `command_id=${commandId}` });
    return commandFromRow(row);
  }

  return {
    async createCommand(pluginId, input) {
      const fields = validate(input, "createCommand");
      const now = ctx.now();
      const row: CommandsTable = { id: newId(), token: newId(), create_at: now, update_at: now, delete_at: 0, plugin_id: pluginId, ...fields };
      return withDbErrors("createCommand", { unique: duplicate }, () =>
        ctx.db.transaction().execute(async (trx) => {
          const taken = await trx.selectFrom("commands").select(["id", "delete_at"]).where("team_id", "=", row.team_id).where("trigger", "=", row.trigger).executeTakeFirst();
          if (taken && taken.delete_at === 0) throw appError("api.command.duplicate_trigger.app_error", { where: "createCommand", params: { Trigger: row.trigger } });
          if (taken) await trx.deleteFrom("commands").where("id", "=", taken.id).execute();
          await trx.insertInto("commands").values(row).execute();
          return commandFromRow(row);
        }),
      );
    },

    getCommand,

    async updateCommand(pluginId, commandId, input) {
      const old = await getCommand(commandId);
      const fields = validate({ ...input, team_id: input.team_id || old.team_id, creator_id: input.creator_id || old.creator_id }, "updateCommand");
      const now = Math.max(ctx.now(), old.update_at);
      await withDbErrors("updateCommand", { unique: duplicate }, () =>
        ctx.db.transaction().execute(async (trx) => {
          // A deleted command holding the new trigger gives way, as in createCommand.
          await trx.deleteFrom("commands").where("team_id", "=", fields.team_id).where("trigger", "=", fields.trigger).where("delete_at", "!=", 0).execute();
          await trx.updateTable("commands").set({ ...fields, plugin_id: pluginId, update_at: now }).where("id", "=", old.id).execute();
        }),
      );
      return getCommand(old.id);
    },

    async deleteCommand(commandId) {
      const command = await getCommand(commandId);
      await ctx.db.updateTable("commands").set({ delete_at: ctx.now(), update_at: ctx.now() }).where("id", "=", command.id).execute();
    },

    enabled,

    async listCustomCommands(teamId) {
      // As Mattermost's ListTeamCommands.
      if (!enabled()) throw appError("api.command.disabled.app_error", { where: "listCustomCommands", detailedError: "ServiceSettings.EnableCommands is off" });
      const rows = await ctx.db.selectFrom("commands").selectAll().where("team_id", "=", String(teamId)).where("delete_at", "=", 0).where("url", "!=", "")
        .orderBy("trigger").execute();
      return rows.map(commandFromRow);
    },
  };
}
