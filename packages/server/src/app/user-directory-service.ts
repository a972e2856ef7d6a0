/**
 * Listing and searching users for trusted callers (the Plugin API): Mattermost's UserGetOptions
 * filters, users by usernames, a channel's members by status, and UserSearch.
 *
 * As in Mattermost, listings include deactivated users unless asked not to (`active`), while a
 * search leaves them out unless `allow_inactive`. Membership filters use the live memberships
 * (a team member who left has `delete_at` set). Role filters match whole role names in the
 * space-separated role lists. Group filters count live group memberships only (a removed member
 * has `delete_at` set); `group_constrained` narrows a channel filter (else a team filter) to the
 * members of the groups linked to that channel (team), as Mattermost's "who may be added" lists do.
 * Every query is one Kysely query on SQLite and PostgreSQL alike.
 */
import { sql, type ExpressionBuilder, type SqlBool, type Expression } from "kysely";
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import type { User } from "./models/user.js";
import { isValidId } from "./new-id.js";
import { userFromRow } from "./users-service.js";
import { escapeLike } from "../store/sql-dialect.js";
import type { Schema } from "../store/schema.js";

/** Mattermost's UserGetOptions (snake_case). */
export interface UserListOptions {
  in_team_id?: string;
  not_in_team_id?: string;
  in_channel_id?: string;
  not_in_channel_id?: string;
  in_group_id?: string;
  not_in_group_id?: string;
  group_constrained?: boolean;
  without_team?: boolean;
  inactive?: boolean;
  active?: boolean;
  role?: string;
  roles?: readonly string[];
  channel_roles?: readonly string[];
  team_roles?: readonly string[];
  /** "" (username), "create_at" (newest first) or "last_activity_at" (most recent first). */
  sort?: string;
  page: number;
  per_page: number;
  updated_after?: number;
}

/** Mattermost's UserSearch. */
export interface UserSearchInput {
  term: string;
  team_id?: string;
  not_in_team_id?: string;
  in_channel_id?: string;
  not_in_channel_id?: string;
  in_group_id?: string;
  not_in_group_id?: string;
  group_constrained?: boolean;
  allow_inactive?: boolean;
  without_team?: boolean;
  /** 0 means {@link SEARCH_DEFAULT_LIMIT}; capped at {@link SEARCH_MAX_LIMIT}. */
  limit: number;
  role?: string;
  roles?: readonly string[];
  channel_roles?: readonly string[];
  team_roles?: readonly string[];
}

/** Mattermost's UserSearchDefaultLimit and UserSearchMaxLimit. */
export const SEARCH_DEFAULT_LIMIT = 100;
export const SEARCH_MAX_LIMIT = 1000;

export interface UserDirectoryService {
  listUsers(options: UserListOptions, where?: string): Promise<User[]>;
  /** The users among `usernames` (any case; unknown names skipped), by username. */
  getUsersByUsernames(usernames: readonly string[]): Promise<User[]>;
  /** A channel's members: online, away, dnd, then offline, each by username. */
  getUsersInChannelByStatus(channelId: string, page: number, perPage: number): Promise<User[]>;
  searchUsers(search: UserSearchInput): Promise<User[]>;
}

type Eb = ExpressionBuilder<Schema, "users">;

/** The filters UserGetOptions and UserSearch share. */
interface Filters {
  inTeam?: string;
  notInTeam?: string;
  inChannel?: string;
  notInChannel?: string;
  inGroup?: string;
  notInGroup?: string;
  groupConstrained?: boolean;
  withoutTeam?: boolean;
  role?: string;
  roles?: readonly string[];
  channelRoles?: readonly string[];
  teamRoles?: readonly string[];
}

/** Whether the space-separated list in `column` contains the role name `role`. */
function hasRoleSql(column: string, role: string): Expression<SqlBool> {
  return sql<SqlBool>`(' ' || ${sql.ref(column)} || ' ') like ${`% ${escapeLike(role)} %`} escape '\\'`;
}

function anyRole(eb: Eb, column: string, roles: readonly string[]): Expression<SqlBool> {
  return eb.or(roles.map((role) => hasRoleSql(column, role)));
}

