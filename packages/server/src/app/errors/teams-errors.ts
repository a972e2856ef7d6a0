import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's teams, team members, team icons, team stats (Mattermost's ids where it has one). */
export const TEAMS_ERRORS = {
  // Team validation beyond name, display name and type (Mattermost's Team.IsValid)
  "model.team.is_valid.email.app_error": { status: 400, message: "Team email must be a valid address of at most 128 characters." },
  "model.team.is_valid.description.app_error": { status: 400, message: "Team description must be at most 255 characters." },
  "model.team.is_valid.company.app_error": { status: 400, message: "Team company name must be at most 64 characters." },
  "model.team.is_valid.domains.app_error": { status: 400, message: "Team allowed domains must be at most 1000 characters." },
  "store.sql_team.save.existing.app_error": { status: 400, message: "Must call update for an existing team: a new team has no id." },
  "app.team.get_by_name.missing.app_error": { status: 404, message: "Unable to find the existing team." },
  // Joining a team
  "app.team.join_user_to_team.rejected_by_plugin": { status: 400, message: "The user was not added to the team: {{.Reason}}" },
  "api.team.join_user_to_team.allowed_domains.app_error": { status: 400, message: "The user's email domain is not one of the team's allowed domains ({{.Domains}})." },
  // Member roles (Mattermost's UpdateTeamMemberRoles)
  "app.role.get_by_name.app_error": { status: 400, message: "Unknown team role '{{.Role}}': use team_user, team_admin, team_guest, team_post_all or team_post_all_public." },
  "api.team.update_team_member_roles.guest_and_user.app_error": { status: 400, message: "A team member cannot be both team_guest and team_user." },
  // Team icons
  "api.team.get_team_icon.filesettings_no_driver.app_error": { status: 501, message: "Team icons need file storage, which this server has not configured." },
  "api.team.get_team_icon.read_file.app_error": { status: 404, message: "The team has no icon." },
  "api.team.set_team_icon.storage.app_error": { status: 501, message: "Team icons need file storage, which this server has not configured." },
  "api.team.set_team_icon.decode.app_error": { status: 400, message: "The team icon is not a PNG, JPEG, GIF, BMP or WebP image that can be read." },
  "api.team.set_team_icon.too_large.app_error": { status: 400, message: "The team icon is too large: at most {{.MaxPixels}} pixels and {{.MaxBytes}} bytes." },
  "api.team.set_team_icon.write_file.app_error": { status: 500, message: "The team icon could not be stored." },
} as const satisfies Record<string, CatalogueEntry>;
