import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's preferences, sessions, access tokens, permissions (Mattermost's ids where it has one). */
export const USER_ACCESS_ERRORS = {
} as const satisfies Record<string, CatalogueEntry>;
