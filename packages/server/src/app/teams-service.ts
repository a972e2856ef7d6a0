/**
 * Teams and team membership.
 *
 * Membership rows are never deleted, only marked with `delete_at` (Mattermost keeps them for
 * history and re-joins), so "is a member" always means "has a row with delete_at = 0".
 * Who may add whom follows Mattermost's default permission scheme: system admins and existing
 * members may add anyone; a non-member may add only themselves, and only to an open team.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { notifyHook } from "./app-hooks.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { withDbErrors } from "./map-db-error.js";
import { TEAM_ADMIN_ROLE, TEAM_USER_ROLE, type CreateTeamInput, type Team, type TeamMember } from "./models/team.js";
import type { User } from "./models/user.js";
import { newId } from "./new-id.js";
import { memberRoleFields, rolesOfMember } from "./team-roles.js";
import type { UsersService } from "./users-service.js";
import type { TeamMembersTable, TeamsTable } from "../store/schema.js";
import { teamFromRow } from "./entity-rows.js";

const TEAM_NAME_PATTERN = /^[a-z0-9]+([a-z\-0-9]+|(__)?)[a-z0-9]+$/;
/** Names that would shadow web-app routes (Mattermost's reservedName list). */
const RESERVED_TEAM_NAMES = new Set([
  "admin", "api", "channel", "claim", "error", "files", "help", "landing", "login", "mfa", "oauth",
  "plug", "plugins", "post", "signup", "boards", "playbooks",
]);

/** Who is asking: without an actor the call is trusted (plugin/system path), with one it is checked. */
export interface AddMemberOptions {
  /** The user performing the action; when set, their permission is checked (REST path). */
  actorId?: string;
  /** Who added the user on a trusted path (Plugin API): reported to hooks, never checked. */
  requestorId?: string;
}

/** Teams and membership, with the permission rules REST relies on. */
export interface TeamsService {
  /** Creates a team; `creatorId`, when given, becomes its first member and team admin. */
  createTeam(input: CreateTeamInput, creatorId?: string): Promise<Team>;
  /** 404 `app.team.get.find.app_error` if absent. */
  getTeam(teamId: string): Promise<Team>;
  getTeamByName(name: string): Promise<Team>;
  /** Adds (or re-adds) a user; idempotent for an existing member. */
  addMember(teamId: string, userId: string, options?: AddMemberOptions): Promise<TeamMember>;
  /** The membership row, including a left member's; 404 if the user was never a member. */
  getMember(teamId: string, userId: string): Promise<TeamMember>;
  /** Whether the user currently belongs to the team. */
  isMember(teamId: string, userId: string): Promise<boolean>;
  /** Seeing a team: members, anyone for an open team, system admins; otherwise 403. */
  requireViewable(teamId: string, userId: string): Promise<Team>;
}


