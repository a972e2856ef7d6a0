/**
 * Channels inside teams and channel membership — and the access rule the REST API relies on:
 * reading or posting in a channel requires being its member ({@link ChannelsService.requireMember}).
 *
 * A channel member must also be an active member of the channel's team; the creator of a channel
 * joins it as channel admin. Who may add whom follows Mattermost's defaults: system admins and
 * channel members may add others; a team member may join a public channel on their own.
 */
import type { AppContext } from "./app-context.js";
import { parseJsonObject } from "./app-context.js";
import { appError } from "./app-error.js";
import { notifyHook } from "./app-hooks.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { withDbErrors } from "./map-db-error.js";
import { CHANNEL_ADMIN_ROLE, CHANNEL_USER_ROLE, type Channel, type ChannelMember, type CreateChannelInput } from "./models/channel.js";
import { hasRole } from "./models/user.js";
import { newId } from "./new-id.js";
import type { AddMemberOptions, TeamsService } from "./teams-service.js";
import type { UsersService } from "./users-service.js";
import type { ChannelMembersTable, ChannelsTable } from "../store/schema.js";
import { channelFromRow } from "./entity-rows.js";

const CHANNEL_NAME_PATTERN = /^[a-z0-9]+([a-z\-_0-9]+|(__)?)[a-z0-9]+$/;
const DEFAULT_NOTIFY_PROPS = { desktop: "default", email: "default", ignore_channel_mentions: "default", mark_unread: "all", push: "default" };

/** Channels and membership, including the access checks REST relies on. */
export interface ChannelsService {
  /**
   * Creates a public (O) or private (P) channel; `creatorId` must belong to the team and joins as
   * admin. Without a creator (the Plugin API) a backing channel (S) may be made too.
   */
  createChannel(input: CreateChannelInput, creatorId?: string): Promise<Channel>;
  /** 404 `app.channel.get.existing.app_error` if absent. */
  getChannel(channelId: string): Promise<Channel>;
  getChannelByName(teamId: string, name: string): Promise<Channel>;
  /** Adds a team member to the channel; idempotent for an existing member. */
  addMember(channelId: string, userId: string, options?: AddChannelMemberOptions): Promise<ChannelMember>;
  /** 404 `app.channel.get_member.missing.app_error` if not a member. */
  getMember(channelId: string, userId: string): Promise<ChannelMember>;
  isMember(channelId: string, userId: string): Promise<boolean>;
  /** The read/post rule: returns the channel, or 403 unless `userId` is a member (404 if no channel). */
  requireMember(channelId: string, userId: string): Promise<Channel>;
  /** Seeing a channel's metadata: members, and team members for public channels; otherwise 403. */
  requireViewable(channelId: string, userId: string): Promise<Channel>;
}

/** `requestorId` names who added the user (the hooks' actor) without checking their permission: the Plugin API's AddUserToChannel. */
export type AddChannelMemberOptions = AddMemberOptions & { requestorId?: string };


/** Mattermost reports scheme flags derived from the role list; we store only the list. */
export function channelMemberFromRow(row: ChannelMembersTable): ChannelMember {
  return {
    ...row,
    notify_props: parseJsonObject(row.notify_props),
    scheme_guest: false,
    scheme_user: hasRole(row.roles, CHANNEL_USER_ROLE),
    scheme_admin: hasRole(row.roles, CHANNEL_ADMIN_ROLE),
    explicit_roles: "",
  };
}

function newMemberRow(channelId: string, userId: string, roles: string, now: number): ChannelMembersTable {
  return {
    channel_id: channelId, user_id: userId, roles, last_viewed_at: 0, msg_count: 0, msg_count_root: 0,
    mention_count: 0, mention_count_root: 0, notify_props: JSON.stringify(DEFAULT_NOTIFY_PROPS), last_update_at: now,
  };
}

