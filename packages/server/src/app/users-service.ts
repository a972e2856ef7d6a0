/**
 * Accounts: creation rules, lookups, and the password check behind login.
 *
 * The password hash never leaves this file: rows become {@link User} values through
 * {@link userFromRow}, which has no field for secrets, and login asks {@link UsersService.checkCredentials}
 * instead of reading the hash. The first account on a server becomes its system admin, decided in
 * the same transaction as the insert so two simultaneous sign-ups cannot both win.
 */
import type { AppContext } from "./app-context.js";
import { parseJsonObject } from "./app-context.js";
import { appError } from "./app-error.js";
import { notifyHook } from "./app-hooks.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { withDbErrors } from "./map-db-error.js";
import { hasRole, SYSTEM_ADMIN_ROLE, SYSTEM_USER_ROLE, type CreateUserInput, type User } from "./models/user.js";
import { newId } from "./new-id.js";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.js";
import { validateNewUser } from "./user-validation.js";
import type { Db, UsersTable } from "../store/schema.js";

/** Failed password attempts after which login is refused (Mattermost's MaximumLoginAttempts). */
export const MAX_LOGIN_ATTEMPTS = 10;

const DEFAULT_NOTIFY_PROPS = {
  channel: "true", comments: "never", desktop: "mention", desktop_sound: "true", email: "true",
  first_name: "false", mention_keys: "", push: "mention", push_status: "online",
};
const DEFAULT_TIMEZONE = { automaticTimezone: "", manualTimezone: "", useAutomaticTimezone: "true" };

/** Accounts as REST, sessions and the plugin API need them. */
export interface UsersService {
  /** Validates and stores a new account; returns it sanitized. 409 if username/email is taken. */
  createUser(input: CreateUserInput): Promise<User>;
  /** 404 `app.user.missing_account.const` if absent. */
  getUser(userId: string): Promise<User>;
  getUserByUsername(username: string): Promise<User>;
  getUserByEmail(email: string): Promise<User>;
  /**
   * Verifies a login (username or email + password): returns the user or throws 401. Counts
   * failures and locks the account after {@link MAX_LOGIN_ATTEMPTS}; success resets the count.
   */
  checkCredentials(loginId: string, password: string): Promise<User>;
  /** Whether the user exists, is active and has the system_admin role. */
  isSystemAdmin(userId: string): Promise<boolean>;
}

/** Turns a stored row into the public shape, dropping secrets. */
export function userFromRow(row: UsersTable): User {
  return {
    id: row.id, create_at: row.create_at, update_at: row.update_at, delete_at: row.delete_at,
    username: row.username, auth_service: row.auth_service, email: row.email,
    email_verified: row.email_verified !== 0, nickname: row.nickname, first_name: row.first_name,
    last_name: row.last_name, position: row.position, roles: row.roles, locale: row.locale,
    props: parseJsonObject(row.props), notify_props: parseJsonObject(row.notify_props),
    timezone: parseJsonObject(row.timezone), last_password_update: row.last_password_update,
    last_picture_update: row.last_picture_update, failed_attempts: row.failed_attempts,
    mfa_active: row.mfa_active !== 0, is_bot: row.is_bot !== 0, bot_description: row.bot_description,
    last_login: row.last_login,
  };
}

/** Mattermost's default notify props and timezone of a new account (also restored by UpdateUser when emptied). */
export const DEFAULT_USER_SETTINGS = { notify_props: DEFAULT_NOTIFY_PROPS, timezone: DEFAULT_TIMEZONE } as const;

