/** A team and a user's membership in it (Mattermost's `model.Team` / `model.TeamMember` JSON). */

/** Team types: open to anyone on the server, or invite only. */
export type TeamType = "O" | "I";

/** The team JSON Mattermost clients read. */
export interface Team {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  display_name: string;
  name: string;
  description: string;
  email: string;
  type: TeamType;
  company_name: string;
  allowed_domains: string;
  invite_id: string;
  allow_open_invite: boolean;
  last_team_icon_update: number;
  /** Membership limited to the members of the groups linked to the team. */
  group_constrained?: boolean;
}

/** What a caller supplies to create a team; ids and timestamps are server-assigned. */
export interface CreateTeamInput {
  name: string;
  display_name: string;
  type: TeamType;
  description?: string;
  email?: string;
  company_name?: string;
  allowed_domains?: string;
  /** Defaults to `type === "O"`. */
  allow_open_invite?: boolean;
}

/** Role of every team member. */
export const TEAM_USER_ROLE = "team_user";
/** Extra role of a team's creator. */
export const TEAM_ADMIN_ROLE = "team_admin";

/** A membership row, kept (with delete_at set) after the user leaves. */
export interface TeamMember {
  team_id: string;
  user_id: string;
  /** Space-separated, e.g. "team_user team_admin". */
  roles: string;
  /** Non-zero when the user left or was removed; the row is kept like Mattermost does. */
  delete_at: number;
  scheme_guest: boolean;
  scheme_user: boolean;
  scheme_admin: boolean;
  explicit_roles: string;
  create_at: number;
}
