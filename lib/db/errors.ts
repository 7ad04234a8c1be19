/**
 * Recognising database errors the same way on SQLite and PostgreSQL, so a
 * command can turn a lost race into a clear refusal (409) or a replay.
 */

/**
 * True when a database error is a UNIQUE (or primary-key) violation:
 * PostgreSQL `23505`, better-sqlite3 `SQLITE_CONSTRAINT_UNIQUE` /
 * `SQLITE_CONSTRAINT_PRIMARYKEY` (both say "UNIQUE constraint failed").
 */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/i.test(e.message ?? '')
  );
}
