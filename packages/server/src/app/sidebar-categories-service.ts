/**
 * A user's channel sidebar on a team (Mattermost's channel categories). Every user has, per
 * team, three default categories made on first use — Favorites, Channels and Direct Messages,
 * with ids "<type>_<user id>_<team id>" — and any custom ones they create (new ones go on top).
 *
 * A channel is in at most one category of a user's team sidebar. Only placements a user made are
 * stored; a channel placed nowhere shows in its default category (team channels in Channels,
 * direct and group messages in Direct Messages), which is where it returns when taken out of a
 * category. Categories keep their sort_order in steps of 10 as in Mattermost.
 */
import type { AppContext } from "./app-context.js";
import { parseJsonObject } from "./app-context.js";
import { appError } from "./app-error.js";
import { withDbErrors } from "./map-db-error.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { newId } from "./new-id.js";
import type { TeamsService } from "./teams-service.js";
import type { UsersService } from "./users-service.js";
import type { Db, SidebarCategoriesTable } from "../store/schema.js";

export type SidebarCategoryType = "favorites" | "channels" | "direct_messages" | "custom";
const SORTINGS: readonly string[] = ["", "manual", "recent", "alpha"];
const SORT_DISTANCE = 10;

/** Mattermost's SidebarCategoryWithChannels. */
export interface SidebarCategoryWithChannels {
  id: string;
  user_id: string;
  team_id: string;
  sort_order: number;
  sorting: string;
  type: string;
  display_name: string;
  muted: boolean;
  collapsed: boolean;
  channel_ids: string[];
}

export interface OrderedSidebarCategories {
  categories: SidebarCategoryWithChannels[];
  order: string[];
}

/** What a caller gives to create or update a category; the rest is the server's. */
export type SidebarCategoryInput = Partial<Omit<SidebarCategoryWithChannels, "user_id" | "team_id">>;

export interface SidebarCategoriesService {
  getCategories(userId: string, teamId: string): Promise<OrderedSidebarCategories>;
  createCategory(userId: string, teamId: string, input: SidebarCategoryInput): Promise<SidebarCategoryWithChannels>;
  updateCategories(userId: string, teamId: string, inputs: readonly SidebarCategoryInput[]): Promise<SidebarCategoryWithChannels[]>;
}

const DEFAULTS: ReadonlyArray<{ type: SidebarCategoryType; display_name: string; sorting: string }> = [
  { type: "favorites", display_name: "Favorites", sorting: "" },
  { type: "channels", display_name: "Channels", sorting: "" },
  { type: "direct_messages", display_name: "Direct Messages", sorting: "recent" },
];

