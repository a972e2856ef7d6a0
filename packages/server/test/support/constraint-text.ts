/**
 * Patterns for the drivers' own constraint-violation text, which the app keeps in
 * `detailed_error`. SQLite and PostgreSQL word it differently; each pattern matches both, so a
 * suite asserts the same thing whichever database it runs on.
 */

/** A UNIQUE violation on `table.column` (a single-column `unique()`, named `<table>_<column>_key` by PostgreSQL). */
export function uniqueViolationText(table: string, column: string): RegExp {
  return new RegExp(`UNIQUE constraint failed: ${table}\\.${column}\\b|violates unique constraint "${table}_${column}_key"`);
}

/** Any FOREIGN KEY violation. */
export const FOREIGN_KEY_VIOLATION_TEXT = /FOREIGN KEY constraint failed|violates foreign key constraint/;
