/**
 * Bot accounts (Mattermost's POST /bots): a user with `is_bot`, no password and an owner, which
 * authenticates with access tokens created for it. Only system admins create bots (Mattermost's
 * default: the create_bot permission belongs to system_admin). The display name is kept in the
 * user's first name, as Mattermost does.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { withDbErrors } from "./map-db-error.js";
import type { Bot } from "./models/user-access-token.js";
import { isSystemAdmin } from "./role-checks.js";
import type { UsersService } from "./users-service.js";

/** What a caller supplies to create a bot. */
export interface CreateBotInput {
  username: string;
  display_name?: string;
  description?: string;
}

/** Bots as REST needs them. */
export interface BotsService {
  /** Creates the bot user and its bot row; `ownerId` must be a system admin. */
  createBot(input: CreateBotInput, ownerId: string): Promise<Bot>;
  /** 404 `app.bot.get.app_error` if the user is not a bot. */
  getBot(botUserId: string): Promise<Bot>;
}

/** Builds the service over the users service (which validates the username). */
export function createBotsService(ctx: AppContext, users: UsersService): BotsService {
  async function getBot(botUserId: string): Promise<Bot> {
    const row = await ctx.db.selectFrom("bots").innerJoin("users", "users.id", "bots.user_id")
      .select(["bots.user_id", "bots.owner_id", "bots.description", "bots.create_at", "bots.update_at", "bots.delete_at", "users.username", "users.first_name"])
      .where("bots.user_id", "=", botUserId).executeTakeFirst();
    if (!row) throw appError("app.bot.get.app_error", { where: "getBot", detailedError: `bot_user_id=${botUserId}` });
    return { user_id: row.user_id, username: row.username, display_name: row.first_name, description: row.description, owner_id: row.owner_id, create_at: row.create_at, update_at: row.update_at, delete_at: row.delete_at };
  }

  return {
    async createBot(input, ownerId) {
      if (!(await isSystemAdmin(ctx, ownerId))) {
        throw appError("api.context.permissions.app_error", { where: "createBot", detailedError: "create_bot permission required" });
      }
      const username = typeof input.username === "string" ? input.username.trim().toLowerCase() : "";
      const user = await users.createUser({
        username, email: `${username}@bot.localhost`, is_bot: true, first_name: input.display_name ?? "", bot_description: input.description ?? "",
      });
      const now = ctx.now();
      await withDbErrors("createBot", {}, () =>
        ctx.db.insertInto("bots").values({ user_id: user.id, owner_id: ownerId, description: input.description ?? "", create_at: now, update_at: now, delete_at: 0 }).execute(),
      );
      return getBot(user.id);
    },
    getBot,
  };
}
