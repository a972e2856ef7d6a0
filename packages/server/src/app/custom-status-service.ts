/**
 * Custom statuses (Mattermost's SetCustomStatus / RemoveCustomStatus): an emoji and a short text,
 * optionally expiring, kept as JSON in the user's props under "customStatus" exactly as Mattermost
 * stores it, so clients read it from the user. A set status is also remembered in the user's
 * recent custom statuses (the "custom_status" / "recent_custom_statuses" preference, at most 5).
 */
import { parseJsonObject, type AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { withDbErrors } from "./map-db-error.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import type { UsersService } from "./users-service.js";
import type { Db } from "../store/schema.js";

/** The props key Mattermost keeps the custom status under. */
export const CUSTOM_STATUS_PROP = "customStatus";
const TEXT_MAX_RUNES = 100;
const MAX_RECENT = 5;
const DURATIONS = ["thirty_minutes", "one_hour", "four_hours", "today", "this_week", "date_and_time"];
/** Go's zero time.Time, which is how Mattermost writes "no expiry". */
const ZERO_TIME = "0001-01-01T00:00:00Z";

/** Mattermost's model.CustomStatus; `expires_at` is RFC 3339 text ("" for none). */
export interface CustomStatus {
  emoji: string;
  text: string;
  duration: string;
  expires_at: string;
}

export interface CustomStatusService {
  setCustomStatus(userId: string, status: CustomStatus): Promise<void>;
  removeCustomStatus(userId: string): Promise<void>;
}

export function createCustomStatusService(ctx: AppContext, users: UsersService): CustomStatusService {
  /**
   * Rewrites the user's props with `change` (and, for a set status, its recent list) in one
   * transaction, the user row locked first (a no-op write): a concurrent props change is neither
   * lost nor overwritten from a stale read.
   */
  async function updateProps(userId: string, where: string, change: (props: Record<string, string>) => Record<string, string>, recent?: CustomStatus): Promise<void> {
    await users.getUser(userId); // the 400/404s
    await withDbErrors(where, {}, () =>
      ctx.db.transaction().execute(async (trx) => {
        const user = trx.updateTable("users").where("id", "=", userId);
        await user.set((eb) => ({ props: eb.ref("props") })).execute();
        const row = await trx.selectFrom("users").select("props").where("id", "=", userId).executeTakeFirstOrThrow();
        await user.set({ props: JSON.stringify(change(parseJsonObject<Record<string, string>>(row.props))), update_at: ctx.now() }).execute();
        if (recent) await remember(trx, userId, recent);
      }),
    );
    ctx.events.publish(newWebSocketEvent(WebSocketEvents.UserUpdated, { user: await users.getUser(userId) }));
  }

  async function remember(db: Db, userId: string, status: CustomStatus): Promise<void> {
    const key = { user_id: userId, category: "custom_status", name: "recent_custom_statuses" };
    const row = await db.selectFrom("preferences").select("value").where("user_id", "=", userId).where("category", "=", key.category).where("name", "=", key.name).executeTakeFirst();
    let recent: CustomStatus[] = [];
    try {
      const parsed: unknown = row ? JSON.parse(row.value) : [];
      if (Array.isArray(parsed)) recent = parsed as CustomStatus[];
    } catch {
      // A damaged list starts over.
    }
    // As Mattermost: a status with the same text replaces the older one, newest first.
    const value = JSON.stringify([status, ...recent.filter((s) => s?.text !== status.text)].slice(0, MAX_RECENT));
    await db.insertInto("preferences").values({ ...key, value }).onConflict((oc) => oc.columns(["user_id", "category", "name"]).doUpdateSet({ value })).execute();
  }

  return {
    async setCustomStatus(userId, input) {
      const where = "setCustomStatus";
      if (input.emoji === "" && input.text === "") throw appError("api.custom_status.set_custom_statuses.update.app_error", { where });
      const expiry = input.expires_at === "" || input.expires_at === ZERO_TIME ? 0 : Date.parse(input.expires_at);
      if (input.emoji.length > 64) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "custom_status.emoji" } });
      if (Number.isNaN(expiry)) throw appError("api.custom_status.set_custom_statuses.expiry.app_error", { where });
      const now = ctx.now();
      const future = expiry === 0 ? false : expiry >= now;
      // Mattermost's PreSave: an expiry without a duration is a chosen date; over-long text is cut.
      const duration = input.duration === "" && future ? "date_and_time" : input.duration;
      const valid = (duration === "" && (expiry === 0 || future)) || (DURATIONS.includes(duration) && future);
      if (!valid) throw appError("api.custom_status.set_custom_statuses.expiry.app_error", { where });
      const status: CustomStatus = {
        emoji: input.emoji,
        text: [...input.text].slice(0, TEXT_MAX_RUNES).join(""),
        duration,
        expires_at: expiry === 0 ? ZERO_TIME : new Date(expiry).toISOString(),
      };
      await updateProps(userId, where, (props) => ({ ...props, [CUSTOM_STATUS_PROP]: JSON.stringify(status) }), status);
    },

    async removeCustomStatus(userId) {
      // Mattermost's ClearCustomStatus leaves the key with an empty value.
      await updateProps(userId, "removeCustomStatus", (props) => ({ ...props, [CUSTOM_STATUS_PROP]: "" }));
    },
  };
}
