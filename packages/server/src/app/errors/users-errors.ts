import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's users: accounts, search, statuses, custom status, profile images (Mattermost's ids where it has one). */
export const USERS_ERRORS = {
} as const satisfies Record<string, CatalogueEntry>;
