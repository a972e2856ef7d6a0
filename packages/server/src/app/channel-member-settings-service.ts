/**
 * A membership's own settings and the membership look-ups of the Plugin API: roles (channel_user,
 * optionally channel_admin — the only channel roles this server has), notification properties
 * (merged key by key, known keys checked against Mattermost's allowed values), and members by
 * user ids or for one user.
 */
import type { AppContext } from "./app-context.js";
import { parseJsonObject } from "./app-context.js";
import { appError } from "./app-error.js";
import { channelMemberFromRow, type ChannelsService } from "./channels-service.js";
import { withDbErrors } from "./map-db-error.js";
import { CHANNEL_ADMIN_ROLE, CHANNEL_USER_ROLE, type ChannelMember } from "./models/channel.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { isValidId } from "./new-id.js";

/** Mattermost's limit for PatchChannelMembersNotifications. */
export const MAX_PATCH_CHANNEL_MEMBERS = 200;

/** Allowed values of the notification properties Mattermost validates (model.ChannelMember.IsValid). */
const NOTIFY_PROP_VALUES: Record<string, readonly string[]> = {
  desktop: ["default", "all", "mention", "none"],
  push: ["default", "all", "mention", "none"],
  email: ["default", "true", "false"],
  mark_unread: ["all", "mention"],
  ignore_channel_mentions: ["default", "off", "on"],
  channel_auto_follow_threads: ["on", "off"],
};

export interface ChannelMemberSettingsService {
  /** The memberships of those of `userIds` who are members (404 if there is no channel). */
  getMembersByIds(channelId: string, userIds: readonly string[]): Promise<ChannelMember[]>;
  /** A page of the user's memberships on every team, by channel id. */
  getMembersForUser(userId: string, page: number, perPage: number): Promise<ChannelMember[]>;
  updateRoles(channelId: string, userId: string, newRoles: string): Promise<ChannelMember>;
  updateNotifyProps(channelId: string, userId: string, props: Record<string, string>): Promise<ChannelMember>;
  /** Merges `props` into every listed membership, all or none. */
  patchNotifyProps(members: ReadonlyArray<{ channel_id: string; user_id: string }>, props: Record<string, string>): Promise<void>;
}

function validateNotifyProps(props: Record<string, string>, where: string): void {
  for (const [name, value] of Object.entries(props)) {
    const allowed = NOTIFY_PROP_VALUES[name];
    if (allowed && !allowed.includes(value)) {
      throw appError("model.channel_member.is_valid.notify_props.app_error", { where, params: { Name: name, Value: value, Allowed: allowed.join(", ") } });
    }
  }
}

