/**
 * The plugin key-value store, with Mattermost's semantics (plugin_store.go):
 * keys are 1-150 characters per plugin; values are bytes; an expired row is invisible and is
 * purged lazily; `get` returns null only when the key is absent — an empty value is an empty
 * array, never null (the seed's Python SDK conflated the two).
 *
 * Callers are the plugin host on behalf of a host-authenticated plugin id; this service trusts it.
 */
import type { ExpressionBuilder } from "kysely";
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { withDbErrors } from "./map-db-error.js";
import type { Db, Schema } from "../store/schema.js";

/** Mattermost's KeyValueKeyMaxRunes. */
export const KV_KEY_MAX_RUNES = 150;
/** Longest plugin id Mattermost stores with a KV row. */
export const KV_PLUGIN_ID_MAX_RUNES = 190;
/** Page size used when a caller passes perPage ≤ 0 (Mattermost's default). */
export const KV_LIST_DEFAULT_PER_PAGE = 10;

/** Mattermost's PluginKVSetOptions. */
export interface KvSetOptions {
  /** Compare-and-set: only write if the current value equals `oldValue` (null = must be absent). */
  atomic?: boolean;
  oldValue?: Uint8Array | null;
  /** Seconds until the key expires; 0 or absent = never (negative: already expired). */
  expireInSeconds?: number;
}

/** The plugin KV operations of Mattermost's plugin API, each scoped to one plugin id. */
export interface KvService {
  /** Stores a value (upsert), optionally with an expiry. */
  set(pluginId: string, key: string, value: Uint8Array, expireInSeconds?: number): Promise<void>;
  /** Mattermost's KVSetWithOptions; `value = null` deletes. Returns whether the write happened. */
  setWithOptions(pluginId: string, key: string, value: Uint8Array | null, options: KvSetOptions): Promise<boolean>;
  /** The stored bytes, or null when the key is absent or expired. */
  get(pluginId: string, key: string): Promise<Uint8Array | null>;
  delete(pluginId: string, key: string): Promise<void>;
  deleteAll(pluginId: string): Promise<void>;
  /** Live keys in key order from offset `page * perPage`, `perPage` of them (≤ 0 → 10). */
  list(pluginId: string, page: number, perPage: number): Promise<string[]>;
  /** Removes every expired row of every plugin; returns how many (run periodically). */
  deleteAllExpired(): Promise<number>;
}

/** Drivers may return Buffer (a Uint8Array subclass); hand callers a plain view of the same bytes. */
function toBytes(value: Uint8Array): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