/** `backingAllowed`: the Plugin API (no creator session) may also make a backing channel ("S"), as in Mattermost. */
function validateChannel(input: CreateChannelInput, backingAllowed: boolean): void {
  const where = "createChannel";
  const name = typeof input.name === "string" ? input.name : "";
  if (name.length > 64 || !CHANNEL_NAME_PATTERN.test(name)) throw appError("model.channel.is_valid.name.app_error", { where });
  const displayName = typeof input.display_name === "string" ? [...input.display_name.trim()].length : 0;
  if (displayName < 1 || displayName > 64) throw appError("model.channel.is_valid.display_name.app_error", { where });
  if (input.type !== "O" && input.type !== "P" && !(backingAllowed && input.type === "S")) throw appError("model.channel.is_valid.type.app_error", { where });
  if ([...(input.header ?? "")].length > 1024) throw appError("model.channel.is_valid.header.app_error", { where });
  if ([...(input.purpose ?? "")].length > 250) throw appError("model.channel.is_valid.purpose.app_error", { where });
}

/** Builds the service; team membership and admin checks come from the teams and users services. */
export function createChannelsService(ctx: AppContext, users: UsersService, teams: TeamsService): ChannelsService {
  const forbidden = (where: string, detail: string) => appError("api.context.permissions.app_error", { where, detailedError: detail });

  async function getMemberRow(channelId: string, userId: string): Promise<ChannelMembersTable | undefined> {
    return ctx.db.selectFrom("channel_members").selectAll().where("channel_id", "=", channelId).where("user_id", "=", userId).executeTakeFirst();
  }

  async function getChannelBy(column: "id" | "name", value: string, teamId?: string): Promise<Channel> {
    let query = ctx.db.selectFrom("channels").selectAll().where(column, "=", value);
    if (teamId !== undefined) query = query.where("team_id", "=", teamId);
    const row = await query.executeTakeFirst();
    if (!row) throw appError("app.channel.get.existing.app_error", { where: "getChannel", detailedError: `${column}=${value}` });
    return channelFromRow(row);
  }

  async function checkCanAdd(channel: Channel, userId: string, actorId: string): Promise<void> {
    if (await users.isSystemAdmin(actorId)) return;
    if (await getMemberRow(channel.id, actorId)) return;
    if (actorId === userId && channel.type === "O") return;
    throw forbidden("addChannelMember", `actor=${actorId} channel=${channel.id}`);
  }

  /**
   * ChannelMemberWillBeAdded: plugins may refuse the membership or rewrite its roles and
   * notification settings (never whose membership it is).
   */
  async function memberAllowedByPlugins(row: ChannelMembersTable): Promise<ChannelMembersTable> {
    const hook = ctx.hooks().channelMemberWillBeAdded;
    if (!hook) return row;
    const verdict = await hook.call(ctx.hooks(), channelMemberFromRow(row));
    if (verdict.kind === "reject") {
      throw appError("app.channel.add_user.to.channel.rejected_by_plugin", { where: "addChannelMember", params: { Reason: verdict.reason } });
    }
    const changed = verdict.member;
    const roles = new Set((changed.roles || row.roles).split(" ").filter(Boolean));
    roles.add(CHANNEL_USER_ROLE);
    if (changed.scheme_admin) roles.add(CHANNEL_ADMIN_ROLE);
    const notifyProps = Object.keys(changed.notify_props ?? {}).length > 0 ? JSON.stringify({ ...parseJsonObject(row.notify_props), ...changed.notify_props }) : row.notify_props;
    return { ...row, roles: [...roles].filter((r) => r === CHANNEL_USER_ROLE || r === CHANNEL_ADMIN_ROLE).join(" "), notify_props: notifyProps };
  }

  return {
    async createChannel(input, creatorId) {
      validateChannel(input, creatorId === undefined);
      const team = await teams.getTeam(input.team_id);
      if (creatorId !== undefined && !(await teams.isMember(team.id, creatorId))) {
        throw forbidden("createChannel", `user ${creatorId} is not a member of team ${team.id}`);
      }
      const now = ctx.now();
      const row: ChannelsTable = {
        id: newId(), create_at: now, update_at: now, delete_at: 0, team_id: team.id, type: input.type,
        display_name: input.display_name.trim(), name: input.name, header: input.header ?? "", purpose: input.purpose ?? "",
        last_post_at: now, last_root_post_at: now, total_msg_count: 0, total_msg_count_root: 0, extra_update_at: 0,
        creator_id: creatorId ?? input.creator_id ?? "",
      };
      await withDbErrors("createChannel", { unique: () => "store.sql_channel.save_channel.exists.app_error" }, () =>
        ctx.db.transaction().execute(async (trx) => {
          await trx.insertInto("channels").values(row).execute();
          if (creatorId !== undefined) {
            await trx.insertInto("channel_members").values(newMemberRow(row.id, creatorId, `${CHANNEL_USER_ROLE} ${CHANNEL_ADMIN_ROLE}`, now)).execute();
          }
        }),
      );
      const channel = channelFromRow(row);
      if (creatorId !== undefined) {
        ctx.events.publish(newWebSocketEvent(WebSocketEvents.ChannelCreated, { channel_id: channel.id, team_id: channel.team_id }, { user_id: creatorId }));
      }
      notifyHook(ctx.hooks(), "channelHasBeenCreated", channel);
      return channel;
    },

    getChannel: (channelId) => getChannelBy("id", channelId),
    getChannelByName: (teamId, name) => getChannelBy("name", name, teamId),

    async addMember(channelId, userId, options = {}) {
      const where = "addChannelMember";
      const channel = await getChannelBy("id", channelId);
      if (channel.type !== "O" && channel.type !== "P") throw appError("api.channel.add_user_to_channel.type.app_error", { where });
      await users.getUser(userId);
      if (options.requestorId) await users.getUser(options.requestorId);
      const teamMember = await teams.getMember(channel.team_id, userId);
      if (teamMember.delete_at !== 0) throw appError("api.channel.add_user.to.channel.failed.deleted.app_error", { where });
      if (options.actorId !== undefined) await checkCanAdd(channel, userId, options.actorId);
      const existing = await getMemberRow(channelId, userId);
      if (existing) return channelMemberFromRow(existing);
      if (channel.delete_at !== 0) throw appError("api.channel.add_user_to_channel.deleted.app_error", { where });
      const row = await memberAllowedByPlugins(newMemberRow(channelId, userId, CHANNEL_USER_ROLE, ctx.now()));
      await withDbErrors(where, {}, () => ctx.db.insertInto("channel_members").values(row).execute());
      const member = channelMemberFromRow(row);
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.UserAdded, { user_id: userId, team_id: channel.team_id }, { channel_id: channelId }));
      const actorId = options.actorId ?? options.requestorId;
      const actor = actorId !== undefined && actorId !== userId ? await users.getUser(actorId).catch(() => undefined) : undefined;
      notifyHook(ctx.hooks(), "userHasJoinedChannel", member, actor);
      return member;
    },

    async getMember(channelId, userId) {
      const row = await getMemberRow(channelId, userId);
      if (!row) {
        throw appError("app.channel.get_member.missing.app_error", { where: "getChannelMember", detailedError: `channel_id=${channelId} user_id=${userId}` });
      }
      return channelMemberFromRow(row);
    },

    async isMember(channelId, userId) {
      return (await getMemberRow(channelId, userId)) !== undefined;
    },

    async requireMember(channelId, userId) {
      const channel = await getChannelBy("id", channelId);
      if (!(await getMemberRow(channelId, userId))) throw forbidden("requireMember", `user ${userId} is not a member of channel ${channelId}`);
      return channel;
    },

    async requireViewable(channelId, userId) {
      const channel = await getChannelBy("id", channelId);
      if (await getMemberRow(channelId, userId)) return channel;
      if (channel.type === "O" && (await teams.isMember(channel.team_id, userId))) return channel;
      throw forbidden("requireViewable", `user ${userId} cannot see channel ${channelId}`);
    },
  };
}
