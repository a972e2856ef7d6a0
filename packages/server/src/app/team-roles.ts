/**
 * Team member roles as Mattermost models them: three scheme roles shown as flags (team_guest,
 * team_user, team_admin) plus "explicit" roles. The store keeps one space-separated list; these
 * helpers turn it into Mattermost's member fields and back, and check a list a caller supplies.
 * Without a roles table, the explicit roles known are Mattermost's built-in team ones.
 */
import { appError } from "./app-error.js";
import { TEAM_ADMIN_ROLE, TEAM_USER_ROLE } from "./models/team.js";

export const TEAM_GUEST_ROLE = "team_guest";
const SCHEME_ROLES = [TEAM_GUEST_ROLE, TEAM_USER_ROLE, TEAM_ADMIN_ROLE] as const;
/** Mattermost's built-in team roles that are not scheme-managed. */
const EXPLICIT_TEAM_ROLES = new Set(["team_post_all", "team_post_all_public"]);

/** The member fields Mattermost derives from the role list. */
export function memberRoleFields(roles: string): { scheme_guest: boolean; scheme_user: boolean; scheme_admin: boolean; explicit_roles: string } {
  const names = roles.split(" ").filter((r) => r !== "");
  return {
    scheme_guest: names.includes(TEAM_GUEST_ROLE),
    scheme_user: names.includes(TEAM_USER_ROLE),
    scheme_admin: names.includes(TEAM_ADMIN_ROLE),
    explicit_roles: names.filter((r) => !(SCHEME_ROLES as readonly string[]).includes(r)).join(" "),
  };
}

/**
 * The role list to store for a member a plugin handed back: its scheme flags and explicit roles
 * (Mattermost's store reads those, not `roles`).
 */
export function rolesOfMember(member: { scheme_guest: boolean; scheme_user: boolean; scheme_admin: boolean; explicit_roles: string }): string {
  const names = [
    ...(member.scheme_guest ? [TEAM_GUEST_ROLE] : []),
    ...(member.scheme_user ? [TEAM_USER_ROLE] : []),
    ...(member.scheme_admin ? [TEAM_ADMIN_ROLE] : []),
    ...member.explicit_roles.split(" ").filter((r) => r !== "" && !(SCHEME_ROLES as readonly string[]).includes(r)),
  ];
  return [...new Set(names)].join(" ");
}

/** Checks a new role list (UpdateTeamMemberRoles) and returns it normalised, in scheme order. */
export function parseTeamRoles(newRoles: string, where: string): string {
  const names = [...new Set(newRoles.split(/\s+/).filter((r) => r !== ""))];
  for (const role of names) {
    if (!(SCHEME_ROLES as readonly string[]).includes(role) && !EXPLICIT_TEAM_ROLES.has(role)) {
      throw appError("app.role.get_by_name.app_error", { where, params: { Role: role } });
    }
  }
  if (names.includes(TEAM_GUEST_ROLE) && names.includes(TEAM_USER_ROLE)) {
    throw appError("api.team.update_team_member_roles.guest_and_user.app_error", { where });
  }
  return rolesOfMember({
    scheme_guest: names.includes(TEAM_GUEST_ROLE),
    scheme_user: names.includes(TEAM_USER_ROLE),
    scheme_admin: names.includes(TEAM_ADMIN_ROLE),
    explicit_roles: names.join(" "),
  });
}
