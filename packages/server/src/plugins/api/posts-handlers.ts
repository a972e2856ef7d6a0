import type { PluginAPIHandlers } from "@polyplug/host";
import {
  PostListSchema,
  PostSchema,
  PostSearchResultsSchema,
  ReactionSchema,
  SearchParamsSchema,
  fromProto,
  toProto,
  type Post as PostMessage,
  type Reaction as ReactionMessage,
} from "@polyplug/protocol";
import { notSupported } from "../../app/app-error.js";
import type { Post, PostList } from "../../app/models/post.js";
import type { SearchParams } from "../../app/models/search.js";
import { DEFAULT_SEARCH_PER_PAGE } from "../../app/post-search-service.js";
import type { PluginAPIBackendDeps } from "../plugin-api-deps.js";
import { requireId } from "./request-params.js";

const RETENTION_REASON = "data retention policies are an Enterprise feature this server does not run";

/** 400 unless `value` is a well-formed id (a malformed id is a caller bug, not a missing record). */

function postOf(message: PostMessage | undefined): Post {
  return fromProto(PostSchema, message ?? {}) as unknown as Post;
}

function reactionOf(message: ReactionMessage | undefined, where: string): { user_id: string; post_id: string; emoji_name: string } {
  const reaction = fromProto(ReactionSchema, message ?? {}) as { user_id: string; post_id: string; emoji_name: string };
  requireId(reaction.user_id, "reaction.user_id", where);
  requireId(reaction.post_id, "reaction.post_id", where);
  return reaction;
}

/**
 * The Plugin API's posts, threads, ephemeral posts, search, reactions, acting as plugin `pluginId`.
 * Trusted like Mattermost's: no session or membership checks beyond what its plugin_api.go does;
 * changes go through the same services as REST, so they fire the same hooks and WebSocket events.
 */
export function createPostsHandlers(deps: PluginAPIBackendDeps, pluginId: string): PluginAPIHandlers {
  const { app } = deps;
  /** Post lists reach the plugin as they would a client: after MessagesWillBeConsumed. */
  const postList = async (list: PostList) => ({ postList: toProto(PostListSchema, await app.posts.consumePostList(list)) });
  const existingChannel = async (channelId: string, where: string) => {
    requireId(channelId, "channel_id", where);
    await app.channels.getChannel(channelId);
  };

  return {
    addReaction: async ({ reaction }) => ({ reaction: toProto(ReactionSchema, await app.reactions.saveReaction(reactionOf(reaction, "AddReaction"))) }),
    removeReaction: async ({ reaction }) => {
      await app.reactions.deleteReaction(reactionOf(reaction, "RemoveReaction"));
      return {};
    },
    getReactions: async ({ postId }) => {
      requireId(postId, "post_id", "GetReactions");
      return { reactions: (await app.reactions.getReactions(postId)).map((r) => toProto(ReactionSchema, r)) };
    },

    sendEphemeralPost: async ({ userId, post }) => ({ post: toProto(PostSchema, app.ephemeralPosts.send(userId, postOf(post))) }),
    updateEphemeralPost: async ({ userId, post }) => ({ post: toProto(PostSchema, app.ephemeralPosts.update(userId, postOf(post))) }),
    deleteEphemeralPost: async ({ userId, postId }) => {
      app.ephemeralPosts.remove(userId, postId);
      return {};
    },

    // Mattermost records the plugin as the deleter (post_deleted's delete_by).
    deletePost: async ({ postId }) => {
      requireId(postId, "post_id", "DeletePost");
      await app.postChanges.deletePost(postId, { deletedBy: pluginId });
      return {};
    },
    updatePost: async ({ post }) => {
      const next = postOf(post);
      requireId(next.id, "post.id", "UpdatePost");
      const updated = await app.postChanges.editPost(next.id, { message: next.message, props: next.props ?? {}, is_pinned: next.is_pinned, file_ids: next.file_ids ?? [] });
      return { post: toProto(PostSchema, updated) };
    },

    getPostThread: async ({ postId }) => {
      requireId(postId, "post_id", "GetPostThread");
      return postList(await app.postChanges.getThread(postId));
    },
    getPostsSince: async ({ channelId, time }) => {
      await existingChannel(channelId, "GetPostsSince");
      return postList(await app.posts.getPostsSince(channelId, Number(time)));
    },
    getPostsAfter: async ({ channelId, postId, page, perPage }) => {
      await existingChannel(channelId, "GetPostsAfter");
      requireId(postId, "post_id", "GetPostsAfter");
      return postList(await app.posts.getPostsAround(channelId, postId, "after", { page, perPage, unbounded: true }));
    },
    getPostsBefore: async ({ channelId, postId, page, perPage }) => {
      await existingChannel(channelId, "GetPostsBefore");
      requireId(postId, "post_id", "GetPostsBefore");
      return postList(await app.posts.getPostsAround(channelId, postId, "before", { page, perPage, unbounded: true }));
    },
    getPostsForChannel: async ({ channelId, page, perPage }) => {
      await existingChannel(channelId, "GetPostsForChannel");
      return postList(await app.posts.getPostsForChannel(channelId, { page, perPage, unbounded: true }));
    },

    searchPostsInTeam: async ({ teamId, paramsList }) => {
      requireId(teamId, "team_id", "SearchPostsInTeam");
      await app.teams.getTeam(teamId);
      const searches = paramsList.map((p) => fromProto(SearchParamsSchema, p) as unknown as SearchParams);
      return { posts: (await app.postSearch.searchInTeam(teamId, searches)).map((p) => toProto(PostSchema, p)) };
    },
    searchPostsInTeamForUser: async ({ teamId, userId, searchParams }) => {
      requireId(teamId, "team_id", "SearchPostsInTeamForUser");
      requireId(userId, "user_id", "SearchPostsInTeamForUser");
      await app.teams.getTeam(teamId);
      await app.users.getUser(userId);
      const results = await app.postSearch.searchForUser(teamId, userId, {
        terms: searchParams?.terms ?? "",
        isOrSearch: searchParams?.isOrSearch ?? false,
        timezoneOffset: searchParams?.timeZoneOffset ?? 0,
        page: searchParams?.page ?? 0,
        perPage: searchParams?.perPage ?? DEFAULT_SEARCH_PER_PAGE,
        includeDeletedChannels: searchParams?.includeDeletedChannels ?? false,
      });
      const matches = Object.fromEntries(Object.entries(results.matches).map(([id, terms]) => [id, { terms }]));
      return { results: toProto(PostSearchResultsSchema, { ...results, matches }) };
    },

    moveThreadsToBackingChannel: async ({ rootIds, channelId }) => {
      await app.threadMoves.moveThreadsToBackingChannel(rootIds, channelId);
      return {};
    },

    addChannelsToRetentionPolicy: async () => {
      throw notSupported("AddChannelsToRetentionPolicy", RETENTION_REASON);
    },
    removeChannelsFromRetentionPolicy: async () => {
      throw notSupported("RemoveChannelsFromRetentionPolicy", RETENTION_REASON);
    },
  };
}
