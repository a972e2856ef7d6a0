import type { PluginAPIHandlers } from "@polyplug/host";
import {
  CreateDefaultMembershipParamsSchema,
  GroupMemberSchema,
  GroupSchema,
  GroupSearchOptsSchema,
  GroupSyncableSchema,
  UserSchema,
  ViewUsersRestrictionsSchema,
  fromProto,
  toProto,
} from "@polyplug/protocol";
import { appError } from "../../app/app-error.js";
import { isValidGroupSource } from "../../app/groups-service.js";
import type { GroupSyncableInput } from "../../app/group-syncables-service.js";
import type { CreateDefaultMembershipParams, Group, GroupInput, GroupMember, GroupSearchOpts, GroupSyncable, ViewUsersRestrictions } from "../../app/models/group.js";
import { isValidId } from "../../app/new-id.js";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";
import { requireId, requireMessage, requirePaging } from "./request-params.js";

/**
 * The Plugin API's groups, group members, group syncables, acting as plugin `pluginId`. Trusted
 * calls as in Mattermost's plugin_api.go; default memberships and group-constrained removals go
 * through the team and channel services, so the membership hooks fire for them too.
 */
export function createGroupsHandlers(deps: PluginAPIBackendDeps, _pluginId: string): PluginAPIHandlers {
  const { app } = deps;
  const group = (value: Group) => toProto(GroupSchema, value);
  const member = (value: GroupMember) => toProto(GroupMemberSchema, value);
  const syncable = (value: GroupSyncable) => toProto(GroupSyncableSchema, value);
  const requireSource = (value: string, where: string) => {
    if (!isValidGroupSource(value)) throw appError("model.group.source.app_error", { where, detailedError: `source=${value}` });
  };
  const groupOf = (message: Parameters<typeof fromProto>[1] | undefined, where: string) =>
    fromProto(GroupSchema, requireMessage(message, "group", where)) as unknown as GroupInput;
  const syncableOf = (message: Parameters<typeof fromProto>[1] | undefined, where: string) =>
    fromProto(GroupSyncableSchema, requireMessage(message, "group_syncable", where)) as unknown as GroupSyncableInput;

  return {
    getGroup: async ({ groupId }) => {
      requireId(groupId, "group_id", "GetGroup");
      return { group: group(await app.groups.getGroup(groupId)) };
    },
    getGroupByName: async ({ name }) => ({ group: group(await app.groups.getGroupByName(name)) }),
    getGroupMemberUsers: async ({ groupId, page, perPage }) => {
      requireId(groupId, "group_id", "GetGroupMemberUsers");
      requirePaging(page, perPage, "GetGroupMemberUsers");
      // Mattermost's store pages with LIMIT perPage: per_page 0 answers an empty list.
      const users = await app.groups.getMemberUsers(groupId, page, perPage);
      // As the users group does: plugins see auth_data, which REST never shows.
      const authData = await app.userAccounts.authDataOf(users.map((u) => u.id));
      return { users: users.map((u) => toProto(UserSchema, authData.has(u.id) ? { ...u, auth_data: authData.get(u.id) } : u)) };
    },
    getGroupsBySource: async ({ groupSource }) => {
      requireSource(groupSource, "GetGroupsBySource");
      return { groups: (await app.groups.getGroupsBySource(groupSource)).map(group) };
    },
    getGroupsForUser: async ({ userId }) => {
      requireId(userId, "user_id", "GetGroupsForUser");
      return { groups: (await app.groups.getGroupsForUser(userId)).map(group) };
    },
    upsertGroupMember: async ({ groupId, userId }) => {
      requireId(groupId, "group_id", "UpsertGroupMember");
      requireId(userId, "user_id", "UpsertGroupMember");
      return { groupMember: member((await app.groups.upsertMembers(groupId, [userId]))[0]!) };
    },
    upsertGroupMembers: async ({ groupId, userIds }) => {
      requireId(groupId, "group_id", "UpsertGroupMembers");
      userIds.forEach((id) => requireId(id, "user_ids", "UpsertGroupMembers"));
      return { groupMembers: (await app.groups.upsertMembers(groupId, userIds)).map(member) };
    },
    getGroupByRemoteID: async ({ remoteId, groupSource }) => {
      requireSource(groupSource, "GetGroupByRemoteID");
      return { group: group(await app.groups.getGroupByRemoteId(remoteId, groupSource)) };
    },
    createGroup: async (request) => ({ group: group(await app.groups.createGroup(groupOf(request.group, "CreateGroup"))) }),
    updateGroup: async (request) => {
      const input = groupOf(request.group, "UpdateGroup");
      if (!isValidId(input.id)) throw appError("app.group.id.app_error", { where: "UpdateGroup", detailedError: `id=${input.id ?? ""}` });
      return { group: group(await app.groups.updateGroup({ ...input, id: input.id })) };
    },
    deleteGroup: async ({ groupId }) => {
      requireId(groupId, "group_id", "DeleteGroup");
      return { group: group(await app.groups.deleteGroup(groupId)) };
    },
    restoreGroup: async ({ groupId }) => {
      requireId(groupId, "group_id", "RestoreGroup");
      return { group: group(await app.groups.restoreGroup(groupId)) };
    },
    deleteGroupMember: async ({ groupId, userId }) => {
      requireId(groupId, "group_id", "DeleteGroupMember");
      requireId(userId, "user_id", "DeleteGroupMember");
      return { groupMember: member(await app.groups.deleteMember(groupId, userId)) };
    },
    getGroupSyncable: async ({ groupId, syncableId, syncableType }) => {
      requireId(groupId, "group_id", "GetGroupSyncable");
      requireId(syncableId, "syncable_id", "GetGroupSyncable");
      return { groupSyncable: syncable(await app.groupSyncables.getGroupSyncable(groupId, syncableId, syncableType)) };
    },
    getGroupSyncables: async ({ groupId, syncableType }) => {
      requireId(groupId, "group_id", "GetGroupSyncables");
      return { groupSyncables: (await app.groupSyncables.getGroupSyncables(groupId, syncableType)).map(syncable) };
    },
    upsertGroupSyncable: async (request) => ({
      groupSyncable: syncable(await app.groupSyncables.upsertGroupSyncable(syncableOf(request.groupSyncable, "UpsertGroupSyncable"))),
    }),
    updateGroupSyncable: async (request) => ({
      groupSyncable: syncable(await app.groupSyncables.updateGroupSyncable(syncableOf(request.groupSyncable, "UpdateGroupSyncable"))),
    }),
    deleteGroupSyncable: async ({ groupId, syncableId, syncableType }) => {
      requireId(groupId, "group_id", "DeleteGroupSyncable");
      requireId(syncableId, "syncable_id", "DeleteGroupSyncable");
      return { groupSyncable: syncable(await app.groupSyncables.deleteGroupSyncable(groupId, syncableId, syncableType)) };
    },
    getGroups: async ({ page, perPage, opts, viewRestrictions }) => {
      requirePaging(page, perPage, "GetGroups");
      const options = (opts ? fromProto(GroupSearchOptsSchema, opts) : {}) as GroupSearchOpts;
      const restrictions = viewRestrictions ? (fromProto(ViewUsersRestrictionsSchema, viewRestrictions) as unknown as ViewUsersRestrictions) : undefined;
      return { groups: (await app.groups.getGroups(page, perPage, options, restrictions)).map(group) };
    },
    createDefaultSyncableMemberships: async ({ params }) => {
      const input = (params ? fromProto(CreateDefaultMembershipParamsSchema, params) : { since: 0, re_add_removed_members: false }) as unknown as CreateDefaultMembershipParams;
      const where = "CreateDefaultSyncableMemberships";
      if (input.scoped_user_id !== undefined) requireId(input.scoped_user_id, "params.scoped_user_id", where);
      if (input.scoped_team_id !== undefined) requireId(input.scoped_team_id, "params.scoped_team_id", where);
      if (input.scoped_channel_id !== undefined) requireId(input.scoped_channel_id, "params.scoped_channel_id", where);
      await app.groupMemberships.createDefaultSyncableMemberships(input);
      return {};
    },
    deleteGroupConstrainedMemberships: async () => {
      await app.groupMemberships.deleteGroupConstrainedMemberships();
      return {};
    },
  };
}
