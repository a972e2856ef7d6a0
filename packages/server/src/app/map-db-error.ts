/**
 * The store boundary for errors: turns driver exceptions into AppErrors, keeping the cause.
 *
 * A constraint violation is the client's problem (a duplicate name, a dangling id), so it must
 * reach the client as 409/400 with the driver's text in `detailed_error` — never as an opaque 500.
 * Services say which specific id a violation means for them (a UNIQUE on `users.email` is
 * "email exists"); anything unmapped falls back to a generic store id of the right status.
 */
import { appError, isAppError, type AppError, type AppErrorId } from "./app-error.js";
import { classifyDbError, type DbConstraintViolation } from "../store/sql-dialect.js";

/** Per-call translation of constraint violations to specific ids. */
export interface DbErrorIds {
  /** Picks the id for a UNIQUE violation from the columns the driver reports. */
  readonly unique?: (columns: readonly string[]) => AppErrorId | undefined;
  readonly foreignKey?: AppErrorId;
}

const GENERIC: Record<DbConstraintViolation["kind"], AppErrorId> = {
  unique: "store.sql.unique_violation.app_error",
  foreign_key: "store.sql.foreign_key_violation.app_error",
  not_null: "store.sql.constraint_violation.app_error",
  check: "store.sql.constraint_violation.app_error",
};

/** Maps any error thrown by a query to an AppError; AppErrors pass through unchanged. */
export function mapDbError(err: unknown, where: string, ids: DbErrorIds = {}): AppError {
  if (isAppError(err)) return err;
  const violation = classifyDbError(err);
  if (violation === null) {
    return appError("store.sql.query.app_error", { where, detailedError: describe(err), cause: err });
  }
  let id: AppErrorId | undefined;
  if (violation.kind === "unique") id = ids.unique?.(violation.columns);
  if (violation.kind === "foreign_key") id = ids.foreignKey;
  return appError(id ?? GENERIC[violation.kind], { where, detailedError: violation.detail, cause: err });
}

/** Runs a store operation and maps whatever it throws (the usual way services call writes). */
export async function withDbErrors<T>(where: string, ids: DbErrorIds, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw mapDbError(err, where, ids);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
