/**
 * User groups and their members (Mattermost's app/group.go over the UserGroups and GroupMembers
 * tables). Groups are archived, never removed (delete_at), and so are memberships; names are
 * unique among all groups, archived ones included, and never equal a username (both are
 * @-mentions). A group's remote id (its id in LDAP or a plugin's directory) is unique per source.
 */
import { sql } from "kysely";
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { withDbErrors } from "./map-db-error.js";
import type { Group, GroupInput, GroupMember, GroupSearchOpts, ViewUsersRestrictions } from "./models/group.js";
import type { User } from "./models/user.js";
import { isValidId, newId } from "./new-id.js";
import { userFromRow } from "./users-service.js";
import type { GroupMembersTable, UserGroupsTable } from "../store/schema.js";

export const GROUP_NAME_MAX = 64;
export const GROUP_DISPLAY_NAME_MAX = 128;
export const GROUP_DESCRIPTION_MAX = 1024;
export const GROUP_REMOTE_ID_MAX = 48;
const NAME_PATTERN = /^[a-z0-9.\-_]+$/;
const RESERVED_NAMES = new Set(["all", "channel", "here"]);
/** Plugin-provided groups use the source "plugin_<plugin id>". */
const PLUGIN_SOURCE_PREFIX = "plugin_";

export interface GroupsService {
  /** 400 on invalid fields, 409 when the name or (source, remote id) is taken. */
  createGroup(input: GroupInput): Promise<Group>;
  /** A group, archived or not; 404 `app.group.no_rows`. */
  getGroup(groupId: string): Promise<Group>;
  getGroupByName(name: string): Promise<Group>;
  getGroupByRemoteId(remoteId: string, source: string): Promise<Group>;
  /** Name, display name, description and allow_reference; id, source, remote id and creation stay. */
  updateGroup(input: GroupInput & { id: string }): Promise<Group>;
  /** Archives an active group (404 when there is none). */
  deleteGroup(groupId: string): Promise<Group>;
  /** Restores an archived group (404 when there is no archived group with that id). */
  restoreGroup(groupId: string): Promise<Group>;
  /** Active groups of a source, by display name. */
  getGroupsBySource(source: string): Promise<Group[]>;
  /** Active groups the user currently belongs to, by display name. */
  getGroupsForUser(userId: string): Promise<Group[]>;
  /** Active users currently in the group, by username; LIMIT perPage as Mattermost's store, so 0 gives none. */
  getMemberUsers(groupId: string, page: number, perPage: number): Promise<User[]>;
  /** Adds users (or restores their removed memberships); 404 for a missing group or user. */
  upsertMembers(groupId: string, userIds: readonly string[]): Promise<GroupMember[]>;
  /** Removes a current member (404 `app.group.no_rows` when the user is not one, as Mattermost). */
  deleteMember(groupId: string, userId: string): Promise<GroupMember>;
  /** Mattermost's GetGroups: a page by display name, filtered and annotated by `opts`. */
  getGroups(page: number, perPage: number, opts: GroupSearchOpts, restrictions?: ViewUsersRestrictions): Promise<Group[]>;
}

/** Whether `source` is one Mattermost accepts. */
export function isValidGroupSource(source: string): boolean {
  return source === "custom" || source === "ldap" || (source.startsWith(PLUGIN_SOURCE_PREFIX) && source.length > PLUGIN_SOURCE_PREFIX.length);
}

/** Mattermost's Group.IsValidForCreate (name rules from IsValidName). */
function validateGroup(input: GroupInput, where: string): void {
  const name = input.name ?? null;
  if (name === null) {
    if (input.allow_reference) throw appError("model.group.name.app_error", { where });
  } else {
    if (name.length === 0 || name.length > GROUP_NAME_MAX) throw appError("model.group.name.invalid_length.app_error", { where, params: { GroupNameMaxLength: GROUP_NAME_MAX } });
    if (RESERVED_NAMES.has(name)) throw appError("model.group.name.reserved_name.app_error", { where, params: { Name: name } });
    if (!NAME_PATTERN.test(name)) throw appError("model.group.name.invalid_chars.app_error", { where });
  }
  const displayName = [...input.display_name].length;
  if (displayName === 0 || displayName > GROUP_DISPLAY_NAME_MAX) {
    throw appError("model.group.display_name.app_error", { where, params: { GroupDisplayNameMaxLength: GROUP_DISPLAY_NAME_MAX } });
  }
  if ([...(input.description ?? "")].length > GROUP_DESCRIPTION_MAX) {
    throw appError("model.group.description.app_error", { where, params: { GroupDescriptionMaxLength: GROUP_DESCRIPTION_MAX } });
  }
  if (!isValidGroupSource(input.source)) throw appError("model.group.source.app_error", { where, detailedError: `source=${input.source}` });
  const remoteId = input.remote_id ?? "";
  if ((remoteId === "" && input.source !== "custom") || remoteId.length > GROUP_REMOTE_ID_MAX) {
    throw appError("model.group.remote_id.app_error", { where });
  }
}

