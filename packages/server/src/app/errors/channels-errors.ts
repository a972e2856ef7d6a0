import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's channels, channel members, direct/group channels, sidebar categories (Mattermost's ids where it has one). */
export const CHANNELS_ERRORS = {
} as const satisfies Record<string, CatalogueEntry>;
