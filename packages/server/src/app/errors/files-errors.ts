import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's files, upload sessions, emoji (Mattermost's ids where it has one). */
export const FILES_ERRORS = {
} as const satisfies Record<string, CatalogueEntry>;
