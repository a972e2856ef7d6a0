/**
 * Post search over the posts table, one code path for SQLite and PostgreSQL (no full-text index):
 * SQL narrows the candidates (scope, channels, authors, dates, attachments, and a LIKE on each
 * term's literal text), JavaScript then matches whole words and phrases and applies exclusions
 * (see search-query.ts). Limits, documented in docs/search.md: at most
 * {@link MAX_SEARCH_CANDIDATES} newest candidates per search are examined; no stemming; on SQLite
 * the LIKE prefilter folds case for ASCII letters only.
 *
 * Scopes follow Mattermost: a team search (no user) covers the team's channels; a user's search
 * covers the team's channels and the direct/group messages they are a member of. System messages
 * and deleted posts are never hits; archived channels only with include_deleted_channels.
 */
import { sql, type Expression, type SqlBool } from "kysely";
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import type { Post } from "./models/post.js";
import type { PostSearchResults, SearchParams } from "./models/search.js";
import { postFromRow } from "./post-queries.js";
import { DAY_MS, dayBounds, parseSearchQuery, searchTerms, startOfDay, type SearchTerm } from "./search-query.js";

/** Newest candidate rows examined per search (after the SQL filters, before word matching). */
export const MAX_SEARCH_CANDIDATES = 5000;
/** Mattermost's plugin API answers at most 100 posts from SearchPostsInTeam. */
export const TEAM_SEARCH_LIMIT = 100;
export const DEFAULT_SEARCH_PER_PAGE = 100;
export const MAX_SEARCH_PER_PAGE = 200;

/** Whose search: a whole team (trusted callers), or one user's view of it. */
export type SearchScope = { teamId: string; userId?: string };

export interface PostSearchService {
  /** Posts of the team matching any of the searches, newest first, at most {@link TEAM_SEARCH_LIMIT}. */
  searchInTeam(teamId: string, paramsList: SearchParams[]): Promise<Post[]>;
  /** A user's query (Mattermost's search-box syntax) over what they can read, paged. */
  searchForUser(teamId: string, userId: string, query: { terms: string; isOrSearch: boolean; timezoneOffset: number; page: number; perPage: number; includeDeletedChannels: boolean }): Promise<PostSearchResults>;
}

/** `lower(message) LIKE '%literal%'`, with LIKE's wildcards in the literal escaped. */
function containsLiteral(literal: string): Expression<SqlBool> {
  const escaped = literal.replace(/[\\%_]/g, "\\$&");
  return sql<SqlBool>`lower(${sql.ref("p.message")}) like ${`%${escaped}%`} escape '\\'`;
}

/** Names (or ids) as the values of a column, lowercased for names; a leading `@`/`~` is dropped. */
function names(values: string[]): string[] {
  return values.map((v) => v.trim().replace(/^[@~]/, "").toLowerCase()).filter((v) => v !== "");
}

