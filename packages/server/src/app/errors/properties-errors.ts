import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's property fields, values and groups (Mattermost's ids where it has one). */
export const PROPERTIES_ERRORS = {
} as const satisfies Record<string, CatalogueEntry>;
