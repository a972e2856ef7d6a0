import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's bots, slash commands, OAuth apps (Mattermost's ids where it has one). */
export const BOTS_COMMANDS_ERRORS = {
} as const satisfies Record<string, CatalogueEntry>;
