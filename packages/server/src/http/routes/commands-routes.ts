/**
 * `/api/v4/commands…` and the team autocomplete routes: running a slash command typed in a
 * channel the caller belongs to, and listing the commands a team offers (command tokens are
 * secrets Mattermost never lists, so they are blanked).
 */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { appError } from "../../app/app-error.js";
import type { Command } from "../../app/models/command.js";
import { requireSession } from "../authenticate.js";
import { COMMAND_ARGS_FIELDS } from "../model-fields.js";
import { idField, idParam, idQuery, knownFields, objectBody, pagingQuery, stringField, stringQuery } from "../request-input.js";

/** Mattermost's AutocompleteSuggestion (its JSON keeps the Go field names). */
interface AutocompleteSuggestion {
  Complete: string;
  Suggestion: string;
  Hint: string;
  Description: string;
  IconData: string;
}

function listed(command: Command): Command {
  return { ...command, token: "" };
}

/** Adds POST /commands/execute, GET /commands, GET /teams/:team_id/commands/autocomplete(_suggestions). */
export function registerCommandsRoutes(fastify: FastifyInstance, app: App): void {
  async function requireTeamMember(teamId: string, userId: string): Promise<void> {
    if (await app.teams.isMember(teamId, userId)) return;
    await app.teams.getTeam(teamId);
    throw appError("api.context.permissions.app_error", { where: "listCommands", detailedError: "you are not a member of this team" });
  }

  fastify.post("/api/v4/commands/execute", async (request) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "command_args");
    knownFields(body, "command_args", COMMAND_ARGS_FIELDS);
    return app.commands.executeCommand(
      {
        user_id: session.user_id,
        channel_id: idField(body, "channel_id"),
        team_id: stringField(body, "team_id"),
        command: stringField(body, "command", true),
        root_id: stringField(body, "root_id"),
        parent_id: stringField(body, "parent_id"),
        trigger_id: stringField(body, "trigger_id"),
      },
      { checkMembership: true },
    );
  });

  fastify.get("/api/v4/commands", async (request) => {
    const session = await requireSession(request, app);
    const teamId = idQuery(request, "team_id");
    if (teamId === undefined) throw appError("api.context.invalid_url_param.app_error", { where: "listCommands", params: { Name: "team_id" } });
    await requireTeamMember(teamId, session.user_id);
    // custom_only=true asks for commands created through the API; plugin commands are not among them.
    if (stringQuery(request, "custom_only") === "true") return [];
    return (await app.commands.listPluginCommands(teamId)).map(listed);
  });

  fastify.get("/api/v4/teams/:team_id/commands/autocomplete", async (request) => {
    const session = await requireSession(request, app);
    const teamId = idParam(request, "team_id");
    const { page, perPage } = pagingQuery(request);
    await requireTeamMember(teamId, session.user_id);
    const commands = (await app.commands.listPluginCommands(teamId)).filter((c) => c.auto_complete);
    return commands.slice(page * perPage, (page + 1) * perPage).map(listed);
  });

  fastify.get("/api/v4/teams/:team_id/commands/autocomplete_suggestions", async (request) => {
    const session = await requireSession(request, app);
    const teamId = idParam(request, "team_id");
    const userInput = stringQuery(request, "user_input");
    if (userInput === undefined) throw appError("api.context.invalid_url_param.app_error", { where: "listCommandAutocompleteSuggestions", params: { Name: "user_input" } });
    await requireTeamMember(teamId, session.user_id);
    const typed = userInput.replace(/^\//, "").toLowerCase();
    const suggestions: AutocompleteSuggestion[] = (await app.commands.listPluginCommands(teamId))
      .filter((c) => c.auto_complete && c.trigger.startsWith(typed.split(" ")[0] ?? ""))
      .map((c) => ({ Complete: c.trigger, Suggestion: `/${c.trigger}`, Hint: c.auto_complete_hint, Description: c.auto_complete_desc, IconData: c.icon_url }));
    return suggestions;
  });
}
