/**
 * Team membership beyond adding one member: leaving or removal, and the listings clients page.
 *
 * Leaving a team marks the membership with `delete_at` (the row is kept, as the teams service
 * documents) and takes the user out of every channel of that team in the same transaction, as
 * Mattermost's RemoveTeamMemberFromTeam does. A user may leave; team admins and system admins may
 * remove others. `leave_team` goes to the team's remaining members and to the user who left.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { notifyHook } from "./app-hooks.js";
import { withDbErrors } from "./map-db-error.js";
import type { Team, TeamMember } from "./models/team.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { isSystemAdmin, isTeamAdmin } from "./role-checks.js";
import { teamMemberFromRow, type TeamsService } from "./teams-service.js";
import type { UsersService } from "./users-service.js";
import { teamFromRow } from "./entity-rows.js";

/** Membership removal and listings; callers check who may list. */
export interface TeamMembersService {
  /** `actorId` is checked (REST); `requestorId` is only reported to hooks (trusted Plugin API path). */
  removeMember(teamId: string, userId: string, options?: { actorId?: string; requestorId?: string }): Promise<void>;
  /** Current members, by user id. */
  getMembers(teamId: string, page: number, perPage: number): Promise<TeamMember[]>;
  /** Teams the user currently belongs to. */
  getTeamsForUser(userId: string): Promise<Team[]>;
  /** Teams the viewer may list: every team for system admins, else open teams (Mattermost's GET /teams). */
  getTeams(viewerId: string, page: number, perPage: number): Promise<Team[]>;
  /** Which of `userIds` are current members of the team (event delivery asks this). */
  filterMembers(teamId: string, userIds: readonly string[]): Promise<string[]>;
}


/** Builds the service over the teams and users services. */
export function createTeamMembersService(ctx: AppContext, users: UsersService, teams: TeamsService): TeamMembersService {
  return {
    async removeMember(teamId, userId, options = {}) {
      const where = "removeTeamMember";
      await teams.getTeam(teamId);
      const member = await teams.getMember(teamId, userId);
      if (member.delete_at !== 0) throw appError("app.team.get_member.missing.app_error", { where, detailedError: `user ${userId} already left ${teamId}` });
      const actorId = options.actorId;
      if (actorId !== undefined && actorId !== userId && !(await isTeamAdmin(ctx, teamId, actorId)) && !(await isSystemAdmin(ctx, actorId))) {
        throw appError("api.context.permissions.app_error", { where, detailedError: `user ${actorId} may not remove members of ${teamId}` });
      }
      const now = ctx.now();
      await withDbErrors(where, {}, () =>
        ctx.db.transaction().execute(async (trx) => {
          await trx.updateTable("team_members").set({ delete_at: now }).where("team_id", "=", teamId).where("user_id", "=", userId).execute();
          const teamChannels = trx.selectFrom("channels").select("id").where("team_id", "=", teamId);
          await trx.deleteFrom("channel_members").where("user_id", "=", userId).where("channel_id", "in", teamChannels).execute();
        }),
      );
      const data = { team_id: teamId, user_id: userId };
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.LeaveTeam, data, { team_id: teamId }));
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.LeaveTeam, data, { user_id: userId }));
      const reportedActorId = actorId ?? options.requestorId;
      const actor = reportedActorId !== undefined && reportedActorId !== "" && reportedActorId !== userId ? await users.getUser(reportedActorId).catch(() => undefined) : undefined;
      notifyHook(ctx.hooks(), "userHasLeftTeam", { ...member, delete_at: now }, actor);
    },

    async getMembers(teamId, page, perPage) {
      await teams.getTeam(teamId);
      const rows = await ctx.db.selectFrom("team_members").selectAll().where("team_id", "=", teamId).where("delete_at", "=", 0)
        .orderBy("user_id").limit(perPage).offset(page * perPage).execute();
      return rows.map(teamMemberFromRow);
    },

    async getTeamsForUser(userId) {
      const rows = await ctx.db.selectFrom("teams").innerJoin("team_members", "team_members.team_id", "teams.id").selectAll("teams")
        .where("team_members.user_id", "=", userId).where("team_members.delete_at", "=", 0).where("teams.delete_at", "=", 0)
        .orderBy("teams.name").execute();
      return rows.map(teamFromRow);
    },

    async filterMembers(teamId, userIds) {
      if (userIds.length === 0) return [];
      const rows = await ctx.db.selectFrom("team_members").select("user_id")
        .where("team_id", "=", teamId).where("delete_at", "=", 0).where("user_id", "in", [...userIds]).execute();
      return rows.map((r) => r.user_id);
    },

    async getTeams(viewerId, page, perPage) {
      let query = ctx.db.selectFrom("teams").selectAll().where("delete_at", "=", 0);
      if (!(await isSystemAdmin(ctx, viewerId))) query = query.where("type", "=", "O").where("allow_open_invite", "=", 1);
      const rows = await query.orderBy("name").limit(perPage).offset(page * perPage).execute();
      return rows.map(teamFromRow);
    },
  };
}
