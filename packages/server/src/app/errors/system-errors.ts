import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's configuration, plugin management, server info, mail/push, audit, cluster events (Mattermost's ids where it has one). */
export const SYSTEM_ERRORS = {
} as const satisfies Record<string, CatalogueEntry>;