export function createChannelMemberSettingsService(ctx: AppContext, channels: ChannelsService): ChannelMemberSettingsService {
  async function mergeNotifyProps(channelId: string, userId: string, props: Record<string, string>, where: string): Promise<void> {
    await channels.getMember(channelId, userId); // the 400/404s
    // Read and write in one transaction, the row locked first (a no-op write), so two merges at
    // once each see the other's keys instead of writing from the same stale read.
    await withDbErrors(where, {}, () =>
      ctx.db.transaction().execute(async (trx) => {
        const member = trx.updateTable("channel_members").where("channel_id", "=", channelId).where("user_id", "=", userId);
        await member.set((eb) => ({ notify_props: eb.ref("notify_props") })).execute();
        const row = await trx.selectFrom("channel_members").select("notify_props").where("channel_id", "=", channelId).where("user_id", "=", userId).executeTakeFirst();
        if (!row) throw appError("app.channel.get_member.missing.app_error", { where, detailedError: `channel_id=${channelId} user_id=${userId}` });
        await member.set({ notify_props: JSON.stringify({ ...parseJsonObject(row.notify_props), ...props }), last_update_at: ctx.now() }).execute();
      }),
    );
  }

  async function updated(channelId: string, userId: string): Promise<ChannelMember> {
    const member = await channels.getMember(channelId, userId);
    ctx.events.publish(newWebSocketEvent(WebSocketEvents.ChannelMemberUpdated, { channelMember: JSON.stringify(member) }, { user_id: userId }));
    return member;
  }

  return {
    async getMembersByIds(channelId, userIds) {
      await channels.getChannel(channelId);
      if (!userIds.every(isValidId)) throw appError("api.context.invalid_param.app_error", { where: "getChannelMembersByIds", params: { Name: "user_ids" } });
      if (userIds.length === 0) return [];
      const rows = await ctx.db.selectFrom("channel_members").selectAll().where("channel_id", "=", channelId).where("user_id", "in", [...userIds]).orderBy("user_id").execute();
      return rows.map(channelMemberFromRow);
    },

    async getMembersForUser(userId, page, perPage) {
      if (page < 0 || perPage < 0) throw appError("api.context.invalid_param.app_error", { where: "getChannelMembersForUser", params: { Name: page < 0 ? "page" : "per_page" } });
      const rows = await ctx.db.selectFrom("channel_members").selectAll().where("user_id", "=", userId)
        .orderBy("channel_id").limit(perPage).offset(page * perPage).execute();
      return rows.map(channelMemberFromRow);
    },

    async updateRoles(channelId, userId, newRoles) {
      const where = "updateChannelMemberRoles";
      await channels.getMember(channelId, userId);
      const roles = new Set(newRoles.split(" ").filter(Boolean));
      for (const role of roles) {
        if (role !== CHANNEL_USER_ROLE && role !== CHANNEL_ADMIN_ROLE) throw appError("api.channel.update_channel_member_roles.scheme_role.app_error", { where, params: { Role: role } });
      }
      if (!roles.has(CHANNEL_USER_ROLE)) throw appError("api.channel.update_channel_member_roles.unset_user_scheme.app_error", { where });
      const stored = [CHANNEL_USER_ROLE, ...(roles.has(CHANNEL_ADMIN_ROLE) ? [CHANNEL_ADMIN_ROLE] : [])].join(" ");
      await withDbErrors(where, {}, () =>
        ctx.db.updateTable("channel_members").set({ roles: stored, last_update_at: ctx.now() }).where("channel_id", "=", channelId).where("user_id", "=", userId).execute(),
      );
      return updated(channelId, userId);
    },

    async updateNotifyProps(channelId, userId, props) {
      const where = "updateChannelMemberNotifyProps";
      validateNotifyProps(props, where);
      await mergeNotifyProps(channelId, userId, props, where);
      return updated(channelId, userId);
    },

    async patchNotifyProps(members, props) {
      const where = "patchChannelMembersNotifyProps";
      if (members.length > MAX_PATCH_CHANNEL_MEMBERS) throw appError("app.channel.patch_channel_members_notify_props.too_many", { where, params: { Max: MAX_PATCH_CHANNEL_MEMBERS } });
      validateNotifyProps(props, where);
      for (const m of members) {
        if (!isValidId(m.channel_id) || !isValidId(m.user_id)) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "members" } });
      }
      const rows = await ctx.db.transaction().execute(async (trx) => {
        const current = [];
        for (const m of members) {
          const row = await trx.selectFrom("channel_members").selectAll().where("channel_id", "=", m.channel_id).where("user_id", "=", m.user_id).executeTakeFirst();
          if (!row) throw appError("app.channel.get_member.missing.app_error", { where, detailedError: `channel_id=${m.channel_id} user_id=${m.user_id}` });
          const notifyProps = JSON.stringify({ ...parseJsonObject(row.notify_props), ...props });
          await trx.updateTable("channel_members").set({ notify_props: notifyProps, last_update_at: ctx.now() })
            .where("channel_id", "=", m.channel_id).where("user_id", "=", m.user_id).execute();
          current.push({ ...row, notify_props: notifyProps });
        }
        return current;
      });
      for (const row of rows) {
        ctx.events.publish(newWebSocketEvent(WebSocketEvents.ChannelMemberUpdated, { channelMember: JSON.stringify(channelMemberFromRow(row)) }, { user_id: row.user_id }));
      }
    },
  };
}