function membershipConditions(eb: Eb, f: Filters): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const teamMember = (teamId: string, roles?: readonly string[]) => {
    let q = eb.selectFrom("team_members").select("team_members.user_id")
      .whereRef("team_members.user_id", "=", "users.id").where("team_members.team_id", "=", teamId).where("team_members.delete_at", "=", 0);
    if (roles && roles.length > 0) q = q.where((inner) => inner.or(roles.map((role) => hasRoleSql("team_members.roles", role))));
    return q;
  };
  const channelMember = (channelId: string, roles?: readonly string[]) => {
    let q = eb.selectFrom("channel_members").select("channel_members.user_id")
      .whereRef("channel_members.user_id", "=", "users.id").where("channel_members.channel_id", "=", channelId);
    if (roles && roles.length > 0) q = q.where((inner) => inner.or(roles.map((role) => hasRoleSql("channel_members.roles", role))));
    return q;
  };
  if (f.inTeam) conditions.push(eb.exists(teamMember(f.inTeam, f.teamRoles)));
  if (f.notInTeam) conditions.push(eb.not(eb.exists(teamMember(f.notInTeam))));
  if (f.inChannel) conditions.push(eb.exists(channelMember(f.inChannel, f.channelRoles)));
  if (f.notInChannel) conditions.push(eb.not(eb.exists(channelMember(f.notInChannel))));
  const groupMember = (groupId: string) => eb.selectFrom("group_members").select("group_members.user_id")
    .whereRef("group_members.user_id", "=", "users.id").where("group_members.group_id", "=", groupId).where("group_members.delete_at", "=", 0);
  if (f.inGroup) conditions.push(eb.exists(groupMember(f.inGroup)));
  if (f.notInGroup) conditions.push(eb.not(eb.exists(groupMember(f.notInGroup))));
  if (f.groupConstrained) {
    // Mattermost constrains by the channel when one is given, else by the team; with neither, no-op.
    const channelId = f.notInChannel || f.inChannel;
    const teamId = f.notInTeam || f.inTeam;
    const syncable = channelId ? { type: "Channel", id: channelId } : teamId ? { type: "Team", id: teamId } : undefined;
    if (syncable) {
      conditions.push(eb.exists(eb.selectFrom("group_members")
        .innerJoin("group_syncables", "group_syncables.group_id", "group_members.group_id")
        .innerJoin("user_groups", "user_groups.id", "group_members.group_id")
        .select("group_members.user_id")
        .whereRef("group_members.user_id", "=", "users.id").where("group_members.delete_at", "=", 0)
        .where("group_syncables.type", "=", syncable.type).where("group_syncables.syncable_id", "=", syncable.id)
        .where("group_syncables.delete_at", "=", 0).where("user_groups.delete_at", "=", 0)));
    }
  }
  if (f.withoutTeam) {
    conditions.push(eb.not(eb.exists(eb.selectFrom("team_members").select("team_members.user_id")
      .whereRef("team_members.user_id", "=", "users.id").where("team_members.delete_at", "=", 0))));
  }
  if (f.role) conditions.push(hasRoleSql("users.roles", f.role));
  if (f.roles && f.roles.length > 0) conditions.push(anyRole(eb, "users.roles", f.roles));
  return conditions;
}

/** 400 unless every id given is a valid id. */
function checkIds(where: string, ids: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(ids)) {
    if (value !== undefined && value !== "" && !isValidId(value)) throw appError("api.context.invalid_param.app_error", { where, params: { Name: name } });
  }
}

