/**
 * Row mapping and the paged read for posts, kept apart from the create flow.
 *
 * Posts are ordered by (create_at, id) so that two posts in the same millisecond still have one
 * stable order; the PostList cursors (`next_post_id`, `prev_post_id`) are computed with the same
 * order, the way Mattermost's AddCursorIdsForPostList does for page-based requests.
 */
import { parseJsonObject } from "./app-context.js";
import type { Post, PostList } from "./models/post.js";
import type { Db, PostsTable } from "../store/schema.js";

/** Parses a stored post (JSON text columns, integer booleans) into the public shape. */
export function postFromRow(row: PostsTable): Post {
  const fileIds: unknown = JSON.parse(row.file_ids || "[]");
  return {
    ...row,
    is_pinned: row.is_pinned !== 0,
    props: parseJsonObject(row.props),
    metadata: parseJsonObject(row.metadata),
    file_ids: Array.isArray(fileIds) ? fileIds.filter((f): f is string => typeof f === "string") : [],
  };
}

/** The inverse of {@link postFromRow}, for inserts. */
export function postToRow(post: Post): PostsTable {
  return {
    id: post.id, create_at: post.create_at, update_at: post.update_at, edit_at: post.edit_at,
    delete_at: post.delete_at, is_pinned: post.is_pinned ? 1 : 0, user_id: post.user_id,
    channel_id: post.channel_id, root_id: post.root_id, original_id: post.original_id,
    message: post.message, type: post.type, props: JSON.stringify(post.props ?? {}),
    hashtags: post.hashtags, file_ids: JSON.stringify(post.file_ids ?? []),
    pending_post_id: post.pending_post_id, reply_count: post.reply_count,
    last_reply_at: post.last_reply_at, metadata: JSON.stringify(post.metadata ?? {}), remote_id: post.remote_id,
  };
}

/** The id of the nearest live post after (`newer`) or before the given one in the channel. */
async function neighbour(db: Db, channelId: string, edge: Post, newer: boolean): Promise<string> {
  const op = newer ? ">" : "<";
  const dir = newer ? "asc" : "desc";
  const row = await db
    .selectFrom("posts")
    .select("id")
    .where("channel_id", "=", channelId)
    .where("delete_at", "=", 0)
    .where((eb) =>
      eb.or([
        eb("create_at", op, edge.create_at),
        eb.and([eb("create_at", "=", edge.create_at), eb("id", op, edge.id)]),
      ]),
    )
    .orderBy("create_at", dir)
    .orderBy("id", dir)
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? "";
}

/** Page `page` (0-based) of `perPage` live posts, newest first, as a Mattermost PostList. */
export async function findPostsPage(db: Db, channelId: string, page: number, perPage: number): Promise<PostList> {
  const rows = await db
    .selectFrom("posts")
    .selectAll()
    .where("channel_id", "=", channelId)
    .where("delete_at", "=", 0)
    .orderBy("create_at", "desc")
    .orderBy("id", "desc")
    .limit(perPage)
    .offset(page * perPage)
    .execute();
  const list: PostList = { order: [], posts: {}, next_post_id: "", prev_post_id: "" };
  for (const row of rows) {
    const post = postFromRow(row);
    list.order.push(post.id);
    list.posts[post.id] = post;
  }
  const newest = rows[0];
  const oldest = rows[rows.length - 1];
  if (newest && oldest) {
    list.next_post_id = await neighbour(db, channelId, postFromRow(newest), true);
    list.prev_post_id = await neighbour(db, channelId, postFromRow(oldest), false);
  }
  return list;
}
