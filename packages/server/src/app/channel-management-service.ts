/**
 * A channel's life after creation: archiving (Mattermost's DeleteChannel only sets delete_at),
 * restoring, updating, and the look-ups the Plugin API offers beyond `getChannel` (by type, by
 * name with or without archived channels, a user's channels, search, stats).
 *
 * Archiving asks ChannelWillBeArchived plugins first; a rejection keeps the channel as it is.
 * Direct and group messages are never archived, and an archived channel must be restored before
 * it is changed again.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import type { ChannelsService } from "./channels-service.js";
import { withDbErrors } from "./map-db-error.js";
import { type Channel, type ChannelType } from "./models/channel.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import type { TeamsService } from "./teams-service.js";
import { escapeLike, likeIgnoringCase } from "../store/sql-dialect.js";
import { channelFromRow } from "./entity-rows.js";

const CHANNEL_TYPES: readonly string[] = ["O", "P", "D", "G"];
const CHANNEL_NAME_PATTERN = /^[a-z0-9]+([a-z\-_0-9]+|(__)?)[a-z0-9]+$/;
/** Mattermost's SearchInTeam answers at most this many channels. */
const SEARCH_LIMIT = 100;

/** What UpdateChannel may change; everything else on the channel is the server's. */
export interface ChannelUpdate {
  id: string;
  type?: string;
  display_name?: string;
  name?: string;
  header?: string;
  purpose?: string;
}

export interface ChannelStats {
  channel_id: string;
  member_count: number;
  guest_count: number;
  pinnedpost_count: number;
  has_new_pinned_posts: boolean;
  files_count: number;
}

export interface ChannelManagementService {
  archiveChannel(channelId: string): Promise<Channel>;
  restoreChannel(channelId: string): Promise<Channel>;
  updateChannel(update: ChannelUpdate): Promise<Channel>;
  /** 404 unless the channel exists and is of `type`; 400 for a type that does not exist. */
  getChannelOfType(channelId: string, type: string): Promise<Channel>;
  getChannelByName(teamId: string, name: string, includeDeleted: boolean): Promise<Channel>;
  getChannelByNameForTeamName(teamName: string, name: string, includeDeleted: boolean): Promise<Channel>;
  /** The user's channels on a team (every team for "") plus their direct and group messages. */
  getChannelsForTeamForUser(teamId: string, userId: string, includeDeleted: boolean): Promise<Channel[]>;
  /** A team's open channels whose name or display name contain `term`, by display name. */
  searchChannels(teamId: string, term: string): Promise<Channel[]>;
  getChannelStats(channelId: string): Promise<ChannelStats>;
}


