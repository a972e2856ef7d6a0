/**
 * Group messages (type G): one channel per set of 3 to 8 users, belonging to no team. As in
 * Mattermost, its name is the SHA-1 (hex) of the members' sorted ids, so asking twice for the
 * same people, in any order, yields the same channel; its display name is their usernames,
 * sorted and joined by ", " (cut to 64 characters). Nobody joins or leaves a group message.
 */
import { createHash } from "node:crypto";
import type { AppContext } from "./app-context.js";
import { appError, isAppError } from "./app-error.js";
import { notifyHook } from "./app-hooks.js";
import { withDbErrors } from "./map-db-error.js";
import { CHANNEL_USER_ROLE, type Channel, type ChannelType } from "./models/channel.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { newId } from "./new-id.js";
import type { UsersService } from "./users-service.js";
import type { ChannelsTable } from "../store/schema.js";

export const GROUP_CHANNEL_MIN_USERS = 3;
export const GROUP_CHANNEL_MAX_USERS = 8;
const DISPLAY_NAME_MAX = 64;
const NOTIFY_PROPS = JSON.stringify({ desktop: "default", email: "default", ignore_channel_mentions: "default", mark_unread: "all", push: "default" });

export interface GroupChannelsService {
  /** The group message of these users, created on first use. */
  getOrCreateGroupChannel(userIds: readonly string[]): Promise<Channel>;
}

/** Mattermost's GetGroupNameFromUserIds. */
export function groupChannelName(userIds: readonly string[]): string {
  const hash = createHash("sha1");
  for (const id of [...userIds].sort()) hash.update(id);
  return hash.digest("hex");
}

function groupDisplayName(usernames: readonly string[]): string {
  const name = [...usernames].sort().join(", ");
  return [...name].length > DISPLAY_NAME_MAX ? [...name].slice(0, DISPLAY_NAME_MAX - 3).join("") + "..." : name;
}

export function createGroupChannelsService(ctx: AppContext, users: UsersService): GroupChannelsService {
  async function find(name: string): Promise<Channel | undefined> {
    const row = await ctx.db.selectFrom("channels").selectAll().where("team_id", "=", "").where("name", "=", name).executeTakeFirst();
    return row ? { ...row, type: row.type as ChannelType, group_constrained: row.group_constrained === 1 } : undefined;
  }

  return {
    async getOrCreateGroupChannel(userIds) {
      const where = "createGroupChannel";
      const ids = [...new Set(userIds)];
      if (ids.length < GROUP_CHANNEL_MIN_USERS || ids.length > GROUP_CHANNEL_MAX_USERS) {
        throw appError("api.channel.create_group.bad_size.app_error", { where, detailedError: `${ids.length} distinct users` });
      }
      const usernames: string[] = [];
      for (const id of ids) {
        const user = await users.getUser(id).catch((error: unknown) => {
          throw isAppError(error) && error.statusCode === 404 ? appError("api.channel.create_group.bad_user.app_error", { where, detailedError: `user ${id}` }) : error;
        });
        // As for a DM: no new conversation with a deactivated account.
        if (user.delete_at !== 0) throw appError("api.channel.create_group.bad_user.app_error", { where, detailedError: `user ${id} is deactivated` });
        usernames.push(user.username);
      }
      const name = groupChannelName(ids);
      const existing = await find(name);
      if (existing) return existing;
      const now = ctx.now();
      const row: ChannelsTable = {
        id: newId(), create_at: now, update_at: now, delete_at: 0, team_id: "", type: "G", display_name: groupDisplayName(usernames), name,
        header: "", purpose: "", last_post_at: now, last_root_post_at: now, total_msg_count: 0, total_msg_count_root: 0, extra_update_at: 0, creator_id: "",
      };
      try {
        await withDbErrors(where, {}, () =>
          ctx.db.transaction().execute(async (trx) => {
            await trx.insertInto("channels").values(row).execute();
            await trx.insertInto("channel_members").values(ids.map((userId) => ({
              channel_id: row.id, user_id: userId, roles: CHANNEL_USER_ROLE, last_viewed_at: 0, msg_count: 0, msg_count_root: 0,
              mention_count: 0, mention_count_root: 0, notify_props: NOTIFY_PROPS, last_update_at: now,
            }))).execute();
          }),
        );
      } catch (error) {
        // Someone created the same group at the same moment: theirs is the answer.
        const winner = isAppError(error) && error.statusCode === 409 ? await find(name) : undefined;
        if (winner) return winner;
        throw error;
      }
      const channel: Channel = { ...row, type: "G", group_constrained: false };
      for (const userId of ids) {
        ctx.events.publish(newWebSocketEvent(WebSocketEvents.GroupAdded, { teammate_ids: JSON.stringify(ids) }, { user_id: userId }));
      }
      notifyHook(ctx.hooks(), "channelHasBeenCreated", channel);
      return channel;
    },
  };
}