export function createUserDirectoryService(ctx: AppContext): UserDirectoryService {
  return {
    async listUsers(options, where = "GetUsers") {
      const { page, per_page: perPage } = options;
      if (!Number.isInteger(page) || page < 0) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "page" } });
      if (!Number.isInteger(perPage) || perPage < 0) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "per_page" } });
      if (options.active && options.inactive) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "active and inactive (choose one)" } });
      if (!["", "create_at", "last_activity_at"].includes(options.sort ?? "")) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "sort" } });
      checkIds(where, {
        in_team_id: options.in_team_id, not_in_team_id: options.not_in_team_id, in_channel_id: options.in_channel_id, not_in_channel_id: options.not_in_channel_id,
        in_group_id: options.in_group_id, not_in_group_id: options.not_in_group_id,
      });
      if (perPage === 0) return [];

      let q = ctx.db.selectFrom("users").leftJoin("statuses", "statuses.user_id", "users.id").selectAll("users");
      q = q.where((eb) => eb.and(membershipConditions(eb as unknown as Eb, {
        inTeam: options.in_team_id, notInTeam: options.not_in_team_id, inChannel: options.in_channel_id, notInChannel: options.not_in_channel_id,
        inGroup: options.in_group_id, notInGroup: options.not_in_group_id, groupConstrained: options.group_constrained,
        withoutTeam: options.without_team, role: options.role, roles: options.roles, channelRoles: options.channel_roles, teamRoles: options.team_roles,
      })));
      if (options.active) q = q.where("users.delete_at", "=", 0);
      if (options.inactive) q = q.where("users.delete_at", "!=", 0);
      if (options.updated_after) q = q.where("users.update_at", ">", options.updated_after);
      if (options.sort === "create_at") q = q.orderBy("users.create_at", "desc");
      // A user with no status row has never been active: last, on both databases.
      if (options.sort === "last_activity_at") q = q.orderBy(sql`coalesce(${sql.ref("statuses.last_activity_at")}, 0)`, "desc");
      const rows = await q.orderBy("users.username").limit(perPage).offset(page * perPage).execute();
      return rows.map(userFromRow);
    },

    async getUsersByUsernames(usernames) {
      const names = [...new Set(usernames.map((name) => name.trim().toLowerCase()).filter((name) => name !== ""))];
      if (names.length === 0) return [];
      const rows = await ctx.db.selectFrom("users").selectAll().where("username", "in", names).orderBy("username").execute();
      return rows.map(userFromRow);
    },

    async getUsersInChannelByStatus(channelId, page, perPage) {
      const where = "GetUsersInChannel";
      checkIds(where, { channel_id: channelId });
      if (!Number.isInteger(page) || page < 0) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "page" } });
      if (!Number.isInteger(perPage) || perPage < 0) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "per_page" } });
      if (perPage === 0) return [];
      const statusRank = sql`case ${sql.ref("statuses.status")} when 'online' then 1 when 'away' then 2 when 'dnd' then 3 else 4 end`;
      const rows = await ctx.db.selectFrom("users")
        .innerJoin("channel_members", "channel_members.user_id", "users.id")
        .leftJoin("statuses", "statuses.user_id", "users.id")
        .selectAll("users")
        .where("channel_members.channel_id", "=", channelId)
        .orderBy(statusRank)
        .orderBy("users.username")
        .limit(perPage).offset(page * perPage)
        .execute();
      return rows.map(userFromRow);
    },

    async searchUsers(search) {
      const where = "SearchUsers";
      checkIds(where, {
        team_id: search.team_id, not_in_team_id: search.not_in_team_id, in_channel_id: search.in_channel_id, not_in_channel_id: search.not_in_channel_id,
        in_group_id: search.in_group_id, not_in_group_id: search.not_in_group_id,
      });
      if (!Number.isInteger(search.limit) || search.limit < 0) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "limit" } });
      const limit = Math.min(search.limit === 0 ? SEARCH_DEFAULT_LIMIT : search.limit, SEARCH_MAX_LIMIT);
      // Mattermost drops a leading "@" (a mention) and matches each word at the start of a field.
      const words = search.term.trim().toLowerCase().replace(/^@/, "").split(/\s+/).filter((word) => word !== "");
      const fields = ["users.username", "users.first_name", "users.last_name", "users.nickname", "users.email"] as const;
      let q = ctx.db.selectFrom("users").selectAll("users");
      q = q.where((eb) => eb.and([
        ...membershipConditions(eb as unknown as Eb, {
          inTeam: search.team_id, notInTeam: search.not_in_team_id, inChannel: search.in_channel_id, notInChannel: search.not_in_channel_id,
          inGroup: search.in_group_id, notInGroup: search.not_in_group_id, groupConstrained: search.group_constrained,
          withoutTeam: search.without_team, role: search.role, roles: search.roles, channelRoles: search.channel_roles, teamRoles: search.team_roles,
        }),
        ...words.map((word) => eb.or(fields.map((field) => sql<SqlBool>`lower(${sql.ref(field)}) like ${`${escapeLike(word)}%`} escape '\\'`))),
      ]));
      if (!search.allow_inactive) q = q.where("users.delete_at", "=", 0);
      const rows = await q.orderBy("users.username").limit(limit).execute();
      return rows.map(userFromRow);
    },
  };
}
