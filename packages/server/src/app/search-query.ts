/**
 * The search language of Mattermost's search box, read the way its ParseSearchParams reads it:
 * words, "quoted phrases", `-excluded` words, and the flags from:, in: / channel:, before:,
 * after:, on:, ext: (each may be negated with a leading `-`; a flag with an empty value takes the
 * next word). Plain words and hashtags become separate searches, as in Mattermost.
 *
 * Matching is done here too, in JavaScript, so SQLite and PostgreSQL behave the same: a word
 * matches a whole word of the message, case-insensitively; `word*` matches any word starting so;
 * a phrase matches its words in sequence. There is no stemming ("post" does not find "posts").
 */
import { appError } from "./app-error.js";
import { emptySearchParams, type SearchParams } from "./models/search.js";

const FLAGS = ["from", "channel", "in", "before", "after", "on", "ext"] as const;
const LEADING_PUNCTUATION = /^[^\p{L}\p{N}\s#"]+/u;
const TRAILING_PUNCTUATION = /[^\p{L}\p{N}\s*"]+$/u;
const HASHTAG = /^#\p{L}[\p{L}\p{N}\-_.]*[\p{L}\p{N}]$/u;
const DAY_MS = 86_400_000;

/** Splits on whitespace, keeping `"quoted phrases"` (and `-"negated phrases"`) whole. */
function splitWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /-?"[^"]*"|\S+/g;
  for (const match of text.matchAll(pattern)) words.push(match[0]);
  return words;
}

/** The searches a query typed by a user stands for (empty when it has neither terms nor filters). */
export function parseSearchQuery(text: string, timezoneOffset: number): SearchParams[] {
  const words = splitWords(text);
  const plain: string[] = [], excludedPlain: string[] = [], tags: string[] = [], excludedTags: string[] = [];
  const filters = emptySearchParams();
  filters.timezone_offset = timezoneOffset;
  let hasFilter = false;

  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const colon = word.indexOf(":");
    const exclude = word.startsWith("-");
    const flag = colon > 0 && !word.startsWith('"') ? FLAGS.find((f) => f === word.slice(exclude ? 1 : 0, colon).toLowerCase()) : undefined;
    if (flag) {
      let value = word.slice(colon + 1);
      if (value === "" && i + 1 < words.length) value = words[++i]!;
      if (value !== "") {
        addFilter(filters, flag, value, exclude);
        hasFilter = true;
        continue;
      }
    }
    const term = word.replace(LEADING_PUNCTUATION, "").replace(TRAILING_PUNCTUATION, "").replace(/^#+/, "#");
    if (term === "") continue;
    const isTag = HASHTAG.test(term);
    (isTag ? (exclude ? excludedTags : tags) : exclude ? excludedPlain : plain).push(term);
  }

  const searches: SearchParams[] = [];
  if (plain.length > 0 || excludedPlain.length > 0) searches.push({ ...filters, terms: plain.join(" "), excluded_terms: excludedPlain.join(" ") });
  if (tags.length > 0 || excludedTags.length > 0) searches.push({ ...filters, terms: tags.join(" "), excluded_terms: excludedTags.join(" "), ishashtag: true });
  if (searches.length === 0 && hasFilter) searches.push(filters);
  return searches;
}

function addFilter(params: SearchParams, flag: (typeof FLAGS)[number], value: string, exclude: boolean): void {
  switch (flag) {
    case "in":
    case "channel":
      (exclude ? params.excluded_channels : params.in_channels).push(value);
      return;
    case "from":
      (exclude ? params.excluded_users : params.from_users).push(value);
      return;
    case "ext":
      (exclude ? params.excluded_extensions : params.extensions).push(value);
      return;
    case "after":
      params[exclude ? "excluded_after_date" : "after_date"] = value;
      return;
    case "before":
      params[exclude ? "excluded_before_date" : "before_date"] = value;
      return;
    case "on":
      params[exclude ? "excluded_date" : "on_date"] = value;
      return;
  }
}

/** One term of a search, ready to match a message. */
export interface SearchTerm {
  /** The term as written (phrases keep their quotes). */
  readonly text: string;
  /** Lowercased literal text every match contains, for the database's LIKE prefilter. */
  readonly literal: string;
  readonly pattern: RegExp;
}

const WORD_CHAR = "[\\p{L}\\p{N}_]";

/** The words and phrases of a `terms` string. */
export function searchTerms(terms: string): SearchTerm[] {
  return splitWords(terms)
    .map((raw) => raw.replace(/^-/, ""))
    .filter((raw) => raw.replace(/["*]/g, "").trim() !== "")
    .map((raw) => {
      const phrase = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2;
      const body = phrase ? raw.slice(1, -1).trim() : raw;
      const wildcard = !phrase && body.endsWith("*");
      const core = body.replace(/\*+$/, "");
      const escaped = core.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("\\s+");
      const pattern = new RegExp(`(?<!${WORD_CHAR})${escaped}${wildcard ? `${WORD_CHAR}*` : `(?!${WORD_CHAR})`}`, "iu");
      // A phrase's words may be separated by any whitespace, so only its first word is a safe literal.
      return { text: raw, literal: (phrase ? core.split(/\s+/)[0]! : core).toLowerCase(), pattern };
    });
}

/** Epoch ms of the start of `date` (YYYY-MM-DD, zero padding optional) at `offsetSeconds` east of UTC. */
export function startOfDay(date: string, offsetSeconds: number, where: string): number {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (!match || Number.isNaN(utc) || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw appError("api.post.search_posts.invalid_date.app_error", { where, params: { Date: date } });
  }
  return utc - offsetSeconds * 1000;
}

/** The [first, last] ms of `date`'s day. */
export function dayBounds(date: string, offsetSeconds: number, where: string): [number, number] {
  const start = startOfDay(date, offsetSeconds, where);
  return [start, start + DAY_MS - 1];
}

export { DAY_MS };
