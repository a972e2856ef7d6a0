/**
 * The cursor forms of Mattermost's GET /channels/{id}/posts: `before` / `after` a post (pages
 * counted from that post, newest first), and `since` a time (every post created, edited or
 * deleted since then — how clients catch up after a reconnect, so deleted posts are included).
 */
import { appError } from "./app-error.js";
import type { PostList } from "./models/post.js";
import { postFromRow } from "./post-queries.js";
import type { Db, PostsTable } from "../store/schema.js";

function toList(rows: PostsTable[]): PostList {
  const list: PostList = { order: [], posts: {}, next_post_id: "", prev_post_id: "" };
  for (const row of rows) {
    const post = postFromRow(row);
    list.order.push(post.id);
    list.posts[post.id] = post;
  }
  return list;
}

/** Live posts strictly before (older than) or after (newer than) `cursorId`, newest first. */
export async function findPostsAround(db: Db, channelId: string, cursorId: string, direction: "before" | "after", page: number, perPage: number): Promise<PostList> {
  const cursor = await db.selectFrom("posts").select(["id", "create_at", "channel_id"]).where("id", "=", cursorId).executeTakeFirst();
  if (!cursor || cursor.channel_id !== channelId) {
    throw appError("api.context.invalid_url_param.app_error", { where: "getPostsForChannel", params: { Name: direction }, detailedError: `post ${cursorId} is not in channel ${channelId}` });
  }
  const op = direction === "before" ? "<" : ">";
  const rows = await db.selectFrom("posts").selectAll()
    .where("channel_id", "=", channelId).where("delete_at", "=", 0)
    .where((eb) => eb.or([eb("create_at", op, cursor.create_at), eb.and([eb("create_at", "=", cursor.create_at), eb("id", op, cursor.id)])]))
    // "after" pages walk forward from the cursor, then are shown newest first like every PostList.
    .orderBy("create_at", direction === "before" ? "desc" : "asc").orderBy("id", direction === "before" ? "desc" : "asc")
    .limit(perPage).offset(page * perPage)
    .execute();
  if (direction === "after") rows.reverse();
  return toList(rows);
}

/** Every post of the channel created or changed at or after `since` (ms), deleted ones included. */
export async function findPostsSince(db: Db, channelId: string, since: number): Promise<PostList> {
  const rows = await db.selectFrom("posts").selectAll()
    .where("channel_id", "=", channelId)
    .where((eb) => eb.or([eb("create_at", ">=", since), eb("update_at", ">=", since), eb("delete_at", ">=", since)]))
    .orderBy("create_at", "desc").orderBy("id", "desc")
    .limit(1000)
    .execute();
  return toList(rows);
}

