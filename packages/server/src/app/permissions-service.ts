/**
 * Mattermost's role → permission checks (app/authorization.go), over the `roles` table.
 *
 * A permission is granted when one of the asker's roles lists its id: a user's system roles
 * (`users.roles`), their roles in a team (`team_members.roles`, active memberships only) and in a
 * channel (`channel_members.roles`). A channel question falls back to the channel's team, then to
 * the system roles; a team question to the system roles — so a system admin, whose role holds
 * every permission, is granted everything. Unknown or deleted roles grant nothing. Questions about
 * unknown users, teams or channels answer false rather than failing, as in Mattermost.
 */
import type { AppContext } from "./app-context.js";
import { isValidRoleName, type Role } from "./models/role.js";
import { isValidId } from "./new-id.js";
import type { RolesTable } from "../store/schema.js";

/** Permission questions, shared by the Plugin API and any service that needs them. */
export interface PermissionsService {
  /** The live roles among `roleNames` (unknown names are skipped; an ill-formed name yields none). */
  getRolesByNames(roleNames: readonly string[]): Promise<Role[]>;
  /** Whether any of the roles grants `permissionId` (Mattermost's RolesGrantPermission). */
  rolesGrantPermission(roleNames: readonly string[], permissionId: string): Promise<boolean>;
  /** Whether the user's system roles grant the permission. */
  hasPermissionTo(userId: string, permissionId: string): Promise<boolean>;
  /** Whether the user's roles in the team, or their system roles, grant the permission. */
  hasPermissionToTeam(userId: string, teamId: string, permissionId: string): Promise<boolean>;
  /** Whether the user's roles in the channel, its team, or the system grant the permission. */
  hasPermissionToChannel(userId: string, channelId: string, permissionId: string): Promise<boolean>;
}

/** Role names of a space-separated roles field. */
export function splitRoles(roles: string): string[] {
  return roles.split(" ").filter((r) => r !== "");
}

function roleFromRow(row: RolesTable): Role {
  return {
    id: row.id, name: row.name, display_name: row.display_name, description: row.description,
    create_at: row.create_at, update_at: row.update_at, delete_at: row.delete_at,
    permissions: splitRoles(row.permissions), scheme_managed: row.scheme_managed !== 0, built_in: row.built_in !== 0,
  };
}

export function createPermissionsService(ctx: AppContext): PermissionsService {
  async function getRolesByNames(roleNames: readonly string[]): Promise<Role[]> {
    const names = roleNames.map((n) => n.trim()).filter((n) => n !== "");
    // Mattermost's CleanRoleNames: one ill-formed name fails the lookup, which grants nothing.
    if (names.length === 0 || !names.every(isValidRoleName)) return [];
    const rows = await ctx.db.selectFrom("roles").selectAll().where("name", "in", [...new Set(names)]).execute();
    return rows.map(roleFromRow);
  }

  async function rolesGrantPermission(roleNames: readonly string[], permissionId: string): Promise<boolean> {
    if (permissionId === "") return false;
    const roles = await getRolesByNames(roleNames);
    return roles.some((role) => role.delete_at === 0 && role.permissions.includes(permissionId));
  }

  async function hasPermissionTo(userId: string, permissionId: string): Promise<boolean> {
    if (!isValidId(userId)) return false;
    const user = await ctx.db.selectFrom("users").select("roles").where("id", "=", userId).executeTakeFirst();
    return user !== undefined && rolesGrantPermission(splitRoles(user.roles), permissionId);
  }

  async function hasPermissionToTeam(userId: string, teamId: string, permissionId: string): Promise<boolean> {
    if (!isValidId(userId) || !isValidId(teamId)) return false;
    const member = await ctx.db.selectFrom("team_members").select(["roles", "delete_at"])
      .where("team_id", "=", teamId).where("user_id", "=", userId).executeTakeFirst();
    if (member && member.delete_at === 0 && (await rolesGrantPermission(splitRoles(member.roles), permissionId))) return true;
    return hasPermissionTo(userId, permissionId);
  }

  async function hasPermissionToChannel(userId: string, channelId: string, permissionId: string): Promise<boolean> {
    if (!isValidId(userId) || !isValidId(channelId)) return false;
    const member = await ctx.db.selectFrom("channel_members").select("roles")
      .where("channel_id", "=", channelId).where("user_id", "=", userId).executeTakeFirst();
    if (member && (await rolesGrantPermission(splitRoles(member.roles), permissionId))) return true;
    const channel = await ctx.db.selectFrom("channels").select("team_id").where("id", "=", channelId).executeTakeFirst();
    // Direct and group messages have no team: only the system roles remain.
    if (channel && channel.team_id !== "") return hasPermissionToTeam(userId, channel.team_id, permissionId);
    return hasPermissionTo(userId, permissionId);
  }

  return { getRolesByNames, rolesGrantPermission, hasPermissionTo, hasPermissionToTeam, hasPermissionToChannel };
}
