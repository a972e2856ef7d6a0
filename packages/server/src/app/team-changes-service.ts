/**
 * Changing teams and memberships beyond create / join / leave: updating and archiving a team,
 * adding many users at once, and replacing a member's roles (Mattermost's UpdateTeam,
 * SoftDeleteTeam, AddTeamMembers and UpdateTeamMemberRoles). Callers are trusted (the Plugin
 * API); every add goes through TeamsService.addMember, so hooks and events are the same as REST's.
 */
import type { AppContext } from "./app-context.js";
import { appError, isAppError, type AppError } from "./app-error.js";
import { withDbErrors } from "./map-db-error.js";
import type { Team, TeamMember } from "./models/team.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { parseTeamRoles } from "./team-roles.js";
import { teamMemberFromRow, validateTeamDetails, type TeamsService } from "./teams-service.js";

/** The fields of a team UpdateTeam takes from the caller; the rest (name, type, ids) are kept. */
export interface TeamUpdate {
  id: string;
  display_name: string;
  description: string;
  allow_open_invite: boolean;
  company_name: string;
  allowed_domains: string;
  last_team_icon_update: number;
}

/** One user's outcome in a graceful bulk add (Mattermost's TeamMemberWithError). */
export interface TeamMemberWithError {
  user_id: string;
  member?: TeamMember;
  error?: AppError;
}

export interface TeamChangesService {
  updateTeam(update: TeamUpdate): Promise<Team>;
  /** Archives the team (delete_at = now); its rows stay. */
  softDeleteTeam(teamId: string): Promise<void>;
  /**
   * Adds users in order. Not graceful: the first failure is thrown (the users before it stay
   * added, as in Mattermost). Graceful: every user gets a member or an error.
   */
  addMembers(teamId: string, userIds: readonly string[], requestorId: string, graceful: boolean): Promise<TeamMemberWithError[]>;
  updateMemberRoles(teamId: string, userId: string, newRoles: string): Promise<TeamMember>;
}

/** Publishes a team change to the team's members, with the team as JSON text as Mattermost sends it. */
function publishTeamEvent(ctx: AppContext, event: string, team: Team): void {
  ctx.events.publish(newWebSocketEvent(event, { team: JSON.stringify(team) }, { team_id: team.id }));
}

export function createTeamChangesService(ctx: AppContext, teams: TeamsService): TeamChangesService {
  return {
    async updateTeam(update) {
      const where = "updateTeam";
      const old = await teams.getTeam(update.id);
      const displayName = [...update.display_name.trim()].length;
      if (displayName < 1 || displayName > 64) throw appError("model.team.is_valid.display_name.app_error", { where });
      validateTeamDetails(update, where);
      const changes = {
        display_name: update.display_name.trim(), description: update.description, allow_open_invite: update.allow_open_invite ? 1 : 0,
        company_name: update.company_name, allowed_domains: update.allowed_domains, last_team_icon_update: update.last_team_icon_update,
        update_at: ctx.now(),
      };
      await withDbErrors(where, {}, () => ctx.db.updateTable("teams").set(changes).where("id", "=", old.id).execute());
      const team: Team = { ...old, ...changes, allow_open_invite: update.allow_open_invite };
      publishTeamEvent(ctx, WebSocketEvents.UpdateTeam, team);
      return team;
    },

    async softDeleteTeam(teamId) {
      const old = await teams.getTeam(teamId);
      const now = ctx.now();
      await withDbErrors("softDeleteTeam", {}, () => ctx.db.updateTable("teams").set({ delete_at: now, update_at: now }).where("id", "=", teamId).execute());
      publishTeamEvent(ctx, WebSocketEvents.DeleteTeam, { ...old, delete_at: now, update_at: now });
    },

    async addMembers(teamId, userIds, requestorId, graceful) {
      await teams.getTeam(teamId);
      const results: TeamMemberWithError[] = [];
      for (const userId of userIds) {
        try {
          results.push({ user_id: userId, member: await teams.addMember(teamId, userId, { requestorId }) });
        } catch (error) {
          if (!graceful || !isAppError(error)) throw error;
          results.push({ user_id: userId, error });
        }
      }
      return results;
    },

    async updateMemberRoles(teamId, userId, newRoles) {
      const where = "updateTeamMemberRoles";
      const roles = parseTeamRoles(newRoles, where);
      const member = await teams.getMember(teamId, userId);
      if (member.delete_at !== 0) throw appError("app.team.get_member.missing.app_error", { where, detailedError: `user ${userId} left ${teamId}` });
      await withDbErrors(where, {}, () => ctx.db.updateTable("team_members").set({ roles }).where("team_id", "=", teamId).where("user_id", "=", userId).execute());
      const updated = teamMemberFromRow({ team_id: teamId, user_id: userId, roles, create_at: member.create_at, delete_at: 0 });
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.MemberRoleUpdated, { member: JSON.stringify(updated) }, { user_id: userId }));
      return updated;
    },
  };
}
