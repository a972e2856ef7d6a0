/**
 * A fresh, migrated database per test suite on the database chosen by `POLYPLUG_TEST_DB`:
 * `sqlite` (the default: a file in a temp directory) or `postgres` (a new database in the test
 * process's throwaway cluster). Suites written against this helper run the same assertions on
 * both; `scripts/test.sh` runs every such suite a second time with `POLYPLUG_TEST_DB=postgres`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, databaseFileIn, type Database, type DatabaseOptions } from "../../src/store/create-database.js";
import { createPostgresTestDatabase } from "./postgres-test-cluster.js";

export type TestDialectName = "sqlite" | "postgres";

function chosenDialect(): TestDialectName {
  const value = process.env.POLYPLUG_TEST_DB ?? "sqlite";
  if (value !== "sqlite" && value !== "postgres") {
    throw new Error(`POLYPLUG_TEST_DB must be "sqlite" or "postgres", not ${JSON.stringify(value)}`);
  }
  return value;
}

/** The database every suite in this process runs on. */
export const TEST_DIALECT: TestDialectName = chosenDialect();

/** Small pools: suites are sequential and share two cores with everything else. */
const TEST_POOL_SIZE = 4;

export interface TestDatabase {
  readonly dialect: TestDialectName;
  /** A temp directory of the suite's own (SQLite keeps its file here). */
  readonly dir: string;
  /** What opens this same database again (the file or the URL). */
  readonly options: DatabaseOptions;
  /** The suite's connection, migrated. */
  readonly database: Database;
  /** Opens another, independent connection (a new SQLite handle or pg pool) to the same database. */
  connect(): Promise<Database>;
  /** Closes every connection opened here and deletes the database and the directory. */
  close(): Promise<void>;
}

/** Creates the suite's database on {@link TEST_DIALECT}. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), "polyplug-server-test-"));
  let options: DatabaseOptions;
  let drop = async (): Promise<void> => undefined;
  if (TEST_DIALECT === "postgres") {
    const created = await createPostgresTestDatabase();
    options = { url: created.url, poolSize: TEST_POOL_SIZE };
    drop = created.drop;
  } else {
    options = { file: databaseFileIn(dir) };
  }
  const opened: Database[] = [];
  const connect = async (): Promise<Database> => {
    const database = await createDatabase(options);
    opened.push(database);
    return database;
  };
  const database = await connect();
  return {
    dialect: TEST_DIALECT,
    dir,
    options,
    database,
    connect,
    async close() {
      for (const each of opened) await each.close();
      await drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
