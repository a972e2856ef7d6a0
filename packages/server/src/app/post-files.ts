/**
 * Attaching uploaded files to a post, as part of creating it.
 *
 * Files are uploaded first (POST /files) and named by the post's `file_ids`. A file may be
 * attached once, to a post in the channel it was uploaded to, and — on the REST path — only by the
 * user who uploaded it; anything else is refused before the post is stored, and the attachment is
 * written in the post's own transaction, so a post never points at a file it does not own.
 */
import type { Transaction } from "kysely";
import { appError } from "./app-error.js";
import type { Db, Schema } from "../store/schema.js";

/** Refuses `fileIds` that do not exist, belong elsewhere or are already attached (400). */
export async function checkAttachableFiles(db: Db, fileIds: readonly string[], channelId: string, uploaderId: string | undefined): Promise<void> {
  if (fileIds.length === 0) return;
  const rows = await db.selectFrom("file_infos").select(["id", "creator_id", "channel_id", "post_id", "delete_at"]).where("id", "in", [...fileIds]).execute();
  // A copied file (CopyFileInfos) has no channel yet and may go to any channel.
  const usable = rows.filter((r) => (r.channel_id === channelId || r.channel_id === "") && r.post_id === "" && r.delete_at === 0 && (uploaderId === undefined || r.creator_id === uploaderId));
  if (usable.length !== new Set(fileIds).size) {
    const bad = fileIds.filter((id) => !usable.some((r) => r.id === id));
    throw appError("api.post.create_post.file_ids.app_error", { where: "createPost", detailedError: `unusable file ids: ${bad.join(",")}` });
  }
}

/** Marks the files as belonging to the post, inside the post's insert transaction. */
export async function attachFiles(trx: Transaction<Schema>, postId: string, fileIds: readonly string[], now: number): Promise<void> {
  if (fileIds.length === 0) return;
  await trx.updateTable("file_infos")
    .set((eb) => ({ post_id: postId, update_at: now, channel_id: eb.selectFrom("posts").select("channel_id").where("id", "=", postId) }))
    .where("id", "in", [...fileIds]).where("post_id", "=", "").execute();
}
