import type { PluginAPIHandlers } from "@polyplug/host";
import type { App } from "../app/app.js";

/** The KV methods of the Plugin API, by their handler names. */
type KvHandlers = Required<Pick<PluginAPIHandlers,
  "kVSet" | "kVGet" | "kVDelete" | "kVSetWithExpiry" | "kVCompareAndSet" | "kVCompareAndDelete" | "kVSetWithOptions" | "kVDeleteAll" | "kVList">>;

/**
 * Mattermost's KV store methods (plugin/api.go, "KV Store Section") over `app.kv`, each scoped to
 * the plugin the host authenticated. Values are `optional bytes` on the wire: unset is Go's nil and
 * means what nil means there ("must not exist" as an old value, "delete" as a new one), while an
 * empty value is a value. The semantics themselves (expiry, atomic writes, paging) live in
 * `app/kv-service.ts`, shared with every other caller.
 */
export function createKvHandlers(app: App, pluginId: string): KvHandlers {
  const kv = app.kv;
  return {
    // KVSet(key, nil) deletes in Mattermost (it is SetPluginKeyWithOptions with a nil value).
    kVSet: async ({ key, value }) => {
      if (value === undefined) await kv.setWithOptions(pluginId, key, null, {});
      else await kv.set(pluginId, key, value);
      return {};
    },
    kVGet: async ({ key }) => {
      const value = await kv.get(pluginId, key);
      return value === null ? {} : { value };
    },
    kVDelete: async ({ key }) => {
      await kv.delete(pluginId, key);
      return {};
    },
    // Mattermost's SetPluginKeyWithExpiry is SetPluginKeyWithOptions with only an expiry.
    kVSetWithExpiry: async ({ key, value, expireInSeconds }) => {
      await kv.setWithOptions(pluginId, key, value ?? null, { expireInSeconds: Number(expireInSeconds) });
      return {};
    },
    // …and CompareAndSetPluginKey is SetPluginKeyWithOptions with Atomic and OldValue.
    kVCompareAndSet: async ({ key, oldValue, newValue }) => ({
      success: await kv.setWithOptions(pluginId, key, newValue ?? null, { atomic: true, oldValue: oldValue ?? null }),
    }),
    kVCompareAndDelete: async ({ key, oldValue }) => ({
      success: await kv.setWithOptions(pluginId, key, null, { atomic: true, oldValue: oldValue ?? null }),
    }),
    kVSetWithOptions: async ({ key, value, options }) => ({
      success: await kv.setWithOptions(pluginId, key, value ?? null, {
        atomic: options?.atomic ?? false,
        // Unset stays undefined, so "non-atomic with an old value" is told apart from "no old value".
        ...(options?.oldValue !== undefined ? { oldValue: options.oldValue } : {}),
        expireInSeconds: Number(options?.expireInSeconds ?? 0),
      }),
    }),
    kVDeleteAll: async () => {
      await kv.deleteAll(pluginId);
      return {};
    },
    kVList: async ({ page, perPage }) => ({ keys: await kv.list(pluginId, page, perPage) }),
  };
}
