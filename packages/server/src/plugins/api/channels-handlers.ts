import type { PluginAPIHandlers } from "@polyplug/host";
import {
  ChannelMemberSchema,
  ChannelSchema,
  ChannelStatsSchema,
  OrderedSidebarCategoriesSchema,
  SidebarCategoryWithChannelsSchema,
  fromProto,
  toProto,
} from "@polyplug/protocol";
import type { ChannelType, CreateChannelInput } from "../../app/models/channel.js";
import type { SidebarCategoryInput } from "../../app/sidebar-categories-service.js";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";
import { requireId, requirePaging } from "./request-params.js";

/**
 * The Plugin API's channels, channel members, direct/group channels, sidebar categories, acting
 * as plugin `pluginId`. As in Mattermost's plugin_api.go these are trusted calls: no session
 * permission checks; the app services hold the rules (and fire the hooks) REST also goes through.
 */
export function createChannelsHandlers(deps: PluginAPIBackendDeps, pluginId: string): PluginAPIHandlers {
  const { app } = deps;
  const channel = (value: Parameters<typeof toProto>[1]) => toProto(ChannelSchema, value);
  const member = (value: Parameters<typeof toProto>[1]) => toProto(ChannelMemberSchema, value);
  const paging = requirePaging;
  const requireIds = (ids: Record<string, string>, where: string) => {
    for (const [name, value] of Object.entries(ids)) requireId(value, name, where);
  };
  const categoryInput = (message: Parameters<typeof fromProto>[1]): SidebarCategoryInput => {
    const c = fromProto(SidebarCategoryWithChannelsSchema, message) as unknown as Required<SidebarCategoryInput>;
    return { id: c.id, display_name: c.display_name, sorting: c.sorting, muted: c.muted, collapsed: c.collapsed, channel_ids: c.channel_ids };
  };

  return {
    createChannel: async (request) => {
      const c = fromProto(ChannelSchema, request.channel ?? {}) as unknown as CreateChannelInput;
      const input: CreateChannelInput = {
        team_id: c.team_id, name: c.name, display_name: c.display_name, type: c.type as ChannelType, header: c.header, purpose: c.purpose,
        ...(c.creator_id ? { creator_id: c.creator_id } : {}),
      };
      return { channel: channel(await app.channels.createChannel(input)) };
    },
    deleteChannel: async ({ channelId }) => {
      requireId(channelId, "channel_id", "DeleteChannel");
      await app.channelManagement.archiveChannel(channelId);
      return {};
    },
    restoreChannel: async ({ channelId }) => {
      requireId(channelId, "channel_id", "RestoreChannel");
      await app.channelManagement.restoreChannel(channelId);
      return {};
    },
    getChannelOfType: async ({ channelId, channelType }) => ({ channel: channel(await app.channelManagement.getChannelOfType(channelId, channelType)) }),
    getPublicChannelsForTeam: async ({ teamId, page, perPage }) => {
      const p = paging(page, perPage, "GetPublicChannelsForTeam");
      return { channels: (await app.channelMembers.getPublicChannels(teamId, p.page, p.perPage)).map(channel) };
    },
    getChannelByName: async ({ teamId, name, includeDeleted }) => ({ channel: channel(await app.channelManagement.getChannelByName(teamId, name, includeDeleted)) }),
    getChannelByNameForTeamName: async ({ teamName, channelName, includeDeleted }) => ({
      channel: channel(await app.channelManagement.getChannelByNameForTeamName(teamName, channelName, includeDeleted)),
    }),
    getChannelsForTeamForUser: async ({ teamId, userId, includeDeleted }) => ({
      channels: (await app.channelManagement.getChannelsForTeamForUser(teamId, userId, includeDeleted)).map(channel),
    }),
    getChannelStats: async ({ channelId }) => {
      requireId(channelId, "channel_id", "GetChannelStats");
      return { channelStats: toProto(ChannelStatsSchema, await app.channelManagement.getChannelStats(channelId)) };
    },
    getDirectChannel: async ({ userId1, userId2 }) => ({ channel: channel(await app.channelMembers.createDirectChannel([userId1, userId2])) }),
    getGroupChannel: async ({ userIds }) => ({ channel: channel(await app.groupChannels.getOrCreateGroupChannel(userIds)) }),
    updateChannel: async (request) => {
      const c = fromProto(ChannelSchema, request.channel ?? {}) as Record<string, string>;
      requireId(c["id"] ?? "", "channel.id", "UpdateChannel");
      const updated = await app.channelManagement.updateChannel({
        id: c["id"]!, type: c["type"] ?? "", name: c["name"] ?? "", display_name: c["display_name"] ?? "", header: c["header"] ?? "", purpose: c["purpose"] ?? "",
      });
      return { channel: channel(updated) };
    },
    registerChannelGuard: async ({ channelId }) => {
      await app.channelGuards.register(channelId, pluginId);
      return {};
    },
    unregisterChannelGuard: async ({ channelId }) => {
      await app.channelGuards.unregister(channelId, pluginId);
      return {};
    },
    searchChannels: async ({ teamId, term }) => ({ channels: (await app.channelManagement.searchChannels(teamId, term)).map(channel) }),
    createChannelSidebarCategory: async ({ userId, teamId, newCategory }) => {
      requireIds({ user_id: userId, team_id: teamId }, "CreateChannelSidebarCategory");
      const created = await app.sidebarCategories.createCategory(userId, teamId, categoryInput(newCategory ?? {}));
      return { category: toProto(SidebarCategoryWithChannelsSchema, created) };
    },
    getChannelSidebarCategories: async ({ userId, teamId }) => {
      requireIds({ user_id: userId, team_id: teamId }, "GetChannelSidebarCategories");
      return { categories: toProto(OrderedSidebarCategoriesSchema, await app.sidebarCategories.getCategories(userId, teamId)) };
    },
    updateChannelSidebarCategories: async ({ userId, teamId, categories }) => {
      requireIds({ user_id: userId, team_id: teamId }, "UpdateChannelSidebarCategories");
      const updated = await app.sidebarCategories.updateCategories(userId, teamId, categories.map(categoryInput));
      return { categories: updated.map((c) => toProto(SidebarCategoryWithChannelsSchema, c)) };
    },
    addChannelMember: async ({ channelId, userId }) => {
      requireIds({ channel_id: channelId, user_id: userId }, "AddChannelMember");
      return { channelMember: member(await app.channels.addMember(channelId, userId)) };
    },
    addUserToChannel: async ({ channelId, userId, asUserId }) => {
      requireIds({ channel_id: channelId, user_id: userId, ...(asUserId ? { as_user_id: asUserId } : {}) }, "AddUserToChannel");
      return { channelMember: member(await app.channels.addMember(channelId, userId, asUserId ? { requestorId: asUserId } : {})) };
    },
    getChannelMember: async ({ channelId, userId }) => {
      requireIds({ channel_id: channelId, user_id: userId }, "GetChannelMember");
      return { channelMember: member(await app.channels.getMember(channelId, userId)) };
    },
    getChannelMembers: async ({ channelId, page, perPage }) => {
      const p = paging(page, perPage, "GetChannelMembers");
      return { channelMembers: (await app.channelMembers.getMembers(channelId, p.page, p.perPage)).map(member) };
    },
    getChannelMembersByIds: async ({ channelId, userIds }) => ({ channelMembers: (await app.channelMemberSettings.getMembersByIds(channelId, userIds)).map(member) }),
    // Mattermost ignores the team id here (it never reached the query).
    getChannelMembersForUser: async ({ userId, page, perPage }) => {
      const p = paging(page, perPage, "GetChannelMembersForUser");
      return { channelMembers: (await app.channelMemberSettings.getMembersForUser(userId, p.page, p.perPage)).map(member) };
    },
    updateChannelMemberRoles: async ({ channelId, userId, newRoles }) => ({ channelMember: member(await app.channelMemberSettings.updateRoles(channelId, userId, newRoles)) }),
    updateChannelMemberNotifications: async ({ channelId, userId, notifications }) => ({
      channelMember: member(await app.channelMemberSettings.updateNotifyProps(channelId, userId, { ...notifications })),
    }),
    patchChannelMembersNotifications: async ({ members, notifyProps }) => {
      await app.channelMemberSettings.patchNotifyProps(members.map((m) => ({ channel_id: m.channelId, user_id: m.userId })), { ...notifyProps });
      return {};
    },
    deleteChannelMember: async ({ channelId, userId }) => {
      requireIds({ channel_id: channelId, user_id: userId }, "DeleteChannelMember");
      await app.channelMembers.removeMember(channelId, userId);
      return {};
    },
  };
}
