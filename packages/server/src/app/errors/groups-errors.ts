import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's groups, group members, group syncables (Mattermost's ids where it has one). */
export const GROUPS_ERRORS = {
} as const satisfies Record<string, CatalogueEntry>;
