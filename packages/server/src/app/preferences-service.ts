/**
 * Client preferences (Mattermost's /users/{id}/preferences): free-form values the web and mobile
 * apps keep per user under (category, name).
 *
 * A batch is validated as a whole before anything is written, and written in one transaction, so
 * a bad item leaves every preference as it was. Changes reach the user's other clients as
 * `preferences_changed` / `preferences_deleted` (the list as a JSON string, as Mattermost sends it)
 * and plugins through PreferencesHaveChanged.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { notifyHook } from "./app-hooks.js";
import { withDbErrors } from "./map-db-error.js";
import { PREFERENCE_CATEGORY_MAX, PREFERENCE_NAME_MAX, PREFERENCE_VALUE_MAX, PREFERENCES_PER_REQUEST_MAX, type Preference } from "./models/preference.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";

/** One user's preferences; callers check who may touch them. */
export interface PreferencesService {
  getPreferences(userId: string, category?: string): Promise<Preference[]>;
  /** 404 `app.preference.get.app_error` if unset. */
  getPreference(userId: string, category: string, name: string): Promise<Preference>;
  /** Upserts the batch; every item's user_id must be `userId`. */
  savePreferences(userId: string, preferences: Preference[]): Promise<void>;
  deletePreferences(userId: string, preferences: Preference[]): Promise<void>;
}

function validate(userId: string, preferences: Preference[], checkValue: boolean): void {
  const where = "validatePreferences";
  if (preferences.length > PREFERENCES_PER_REQUEST_MAX) {
    throw appError("api.preference.update_preferences.too_many.app_error", { where, params: { Max: PREFERENCES_PER_REQUEST_MAX } });
  }
  for (const p of preferences) {
    if (p.user_id !== userId) throw appError("model.preference.is_valid.id.app_error", { where, detailedError: `user_id=${String(p.user_id)}` });
    if (typeof p.category !== "string" || p.category.length < 1 || p.category.length > PREFERENCE_CATEGORY_MAX) {
      throw appError("model.preference.is_valid.category.app_error", { where, params: { Max: PREFERENCE_CATEGORY_MAX } });
    }
    if (typeof p.name !== "string" || p.name.length < 1 || p.name.length > PREFERENCE_NAME_MAX) {
      throw appError("model.preference.is_valid.name.app_error", { where, params: { Max: PREFERENCE_NAME_MAX } });
    }
    if (checkValue && (typeof p.value !== "string" || [...p.value].length > PREFERENCE_VALUE_MAX)) {
      throw appError("model.preference.is_valid.value.app_error", { where, params: { Max: PREFERENCE_VALUE_MAX } });
    }
  }
}

/** Builds the service over the store. */
export function createPreferencesService(ctx: AppContext): PreferencesService {
  return {
    async getPreferences(userId, category) {
      let query = ctx.db.selectFrom("preferences").selectAll().where("user_id", "=", userId);
      if (category !== undefined) query = query.where("category", "=", category);
      return query.orderBy("category").orderBy("name").execute();
    },

    async getPreference(userId, category, name) {
      const row = await ctx.db.selectFrom("preferences").selectAll()
        .where("user_id", "=", userId).where("category", "=", category).where("name", "=", name).executeTakeFirst();
      if (!row) throw appError("app.preference.get.app_error", { where: "getPreference", detailedError: `${category}/${name}` });
      return row;
    },

    async savePreferences(userId, preferences) {
      validate(userId, preferences, true);
      const rows = preferences.map((p) => ({ user_id: userId, category: p.category, name: p.name, value: p.value }));
      await withDbErrors("savePreferences", {}, () =>
        ctx.db.transaction().execute(async (trx) => {
          for (const row of rows) {
            await trx.insertInto("preferences").values(row)
              .onConflict((oc) => oc.columns(["user_id", "category", "name"]).doUpdateSet({ value: row.value }))
              .execute();
          }
        }),
      );
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.PreferencesChanged, { preferences: JSON.stringify(rows) }, { user_id: userId }));
      notifyHook(ctx.hooks(), "preferencesHaveChanged", rows);
    },

    async deletePreferences(userId, preferences) {
      validate(userId, preferences, false);
      await withDbErrors("deletePreferences", {}, () =>
        ctx.db.transaction().execute(async (trx) => {
          for (const p of preferences) {
            await trx.deleteFrom("preferences").where("user_id", "=", userId).where("category", "=", p.category).where("name", "=", p.name).execute();
          }
        }),
      );
      const rows = preferences.map((p) => ({ user_id: userId, category: p.category, name: p.name, value: p.value ?? "" }));
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.PreferencesDeleted, { preferences: JSON.stringify(rows) }, { user_id: userId }));
    },
  };
}
