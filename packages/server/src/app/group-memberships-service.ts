/**
 * Team and channel membership derived from groups (Mattermost's app/syncables.go):
 *  - default memberships: the members of a group linked with auto_add join the team or channel;
 *  - group-constrained teams and channels keep only the members of their linked groups.
 * Joins and removals go through the team and channel services, so the membership hooks
 * (UserHasJoinedTeam, UserHasJoinedChannel, UserHasLeftTeam, UserHasLeftChannel) fire as for any other.
 */
import type { AppContext } from "./app-context.js";
import { isAppError } from "./app-error.js";
import type { ChannelMembersService } from "./channel-members-service.js";
import type { ChannelsService } from "./channels-service.js";
import type { CreateDefaultMembershipParams } from "./models/group.js";
import type { TeamMembersService } from "./team-members-service.js";
import type { TeamsService } from "./teams-service.js";

export interface GroupMembershipsService {
  /** Adds the members of auto-add groups to the teams, then the channels, the groups are linked to. */
  createDefaultSyncableMemberships(params: CreateDefaultMembershipParams): Promise<void>;
  /** Removes from group-constrained teams, then channels, the members in none of their linked groups (bots stay). */
  deleteGroupConstrainedMemberships(): Promise<void>;
}

export function createGroupMembershipsService(
  ctx: AppContext, teams: TeamsService, channels: ChannelsService, teamMembers: TeamMembersService, channelMembers: ChannelMembersService,
): GroupMembershipsService {
  const db = () => ctx.db;

  /** (user, syncable) pairs an auto-add link asks for, changed since `since`. */
  async function autoAddPairs(type: "Team" | "Channel", params: CreateDefaultMembershipParams, scopedSyncableId: string | undefined) {
    let query = db().selectFrom("group_syncables")
      .innerJoin("user_groups", "user_groups.id", "group_syncables.group_id")
      .innerJoin("group_members", "group_members.group_id", "group_syncables.group_id")
      .innerJoin("users", "users.id", "group_members.user_id")
      .select(["group_members.user_id as user_id", "group_syncables.syncable_id as syncable_id"]).distinct()
      .where("group_syncables.type", "=", type).where("group_syncables.auto_add", "=", 1).where("group_syncables.delete_at", "=", 0)
      .where("user_groups.delete_at", "=", 0).where("group_members.delete_at", "=", 0).where("users.delete_at", "=", 0)
      .where((eb) => eb.or([eb("group_members.create_at", ">=", params.since), eb("group_syncables.update_at", ">=", params.since)]));
    if (params.scoped_user_id) query = query.where("group_members.user_id", "=", params.scoped_user_id);
    if (scopedSyncableId) query = query.where("group_syncables.syncable_id", "=", scopedSyncableId);
    return query.orderBy("syncable_id").orderBy("user_id").execute();
  }

  async function createDefaultTeamMemberships(params: CreateDefaultMembershipParams): Promise<void> {
    for (const { user_id: userId, syncable_id: teamId } of await autoAddPairs("Team", params, params.scoped_team_id)) {
      const team = await db().selectFrom("teams").select("delete_at").where("id", "=", teamId).executeTakeFirst();
      if (!team || team.delete_at !== 0) continue;
      const member = await db().selectFrom("team_members").select("delete_at").where("team_id", "=", teamId).where("user_id", "=", userId).executeTakeFirst();
      if (member && (member.delete_at === 0 || !params.re_add_removed_members)) continue;
      try {
        await teams.addMember(teamId, userId);
      } catch (err) {
        // As Mattermost: a user whose email domain the team does not allow is skipped, anything else fails the call.
        if (!(isAppError(err) && err.id === "api.team.join_user_to_team.allowed_domains.app_error")) throw err;
      }
    }
  }

  async function createDefaultChannelMemberships(params: CreateDefaultMembershipParams): Promise<void> {
    // No channel membership history is kept, so every missing member of an auto-add group is added.
    for (const { user_id: userId, syncable_id: channelId } of await autoAddPairs("Channel", params, params.scoped_channel_id)) {
      const channel = await db().selectFrom("channels").select(["team_id", "delete_at", "type"]).where("id", "=", channelId).executeTakeFirst();
      if (!channel || channel.delete_at !== 0 || (channel.type !== "O" && channel.type !== "P")) continue;
      if (!(await teams.isMember(channel.team_id, userId))) continue;
      if (await channels.isMember(channelId, userId)) continue;
      await channels.addMember(channelId, userId);
    }
  }

  /** Current members of a syncable who are in none of its linked groups, bots excepted. */
  async function membersOutsideGroups(type: "Team" | "Channel", syncableId: string, memberIds: string[]): Promise<string[]> {
    if (memberIds.length === 0) return [];
    const allowed = await db().selectFrom("group_members")
      .innerJoin("group_syncables", "group_syncables.group_id", "group_members.group_id")
      .innerJoin("user_groups", "user_groups.id", "group_members.group_id")
      .select("group_members.user_id").distinct()
      .where("group_syncables.type", "=", type).where("group_syncables.syncable_id", "=", syncableId).where("group_syncables.delete_at", "=", 0)
      .where("group_members.delete_at", "=", 0).where("user_groups.delete_at", "=", 0).execute();
    const bots = await db().selectFrom("users").select("id").where("is_bot", "=", 1).where("id", "in", memberIds).execute();
    const keep = new Set([...allowed.map((r) => r.user_id), ...bots.map((r) => r.id)]);
    return memberIds.filter((id) => !keep.has(id));
  }

  return {
    async createDefaultSyncableMemberships(params) {
      await createDefaultTeamMemberships(params);
      await createDefaultChannelMemberships(params);
    },

    async deleteGroupConstrainedMemberships() {
      const constrainedTeams = await db().selectFrom("teams").select("id").where("group_constrained", "=", 1).where("delete_at", "=", 0).orderBy("id").execute();
      for (const { id: teamId } of constrainedTeams) {
        const members = await db().selectFrom("team_members").select("user_id").where("team_id", "=", teamId).where("delete_at", "=", 0).orderBy("user_id").execute();
        for (const userId of await membersOutsideGroups("Team", teamId, members.map((m) => m.user_id))) {
          await teamMembers.removeMember(teamId, userId);
        }
      }
      const constrainedChannels = await db().selectFrom("channels").select("id").where("group_constrained", "=", 1).where("delete_at", "=", 0)
        .where("type", "in", ["O", "P"]).orderBy("id").execute();
      for (const { id: channelId } of constrainedChannels) {
        const members = await db().selectFrom("channel_members").select("user_id").where("channel_id", "=", channelId).orderBy("user_id").execute();
        for (const userId of await membersOutsideGroups("Channel", channelId, members.map((m) => m.user_id))) {
          await channelMembers.removeMember(channelId, userId);
        }
      }
    },
  };
}