export function createPostSearchService(ctx: AppContext): PostSearchService {
  /** Every hit of one search in the scope, newest first, with the text that matched. */
  async function runSearch(scope: SearchScope, params: SearchParams, where: string): Promise<Array<{ post: Post; matched: string[] }>> {
    const terms = searchTerms(params.terms);
    const excluded = searchTerms(params.excluded_terms);
    const tz = Number.isFinite(params.timezone_offset) ? params.timezone_offset : 0;
    const hasFilter = params.in_channels.length + params.excluded_channels.length + params.from_users.length + params.excluded_users.length
      + params.extensions.length + params.excluded_extensions.length > 0
      || [params.after_date, params.before_date, params.on_date, params.excluded_after_date, params.excluded_before_date, params.excluded_date].some((d) => d !== "");
    if (terms.length === 0 && !hasFilter) return [];

    let query = ctx.db.selectFrom("posts as p").innerJoin("channels as c", "c.id", "p.channel_id").selectAll("p")
      .where("p.delete_at", "=", 0)
      .where(sql<string>`substr(${sql.ref("p.type")}, 1, 7)`, "<>", "system_");
    if (!params.include_deleted_channels) query = query.where("c.delete_at", "=", 0);
    if (scope.userId === undefined) {
      query = query.where("c.team_id", "=", scope.teamId);
    } else {
      const userId = scope.userId;
      query = query
        .where((eb) => eb.or([eb("c.team_id", "=", scope.teamId), eb("c.team_id", "=", "")]))
        .where("c.id", "in", (eb) => eb.selectFrom("channel_members").select("channel_id").where("user_id", "=", userId));
    }
    const channels = names(params.in_channels), notChannels = names(params.excluded_channels);
    if (channels.length > 0) query = query.where((eb) => eb.or([eb("c.name", "in", channels), eb("c.id", "in", channels)]));
    if (notChannels.length > 0) query = query.where("c.name", "not in", notChannels).where("c.id", "not in", notChannels);
    const users = names(params.from_users), notUsers = names(params.excluded_users);
    const authors = (list: string[]) => ctx.db.selectFrom("users").select("id").where((eb) => eb.or([eb("username", "in", list), eb("id", "in", list)]));
    if (users.length > 0) query = query.where("p.user_id", "in", authors(users));
    if (notUsers.length > 0) query = query.where("p.user_id", "not in", authors(notUsers));
    const exts = names(params.extensions).map((e) => e.replace(/^\./, "")), notExts = names(params.excluded_extensions).map((e) => e.replace(/^\./, ""));
    const withFile = (list: string[]) => ctx.db.selectFrom("file_infos").select("post_id").where("delete_at", "=", 0).where("extension", "in", list);
    if (exts.length > 0) query = query.where("p.id", "in", withFile(exts));
    if (notExts.length > 0) query = query.where("p.id", "not in", withFile(notExts));

    // Dates as Mattermost reads them: after:D is from the day after D, before:D up to the day before.
    if (params.on_date) {
      const [first, last] = dayBounds(params.on_date, tz, where);
      query = query.where("p.create_at", ">=", first).where("p.create_at", "<=", last);
    }
    if (params.after_date) query = query.where("p.create_at", ">=", startOfDay(params.after_date, tz, where) + DAY_MS);
    if (params.before_date) query = query.where("p.create_at", "<", startOfDay(params.before_date, tz, where));
    if (params.excluded_date) {
      const [first, last] = dayBounds(params.excluded_date, tz, where);
      query = query.where((eb) => eb.or([eb("p.create_at", "<", first), eb("p.create_at", ">", last)]));
    }
    if (params.excluded_after_date) query = query.where("p.create_at", "<", startOfDay(params.excluded_after_date, tz, where) + DAY_MS);
    if (params.excluded_before_date) query = query.where("p.create_at", ">=", startOfDay(params.excluded_before_date, tz, where));

    const literals = terms.map((t) => t.literal).filter((l) => l !== "" && l !== "#");
    if (literals.length > 0) {
      query = query.where((eb) => {
        const each = literals.map(containsLiteral);
        return params.or_terms ? eb.or(each) : eb.and(each);
      });
    }
    const rows = await query.orderBy("p.create_at", "desc").orderBy("p.id", "desc").limit(MAX_SEARCH_CANDIDATES).execute();

    const hits: Array<{ post: Post; matched: string[] }> = [];
    for (const row of rows) {
      const matched = matchTerms(row.message, terms, params.or_terms);
      if (matched === undefined) continue;
      if (excluded.some((t) => t.pattern.test(row.message))) continue;
      hits.push({ post: postFromRow(row), matched });
    }
    return hits;
  }

  /** Every search of the list, merged by post id, newest first. */
  async function runAll(scope: SearchScope, paramsList: SearchParams[], where: string) {
    if (paramsList.some((p) => p.include_deleted_channels !== paramsList[0]!.include_deleted_channels)) {
      throw appError("model.search_params_list.is_valid.include_deleted_channels.app_error", { where });
    }
    const merged = new Map<string, { post: Post; matched: string[] }>();
    for (const params of paramsList) {
      for (const hit of await runSearch(scope, params, where)) {
        const seen = merged.get(hit.post.id);
        merged.set(hit.post.id, seen ? { post: seen.post, matched: [...new Set([...seen.matched, ...hit.matched])] } : hit);
      }
    }
    return [...merged.values()].sort((a, b) => b.post.create_at - a.post.create_at || (b.post.id < a.post.id ? -1 : b.post.id > a.post.id ? 1 : 0));
  }

  return {
    async searchInTeam(teamId, paramsList) {
      const hits = await runAll({ teamId }, paramsList, "searchPostsInTeam");
      return hits.slice(0, TEAM_SEARCH_LIMIT).map((h) => h.post);
    },

    async searchForUser(teamId, userId, query) {
      const where = "searchPostsInTeamForUser";
      if (!Number.isInteger(query.page) || query.page < 0) throw appError("api.context.invalid_param.app_error", { where, params: { Name: "page" } });
      if (!Number.isInteger(query.perPage) || query.perPage < 1 || query.perPage > MAX_SEARCH_PER_PAGE) {
        throw appError("api.context.invalid_param.app_error", { where, params: { Name: "per_page" } });
      }
      const paramsList = parseSearchQuery(query.terms, query.timezoneOffset).map((p) => ({ ...p, or_terms: query.isOrSearch, include_deleted_channels: query.includeDeletedChannels }));
      const hits = await runAll({ teamId, userId }, paramsList, where);
      const start = query.page * query.perPage;
      const page = hits.slice(start, start + query.perPage);
      const results: PostSearchResults = { order: [], posts: {}, next_post_id: "", prev_post_id: "", has_next: hits.length > start + query.perPage, matches: {} };
      for (const { post, matched } of page) {
        results.order.push(post.id);
        results.posts[post.id] = post;
        if (matched.length > 0) results.matches[post.id] = matched;
      }
      return results;
    },
  };
}

/** The message text that matched the terms, or undefined when the message is not a hit. */
function matchTerms(message: string, terms: SearchTerm[], any: boolean): string[] | undefined {
  if (terms.length === 0) return [];
  const matched: string[] = [];
  let hits = 0;
  for (const term of terms) {
    const found = term.pattern.exec(message);
    if (found) {
      hits++;
      matched.push(found[0]);
    } else if (!any) {
      return undefined;
    }
  }
  return hits > 0 ? matched : undefined;
}
