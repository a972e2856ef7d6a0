/**
 * Channel membership beyond adding one member: direct messages, leaving and removal, and the
 * listings clients page through.
 *
 * A direct message channel (type D) belongs to no team; its name is the two user ids, sorted,
 * joined by "__", so creating it twice yields the same channel (Mattermost's GetDMNameFromIds).
 * Nobody leaves a DM. In team channels a member may leave, and — as in Mattermost's default
 * scheme, where channel_user holds manage_*_channel_members — any member or a system admin may
 * remove another. Removal publishes `user_removed` twice: to the removed user (with channel_id)
 * and to the remaining members (with user_id).
 */
import type { AppContext } from "./app-context.js";
import { appError, isAppError } from "./app-error.js";
import { notifyHook } from "./app-hooks.js";
import { channelMemberFromRow, type ChannelsService } from "./channels-service.js";
import { withDbErrors } from "./map-db-error.js";
import { CHANNEL_USER_ROLE, type Channel, type ChannelMember } from "./models/channel.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { newId } from "./new-id.js";
import { isSystemAdmin } from "./role-checks.js";
import type { UsersService } from "./users-service.js";
import type { ChannelsTable } from "../store/schema.js";
import { channelFromRow } from "./entity-rows.js";

/** Membership operations and listings; callers check who may list. */
export interface ChannelMembersService {
  /** The DM between two users (created on first use); the actor must be one of them or a system admin. */
  createDirectChannel(userIds: readonly string[], options?: { actorId?: string }): Promise<Channel>;
  /** Removes (or, when actor = user, lets leave) a member of a team channel. */
  removeMember(channelId: string, userId: string, options?: { actorId?: string }): Promise<void>;
  getMembers(channelId: string, page: number, perPage: number): Promise<ChannelMember[]>;
  /** The user's channels on a team, plus their direct messages (Mattermost's GetChannelsForTeamForUser). */
  getChannelsForUser(userId: string, teamId: string): Promise<Channel[]>;
  /** Open channels of a team, by name. */
  getPublicChannels(teamId: string, page: number, perPage: number): Promise<Channel[]>;
  /** Which of `userIds` are members of the channel right now (event delivery asks this). */
  filterMembers(channelId: string, userIds: readonly string[]): Promise<string[]>;
}

/** The name Mattermost gives the DM between two users. */
export function directChannelName(a: string, b: string): string {
  return a < b ? `${a}__${b}` : `${b}__${a}`;
}


const DM_NOTIFY_PROPS = JSON.stringify({ desktop: "default", email: "default", ignore_channel_mentions: "default", mark_unread: "all", push: "default" });