export function createSidebarCategoriesService(ctx: AppContext, users: UsersService, teams: TeamsService): SidebarCategoriesService {
  async function ensureDefaults(userId: string, teamId: string): Promise<void> {
    await users.getUser(userId);
    await teams.getTeam(teamId);
    const exists = await ctx.db.selectFrom("sidebar_categories").select("id").where("user_id", "=", userId).where("team_id", "=", teamId).executeTakeFirst();
    if (exists) return;
    const rows: SidebarCategoriesTable[] = DEFAULTS.map((d, i) => ({
      id: `${d.type}_${userId}_${teamId}`, user_id: userId, team_id: teamId, sort_order: i * SORT_DISTANCE,
      sorting: d.sorting, type: d.type, display_name: d.display_name, muted: 0, collapsed: 0,
    }));
    // Two first reads at once both try to insert: the defaults are the same, so the loser's conflict is harmless.
    await withDbErrors("createInitialSidebarCategories", {}, () =>
      ctx.db.insertInto("sidebar_categories").values(rows).onConflict((oc) => oc.column("id").doNothing()).execute(),
    );
  }

  /** The user's channel ids on the team (its channels plus direct and group messages), with their kind. */
  async function userChannels(db: Db, userId: string, teamId: string): Promise<Array<{ id: string; type: string; display_name: string }>> {
    return db.selectFrom("channels").innerJoin("channel_members", "channel_members.channel_id", "channels.id")
      .select(["channels.id", "channels.type", "channels.display_name"])
      .where("channel_members.user_id", "=", userId).where("channels.delete_at", "=", 0)
      .where((eb) => eb.or([eb("channels.team_id", "=", teamId), eb("channels.team_id", "=", "")]))
      .orderBy("channels.display_name").orderBy("channels.id").execute();
  }

  async function load(db: Db, userId: string, teamId: string): Promise<SidebarCategoryWithChannels[]> {
    const categories = await db.selectFrom("sidebar_categories").selectAll().where("user_id", "=", userId).where("team_id", "=", teamId)
      .orderBy("sort_order").orderBy("id").execute();
    const placed = categories.length === 0 ? [] : await db.selectFrom("sidebar_channels").selectAll()
      .where("category_id", "in", categories.map((c) => c.id)).orderBy("sort_order").execute();
    const mine = await userChannels(db, userId, teamId);
    const visible = new Set(mine.map((c) => c.id));
    const placedIds = new Set(placed.map((p) => p.channel_id));
    return categories.map((c) => {
      const ids = placed.filter((p) => p.category_id === c.id && visible.has(p.channel_id)).map((p) => p.channel_id);
      if (c.type === "channels" || c.type === "direct_messages") {
        const direct = c.type === "direct_messages";
        for (const ch of mine) if (!placedIds.has(ch.id) && (ch.type === "D" || ch.type === "G") === direct) ids.push(ch.id);
      }
      return { ...c, muted: c.muted !== 0, collapsed: c.collapsed !== 0, channel_ids: ids };
    });
  }

  function checkSorting(sorting: string | undefined, where: string): void {
    if (sorting !== undefined && !SORTINGS.includes(sorting)) throw appError("model.channel_sidebar_category.is_valid.sorting.app_error", { where, params: { Sorting: sorting } });
  }

  function checkDisplayName(name: string | undefined, where: string): string {
    const trimmed = (name ?? "").trim();
    const length = [...trimmed].length;
    if (length < 1 || length > 64) throw appError("model.channel_sidebar_category.is_valid.display_name.app_error", { where });
    return trimmed;
  }

  /** Puts `channelIds` into `categoryId` in that order, taking them out of the user's other categories on the team. */
  async function place(db: Db, userId: string, teamId: string, categoryId: string, channelIds: readonly string[], where: string): Promise<void> {
    const mine = new Set((await userChannels(db, userId, teamId)).map((c) => c.id));
    const unique = [...new Set(channelIds)];
    for (const channelId of unique) {
      if (!mine.has(channelId)) throw appError("app.channel.sidebar_categories.invalid_channel.app_error", { where, params: { ChannelId: channelId } });
    }
    const teamCategories = (await db.selectFrom("sidebar_categories").select("id").where("user_id", "=", userId).where("team_id", "=", teamId).execute()).map((c) => c.id);
    await db.deleteFrom("sidebar_channels").where("category_id", "=", categoryId).execute();
    if (unique.length === 0) return;
    await db.deleteFrom("sidebar_channels").where("category_id", "in", teamCategories).where("channel_id", "in", unique).execute();
    await db.insertInto("sidebar_channels").values(unique.map((channelId, i) => ({ category_id: categoryId, channel_id: channelId, user_id: userId, sort_order: i * SORT_DISTANCE }))).execute();
  }

  /**
   * As in Mattermost, a muted category mutes its channels (mark_unread "mention"): muting or
   * unmuting a category applies to all its channels, and a channel that changes category takes
   * the muting of its new one.
   */
  async function applyMuting(db: Db, userId: string, before: readonly SidebarCategoryWithChannels[], after: readonly SidebarCategoryWithChannels[]): Promise<void> {
    const categoryOf = (list: readonly SidebarCategoryWithChannels[], channelId: string) => list.find((c) => c.channel_ids.includes(channelId));
    for (const category of after) {
      const old = before.find((c) => c.id === category.id);
      for (const channelId of category.channel_ids) {
        const previous = categoryOf(before, channelId);
        const changed = old !== undefined && old.muted !== category.muted;
        const moved = previous?.id !== category.id && (previous?.muted ?? false) !== category.muted;
        if (!changed && !moved) continue;
        const member = await db.selectFrom("channel_members").select("notify_props").where("channel_id", "=", channelId).where("user_id", "=", userId).executeTakeFirst();
        if (!member) continue;
        const props = { ...parseJsonObject(member.notify_props), mark_unread: category.muted ? "mention" : "all" };
        await db.updateTable("channel_members").set({ notify_props: JSON.stringify(props), last_update_at: ctx.now() })
          .where("channel_id", "=", channelId).where("user_id", "=", userId).execute();
      }
    }
  }

  return {
    async getCategories(userId, teamId) {
      await ensureDefaults(userId, teamId);
      const categories = await load(ctx.db, userId, teamId);
      return { categories, order: categories.map((c) => c.id) };
    },

    async createCategory(userId, teamId, input) {
      const where = "createSidebarCategory";
      const displayName = checkDisplayName(input.display_name, where);
      checkSorting(input.sorting, where);
      await ensureDefaults(userId, teamId);
      const id = newId();
      await withDbErrors(where, {}, () =>
        ctx.db.transaction().execute(async (trx) => {
          // A new category goes on top: everything else moves one step down.
          const existing = await trx.selectFrom("sidebar_categories").select("id").where("user_id", "=", userId).where("team_id", "=", teamId).orderBy("sort_order").orderBy("id").execute();
          for (const [i, c] of existing.entries()) {
            await trx.updateTable("sidebar_categories").set({ sort_order: (i + 1) * SORT_DISTANCE }).where("id", "=", c.id).execute();
          }
          await trx.insertInto("sidebar_categories").values({
            id, user_id: userId, team_id: teamId, sort_order: 0, sorting: input.sorting ?? "", type: "custom",
            display_name: displayName, muted: input.muted ? 1 : 0, collapsed: input.collapsed ? 1 : 0,
          }).execute();
          await place(trx, userId, teamId, id, input.channel_ids ?? [], where);
        }),
      );
      const created = (await load(ctx.db, userId, teamId)).find((c) => c.id === id)!;
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.SidebarCategoryCreated, { category_id: id }, { user_id: userId, team_id: teamId }));
      return created;
    },

    async updateCategories(userId, teamId, inputs) {
      const where = "updateSidebarCategories";
      await ensureDefaults(userId, teamId);
      for (const input of inputs) checkSorting(input.sorting, where);
      // The read the update is based on, the update and the muting it implies are one transaction,
      // so two updates at once cannot each write from a stale read.
      const after = await withDbErrors(where, {}, () =>
        ctx.db.transaction().execute(async (trx) => {
          // Take the sidebar's row locks first (a no-op write), so a concurrent update waits here.
          await trx.updateTable("sidebar_categories").set((eb) => ({ sort_order: eb.ref("sort_order") })).where("user_id", "=", userId).where("team_id", "=", teamId).execute();
          const current = await load(trx, userId, teamId);
          for (const input of inputs) {
            const old = current.find((c) => c.id === input.id);
            if (!old) throw appError("app.channel.sidebar_categories.app_error", { where, detailedError: `category ${input.id} of user ${userId} on team ${teamId}` });
            if (old.type === "custom" && input.display_name !== undefined) checkDisplayName(input.display_name, where);
          }
          for (const input of inputs) {
            const old = current.find((c) => c.id === input.id)!;
            await trx.updateTable("sidebar_categories").set({
              // Default categories keep their names, as in Mattermost.
              display_name: old.type === "custom" && input.display_name !== undefined ? input.display_name.trim() : old.display_name,
              sorting: input.sorting ?? old.sorting,
              muted: (input.muted ?? old.muted) ? 1 : 0,
              collapsed: (input.collapsed ?? old.collapsed) ? 1 : 0,
            }).where("id", "=", old.id).execute();
            if (input.channel_ids !== undefined) await place(trx, userId, teamId, old.id, input.channel_ids, where);
          }
          const updated = await load(trx, userId, teamId);
          await applyMuting(trx, userId, current, updated);
          return updated;
        }),
      );
      const ids = inputs.map((i) => i.id);
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.SidebarCategoryUpdated, { updatedCategories: JSON.stringify(after.filter((c) => ids.includes(c.id))) }, { user_id: userId, team_id: teamId }));
      return ids.map((id) => after.find((c) => c.id === id)!);
    },
  };
}