/** Builds the service; expiry is judged with the context clock. */
export function createKvService(ctx: AppContext): KvService {
  function check(pluginId: string, key: string): void {
    const where = "pluginKv";
    const idLength = typeof pluginId === "string" ? [...pluginId].length : 0;
    if (idLength < 1 || idLength > KV_PLUGIN_ID_MAX_RUNES) {
      throw appError("model.plugin_key_value.is_valid.plugin_id.app_error", { where, params: { Max: KV_PLUGIN_ID_MAX_RUNES } });
    }
    const keyLength = typeof key === "string" ? [...key].length : 0;
    if (keyLength < 1 || keyLength > KV_KEY_MAX_RUNES) {
      throw appError("model.plugin_key_value.is_valid.key.app_error", { where, params: { Max: KV_KEY_MAX_RUNES } });
    }
  }

  // Mattermost (NewPluginKeyValueFromOptions): any non-zero expiry counts from now, so a negative
  // one writes a row that is already expired.
  const expireAt = (seconds: number | undefined) => (seconds !== undefined && seconds !== 0 ? ctx.now() + seconds * 1000 : 0);

  /** Rows of (plugin, key) that are still live at `now`. */
  const live = (db: Db, pluginId: string, now: number) =>
    db.selectFrom("plugin_kv").where("plugin_id", "=", pluginId).where((eb) => eb.or([eb("expire_at", "=", 0), eb("expire_at", ">", now)]));

  async function upsert(pluginId: string, key: string, value: Uint8Array, seconds: number | undefined): Promise<void> {
    const row = { plugin_id: pluginId, pkey: key, pvalue: value, expire_at: expireAt(seconds) };
    await withDbErrors("kvSet", {}, () =>
      ctx.db.insertInto("plugin_kv").values(row)
        .onConflict((oc) => oc.columns(["plugin_id", "pkey"]).doUpdateSet({ pvalue: value, expire_at: row.expire_at }))
        .execute(),
    );
  }

  async function deleteKey(pluginId: string, key: string): Promise<void> {
    await ctx.db.deleteFrom("plugin_kv").where("plugin_id", "=", pluginId).where("pkey", "=", key).execute();
  }

  /** Atomic writes: insert-if-absent, compare-and-delete, or compare-and-swap. */
  async function atomic(pluginId: string, key: string, value: Uint8Array | null, old: Uint8Array | null, seconds: number | undefined): Promise<boolean> {
    const now = ctx.now();
    if (old === null) {
      if (value === null) return false;
      await ctx.db.deleteFrom("plugin_kv").where("plugin_id", "=", pluginId).where("pkey", "=", key)
        .where("expire_at", "!=", 0).where("expire_at", "<=", now).execute();
      const result = await withDbErrors("kvSet", {}, () =>
        ctx.db.insertInto("plugin_kv").values({ plugin_id: pluginId, pkey: key, pvalue: value, expire_at: expireAt(seconds) })
          .onConflict((oc) => oc.columns(["plugin_id", "pkey"]).doNothing())
          .executeTakeFirst(),
      );
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    }
    const stillLive = (eb: ExpressionBuilder<Schema, "plugin_kv">) => eb.or([eb("expire_at", "=", 0), eb("expire_at", ">", now)]);
    if (value === null) {
      const result = await ctx.db.deleteFrom("plugin_kv").where("plugin_id", "=", pluginId).where("pkey", "=", key)
        .where("pvalue", "=", old).where(stillLive).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    }
    const result = await withDbErrors("kvSet", {}, () =>
      ctx.db.updateTable("plugin_kv").set({ pvalue: value, expire_at: expireAt(seconds) })
        .where("plugin_id", "=", pluginId).where("pkey", "=", key).where("pvalue", "=", old).where(stillLive)
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows) > 0;
  }

  return {
    async set(pluginId, key, value, expireInSeconds) {
      check(pluginId, key);
      await upsert(pluginId, key, value, expireInSeconds);
    },

    async setWithOptions(pluginId, key, value, options) {
      check(pluginId, key);
      if (options.atomic) return atomic(pluginId, key, value, options.oldValue ?? null, options.expireInSeconds);
      if (options.oldValue !== undefined && options.oldValue !== null) {
        throw appError("model.plugin_kvset_options.is_valid.old_value.app_error", { where: "kvSetWithOptions" });
      }
      if (value === null) await deleteKey(pluginId, key);
      else await upsert(pluginId, key, value, options.expireInSeconds);
      return true;
    },

    async get(pluginId, key) {
      check(pluginId, key);
      const row = await live(ctx.db, pluginId, ctx.now()).select("pvalue").where("pkey", "=", key).executeTakeFirst();
      return row ? toBytes(row.pvalue) : null;
    },

    async delete(pluginId, key) {
      check(pluginId, key);
      await deleteKey(pluginId, key);
    },

    async deleteAll(pluginId) {
      await ctx.db.deleteFrom("plugin_kv").where("plugin_id", "=", pluginId).execute();
    },

    async list(pluginId, page, perPage) {
      // As Mattermost's ListPluginKeys: the offset is page * perPage as given (so perPage ≤ 0
      // always reads the first page), the limit perPage or 10.
      const size = perPage > 0 ? perPage : KV_LIST_DEFAULT_PER_PAGE;
      const offset = Math.max(0, page * perPage);
      const rows = await live(ctx.db, pluginId, ctx.now()).select("pkey").orderBy("pkey").limit(size).offset(offset).execute();
      return rows.map((r) => r.pkey);
    },

    async deleteAllExpired() {
      const result = await ctx.db.deleteFrom("plugin_kv").where("expire_at", "!=", 0).where("expire_at", "<=", ctx.now()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
