/**
 * The role questions Mattermost's default permission scheme asks, answered from the store:
 * "may this actor moderate content in this channel" (system admins, and team admins of the
 * channel's team — Mattermost's edit_others_posts / delete_others_posts defaults) and "is this
 * actor a system admin". Services ask these instead of re-reading role strings themselves.
 */
import type { AppContext } from "./app-context.js";
import type { Channel } from "./models/channel.js";
import { TEAM_ADMIN_ROLE } from "./models/team.js";
import { hasRole, SYSTEM_ADMIN_ROLE } from "./models/user.js";

/** Whether the user exists, is active and is a system admin. */
export async function isSystemAdmin(ctx: AppContext, userId: string): Promise<boolean> {
  const row = await ctx.db.selectFrom("users").select(["roles", "delete_at"]).where("id", "=", userId).executeTakeFirst();
  return row !== undefined && row.delete_at === 0 && hasRole(row.roles, SYSTEM_ADMIN_ROLE);
}

/** Whether the user is an active team admin of `teamId`. */
export async function isTeamAdmin(ctx: AppContext, teamId: string, userId: string): Promise<boolean> {
  if (teamId === "") return false;
  const row = await ctx.db.selectFrom("team_members").select(["roles", "delete_at"])
    .where("team_id", "=", teamId).where("user_id", "=", userId).executeTakeFirst();
  return row !== undefined && row.delete_at === 0 && hasRole(row.roles, TEAM_ADMIN_ROLE);
}

/** Moderating others' posts and reactions in a channel: system admins and the team's admins. */
export async function canModerateChannel(ctx: AppContext, channel: Channel, userId: string): Promise<boolean> {
  return (await isSystemAdmin(ctx, userId)) || (await isTeamAdmin(ctx, channel.team_id, userId));
}
