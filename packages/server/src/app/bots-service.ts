/**
 * Bot accounts (Mattermost's POST /bots and the Plugin API's bot methods): a user with `is_bot`,
 * no password and an owner (a user id, or the id of the plugin that created it), which
 * authenticates with access tokens created for it. Through REST only system admins create bots
 * (Mattermost's default: the create_bot permission belongs to system_admin); plugins are trusted.
 * The display name is kept in the user's first name and the description in both rows, as
 * Mattermost does; deactivating a bot deactivates its user.
 */
import type { AppContext } from "./app-context.js";
import { appError, isAppError } from "./app-error.js";
import type { KvService } from "./kv-service.js";
import { withDbErrors } from "./map-db-error.js";
import type { Bot } from "./models/user-access-token.js";
import { isSystemAdmin } from "./role-checks.js";
import { validateNewUser } from "./user-validation.js";
import type { UsersService } from "./users-service.js";
import { runes } from "./runes.js";

/** What a caller supplies to create a bot. */
export interface CreateBotInput {
  username: string;
  display_name?: string;
  description?: string;
}

/** A partial update (Mattermost's BotPatch): undefined fields are left alone. */
export interface BotPatch {
  username?: string;
  display_name?: string;
  description?: string;
}

/** Mattermost's BotGetOptions. */
export interface BotGetOptions {
  owner_id?: string;
  include_deleted?: boolean;
  /** Only bots whose owner is a deactivated user. */
  only_orphaned?: boolean;
  page?: number;
  per_page?: number;
}

const DISPLAY_NAME_MAX_RUNES = 64;
const DESCRIPTION_MAX_RUNES = 1024;
const OWNER_ID_MAX_RUNES = 190;
/** The KV key under which Mattermost's EnsureBot remembers a plugin's bot (internal "mmi_" prefix). */
export const ENSURED_BOT_KEY = "mmi_botid";

/** Bots as REST and the Plugin API need them. */
export interface BotsService {
  /** REST: creates the bot user and its bot row; `ownerId` must be a system admin. */
  createBot(input: CreateBotInput, ownerId: string): Promise<Bot>;
  /**
   * Plugin API: `owner_id` defaults to the plugin; a bot cannot own a bot (400); an owner that is
   * no user names a plugin, which must be the caller (403).
   */
  createPluginBot(input: CreateBotInput & { owner_id?: string }, pluginId: string): Promise<Bot>;
  /**
   * Refuses (403 `plugin_api.bot.not_owner.app_error`) plugin `pluginId` managing a bot owned by
   * another plugin; bots owned by users (or by the caller) pass. 404 if there is no such bot.
   */
  assertPluginMayManage(botUserId: string, pluginId: string, where: string): Promise<void>;
  /** 404 `app.bot.get.app_error` if the user is not a bot (or is deactivated and `includeDeleted` is false). */
  getBot(botUserId: string, includeDeleted?: boolean): Promise<Bot>;
  /** LIMIT per_page OFFSET page*per_page, as Mattermost's store: per_page 0 answers []. */
  getBots(options: BotGetOptions): Promise<Bot[]>;
  patchBot(botUserId: string, patch: BotPatch): Promise<Bot>;
  /** Deactivates (sessions end) or reactivates the bot and its user. */
  updateBotActive(botUserId: string, active: boolean): Promise<Bot>;
  /** Deletes the bot row and its user; 409 while posts still reference the user. */
  permanentDeleteBot(botUserId: string): Promise<void>;
  /** Mattermost's EnsureBot for plugin `pluginId`: the bot's user id, created or synced and active. */
  ensureBot(pluginId: string, input: CreateBotInput): Promise<string>;
}

function checkBotFields(fields: { display_name?: string; description?: string }, where: string): void {
  if (fields.display_name !== undefined && (typeof fields.display_name !== "string" || runes(fields.display_name) > DISPLAY_NAME_MAX_RUNES)) {
    throw appError("model.bot.is_valid.display_name.app_error", { where, params: { Max: DISPLAY_NAME_MAX_RUNES } });
  }
  if (fields.description !== undefined && (typeof fields.description !== "string" || runes(fields.description) > DESCRIPTION_MAX_RUNES)) {
    throw appError("model.bot.is_valid.description.app_error", { where, params: { Max: DESCRIPTION_MAX_RUNES } });
  }
}

/** A bot's user email: bots have no mailbox, but the users table wants a unique address. */
function botEmail(username: string): string {
  return `${username}@bot.localhost`;
}

