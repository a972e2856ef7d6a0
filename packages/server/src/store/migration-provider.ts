/**
 * The ordered list of schema migrations, provided to Kysely's `Migrator` from code.
 *
 * Migrations live in code rather than in a folder read at run time so that they bundle with the
 * server and can be parameterised by the {@link SqlDialect}. Names sort lexically, so keep the
 * four-digit prefix; never rename or edit a migration that has shipped — add a new one.
 */
import type { Migration, MigrationProvider } from "kysely";
import { initialMigration } from "./migrations/0001-initial.js";
import { messagingMigration } from "./migrations/0002-messaging.js";
import { usersMigration } from "./migrations/0003-users.js";
import { userAccessMigration } from "./migrations/0004-user-access.js";
import { teamsMigration } from "./migrations/0005-teams.js";
import { channelsMigration } from "./migrations/0006-channels.js";
import { postsMigration } from "./migrations/0007-posts.js";
import { filesMigration } from "./migrations/0008-files.js";
import { botsCommandsMigration } from "./migrations/0009-bots-commands.js";
import { groupsMigration } from "./migrations/0010-groups.js";
import { propertiesMigration } from "./migrations/0011-properties.js";
import { systemMigration } from "./migrations/0012-system.js";
import type { SqlDialect } from "./sql-dialect.js";

/** A provider for `new Migrator({ db, provider })` that yields every migration for a dialect. */
export function createMigrationProvider(dialect: SqlDialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        "0001_initial": initialMigration(dialect),
        "0002_messaging": messagingMigration(dialect),
        "0003_users": usersMigration(dialect),
        "0004_user_access": userAccessMigration(dialect),
        "0005_teams": teamsMigration(dialect),
        "0006_channels": channelsMigration(dialect),
        "0007_posts": postsMigration(dialect),
        "0008_files": filesMigration(dialect),
        "0009_bots_commands": botsCommandsMigration(dialect),
        "0010_groups": groupsMigration(dialect),
        "0011_properties": propertiesMigration(dialect),
        "0012_system": systemMigration(dialect),
      };
    },
  };
}
