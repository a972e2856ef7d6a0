/** `/api/v4/teams…`: creating, reading and listing teams; adding, listing and removing members. */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { appError } from "../../app/app-error.js";
import type { TeamType } from "../../app/models/team.js";
import { requireSession } from "../authenticate.js";
import { TEAM_FIELDS, TEAM_MEMBER_FIELDS } from "../model-fields.js";
import { idField, idParam, knownFields, objectBody, pagingQuery, stringField, stringParam, userIdParam } from "../request-input.js";

/** Adds the team and team-member routes. Reading a team's members requires seeing the team. */
export function registerTeamsRoutes(fastify: FastifyInstance, app: App): void {
  fastify.post("/api/v4/teams", async (request, reply) => {
    const session = await requireSession(request, app);
    const body = objectBody(request, "team");
    knownFields(body, "team", TEAM_FIELDS);
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
    knownFields(body, "team_member", TEAM_MEMBER_FIELDS);
    if (body["team_id"] !== undefined && body["team_id"] !== teamId) {
      throw appError("api.context.invalid_body_param.app_error", { where: "addTeamMember", params: { Name: "team_id" } });
    }
    const member = await app.teams.addMember(teamId, idField(body, "user_id"), { actorId: session.user_id });
    return reply.code(201).send(member);
  });

  fastify.get("/api/v4/teams", async (request) => {
    const session = await requireSession(request, app);
    const { page, perPage } = pagingQuery(request);
    return app.teamMembers.getTeams(session.user_id, page, perPage);
  });

  fastify.get("/api/v4/teams/name/:name", async (request) => {
    const session = await requireSession(request, app);
    const team = await app.teams.getTeamByName(stringParam(request, "name"));
    return app.teams.requireViewable(team.id, session.user_id);
  });

  fastify.get("/api/v4/users/:user_id/teams", async (request) => {
    const session = await requireSession(request, app);
    const userId = userIdParam(request, session.user_id);
    if (userId !== session.user_id && !(await app.users.isSystemAdmin(session.user_id))) {
      throw appError("api.context.permissions.app_error", { where: "getTeamsForUser", detailedError: "you may only list your own teams" });
    }
    return app.teamMembers.getTeamsForUser(userId);
  });

  fastify.get("/api/v4/teams/:team_id/members", async (request) => {
    const session = await requireSession(request, app);
    const teamId = idParam(request, "team_id");
    const { page, perPage } = pagingQuery(request);
    await app.teams.requireViewable(teamId, session.user_id);
    return app.teamMembers.getMembers(teamId, page, perPage);
  });

  fastify.get("/api/v4/teams/:team_id/members/:user_id", async (request) => {
    const session = await requireSession(request, app);
    const teamId = idParam(request, "team_id");
    const userId = userIdParam(request, session.user_id);
    await app.teams.requireViewable(teamId, session.user_id);
    return app.teams.getMember(teamId, userId);
  });

  fastify.delete("/api/v4/teams/:team_id/members/:user_id", async (request) => {
    const session = await requireSession(request, app);
    await app.teamMembers.removeMember(idParam(request, "team_id"), userIdParam(request, session.user_id), { actorId: session.user_id });
    return { status: "OK" };
  });
}
