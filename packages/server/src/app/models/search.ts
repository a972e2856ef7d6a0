/** Post search as Mattermost's model.SearchParams / SearchParameter / PostSearchResults. */
import type { PostList } from "./post.js";

/** One search (what Mattermost's ParseSearchParams makes of a query); JSON names as Mattermost's. */
export interface SearchParams {
  /** Words (a trailing `*` matches any ending) and `"quoted phrases"`, space-separated. */
  terms: string;
  excluded_terms: string;
  /** The terms are hashtags (`#word`). */
  ishashtag: boolean;
  /** Channel names (or ids) to search in; empty means every channel in scope. */
  in_channels: string[];
  excluded_channels: string[];
  /** Usernames (or ids) of authors; empty means anyone. */
  from_users: string[];
  excluded_users: string[];
  /** Dates are YYYY-MM-DD in the searcher's time zone. */
  after_date: string;
  excluded_after_date: string;
  before_date: string;
  excluded_before_date: string;
  /** File extensions a hit must (not) have an attachment of. */
  extensions: string[];
  excluded_extensions: string[];
  on_date: string;
  excluded_date: string;
  /** Any term suffices (default: every term must match). */
  or_terms: boolean;
  include_deleted_channels: boolean;
  /** Seconds east of UTC. */
  timezone_offset: number;
  search_without_userid: boolean;
  modifier: string;
}

/** A search with nothing set: matches nothing until a term or a filter is added. */
export function emptySearchParams(): SearchParams {
  return {
    terms: "", excluded_terms: "", ishashtag: false, in_channels: [], excluded_channels: [], from_users: [], excluded_users: [],
    after_date: "", excluded_after_date: "", before_date: "", excluded_before_date: "", extensions: [], excluded_extensions: [],
    on_date: "", excluded_date: "", or_terms: false, include_deleted_channels: false, timezone_offset: 0, search_without_userid: false, modifier: "",
  };
}

/** Hits newest first, and per post id the text in its message that matched the terms. */
export interface PostSearchResults extends PostList {
  has_next: boolean;
  matches: Record<string, string[]>;
}
