/**
 * Channel guards (Mattermost's RegisterChannelGuard): a plugin's claim that a channel has
 * plugin-managed semantics. The claim itself is only a row; what it changes is how the plugin
 * host runs "Will" hooks on that channel (plugins/hook-chain.ts `runGuardedWillChain`): the
 * claimants answer after every other plugin, fail closed, and a claimant that is not running
 * stops the change with 503. Several plugins may co-guard one channel; each claims and releases
 * only its own row.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { withDbErrors } from "./map-db-error.js";
import { isValidId } from "./new-id.js";

export interface ChannelGuardsService {
  /** Idempotent per (channel, plugin). */
  register(channelId: string, pluginId: string): Promise<void>;
  /** Removes only this plugin's claim; no error when it has none. */
  unregister(channelId: string, pluginId: string): Promise<void>;
  /** Drops every claim of a plugin being removed: a guard that can never run again would 503 its channels forever. */
  unregisterAllForPlugin(pluginId: string): Promise<void>;
  /** The plugins guarding the channel, sorted by id (the order their hooks run in). */
  pluginsFor(channelId: string): Promise<string[]>;
}

export function createChannelGuardsService(ctx: AppContext): ChannelGuardsService {
  function validate(channelId: string, where: string, empty: "app.channel_guard.register.empty_channel.app_error" | "app.channel_guard.unregister.empty_channel.app_error"): void {
    if (channelId === "") throw appError(empty, { where });
    if (!isValidId(channelId)) throw appError("app.channel_guard.invalid_channel.app_error", { where, detailedError: `channel_id=${channelId}` });
  }

  return {
    async register(channelId, pluginId) {
      validate(channelId, "RegisterChannelGuard", "app.channel_guard.register.empty_channel.app_error");
      await withDbErrors("RegisterChannelGuard", {}, () =>
        ctx.db.insertInto("channel_guards").values({ channel_id: channelId, plugin_id: pluginId, create_at: ctx.now() })
          .onConflict((oc) => oc.columns(["channel_id", "plugin_id"]).doNothing()).execute(),
      );
    },

    async unregister(channelId, pluginId) {
      validate(channelId, "UnregisterChannelGuard", "app.channel_guard.unregister.empty_channel.app_error");
      await withDbErrors("UnregisterChannelGuard", {}, () =>
        ctx.db.deleteFrom("channel_guards").where("channel_id", "=", channelId).where("plugin_id", "=", pluginId).execute(),
      );
    },

    async unregisterAllForPlugin(pluginId) {
      await withDbErrors("RemovePlugin", {}, () => ctx.db.deleteFrom("channel_guards").where("plugin_id", "in", [pluginId, pluginId.toLowerCase()]).execute());
    },

    async pluginsFor(channelId) {
      if (channelId === "") return [];
      const rows = await ctx.db.selectFrom("channel_guards").select("plugin_id").where("channel_id", "=", channelId).orderBy("plugin_id").execute();
      return rows.map((r) => r.plugin_id);
    },
  };
}
