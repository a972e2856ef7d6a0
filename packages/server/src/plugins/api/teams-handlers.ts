import type { PluginAPIHandlers } from "@polyplug/host";
import {
  TeamMemberSchema,
  TeamMemberWithErrorSchema,
  TeamSchema,
  TeamStatsSchema,
  TeamUnreadSchema,
  fromProto,
  toProto,
} from "@polyplug/protocol";
import { appError } from "../../app/app-error.js";
import type { Team, TeamMember, TeamType } from "../../app/models/team.js";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";
import { requireId, requirePaging } from "./request-params.js";

/**
 * The Plugin API's teams, team members, team icons, team stats, acting as plugin `pluginId`. As in
 * Mattermost's plugin_api.go these are trusted calls (no session permission checks); adding and
 * removing members goes through the same services as REST, so TeamMemberWillBeAdded,
 * UserHasJoinedTeam and UserHasLeftTeam fire for plugin-made changes too.
 */
export function createTeamsHandlers(deps: PluginAPIBackendDeps, _pluginId: string): PluginAPIHandlers {
  const { app } = deps;
  const team = (value: Team) => toProto(TeamSchema, value);
  const member = (value: TeamMember) => toProto(TeamMemberSchema, value);
  const paging = requirePaging;
  const teamOf = (message: Parameters<typeof fromProto>[1] | undefined, where: string) => {
    if (!message) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "team" } });
    return fromProto(TeamSchema, message) as unknown as Team;
  };
  const userIdsOf = (userIds: readonly string[], where: string) => {
    userIds.forEach((id) => requireId(id, "user_ids", where));
    return userIds;
  };

  return {
    createTeam: async (request) => {
      const input = teamOf(request.team, "CreateTeam");
      if (input.id !== "") throw appError("store.sql_team.save.existing.app_error", { where: "CreateTeam", detailedError: `id=${input.id}` });
      const created = await app.teams.createTeam({
        name: input.name, display_name: input.display_name, type: input.type as TeamType, description: input.description,
        email: input.email, company_name: input.company_name, allowed_domains: input.allowed_domains, allow_open_invite: input.allow_open_invite,
      });
      return { team: team(created) };
    },
    deleteTeam: async ({ teamId }) => {
      requireId(teamId, "team_id", "DeleteTeam");
      await app.teamChanges.softDeleteTeam(teamId);
      return {};
    },
    getTeams: async () => ({ teams: (await app.teamQueries.getAllTeams()).map(team) }),
    getTeam: async ({ teamId }) => {
      requireId(teamId, "team_id", "GetTeam");
      return { team: team(await app.teams.getTeam(teamId)) };
    },
    getTeamByName: async ({ name }) => ({ team: team(await app.teams.getTeamByName(name)) }),
    getTeamsUnreadForUser: async ({ userId }) => {
      requireId(userId, "user_id", "GetTeamsUnreadForUser");
      await app.users.getUser(userId);
      return { teamUnreads: (await app.teamQueries.getTeamsUnreadForUser(userId)).map((u) => toProto(TeamUnreadSchema, u)) };
    },
    updateTeam: async (request) => {
      const input = teamOf(request.team, "UpdateTeam");
      requireId(input.id, "team.id", "UpdateTeam");
      const updated = await app.teamChanges.updateTeam({
        id: input.id, display_name: input.display_name, description: input.description, allow_open_invite: input.allow_open_invite,
        company_name: input.company_name, allowed_domains: input.allowed_domains, last_team_icon_update: input.last_team_icon_update,
      });
      return { team: team(updated) };
    },
    searchTeams: async ({ term }) => ({ teams: (await app.teamQueries.searchTeams(term)).map(team) }),
    getTeamsForUser: async ({ userId }) => {
      requireId(userId, "user_id", "GetTeamsForUser");
      return { teams: (await app.teamMembers.getTeamsForUser(userId)).map(team) };
    },
    createTeamMember: async ({ teamId, userId }) => {
      requireId(teamId, "team_id", "CreateTeamMember");
      requireId(userId, "user_id", "CreateTeamMember");
      return { teamMember: member(await app.teams.addMember(teamId, userId)) };
    },
    createTeamMembers: async ({ teamId, userIds, requestorId }) => {
      requireId(teamId, "team_id", "CreateTeamMembers");
      const added = await app.teamChanges.addMembers(teamId, userIdsOf(userIds, "CreateTeamMembers"), requestorId, false);
      return { teamMembers: added.map((r) => member(r.member!)) };
    },
    createTeamMembersGracefully: async ({ teamId, userIds, requestorId }) => {
      requireId(teamId, "team_id", "CreateTeamMembersGracefully");
      const results = await app.teamChanges.addMembers(teamId, userIdsOf(userIds, "CreateTeamMembersGracefully"), requestorId, true);
      return {
        members: results.map((r) => toProto(TeamMemberWithErrorSchema, {
          user_id: r.user_id,
          ...(r.member ? { member: r.member } : {}),
          error: r.error ? { ...r.error.toJSON(), where: r.error.where } : {},
        })),
      };
    },
    deleteTeamMember: async ({ teamId, userId, requestorId }) => {
      requireId(teamId, "team_id", "DeleteTeamMember");
      requireId(userId, "user_id", "DeleteTeamMember");
      await app.teamMembers.removeMember(teamId, userId, { requestorId });
      return {};
    },
    getTeamMembers: async ({ teamId, page, perPage }) => {
      requireId(teamId, "team_id", "GetTeamMembers");
      const p = paging(page, perPage, "GetTeamMembers");
      return { teamMembers: (await app.teamMembers.getMembers(teamId, p.page, p.perPage)).map(member) };
    },
    getTeamMember: async ({ teamId, userId }) => {
      requireId(teamId, "team_id", "GetTeamMember");
      requireId(userId, "user_id", "GetTeamMember");
      return { teamMember: member(await app.teams.getMember(teamId, userId)) };
    },
    getTeamMembersForUser: async ({ userId, page, perPage }) => {
      requireId(userId, "user_id", "GetTeamMembersForUser");
      const p = paging(page, perPage, "GetTeamMembersForUser");
      return { teamMembers: (await app.teamQueries.getMembersForUser(userId, p.page, p.perPage)).map(member) };
    },
    updateTeamMemberRoles: async ({ teamId, userId, newRoles }) => {
      requireId(teamId, "team_id", "UpdateTeamMemberRoles");
      requireId(userId, "user_id", "UpdateTeamMemberRoles");
      return { teamMember: member(await app.teamChanges.updateMemberRoles(teamId, userId, newRoles)) };
    },
    getTeamIcon: async ({ teamId }) => {
      requireId(teamId, "team_id", "GetTeamIcon");
      return { icon: new Uint8Array(await app.teamIcons.getIcon(teamId)) };
    },
    setTeamIcon: async ({ teamId, data }) => {
      requireId(teamId, "team_id", "SetTeamIcon");
      await app.teamIcons.setIcon(teamId, data);
      return {};
    },
    removeTeamIcon: async ({ teamId }) => {
      requireId(teamId, "team_id", "RemoveTeamIcon");
      await app.teamIcons.removeIcon(teamId);
      return {};
    },
    getTeamStats: async ({ teamId }) => {
      requireId(teamId, "team_id", "GetTeamStats");
      return { teamStats: toProto(TeamStatsSchema, await app.teamQueries.getTeamStats(teamId)) };
    },
  };
}
