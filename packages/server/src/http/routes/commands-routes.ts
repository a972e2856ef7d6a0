/** `/api/v4/commands/execute`: runs a slash command typed in a channel the caller belongs to. */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { requireSession } from "../authenticate.js";
import { idField, objectBody, stringField } from "../request-input.js";

/** Adds POST /commands/execute (replies with the plugin's CommandResponse). */
export function registerCommandsRoutes(fastify: FastifyInstance, app: App): void {
  fastify.post("/api/v4/commands/execute", async (request) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "command_args");
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
}
