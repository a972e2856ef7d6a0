/**
 * Mattermost's MoveThreadsToBackingChannel: root posts move, each with its whole thread (replies
 * and edit history, i.e. posts whose original_id names one of them), into another channel in
 * place — ids, timestamps and reactions stay; the reactions and file infos follow the posts.
 *
 * Only between non-message backing channels (Mattermost's NonMessageBackingChannelTypes: type
 * "S", which a plugin creates with CreateChannel as in Mattermost): those keep no unread counts, last-post times or thread lists, so an in-place move has no
 * chat bookkeeping to repair and sends no chat events. A reply id is rejected (moving a bare reply
 * would split its thread); an id matching no post moves nothing. Batches are capped.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import type { ChannelsService } from "./channels-service.js";
import { withDbErrors } from "./map-db-error.js";
import { isValidId } from "./new-id.js";

/** Mattermost's NonMessageBackingChannelTypes. */
export const NON_MESSAGE_BACKING_CHANNEL_TYPES: readonly string[] = ["S"];
/** Most root ids one call may move; callers drive larger sets a batch at a time. */
export const MAX_THREAD_MOVE_BATCH = 200;

export interface ThreadMovesService {
  moveThreadsToBackingChannel(rootIds: string[], channelId: string): Promise<void>;
}

export function createThreadMovesService(ctx: AppContext, channels: ChannelsService): ThreadMovesService {
  return {
    async moveThreadsToBackingChannel(rootIds, channelId) {
      const where = "moveThreadsToBackingChannel";
      if (!isValidId(channelId)) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "channel_id" } });
      if (!rootIds.every((id) => isValidId(id))) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "root_ids" } });
      if (rootIds.length > MAX_THREAD_MOVE_BATCH) throw appError("app.post.move_threads.too_many.app_error", { where, params: { Max: MAX_THREAD_MOVE_BATCH } });
      const target = await channels.getChannel(channelId);
      if (!NON_MESSAGE_BACKING_CHANNEL_TYPES.includes(target.type)) {
        throw appError("app.post.move_threads.not_backing_channel.app_error", { where, params: { ChannelId: target.id } });
      }
      const ids = [...new Set(rootIds)];
      if (ids.length === 0) return;

      await withDbErrors(where, {}, () =>
        ctx.db.transaction().execute(async (trx) => {
          const roots = await trx.selectFrom("posts").select(["id", "root_id", "channel_id"]).where("id", "in", ids).execute();
          const reply = roots.find((r) => r.root_id !== "");
          if (reply) throw appError("app.post.move_threads.not_root.app_error", { where, params: { PostId: reply.id } });
          const sources = [...new Set(roots.map((r) => r.channel_id))];
          if (sources.length === 0) return;
          const foreign = await trx.selectFrom("channels").select("id").where("id", "in", sources).where("type", "not in", [...NON_MESSAGE_BACKING_CHANNEL_TYPES]).executeTakeFirst();
          if (foreign) throw appError("app.post.move_threads.not_backing_channel.app_error", { where, params: { ChannelId: foreign.id } });

          const found = roots.map((r) => r.id);
          const thread = await trx.selectFrom("posts").select("id")
            .where((eb) => eb.or([eb("id", "in", found), eb("root_id", "in", found)]))
            .execute();
          const threadIds = thread.map((p) => p.id);
          const history = await trx.selectFrom("posts").select("id").where("original_id", "in", threadIds).execute();
          const moved = [...threadIds, ...history.map((p) => p.id)];
          await trx.updateTable("posts").set({ channel_id: target.id }).where("id", "in", moved).execute();
          await trx.updateTable("reactions").set({ channel_id: target.id }).where("post_id", "in", moved).execute();
          await trx.updateTable("file_infos").set({ channel_id: target.id }).where("post_id", "in", moved).execute();
        }),
      );
    },
  };
}
