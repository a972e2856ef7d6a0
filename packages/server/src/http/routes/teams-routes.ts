/** `/api/v4/teams…`: creating teams, reading them, adding members. */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { appError } from "../../app/app-error.js";
import type { TeamType } from "../../app/models/team.js";
import { requireSession } from "../authenticate.js";
import { idField, idParam, objectBody, stringField } from "../request-input.js";

/** Adds POST /teams, GET /teams/:team_id, POST /teams/:team_id/members. */
export function registerTeamsRoutes(fastify: FastifyInstance, app: App): void {
  fastify.post("/api/v4/teams", async (request, reply) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "team");
    const allowOpenInvite = body["allow_open_invite"];
    const team = await app.teams.createTeam(
      {
        name: stringField(body, "name", true),
        display_name: stringField(body, "display_name", true),
        type: stringField(body, "type", true) as TeamType,
        description: stringField(body, "description"),
        email: stringField(body, "email"),
        company_name: stringField(body, "company_name"),
        allowed_domains: stringField(body, "allowed_domains"),
        allow_open_invite: typeof allowOpenInvite === "boolean" ? allowOpenInvite : undefined,
      },
      session.user_id,
    );
    return reply.code(201).send(team);
  });

  fastify.get("/api/v4/teams/:team_id", async (request) => {
    const session = await requireSession(request, app);
    return app.teams.requireViewable(idParam(request, "team_id"), session.user_id);
  });

  fastify.post("/api/v4/teams/:team_id/members", async (request, reply) => {
    const session = await requireSession(request, app);
    const teamId = idParam(request, "team_id");
    const body = objectBody(request, "team_member");
    if (body["team_id"] !== undefined && body["team_id"] !== teamId) {
      throw appError("api.context.invalid_body_param.app_error", { where: "addTeamMember", params: { Name: "team_id" } });
    }
    const member = await app.teams.addMember(teamId, idField(body, "user_id"), { actorId: session.user_id });
    return reply.code(201).send(member);
  });
}
