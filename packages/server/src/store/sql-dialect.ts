/**
 * Everything that differs between the SQL databases Polyplug runs on, in one place.
 *
 * The query layer is Kysely and is written once; only three things vary by database:
 *  - the column type for opaque bytes (`blob` in SQLite, `bytea` in PostgreSQL);
 *  - how a driver reports a constraint violation (SQLite extended result codes vs PostgreSQL
 *    SQLSTATE classes), which {@link classifyDbError} turns into one neutral shape;
 *  - upserts: both SQLite (≥ 3.24) and PostgreSQL accept `INSERT … ON CONFLICT (…) DO UPDATE`,
 *    which Kysely's `onConflict()` emits, so there is deliberately no branch for it. A MySQL
 *    dialect would add its `ON DUPLICATE KEY` variant here.
 * Adding PostgreSQL later means a `store/postgres/open-postgres.ts` beside `store/sqlite/` and
 * choosing {@link postgresSqlDialect}; the migrations and services stay as they are.
 */

/** The kinds of constraint violation the app maps to client errors. */
export type DbConstraintKind = "unique" | "foreign_key" | "not_null" | "check";

/** A driver error recognised as a constraint violation, without driver-specific types. */
export interface DbConstraintViolation {
  readonly kind: DbConstraintKind;
  /** Columns involved when the driver names them (SQLite UNIQUE, PostgreSQL detail); may be empty. */
  readonly columns: readonly string[];
  /** The driver's own message, kept for `detailed_error`. */
  readonly detail: string;
}

/** A database flavour as the migrations and error mapping need to know it. */
export interface SqlDialect {
  readonly name: "sqlite" | "postgres";
  /** Column type for opaque byte values (plugin KV values). */
  readonly binaryType: "blob" | "bytea";
  /** Recognises this driver's constraint errors; null for anything else. */
  classifyError(err: unknown): DbConstraintViolation | null;
}

interface DriverError {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
}

function asDriverError(err: unknown): DriverError | null {
  return typeof err === "object" && err !== null ? (err as DriverError) : null;
}

const SQLITE_KINDS: Record<string, DbConstraintKind> = {
  SQLITE_CONSTRAINT_UNIQUE: "unique",
  SQLITE_CONSTRAINT_PRIMARYKEY: "unique",
  SQLITE_CONSTRAINT_FOREIGNKEY: "foreign_key",
  SQLITE_CONSTRAINT_NOTNULL: "not_null",
  SQLITE_CONSTRAINT_CHECK: "check",
};

/** better-sqlite3 (SQLite extended result codes; messages like "UNIQUE constraint failed: users.email"). */
export const sqliteSqlDialect: SqlDialect = {
  name: "sqlite",
  binaryType: "blob",
  classifyError(err) {
    const e = asDriverError(err);
    const kind = typeof e?.code === "string" ? SQLITE_KINDS[e.code] : undefined;
    if (!e || !kind) return null;
    const detail = String(e.message ?? "");
    const listed = /constraint failed: (.+)$/.exec(detail)?.[1] ?? "";
    const columns = listed
      .split(",")
      .map((c) => c.trim().split(".").pop() ?? "")
      .filter((c) => c.length > 0);
    return { kind, columns: kind === "foreign_key" ? [] : columns, detail };
  },
};

const POSTGRES_KINDS: Record<string, DbConstraintKind> = {
  "23505": "unique",
  "23503": "foreign_key",
  "23502": "not_null",
  "23514": "check",
};

/** node-postgres (SQLSTATE class 23; detail like "Key (username)=(bob) already exists."). */
export const postgresSqlDialect: SqlDialect = {
  name: "postgres",
  binaryType: "bytea",
  classifyError(err) {
    const e = asDriverError(err);
    const kind = typeof e?.code === "string" ? POSTGRES_KINDS[e.code] : undefined;
    if (!e || !kind) return null;
    const detail = `${String(e.message ?? "")} ${String(e.detail ?? "")}`.trim();
    const listed = /Key \(([^)]+)\)=/.exec(detail)?.[1] ?? "";
    const columns = listed
      .split(",")
      .map((c) => c.trim())
      .filter((c) => c.length > 0);
    return { kind, columns, detail };
  },
};

/**
 * Classifies an error from any supported driver. The codes do not overlap, so the app does not
 * need to know which database it runs on to map constraint errors.
 */
export function classifyDbError(err: unknown): DbConstraintViolation | null {
  return sqliteSqlDialect.classifyError(err) ?? postgresSqlDialect.classifyError(err);
}
