import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's posts, threads, ephemeral posts, search, reactions (Mattermost's ids where it has one). */
export const POSTS_ERRORS = {
} as const satisfies Record<string, CatalogueEntry>;