/** Mattermost reports scheme flags and explicit roles derived from the role list; we store only the list. */
export function teamMemberFromRow(row: TeamMembersTable): TeamMember {
  return { ...row, ...memberRoleFields(row.roles) };
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

function validateTeam(input: CreateTeamInput): void {
  const where = "createTeam";
  const name = typeof input.name === "string" ? input.name : "";
  if (name.length < 2 || name.length > 64 || !TEAM_NAME_PATTERN.test(name) || RESERVED_TEAM_NAMES.has(name)) {
    throw appError("model.team.is_valid.name.app_error", { where });
  }
  const displayName = typeof input.display_name === "string" ? [...input.display_name.trim()].length : 0;
  if (displayName < 1 || displayName > 64) throw appError("model.team.is_valid.display_name.app_error", { where });
  if (input.type !== "O" && input.type !== "I") throw appError("model.team.is_valid.type.app_error", { where });
  validateTeamDetails(input, where);
}

/** The length and format rules of Mattermost's Team.IsValid for the free-text fields. */
export function validateTeamDetails(input: { email?: string; description?: string; company_name?: string; allowed_domains?: string }, where: string): void {
  const email = input.email ?? "";
  if (email.length > 128 || (email !== "" && !EMAIL_PATTERN.test(email))) throw appError("model.team.is_valid.email.app_error", { where });
  if ([...(input.description ?? "")].length > 255) throw appError("model.team.is_valid.description.app_error", { where });
  if ([...(input.company_name ?? "")].length > 64) throw appError("model.team.is_valid.company.app_error", { where });
  if ((input.allowed_domains ?? "").length > 1000) throw appError("model.team.is_valid.domains.app_error", { where });
}

/**
 * Mattermost's isTeamEmailAllowed: with allowed domains set, a user (bots and SSO accounts aside)
 * must have an email at one of them.
 */
function emailAllowed(team: Team, user: User): boolean {
  const domains = team.allowed_domains.toLowerCase().split(/[\s,@]+/).filter((d) => d !== "");
  if (domains.length === 0 || user.is_bot || user.auth_service !== "") return true;
  const email = user.email.toLowerCase();
  return domains.some((domain) => email.endsWith(`@${domain}`));
}

/** Builds the service; the users service answers "is this actor a system admin". */
export function createTeamsService(ctx: AppContext, users: UsersService): TeamsService {
  async function getMemberRow(teamId: string, userId: string): Promise<TeamMembersTable | undefined> {
    return ctx.db.selectFrom("team_members").selectAll().where("team_id", "=", teamId).where("user_id", "=", userId).executeTakeFirst();
  }

  async function getTeamRow(column: "id" | "name", value: string): Promise<Team> {
    const row = await ctx.db.selectFrom("teams").selectAll().where(column, "=", value).executeTakeFirst();
    if (!row) {
      const id = column === "name" ? "app.team.get_by_name.missing.app_error" : "app.team.get.find.app_error";
      throw appError(id, { where: column === "name" ? "getTeamByName" : "getTeam", detailedError: `${column}=${value}` });
    }
    return teamFromRow(row);
  }

  /** TeamMemberWillBeAdded: plugins may refuse, or rewrite the roles (never who joins which team). */
  async function runWillBeAdded(proposed: TeamMember): Promise<TeamMember> {
    const hook = ctx.hooks().teamMemberWillBeAdded;
    if (!hook) return proposed;
    const verdict = await hook.call(ctx.hooks(), proposed);
    if (verdict.kind === "reject") {
      throw appError("app.team.join_user_to_team.rejected_by_plugin", { where: "addTeamMember", params: { Reason: verdict.reason } });
    }
    const roles = rolesOfMember(verdict.member);
    return { ...proposed, roles, ...memberRoleFields(roles) };
  }

  async function checkCanAdd(team: Team, userId: string, actorId: string): Promise<void> {
    if (await users.isSystemAdmin(actorId)) return;
    const actor = await getMemberRow(team.id, actorId);
    if (actor && actor.delete_at === 0) return;
    if (actorId === userId && team.type === "O" && team.allow_open_invite) return;
    throw appError("api.context.permissions.app_error", { where: "addTeamMember", detailedError: `actor=${actorId} team=${team.id}` });
  }

  return {
    async createTeam(input, creatorId) {
      validateTeam(input);
      if (creatorId !== undefined) await users.getUser(creatorId);
      const now = ctx.now();
      const row: TeamsTable = {
        id: newId(), create_at: now, update_at: now, delete_at: 0,
        display_name: input.display_name.trim(), name: input.name, description: input.description ?? "",
        email: input.email ?? "", type: input.type, company_name: input.company_name ?? "",
        allowed_domains: input.allowed_domains ?? "", invite_id: newId(),
        allow_open_invite: (input.allow_open_invite ?? input.type === "O") ? 1 : 0, last_team_icon_update: 0,
      };
      await withDbErrors("createTeam", { unique: () => "app.team.save.existing.app_error" }, () =>
        ctx.db.transaction().execute(async (trx) => {
          await trx.insertInto("teams").values(row).execute();
          if (creatorId !== undefined) {
            await trx.insertInto("team_members")
              .values({ team_id: row.id, user_id: creatorId, roles: `${TEAM_USER_ROLE} ${TEAM_ADMIN_ROLE}`, create_at: now, delete_at: 0 })
              .execute();
          }
        }),
      );
      return teamFromRow(row);
    },

    getTeam: (teamId) => getTeamRow("id", teamId),
    getTeamByName: (name) => getTeamRow("name", name),

    async addMember(teamId, userId, options = {}) {
      const team = await getTeamRow("id", teamId);
      const user = await users.getUser(userId);
      if (options.actorId !== undefined) await checkCanAdd(team, userId, options.actorId);
      const existing = await getMemberRow(teamId, userId);
      if (existing && existing.delete_at === 0) return teamMemberFromRow(existing);
      if (!emailAllowed(team, user)) {
        throw appError("api.team.join_user_to_team.allowed_domains.app_error", { where: "addTeamMember", params: { Domains: team.allowed_domains } });
      }
      const now = ctx.now();
      const proposed = teamMemberFromRow({ team_id: teamId, user_id: userId, roles: TEAM_USER_ROLE, create_at: existing?.create_at ?? now, delete_at: 0 });
      const { roles } = await runWillBeAdded(proposed);
      const row: TeamMembersTable = { team_id: teamId, user_id: userId, roles, create_at: proposed.create_at, delete_at: 0 };
      await withDbErrors("addTeamMember", {}, async () => {
        if (existing) {
          await ctx.db.updateTable("team_members").set({ roles: row.roles, delete_at: 0 })
            .where("team_id", "=", teamId).where("user_id", "=", userId).execute();
        } else {
          await ctx.db.insertInto("team_members").values(row).execute();
        }
      });
      const member = teamMemberFromRow(row);
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.AddedToTeam, { team_id: teamId, user_id: userId }, { user_id: userId }));
      const actorId = options.actorId ?? options.requestorId;
      const actor = actorId !== undefined && actorId !== "" && actorId !== userId ? await users.getUser(actorId).catch(() => undefined) : undefined;
      notifyHook(ctx.hooks(), "userHasJoinedTeam", member, actor);
      return member;
    },

    async getMember(teamId, userId) {
      const row = await getMemberRow(teamId, userId);
      if (!row) {
        throw appError("app.team.get_member.missing.app_error", { where: "getTeamMember", detailedError: `team_id=${teamId} user_id=${userId}` });
      }
      return teamMemberFromRow(row);
    },

    async isMember(teamId, userId) {
      const row = await getMemberRow(teamId, userId);
      return row !== undefined && row.delete_at === 0;
    },

    async requireViewable(teamId, userId) {
      const team = await getTeamRow("id", teamId);
      const member = await getMemberRow(teamId, userId);
      if (member?.delete_at === 0 || (team.type === "O" && team.allow_open_invite) || (await users.isSystemAdmin(userId))) return team;
      throw appError("api.context.permissions.app_error", { where: "getTeam", detailedError: `user ${userId} cannot see team ${teamId}` });
    },
  };
}