/** Builds the service over the channels and users services. */
export function createChannelMembersService(ctx: AppContext, users: UsersService, channels: ChannelsService): ChannelMembersService {
  async function findChannel(teamId: string, name: string): Promise<Channel | undefined> {
    const row = await ctx.db.selectFrom("channels").selectAll().where("team_id", "=", teamId).where("name", "=", name).executeTakeFirst();
    return row ? channelFromRow(row) : undefined;
  }

  return {
    async createDirectChannel(userIds, options = {}) {
      const where = "createDirectChannel";
      const [a, b] = userIds;
      if (userIds.length !== 2 || a === undefined || b === undefined) throw appError("api.channel.create_direct_channel.invalid_user.app_error", { where });
      for (const id of new Set([a, b])) {
        const user = await users.getUser(id).catch((error: unknown) => {
          throw isAppError(error) && error.statusCode === 404 ? appError("api.channel.create_direct_channel.invalid_user.app_error", { where, detailedError: `user ${id}` }) : error;
        });
        if (user.delete_at !== 0) throw appError("api.channel.create_direct_channel.invalid_user.app_error", { where, detailedError: `user ${id} is deactivated` });
      }
      if (options.actorId !== undefined && options.actorId !== a && options.actorId !== b && !(await isSystemAdmin(ctx, options.actorId))) {
        throw appError("api.context.permissions.app_error", { where, detailedError: "you may only open direct messages you take part in" });
      }
      const name = directChannelName(a, b);
      const existing = await findChannel("", name);
      if (existing) return existing;
      const now = ctx.now();
      const row: ChannelsTable = {
        id: newId(), create_at: now, update_at: now, delete_at: 0, team_id: "", type: "D", display_name: "", name, header: "", purpose: "",
        last_post_at: now, last_root_post_at: now, total_msg_count: 0, total_msg_count_root: 0, extra_update_at: 0, creator_id: options.actorId ?? a,
      };
      try {
        await withDbErrors(where, {}, () =>
          ctx.db.transaction().execute(async (trx) => {
            await trx.insertInto("channels").values(row).execute();
            for (const userId of new Set([a, b])) {
              await trx.insertInto("channel_members").values({
                channel_id: row.id, user_id: userId, roles: CHANNEL_USER_ROLE, last_viewed_at: 0, msg_count: 0, msg_count_root: 0,
                mention_count: 0, mention_count_root: 0, notify_props: DM_NOTIFY_PROPS, last_update_at: now,
              }).execute();
            }
          }),
        );
      } catch (error) {
        // Both users opened the DM at once: the other insert won, and its channel is the answer.
        const winner = isAppError(error) && error.statusCode === 409 ? await findChannel("", name) : undefined;
        if (winner) return winner;
        throw error;
      }
      const channel = channelFromRow(row);
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.DirectAdded, { creator_id: row.creator_id, teammate_id: row.creator_id === a ? b : a }, { channel_id: channel.id }));
      notifyHook(ctx.hooks(), "channelHasBeenCreated", channel);
      return channel;
    },

    async removeMember(channelId, userId, options = {}) {
      const where = "removeChannelMember";
      const channel = await channels.getChannel(channelId);
      if (channel.type === "D" || channel.type === "G") throw appError("api.channel.remove_member.direct.app_error", { where });
      const member = await channels.getMember(channelId, userId);
      const actorId = options.actorId;
      if (actorId !== undefined && actorId !== userId && !(await channels.isMember(channelId, actorId)) && !(await isSystemAdmin(ctx, actorId))) {
        throw appError("api.context.permissions.app_error", { where, detailedError: `user ${actorId} may not remove members of ${channelId}` });
      }
      await withDbErrors(where, {}, () => ctx.db.deleteFrom("channel_members").where("channel_id", "=", channelId).where("user_id", "=", userId).execute());
      const removerId = actorId ?? userId;
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.UserRemoved, { channel_id: channelId, remover_id: removerId }, { user_id: userId }));
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.UserRemoved, { user_id: userId, remover_id: removerId }, { channel_id: channelId }));
      const actor = actorId !== undefined && actorId !== userId ? await users.getUser(actorId).catch(() => undefined) : undefined;
      notifyHook(ctx.hooks(), "userHasLeftChannel", member, actor);
    },

    async getMembers(channelId, page, perPage) {
      await channels.getChannel(channelId);
      const rows = await ctx.db.selectFrom("channel_members").selectAll().where("channel_id", "=", channelId)
        .orderBy("user_id").limit(perPage).offset(page * perPage).execute();
      return rows.map(channelMemberFromRow);
    },

    async getChannelsForUser(userId, teamId) {
      const rows = await ctx.db.selectFrom("channels").innerJoin("channel_members", "channel_members.channel_id", "channels.id")
        .selectAll("channels")
        .where("channel_members.user_id", "=", userId).where("channels.delete_at", "=", 0)
        .where((eb) => eb.or([eb("channels.team_id", "=", teamId), eb("channels.team_id", "=", "")]))
        .orderBy("channels.display_name").orderBy("channels.id")
        .execute();
      return rows.map(channelFromRow);
    },

    async filterMembers(channelId, userIds) {
      if (userIds.length === 0) return [];
      const rows = await ctx.db.selectFrom("channel_members").select("user_id").where("channel_id", "=", channelId).where("user_id", "in", [...userIds]).execute();
      return rows.map((r) => r.user_id);
    },

    async getPublicChannels(teamId, page, perPage) {
      const rows = await ctx.db.selectFrom("channels").selectAll().where("team_id", "=", teamId).where("type", "=", "O").where("delete_at", "=", 0)
        .orderBy("name").limit(perPage).offset(page * perPage).execute();
      return rows.map(channelFromRow);
    },
  };
}