/** Builds the service over the store. */
export function createUsersService(ctx: AppContext): UsersService {
  async function findRow(column: "id" | "username" | "email", value: string): Promise<UsersTable> {
    const row = await ctx.db.selectFrom("users").selectAll().where(column, "=", value).executeTakeFirst();
    if (!row) throw appError("app.user.missing_account.const", { where: "getUser", detailedError: `${column}=${value}` });
    return row;
  }

  return {
    async createUser(input) {
      const valid = validateNewUser(input);
      const passwordHash = valid.password === undefined ? "" : await hashPassword(valid.password);
      const now = ctx.now();
      const created = await withDbErrors(
        "createUser",
        {
          unique: (cols) =>
            cols.includes("email") ? "app.user.save.email_exists.app_error"
            : cols.includes("username") ? "app.user.save.username_exists.app_error"
            : cols.includes("auth_data") ? "app.user.save.auth_data_exists.app_error"
            : undefined,
        },
        () =>
          ctx.db.transaction().execute(async (trx) => {
            const id = newId();
            const admin = await claimFirstAdmin(trx, id);
            const roles = admin ? `${SYSTEM_ADMIN_ROLE} ${SYSTEM_USER_ROLE}` : SYSTEM_USER_ROLE;
            const row: UsersTable = {
              id, create_at: now, update_at: now, delete_at: 0,
              username: valid.username, password_hash: passwordHash, auth_service: input.auth_service ?? "", email: valid.email,
              email_verified: input.email_verified ? 1 : 0, nickname: valid.nickname, first_name: valid.first_name,
              last_name: valid.last_name, position: valid.position, roles, locale: valid.locale,
              props: JSON.stringify(input.props ?? {}), notify_props: JSON.stringify({ ...DEFAULT_NOTIFY_PROPS, ...input.notify_props }),
              timezone: JSON.stringify({ ...DEFAULT_TIMEZONE, ...input.timezone }), last_password_update: now,
              last_picture_update: 0, failed_attempts: 0, mfa_active: 0, mfa_secret: "",
              is_bot: input.is_bot ? 1 : 0, bot_description: input.bot_description ?? "", last_login: 0,
              auth_data: input.auth_service && input.auth_data ? input.auth_data : null,
            };
            await trx.insertInto("users").values(row).execute();
            return userFromRow(row);
          }),
      );
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.NewUser, { user_id: created.id }));
      notifyHook(ctx.hooks(), "userHasBeenCreated", created);
      return created;
    },

    async getUser(userId) {
      return userFromRow(await findRow("id", userId));
    },

    async getUserByUsername(username) {
      return userFromRow(await findRow("username", username.toLowerCase()));
    },

    async getUserByEmail(email) {
      return userFromRow(await findRow("email", email.toLowerCase()));
    },

    async checkCredentials(loginId, password) {
      const where = "checkCredentials";
      const id = loginId.trim().toLowerCase();
      const row = await ctx.db
        .selectFrom("users")
        .selectAll()
        .where((eb) => eb.or([eb("username", "=", id), eb("email", "=", id)]))
        .executeTakeFirst();
      const invalid = () => appError("api.user.login.invalid_credentials_email_username", { where });
      if (!row) {
        await verifyAgainstDummy(password);
        throw invalid();
      }
      if (row.is_bot !== 0) throw appError("api.user.login.bot_login_forbidden.app_error", { where });
      if (row.delete_at !== 0) throw appError("api.user.login.inactive.app_error", { where });
      if (row.failed_attempts >= MAX_LOGIN_ATTEMPTS) {
        throw appError("api.user.check_user_login_attempts.too_many.app_error", { where });
      }
      if (!(await verifyPassword(password, row.password_hash))) {
        await ctx.db.updateTable("users").set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1) })).where("id", "=", row.id).execute();
        throw invalid();
      }
      const now = ctx.now();
      await ctx.db.updateTable("users").set({ failed_attempts: 0, last_login: now }).where("id", "=", row.id).execute();
      return userFromRow({ ...row, failed_attempts: 0, last_login: now });
    },

    async isSystemAdmin(userId) {
      const row = await ctx.db.selectFrom("users").select(["roles", "delete_at"]).where("id", "=", userId).executeTakeFirst();
      return row !== undefined && row.delete_at === 0 && hasRole(row.roles, SYSTEM_ADMIN_ROLE);
    },
  };
}

/** The `systems` row naming the account that became the server's first system admin. */
const FIRST_ADMIN = "FirstAdminUserId";

/**
 * Whether the account being created (`userId`, inside transaction `trx`) is the server's first and
 * so its system admin. "No users yet" alone is not enough on PostgreSQL, where two simultaneous
 * first sign-ups both see an empty table: each also claims the FIRST_ADMIN row, and the second
 * claim waits for the first transaction and then finds the row taken. (SQLite runs one writer at
 * a time, so there the check alone would do.)
 */
async function claimFirstAdmin(trx: Db, userId: string): Promise<boolean> {
  const anyUser = await trx.selectFrom("users").select("id").limit(1).executeTakeFirst();
  if (anyUser) return false;
  const claimed = await trx.insertInto("systems").values({ name: FIRST_ADMIN, value: userId })
    .onConflict((conflict) => conflict.column("name").doNothing()).executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0n) > 0;
}
