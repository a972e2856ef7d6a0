/**
 * Opens the store and brings its schema up to date before anything else touches it.
 *
 * Running migrations here (rather than as a separate command) means a fresh data directory just
 * works and an upgraded server never serves requests against an old schema. The factory is async
 * because Kysely's `Migrator` is.
 */
import { join } from "node:path";
import { Kysely, Migrator } from "kysely";
import { createMigrationProvider } from "./migration-provider.js";
import type { Db, Schema } from "./schema.js";
import { sqliteSqlDialect, type SqlDialect } from "./sql-dialect.js";
import { openSqlite } from "./sqlite/open-sqlite.js";

/** The database file's name inside the server's data directory. */
export const DATABASE_FILE_NAME = "polyplug.db";

/** The conventional database path for a data directory: `<dataDir>/polyplug.db`. */
export function databaseFileIn(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

/** Where the store lives. */
export interface DatabaseOptions {
  /** Path of the SQLite file (created with its directory if missing), or ":memory:". */
  readonly file: string;
}

/** An open, migrated store. */
export interface Database {
  readonly db: Db;
  readonly dialect: SqlDialect;
  /** Closes the connection; pending queries finish first. */
  close(): Promise<void>;
}

/** Opens the SQLite store at `file` and runs every pending migration. */
export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  const { dialect } = openSqlite(options.file);
  const db = new Kysely<Schema>({ dialect });
  const migrator = new Migrator({ db, provider: createMigrationProvider(sqliteSqlDialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    await db.destroy();
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(
      `polyplug: database migration "${failed}" failed on ${options.file}; ` +
        `the file may belong to a newer Polyplug or be damaged — restore a backup or use a new data directory`,
      { cause: error },
    );
  }
  let closed = false;
  return {
    db,
    dialect: sqliteSqlDialect,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