/** Builds the service over the users service (which validates usernames) and the KV store (EnsureBot's memory). */
export function createBotsService(ctx: AppContext, users: UsersService, kv: KvService): BotsService {
  function botQuery() {
    return ctx.db.selectFrom("bots").innerJoin("users", "users.id", "bots.user_id")
      .select(["bots.user_id", "bots.owner_id", "bots.description", "bots.last_icon_update", "bots.create_at", "bots.update_at", "bots.delete_at", "users.username", "users.first_name"]);
  }
  type BotRow = Awaited<ReturnType<ReturnType<typeof botQuery>["executeTakeFirstOrThrow"]>>;
  const botFromRow = (row: BotRow): Bot => ({
    user_id: row.user_id, username: row.username, display_name: row.first_name, description: row.description, owner_id: row.owner_id,
    last_icon_update: row.last_icon_update, create_at: row.create_at, update_at: row.update_at, delete_at: row.delete_at,
  });

  async function getBot(botUserId: string, includeDeleted = true): Promise<Bot> {
    const row = await botQuery().where("bots.user_id", "=", String(botUserId)).executeTakeFirst();
    if (!row || (!includeDeleted && row.delete_at !== 0)) {
      throw appError("app.bot.get.app_error", { where: "getBot", detailedError: `bot_user_id=${botUserId}` });
    }
    return botFromRow(row);
  }

  async function insertBot(input: CreateBotInput, ownerId: string, where: string): Promise<Bot> {
    checkBotFields(input, where);
    if (typeof ownerId !== "string" || ownerId === "" || runes(ownerId) > OWNER_ID_MAX_RUNES) {
      throw appError("model.bot.is_valid.creator_id.app_error", { where });
    }
    const username = typeof input.username === "string" ? input.username.trim().toLowerCase() : "";
    const user = await users.createUser({
      username, email: botEmail(username), is_bot: true, first_name: input.display_name ?? "", bot_description: input.description ?? "",
    });
    const now = ctx.now();
    try {
      await withDbErrors(where, {}, () =>
        ctx.db.insertInto("bots").values({ user_id: user.id, owner_id: ownerId, description: input.description ?? "", last_icon_update: 0, create_at: now, update_at: now, delete_at: 0 }).execute(),
      );
    } catch (err) {
      // As Mattermost: no half-made bot (a user without its bot row) is left behind.
      await ctx.db.deleteFrom("users").where("id", "=", user.id).execute().catch(() => undefined);
      throw err;
    }
    return getBot(user.id);
  }

  async function patchBot(botUserId: string, patch: BotPatch): Promise<Bot> {
    const where = "patchBot";
    const bot = await getBot(botUserId, true);
    checkBotFields(patch, where);
    const username = patch.username === undefined ? bot.username : validateNewUser({ username: patch.username, email: botEmail("bot"), is_bot: true }).username;
    const next = { username, display_name: patch.display_name ?? bot.display_name, description: patch.description ?? bot.description };
    if (next.username === bot.username && next.display_name === bot.display_name && next.description === bot.description) return bot;
    const now = ctx.now();
    await withDbErrors(where, { unique: (cols) => (cols.includes("email") || cols.includes("username") ? "app.user.save.username_exists.app_error" : undefined) }, () =>
      ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable("users").set({ username: next.username, email: botEmail(next.username), first_name: next.display_name, bot_description: next.description, update_at: now })
          .where("id", "=", bot.user_id).execute();
        await trx.updateTable("bots").set({ description: next.description, update_at: now }).where("user_id", "=", bot.user_id).execute();
      }),
    );
    return getBot(bot.user_id);
  }

  async function updateBotActive(botUserId: string, active: boolean): Promise<Bot> {
    await users.getUser(String(botUserId)); // 404 app.user.missing_account.const, as Mattermost
    const bot = await getBot(botUserId, true);
    if (active === (bot.delete_at === 0)) return bot;
    const now = ctx.now();
    const deleteAt = active ? 0 : now;
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable("users").set({ delete_at: deleteAt, update_at: now }).where("id", "=", bot.user_id).execute();
      await trx.updateTable("bots").set({ delete_at: deleteAt, update_at: now }).where("user_id", "=", bot.user_id).execute();
      // A deactivated account is logged out everywhere (Mattermost revokes its sessions).
      if (!active) await trx.deleteFrom("sessions").where("user_id", "=", bot.user_id).execute();
    });
    return getBot(bot.user_id);
  }

  return {
    async createBot(input, ownerId) {
      if (!(await isSystemAdmin(ctx, ownerId))) {
        throw appError("api.context.permissions.app_error", { where: "createBot", detailedError: "create_bot permission required" });
      }
      return insertBot(input, ownerId, "createBot");
    },

    async createPluginBot(input, pluginId) {
      const ownerId = input.owner_id || pluginId;
      const owner = await ctx.db.selectFrom("users").select("is_bot").where("id", "=", ownerId).executeTakeFirst();
      if (owner && owner.is_bot !== 0) throw appError("plugin_api.bot_cant_create_bot", { where: "CreateBot" });
      if (!owner && ownerId !== pluginId) throw appError("plugin_api.bot.not_owner.app_error", { where: "CreateBot", params: { BotUserId: "(new)" }, detailedError: `owner_id=${ownerId} names another plugin` });
      return insertBot(input, ownerId, "CreateBot");
    },

    async assertPluginMayManage(botUserId, pluginId, where) {
      const bot = await getBot(botUserId, true);
      if (bot.owner_id === pluginId) return;
      const ownerIsUser = await ctx.db.selectFrom("users").select("id").where("id", "=", bot.owner_id).executeTakeFirst();
      if (!ownerIsUser) throw appError("plugin_api.bot.not_owner.app_error", { where, params: { BotUserId: bot.user_id }, detailedError: `owned by ${bot.owner_id}` });
    },

    getBot,

    async getBots(options) {
      const page = options.page ?? 0;
      const perPage = options.per_page ?? 0;
      if (!Number.isInteger(page) || page < 0) throw appError("api.context.invalid_param.app_error", { where: "getBots", params: { Name: "page" } });
      if (!Number.isInteger(perPage) || perPage < 0) throw appError("api.context.invalid_param.app_error", { where: "getBots", params: { Name: "per_page" } });
      if (perPage === 0) return [];
      let query = botQuery();
      if (options.owner_id) query = query.where("bots.owner_id", "=", options.owner_id);
      if (!options.include_deleted) query = query.where("bots.delete_at", "=", 0);
      if (options.only_orphaned) {
        query = query.where((eb) => eb.exists(eb.selectFrom("users as owners").select("owners.id").whereRef("owners.id", "=", "bots.owner_id").where("owners.delete_at", "!=", 0)));
      }
      const rows = await query.orderBy("users.username").limit(perPage).offset(page * perPage).execute();
      return rows.map(botFromRow);
    },

    patchBot,
    updateBotActive,

    async permanentDeleteBot(botUserId) {
      const bot = await getBot(botUserId, true);
      await withDbErrors("permanentDeleteBot", { foreignKey: "app.bot.permanent_delete.has_content.app_error" }, () =>
        ctx.db.transaction().execute(async (trx) => {
          await trx.deleteFrom("bots").where("user_id", "=", bot.user_id).execute();
          await trx.deleteFrom("users").where("id", "=", bot.user_id).execute();
        }),
      );
    },

    async ensureBot(pluginId, input) {
      const where = "EnsureBotUser";
      const username = typeof input.username === "string" ? input.username.trim().toLowerCase() : "";
      if (username === "") throw appError("plugin_api.ensure_bot.username_missing.app_error", { where });
      const sync = async (botUserId: string): Promise<string> => {
        await patchBot(botUserId, { username, display_name: input.display_name ?? "", description: input.description ?? "" });
        await updateBotActive(botUserId, true);
        await kv.set(pluginId, ENSURED_BOT_KEY, new TextEncoder().encode(botUserId));
        return botUserId;
      };
      // The bot this plugin ensured before, if it still exists.
      const remembered = await kv.get(pluginId, ENSURED_BOT_KEY);
      if (remembered) {
        const botUserId = new TextDecoder().decode(remembered);
        const bot = await getBot(botUserId, true).catch((err: unknown) => {
          if (isAppError(err) && err.statusCode === 404) return null;
          throw err;
        });
        if (bot && bot.owner_id === pluginId) return sync(bot.user_id);
      }
      // An account with that username: usable only if it is a bot this plugin owns.
      const existing = await ctx.db.selectFrom("users").leftJoin("bots", "bots.user_id", "users.id")
        .select(["users.id", "users.is_bot", "bots.owner_id"]).where("users.username", "=", username).executeTakeFirst();
      if (existing) {
        if (existing.is_bot === 0 || existing.owner_id === null) throw appError("plugin_api.ensure_bot.user_exists.app_error", { where, params: { Username: username } });
        if (existing.owner_id !== pluginId) throw appError("plugin_api.ensure_bot.not_owner.app_error", { where, params: { Username: username } });
        return sync(existing.id);
      }
      const created = await insertBot({ username, display_name: input.display_name ?? "", description: input.description ?? "" }, pluginId, where);
      await kv.set(pluginId, ENSURED_BOT_KEY, new TextEncoder().encode(created.user_id));
      return created.user_id;
    },
  };
}