export function groupFromRow(row: UserGroupsTable, hasSyncables: boolean): Group {
  return {
    id: row.id,
    ...(row.name !== null ? { name: row.name } : {}),
    display_name: row.display_name,
    description: row.description,
    source: row.source,
    ...(row.remote_id !== null ? { remote_id: row.remote_id } : {}),
    create_at: row.create_at,
    update_at: row.update_at,
    delete_at: row.delete_at,
    has_syncables: hasSyncables,
    allow_reference: row.allow_reference !== 0,
  };
}

function memberFromRow(row: GroupMembersTable): GroupMember {
  return { group_id: row.group_id, user_id: row.user_id, create_at: row.create_at, delete_at: row.delete_at };
}

/** A user's effective timezone name (Mattermost's User.GetPreferredTimezone), "" when unset. */
function preferredTimezone(timezoneJson: string): string {
  try {
    const tz = JSON.parse(timezoneJson) as Record<string, unknown>;
    return String((tz.useAutomaticTimezone === "true" ? tz.automaticTimezone : tz.manualTimezone) ?? "");
  } catch {
    return "";
  }
}

export function createGroupsService(ctx: AppContext): GroupsService {
  const db = () => ctx.db;
  const notFound = (where: string, detail: string) => appError("app.group.no_rows", { where, detailedError: detail });
  const uniqueIds = { unique: (columns: readonly string[]) => (columns.includes("remote_id") ? "app.group.unique_remote_id" as const : "app.custom_group.unique_name" as const) };

  /** Groups (rows) with has_syncables filled, in the order given. */
  async function withSyncables(rows: UserGroupsTable[]): Promise<Group[]> {
    if (rows.length === 0) return [];
    const linked = await db().selectFrom("group_syncables").select("group_id").distinct()
      .where("delete_at", "=", 0).where("group_id", "in", rows.map((r) => r.id)).execute();
    const ids = new Set(linked.map((r) => r.group_id));
    return rows.map((row) => groupFromRow(row, ids.has(row.id)));
  }

  async function one(row: UserGroupsTable | undefined, where: string, detail: string): Promise<Group> {
    if (!row) throw notFound(where, detail);
    return (await withSyncables([row]))[0]!;
  }

  async function checkNameFreeOfUsernames(name: string | null | undefined, where: string): Promise<void> {
    if (!name) return;
    const user = await db().selectFrom("users").select("id").where("username", "=", name).executeTakeFirst();
    if (user) throw appError("app.group.username_conflict", { where, params: { Username: name } });
  }

  async function requireUser(userId: string, where: string): Promise<void> {
    const user = await db().selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
    if (!user) throw appError("app.user.missing_account.const", { where, detailedError: `user_id=${userId}` });
  }

  const service: GroupsService = {
    async createGroup(input) {
      const where = "CreateGroup";
      if (input.id) throw appError("app.group.id.app_error", { where, detailedError: `id=${input.id}` });
      validateGroup(input, where);
      await checkNameFreeOfUsernames(input.name, where);
      const now = ctx.now();
      const row: UserGroupsTable = {
        id: newId(), name: input.name ?? null, display_name: input.display_name, description: input.description ?? "",
        source: input.source, remote_id: input.remote_id || null, create_at: now, update_at: now, delete_at: 0,
        allow_reference: input.allow_reference ? 1 : 0,
      };
      await withDbErrors(where, uniqueIds, () => db().insertInto("user_groups").values(row).execute());
      return groupFromRow(row, false);
    },

    async getGroup(groupId) {
      return one(await db().selectFrom("user_groups").selectAll().where("id", "=", groupId).executeTakeFirst(), "GetGroup", `id=${groupId}`);
    },

    async getGroupByName(name) {
      return one(await db().selectFrom("user_groups").selectAll().where("name", "=", name).executeTakeFirst(), "GetGroupByName", `name=${name}`);
    },

    async getGroupByRemoteId(remoteId, source) {
      const row = await db().selectFrom("user_groups").selectAll().where("remote_id", "=", remoteId).where("source", "=", source).executeTakeFirst();
      return one(row, "GetGroupByRemoteID", `remote_id=${remoteId} source=${source}`);
    },

    async updateGroup(input) {
      const where = "UpdateGroup";
      const existing = await db().selectFrom("user_groups").selectAll().where("id", "=", input.id).executeTakeFirst();
      if (!existing) throw notFound(where, `id=${input.id}`);
      const next = { ...input, source: existing.source, remote_id: existing.remote_id };
      validateGroup(next, where);
      if ((input.name ?? null) !== existing.name) await checkNameFreeOfUsernames(input.name, where);
      const changes = {
        name: input.name ?? null, display_name: input.display_name, description: input.description ?? "",
        allow_reference: input.allow_reference ? 1 : 0, update_at: ctx.now(),
      };
      await withDbErrors(where, uniqueIds, () => db().updateTable("user_groups").set(changes).where("id", "=", input.id).execute());
      return (await withSyncables([{ ...existing, ...changes }]))[0]!;
    },

    async deleteGroup(groupId) {
      const where = "DeleteGroup";
      const row = await db().selectFrom("user_groups").selectAll().where("id", "=", groupId).where("delete_at", "=", 0).executeTakeFirst();
      if (!row) throw notFound(where, `no active group id=${groupId}`);
      const now = ctx.now();
      await withDbErrors(where, {}, () => db().updateTable("user_groups").set({ delete_at: now, update_at: now }).where("id", "=", groupId).execute());
      return (await withSyncables([{ ...row, delete_at: now, update_at: now }]))[0]!;
    },

    async restoreGroup(groupId) {
      const where = "RestoreGroup";
      const row = await db().selectFrom("user_groups").selectAll().where("id", "=", groupId).where("delete_at", "!=", 0).executeTakeFirst();
      if (!row) throw notFound(where, `no archived group id=${groupId}`);
      const now = ctx.now();
      await withDbErrors(where, {}, () => db().updateTable("user_groups").set({ delete_at: 0, update_at: now }).where("id", "=", groupId).execute());
      return (await withSyncables([{ ...row, delete_at: 0, update_at: now }]))[0]!;
    },

    async getGroupsBySource(source) {
      const rows = await db().selectFrom("user_groups").selectAll().where("source", "=", source).where("delete_at", "=", 0)
        .orderBy("display_name").orderBy("id").execute();
      return withSyncables(rows);
    },

    async getGroupsForUser(userId) {
      const rows = await db().selectFrom("user_groups").innerJoin("group_members", "group_members.group_id", "user_groups.id")
        .selectAll("user_groups").where("group_members.user_id", "=", userId).where("group_members.delete_at", "=", 0)
        .where("user_groups.delete_at", "=", 0).orderBy("user_groups.display_name").orderBy("user_groups.id").execute();
      return withSyncables(rows);
    },

    async getMemberUsers(groupId, page, perPage) {
      await service.getGroup(groupId);
      let query = db().selectFrom("users").innerJoin("group_members", "group_members.user_id", "users.id").selectAll("users")
        .where("group_members.group_id", "=", groupId).where("group_members.delete_at", "=", 0).where("users.delete_at", "=", 0)
        .orderBy("users.username");
      if (perPage === 0) return [];
      query = query.limit(perPage).offset(page * perPage);
      return (await query.execute()).map(userFromRow);
    },

    async upsertMembers(groupId, userIds) {
      const where = "UpsertGroupMembers";
      const group = await service.getGroup(groupId);
      if (group.delete_at !== 0) throw appError("app.group.deleted.app_error", { where, detailedError: `group_id=${groupId}` });
      const unique = [...new Set(userIds)];
      for (const userId of unique) await requireUser(userId, where);
      const now = ctx.now();
      return withDbErrors(where, {}, () =>
        db().transaction().execute(async (trx) => {
          const members: GroupMember[] = [];
          for (const userId of unique) {
            const existing = await trx.selectFrom("group_members").selectAll().where("group_id", "=", groupId).where("user_id", "=", userId).executeTakeFirst();
            if (existing && existing.delete_at === 0) {
              members.push(memberFromRow(existing));
              continue;
            }
            const row: GroupMembersTable = { group_id: groupId, user_id: userId, create_at: now, delete_at: 0 };
            if (existing) {
              await trx.updateTable("group_members").set({ create_at: now, delete_at: 0 }).where("group_id", "=", groupId).where("user_id", "=", userId).execute();
            } else {
              await trx.insertInto("group_members").values(row).execute();
            }
            members.push(row);
          }
          return members;
        }),
      );
    },

    async deleteMember(groupId, userId) {
      const where = "DeleteGroupMember";
      await service.getGroup(groupId);
      const existing = await db().selectFrom("group_members").selectAll().where("group_id", "=", groupId).where("user_id", "=", userId)
        .where("delete_at", "=", 0).executeTakeFirst();
      if (!existing) throw appError("app.group.no_rows", { where, message: "The user is not a member of the group.", detailedError: `group_id=${groupId} user_id=${userId}` });
      const now = ctx.now();
      await withDbErrors(where, {}, () =>
        db().updateTable("group_members").set({ delete_at: now }).where("group_id", "=", groupId).where("user_id", "=", userId).execute(),
      );
      return { ...memberFromRow(existing), delete_at: now };
    },

    async getGroups(page, perPage, opts, restrictions) {
      let query = db().selectFrom("user_groups").selectAll("user_groups");
      if (opts.filter_has_member) {
        query = query.where("user_groups.id", "in", db().selectFrom("group_members").select("group_id")
          .where("user_id", "=", opts.filter_has_member).where("delete_at", "=", 0));
      }
      if ((opts.since ?? 0) > 0) query = query.where("user_groups.update_at", ">", opts.since!);
      // Mobile clients asking with `since` get archived groups too (as in Mattermost).
      if (opts.filter_archived) query = query.where("user_groups.delete_at", ">", 0);
      else if (!opts.include_archived && (opts.since ?? 0) <= 0) query = query.where("user_groups.delete_at", "=", 0);
      if (opts.filter_allow_reference) query = query.where("user_groups.allow_reference", "=", 1);
      if (opts.q) {
        const pattern = `%${opts.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where(sql<boolean>`(lower(coalesce(user_groups.name, '')) like ${pattern} escape '\\' or lower(user_groups.display_name) like ${pattern} escape '\\')`);
      }
      const linkedTo = (type: "Team" | "Channel", id: string) =>
        db().selectFrom("group_syncables").select("group_id").where("type", "=", type).where("syncable_id", "=", id).where("delete_at", "=", 0);
      if (opts.not_associated_to_team && isValidId(opts.not_associated_to_team)) {
        query = query.where("user_groups.id", "not in", linkedTo("Team", opts.not_associated_to_team));
      }
      if (opts.not_associated_to_channel && isValidId(opts.not_associated_to_channel)) {
        query = query.where("user_groups.id", "not in", linkedTo("Channel", opts.not_associated_to_channel));
        if (opts.filter_parent_team_permitted) {
          const team = await db().selectFrom("channels").innerJoin("teams", "teams.id", "channels.team_id")
            .select(["teams.id", "teams.group_constrained"]).where("channels.id", "=", opts.not_associated_to_channel).executeTakeFirst();
          if (team && team.group_constrained === 1) query = query.where("user_groups.id", "in", linkedTo("Team", team.id));
        }
      }
      if (opts.source) query = query.where("user_groups.source", "=", opts.source);
      // Active groups first, each part by display name (Mattermost's order with include_archived).
      if (opts.include_archived) query = query.orderBy(sql`case when user_groups.delete_at = 0 then 0 else 1 end`);
      query = query.orderBy("user_groups.display_name").orderBy("user_groups.id");
      if (perPage > 0) query = query.limit(perPage).offset(page * perPage);
      const groups = await withSyncables(await query.execute());
      if (groups.length === 0) return groups;
      const ids = groups.map((g) => g.id);

      if (opts.include_member_count || opts.include_member_ids) {
        let members = db().selectFrom("group_members").innerJoin("users", "users.id", "group_members.user_id")
          .select(["group_members.group_id", "group_members.user_id"])
          .where("group_members.group_id", "in", ids).where("group_members.delete_at", "=", 0).where("users.delete_at", "=", 0);
        if (restrictions) {
          const { teams, channels } = restrictions;
          members = members.where((eb) => eb.or([
            eb("users.id", "in", db().selectFrom("team_members").select("user_id").where("team_id", "in", teams.length ? teams : [""]).where("delete_at", "=", 0)),
            eb("users.id", "in", db().selectFrom("channel_members").select("user_id").where("channel_id", "in", channels.length ? channels : [""])),
          ]));
        }
        const rows = await members.orderBy("group_members.user_id").execute();
        for (const group of groups) {
          const mine = rows.filter((r) => r.group_id === group.id).map((r) => r.user_id);
          if (opts.include_member_count) group.member_count = mine.length;
          if (opts.include_member_ids) group.member_ids = mine;
        }
      }
      if (opts.include_channel_member_count) {
        const rows = await db().selectFrom("channel_members")
          .innerJoin("group_members", "group_members.user_id", "channel_members.user_id")
          .innerJoin("users", "users.id", "channel_members.user_id")
          .select(["group_members.group_id", "users.timezone"])
          .where("channel_members.channel_id", "=", opts.include_channel_member_count)
          .where("group_members.delete_at", "=", 0).where("group_members.group_id", "in", ids).execute();
        for (const group of groups) {
          const mine = rows.filter((r) => r.group_id === group.id);
          group.channel_member_count = mine.length;
          if (opts.include_timezones) {
            group.channel_member_timezones_count = new Set(mine.map((r) => preferredTimezone(r.timezone)).filter((tz) => tz !== "")).size;
          }
        }
      }
      return groups;
    },
  };
  return service;
}
