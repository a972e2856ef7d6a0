/**
 * Read-side team questions the Plugin API asks (Mattermost's GetAllTeams, SearchAllTeams,
 * GetTeamMembersForUserWithPagination, GetTeamsUnreadForUser and GetTeamStats). Trusted callers:
 * no viewer filtering, unlike REST's team listing.
 */
import { sql } from "kysely";
import type { AppContext } from "./app-context.js";
import type { Team, TeamMember } from "./models/team.js";
import { teamMemberFromRow, type TeamsService } from "./teams-service.js";
import { teamFromRow } from "./entity-rows.js";

/** Mattermost's model.TeamUnread; the thread counts stay 0 without collapsed threads. */
export interface TeamUnread {
  team_id: string;
  msg_count: number;
  mention_count: number;
  mention_count_root: number;
  msg_count_root: number;
  thread_count: number;
  thread_mention_count: number;
  thread_urgent_mention_count: number;
}

/** Mattermost's model.TeamStats. */
export interface TeamStats {
  team_id: string;
  total_member_count: number;
  active_member_count: number;
}

export interface TeamQueriesService {
  /** Every team, archived ones included, by display name. */
  getAllTeams(): Promise<Team[]>;
  /** Teams not archived whose name or display name starts with `term`, case-insensitively. */
  searchTeams(term: string): Promise<Team[]>;
  /** The user's current memberships, by team id. */
  getMembersForUser(userId: string, page: number, perPage: number): Promise<TeamMember[]>;
  getTeamsUnreadForUser(userId: string): Promise<TeamUnread[]>;
  getTeamStats(teamId: string): Promise<TeamStats>;
}


/** `term` as a LIKE prefix pattern, its own wildcards escaped. */
function prefixPattern(term: string): string {
  return `${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createTeamQueriesService(ctx: AppContext, teams: TeamsService): TeamQueriesService {
  return {
    async getAllTeams() {
      const rows = await ctx.db.selectFrom("teams").selectAll().orderBy("display_name").orderBy("id").execute();
      return rows.map(teamFromRow);
    },

    async searchTeams(term) {
      const pattern = prefixPattern(term.trim());
      const rows = await ctx.db.selectFrom("teams").selectAll().where("delete_at", "=", 0)
        .where((eb) => eb.or([
          eb(sql`lower(name)`, "like", sql`${pattern} escape '\\'`),
          eb(sql`lower(display_name)`, "like", sql`${pattern} escape '\\'`),
        ]))
        .orderBy("display_name").orderBy("id").execute();
      return rows.map(teamFromRow);
    },

    async getMembersForUser(userId, page, perPage) {
      const rows = await ctx.db.selectFrom("team_members").selectAll().where("user_id", "=", userId).where("delete_at", "=", 0)
        .orderBy("team_id").limit(perPage).offset(page * perPage).execute();
      return rows.map(teamMemberFromRow);
    },

    async getTeamsUnreadForUser(userId) {
      // One row per team the user belongs to; the sums cover their memberships of its live channels.
      const rows = await ctx.db.selectFrom("team_members as tm")
        .innerJoin("teams as t", "t.id", "tm.team_id")
        .leftJoin("channels as c", (join) => join.onRef("c.team_id", "=", "tm.team_id").on("c.delete_at", "=", 0))
        .leftJoin("channel_members as cm", (join) => join.onRef("cm.channel_id", "=", "c.id").onRef("cm.user_id", "=", "tm.user_id"))
        .select((eb) => [
          "tm.team_id",
          eb.fn.coalesce(eb.fn.sum(sql<number>`case when cm.user_id is null then 0 else c.total_msg_count - cm.msg_count end`), sql<number>`0`).as("msg_count"),
          eb.fn.coalesce(eb.fn.sum("cm.mention_count"), sql<number>`0`).as("mention_count"),
          eb.fn.coalesce(eb.fn.sum("cm.mention_count_root"), sql<number>`0`).as("mention_count_root"),
          eb.fn.coalesce(eb.fn.sum(sql<number>`case when cm.user_id is null then 0 else c.total_msg_count_root - cm.msg_count_root end`), sql<number>`0`).as("msg_count_root"),
        ])
        .where("tm.user_id", "=", userId).where("tm.delete_at", "=", 0).where("t.delete_at", "=", 0)
        .groupBy("tm.team_id").orderBy("tm.team_id").execute();
      return rows.map((row) => ({
        team_id: row.team_id,
        msg_count: Number(row.msg_count),
        mention_count: Number(row.mention_count),
        mention_count_root: Number(row.mention_count_root),
        msg_count_root: Number(row.msg_count_root),
        thread_count: 0,
        thread_mention_count: 0,
        thread_urgent_mention_count: 0,
      }));
    },

    async getTeamStats(teamId) {
      await teams.getTeam(teamId);
      const row = await ctx.db.selectFrom("team_members as tm").innerJoin("users as u", "u.id", "tm.user_id")
        .select((eb) => [
          eb.fn.countAll<number>().as("total"),
          eb.fn.sum<number>(sql`case when u.delete_at = 0 then 1 else 0 end`).as("active"),
        ])
        .where("tm.team_id", "=", teamId).where("tm.delete_at", "=", 0).executeTakeFirstOrThrow();
      return { team_id: teamId, total_member_count: Number(row.total), active_member_count: Number(row.active ?? 0) };
    },
  };
}
