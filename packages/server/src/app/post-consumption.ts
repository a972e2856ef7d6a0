/**
 * MessagesWillBeConsumed at the read boundaries: posts about to reach a reader (REST's GET post,
 * thread and channel posts; the Plugin API's GetPost / GetPost* / GetPostThread) pass through the
 * plugins first, as Mattermost's applyPostsWillBeConsumedHook does. Plugins answer replacements
 * matched by id, so they can rewrite what a reader sees but not add or drop posts. Reads inside the
 * app (an edit reading the old post, a reaction checking its post) never run it.
 */
import type { AppHooks } from "./app-hooks.js";
import type { Post, PostList } from "./models/post.js";

/** The posts as the plugins would have them read; unchanged when no host answers the hook. */
export async function consumePosts(hooks: AppHooks, posts: Post[]): Promise<Post[]> {
  if (posts.length === 0 || typeof hooks.messagesWillBeConsumed !== "function") return posts;
  try {
    const replacements = await hooks.messagesWillBeConsumed(posts);
    if (replacements === posts) return posts; // no plugin had a say: skip the copies
    const byId = new Map(replacements.map((p) => [p.id, p]));
    return posts.map((p) => ({ ...p, ...(byId.get(p.id) ?? {}), id: p.id }));
  } catch {
    // Fail open: a broken plugin must not stop reading.
    return posts;
  }
}

/** One post, as {@link consumePosts}. */
export async function consumePost(hooks: AppHooks, post: Post): Promise<Post> {
  const [consumed] = await consumePosts(hooks, [post]);
  return consumed ?? post;
}

/** A PostList whose posts went through {@link consumePosts}; order and cursors are kept. */
export async function consumePostList(hooks: AppHooks, list: PostList): Promise<PostList> {
  const consumed = await consumePosts(hooks, Object.values(list.posts));
  return { ...list, posts: Object.fromEntries(consumed.map((p) => [p.id, p])) };
}
