import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's teams, team members, team icons, team stats (Mattermost's ids where it has one). */
export const TEAMS_ERRORS = {
} as const satisfies Record<string, CatalogueEntry>;
