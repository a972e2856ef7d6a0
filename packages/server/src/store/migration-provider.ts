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
import type { SqlDialect } from "./sql-dialect.js";

/** A provider for `new Migrator({ db, provider })` that yields every migration for a dialect. */
export function createMigrationProvider(dialect: SqlDialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        "0001_initial": initialMigration(dialect),
        "0002_messaging": messagingMigration(dialect),
      };
    },
  };
}
