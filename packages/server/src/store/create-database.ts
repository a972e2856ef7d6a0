/**
 * Opens the store — embedded SQLite or a PostgreSQL server — and brings its schema up to date
 * before anything else touches it.
 *
 * Running migrations here (rather than as a separate command) means a fresh data directory or an
 * empty PostgreSQL database just works and an upgraded server never serves requests against an old
 * schema. The factory is async because Kysely's `Migrator` is. Everything after this point (the
 * migrations, every service) is the same code on both databases; see `sql-dialect.ts` for what
 * differs and where.
 */
import { join } from "node:path";
import { Kysely, Migrator, sql, type Dialect } from "kysely";
import { createMigrationProvider } from "./migration-provider.js";
import { openPostgres, redactPostgresUrl } from "./postgres/open-postgres.js";
import type { Db, Schema } from "./schema.js";
import { postgresSqlDialect, sqliteSqlDialect, type SqlDialect } from "./sql-dialect.js";
import { openSqlite } from "./sqlite/open-sqlite.js";

/** The database file's name inside the server's data directory. */
export const DATABASE_FILE_NAME = "polyplug.db";

/** The conventional database path for a data directory: `<dataDir>/polyplug.db`. */
export function databaseFileIn(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

/** Where the store lives: a SQLite file (the embedded default) or a PostgreSQL database. */
export type DatabaseOptions =
  | {
      /** Path of the SQLite file (created with its directory if missing), or ":memory:". */
      readonly file: string;
    }
  | {
      /** `postgres://user:password@host:port/database`; the database must exist (it may be empty). */
      readonly url: string;
      /** Most pooled connections (default 10). */
      readonly poolSize?: number;
    };

/** An open, migrated store. */
export interface Database {
  readonly db: Db;
  readonly dialect: SqlDialect;
  /** Closes the connection(s); pending queries finish first. */
  close(): Promise<void>;
}

/** Whether `value` looks like a PostgreSQL connection URL (what `--database-url` accepts). */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** Opens the store described by `options` and runs every pending migration. */
export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  const { dialect, sqlDialect, where } = openDialect(options);
  const db = new Kysely<Schema>({ dialect });
  if (sqlDialect.name === "postgres") {
    try {
      await sql`select 1`.execute(db);
    } catch (error) {
      await db.destroy();
      throw new Error(
        `polyplug: cannot connect to PostgreSQL at ${where}: ${error instanceof Error ? error.message : String(error)}; ` +
          `check the database URL, that the server is running and that the database exists`,
        { cause: error },
      );
    }
  }
  const migrator = new Migrator({ db, provider: createMigrationProvider(sqlDialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    await db.destroy();
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(
      `polyplug: database migration "${failed}" failed on ${where}; ` +
        `the database may belong to a newer Polyplug or be damaged — restore a backup or use a new ` +
        (sqlDialect.name === "sqlite" ? "data directory" : "database"),
      { cause: error },
    );
  }
  let closed = false;
  return {
    db,
    dialect: sqlDialect,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

function openDialect(options: DatabaseOptions): { dialect: Dialect; sqlDialect: SqlDialect; where: string } {
  if ("url" in options) {
    if (!isPostgresUrl(options.url)) {
      throw new Error(`polyplug: unsupported database URL ${JSON.stringify(redactPostgresUrl(options.url))}; expected postgres://user:password@host:port/database`);
    }
    const opened = openPostgres(options.url, options.poolSize !== undefined ? { poolSize: options.poolSize } : {});
    return { dialect: opened.dialect, sqlDialect: postgresSqlDialect, where: redactPostgresUrl(options.url) };
  }
  return { dialect: openSqlite(options.file).dialect, sqlDialect: sqliteSqlDialect, where: options.file };
}
