/**
 * Opens a PostgreSQL database through a node-postgres pool, with the driver settings the shared
 * query layer relies on.
 *
 * The one setting that matters: node-postgres returns `bigint` (int8) columns — and `count(*)` —
 * as strings, because an int8 may not fit a JS number. Every int8 Polyplug stores is an epoch-ms
 * timestamp or a counter, far below 2^53, so they are parsed to numbers here, per pool (the
 * driver's global type table is left alone), and a value that would lose precision is an error
 * rather than a silently wrong number. `bytea` already arrives as a Buffer (a Uint8Array), and
 * booleans never occur: the schema stores them as integers 0/1 on both databases.
 *
 * Transactions need no setting: Kysely's `PostgresDialect` runs each transaction on one pooled
 * connection at READ COMMITTED, PostgreSQL's default.
 */
import { PostgresDialect } from "kysely";
import pg from "pg";

/** Connections per pool when the caller does not say (node-postgres's own default). */
export const POSTGRES_DEFAULT_POOL_SIZE = 10;

/** The OID of PostgreSQL's `int8` (bigint) type. */
const INT8_OID = 20;

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`polyplug: bigint value ${text} is outside JavaScript's safe integer range`);
  }
  return value;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary" ? parseInt8 : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** Pool options a caller may tune. */
export interface PostgresOptions {
  /** Most connections the pool opens (default {@link POSTGRES_DEFAULT_POOL_SIZE}). */
  readonly poolSize?: number;
}

/**
 * Creates a pool for `url` (`postgres://user:password@host:port/database`; a unix socket directory
 * goes in the host, percent-encoded, or in `?host=`) and a Kysely dialect over it. Connecting is
 * lazy: the first query opens the first connection.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? POSTGRES_DEFAULT_POOL_SIZE,
    application_name: "polyplug",
    types,
  });
  // An idle connection that the server drops (restart, admin kill) is removed from the pool and the
  // next query opens a new one; without a listener, node-postgres would crash the process instead.
  pool.on("error", () => undefined);
  return { dialect: new PostgresDialect({ pool }), pool };
}

/** The URL without its password, for messages and logs. */
export function redactPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unparseable PostgreSQL URL)";
  }
}
