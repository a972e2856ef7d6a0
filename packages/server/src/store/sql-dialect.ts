/**
 * Everything that differs between the SQL databases Polyplug runs on, in one place.
 *
 * The query layer is Kysely and is written once. The differences, and where each is handled:
 *  - opaque bytes: `blob` in SQLite, `bytea` in PostgreSQL — {@link SqlDialect.binaryType}, used by
 *    the migrations; both drivers hand back a Buffer (a Uint8Array) and accept any Uint8Array;
 *  - constraint violations: SQLite extended result codes vs PostgreSQL SQLSTATEs (23505 unique,
 *    23503 foreign key, …) — {@link classifyDbError} turns both into one neutral shape. PostgreSQL
 *    also enforces `varchar(n)` lengths and refuses NUL characters in text, which SQLite does not:
 *    those errors are classified as `check` violations (a client error, not a 500);
 *  - booleans: none in the schema — flags are integers 0/1 on both (SQLite has no boolean type and
 *    better-sqlite3 refuses to bind JS booleans), so there is nothing to convert;
 *  - `bigint` columns: node-postgres returns int8 as strings; `postgres/open-postgres.ts` installs
 *    a per-pool parser that returns numbers (every int8 here is an epoch-ms timestamp or a counter);
 *  - `LIKE`: SQLite ignores ASCII case, PostgreSQL does not — use {@link likeIgnoringCase} (and
 *    {@link escapeLike} for user text) rather than a bare `like`;
 *  - text order: SQLite compares bytes; PostgreSQL uses the database's collation. Create the
 *    database with `LC_COLLATE 'C'` (the test cluster does) for identical `order by` results;
 *  - upserts: both SQLite (≥ 3.24) and PostgreSQL accept `INSERT … ON CONFLICT (…) DO UPDATE`,
 *    which Kysely's `onConflict()` emits, so there is deliberately no branch for it; `RETURNING`
 *    likewise works on both (SQLite ≥ 3.35). A MySQL dialect would add its variants here;
 *  - transactions: Kysely's `transaction()` on both. SQLite serialises all writers; PostgreSQL runs
 *    transactions concurrently at READ COMMITTED, so a read-then-write decision must be made by the
 *    write itself (a conditional `UPDATE … WHERE`, `ON CONFLICT`, a unique constraint), as the KV
 *    compare-and-set does.
 * Drivers are opened by `sqlite/open-sqlite.ts` and `postgres/open-postgres.ts`; `create-database.ts`
 * picks one from the options. Raw SQL (Kysely's `sql` tag) must stick to what both databases accept.
 */
import { sql, type RawBuilder, type SqlBool } from "kysely";

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
  // Constraints SQLite does not enforce: "value too long for type character varying(n)" and
  // "invalid byte sequence for encoding UTF8: 0x00" (a NUL character in text).
  "22001": "check",
  "22021": "check",
};

/** node-postgres (SQLSTATE class 23 and two of 22; detail like "Key (username)=(bob) already exists."). */
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

/**
 * Escapes `%`, `_` and the escape character itself so that user text matches literally inside a
 * {@link likeIgnoringCase} pattern: `likeIgnoringCase("username", escapeLike(term) + "%")`.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column LIKE pattern`, ignoring case on both databases (SQLite's LIKE ignores ASCII case,
 * PostgreSQL's does not; `ILIKE` exists only in PostgreSQL). Both sides are lowercased with
 * `lower()`, which folds ASCII letters alike everywhere; a backslash escapes `%` and `_`.
 */
export function likeIgnoringCase(column: string, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
}