export function createChannelManagementService(ctx: AppContext, channels: ChannelsService, teams: TeamsService): ChannelManagementService {
  const notFound = (where: string, detail: string) => appError("app.channel.get.existing.app_error", { where, detailedError: detail });

  async function setDeleteAt(channel: Channel, deleteAt: number, where: string): Promise<Channel> {
    const now = ctx.now();
    await withDbErrors(where, {}, () => ctx.db.updateTable("channels").set({ delete_at: deleteAt, update_at: now }).where("id", "=", channel.id).execute());
    return { ...channel, delete_at: deleteAt, update_at: now };
  }

  async function byName(teamId: string, name: string, includeDeleted: boolean): Promise<Channel> {
    const channel = await channels.getChannelByName(teamId, name);
    if (channel.delete_at !== 0 && !includeDeleted) throw notFound("getChannelByName", `team_id=${teamId} name=${name} is archived`);
    return channel;
  }

  return {
    async archiveChannel(channelId) {
      const where = "deleteChannel";
      const channel = await channels.getChannel(channelId);
      if (channel.type === "D" || channel.type === "G") throw appError("api.channel.delete_channel.type.invalid", { where });
      if (channel.delete_at !== 0) throw appError("api.channel.delete_channel.deleted.app_error", { where });
      const hook = ctx.hooks().channelWillBeArchived;
      if (hook) {
        const verdict = await hook.call(ctx.hooks(), channel);
        if (verdict.kind === "reject") throw appError("app.channel.delete_channel.rejected_by_plugin", { where, params: { Reason: verdict.reason } });
      }
      const archived = await setDeleteAt(channel, ctx.now(), where);
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.ChannelDeleted, { channel_id: channel.id, delete_at: archived.delete_at }, { team_id: channel.team_id }));
      return archived;
    },

    async restoreChannel(channelId) {
      const where = "restoreChannel";
      const channel = await channels.getChannel(channelId);
      if (channel.delete_at === 0) throw appError("api.channel.restore_channel.restored.app_error", { where });
      const restored = await setDeleteAt(channel, 0, where);
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.ChannelRestored, { channel_id: channel.id }, { team_id: channel.team_id }));
      return restored;
    },

    async updateChannel(update) {
      const where = "updateChannel";
      const old = await channels.getChannel(update.id);
      if (old.delete_at !== 0) throw appError("api.channel.update_channel.deleted.app_error", { where });
      const direct = old.type === "D" || old.type === "G";
      const next: Channel = {
        ...old,
        type: (update.type || old.type) as ChannelType,
        // A direct or group message is named after its members; only its texts may change.
        name: direct ? old.name : (update.name ?? old.name),
        display_name: direct ? old.display_name : (update.display_name ?? old.display_name).trim(),
        header: update.header ?? old.header,
        purpose: update.purpose ?? old.purpose,
        update_at: ctx.now(),
      };
      if (next.type !== old.type && (direct || (next.type !== "O" && next.type !== "P"))) {
        throw appError("api.channel.update_channel.typechange.app_error", { where, detailedError: `${old.type} -> ${next.type}` });
      }
      if (!direct) {
        if (next.name.length > 64 || !CHANNEL_NAME_PATTERN.test(next.name)) throw appError("model.channel.is_valid.name.app_error", { where });
        const displayLength = [...next.display_name].length;
        if (displayLength < 1 || displayLength > 64) throw appError("model.channel.is_valid.display_name.app_error", { where });
      }
      if ([...next.header].length > 1024) throw appError("model.channel.is_valid.header.app_error", { where });
      if ([...next.purpose].length > 250) throw appError("model.channel.is_valid.purpose.app_error", { where });
      await withDbErrors(where, { unique: () => "store.sql_channel.save_channel.exists.app_error" }, () =>
        ctx.db.updateTable("channels")
          .set({ type: next.type, name: next.name, display_name: next.display_name, header: next.header, purpose: next.purpose, update_at: next.update_at })
          .where("id", "=", old.id).execute(),
      );
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.ChannelUpdated, { channel: JSON.stringify(next) }, { channel_id: next.id }));
      return next;
    },

    async getChannelOfType(channelId, type) {
      if (!CHANNEL_TYPES.includes(type)) throw appError("api.context.invalid_param.app_error", { where: "getChannelOfType", params: { Name: "channel_type" } });
      const channel = await channels.getChannel(channelId);
      if (channel.type !== type) throw notFound("getChannelOfType", `channel ${channelId} is of type ${channel.type}, not ${type}`);
      return channel;
    },

    getChannelByName: byName,

    async getChannelByNameForTeamName(teamName, name, includeDeleted) {
      const team = await teams.getTeamByName(teamName);
      return byName(team.id, name, includeDeleted);
    },

    async getChannelsForTeamForUser(teamId, userId, includeDeleted) {
      let query = ctx.db.selectFrom("channels").innerJoin("channel_members", "channel_members.channel_id", "channels.id")
        .selectAll("channels").where("channel_members.user_id", "=", userId);
      if (teamId !== "") query = query.where((eb) => eb.or([eb("channels.team_id", "=", teamId), eb("channels.team_id", "=", "")]));
      if (!includeDeleted) query = query.where("channels.delete_at", "=", 0);
      const rows = await query.orderBy("channels.display_name").orderBy("channels.id").execute();
      return rows.map(channelFromRow);
    },

    async searchChannels(teamId, term) {
      const rows = await ctx.db.selectFrom("channels").selectAll()
        .where("team_id", "=", teamId).where("type", "=", "O").where("delete_at", "=", 0)
        .where((eb) => eb.or([likeIgnoringCase("name", `%${escapeLike(term.trim())}%`), likeIgnoringCase("display_name", `%${escapeLike(term.trim())}%`)]))
        .orderBy("display_name").orderBy("id").limit(SEARCH_LIMIT).execute();
      return rows.map(channelFromRow);
    },

    async getChannelStats(channelId) {
      await channels.getChannel(channelId);
      const members = await ctx.db.selectFrom("channel_members").innerJoin("users", "users.id", "channel_members.user_id")
        .select(["users.roles"]).where("channel_members.channel_id", "=", channelId).where("users.delete_at", "=", 0).execute();
      const pinned = await ctx.db.selectFrom("posts").select((eb) => eb.fn.countAll<number>().as("n"))
        .where("channel_id", "=", channelId).where("is_pinned", "=", 1).where("delete_at", "=", 0).executeTakeFirstOrThrow();
      const files = await ctx.db.selectFrom("file_infos").select((eb) => eb.fn.countAll<number>().as("n"))
        .where("channel_id", "=", channelId).where("delete_at", "=", 0).executeTakeFirstOrThrow();
      return {
        channel_id: channelId,
        member_count: members.length,
        guest_count: members.filter((m) => m.roles.split(" ").includes("system_guest")).length,
        pinnedpost_count: Number(pinned.n),
        has_new_pinned_posts: false,
        files_count: Number(files.n),
      };
    },
  };
}
