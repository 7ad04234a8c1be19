import type { Param, Queryable } from './types';

/** The transaction's queryable plus `afterCommit`, which collects into `done`. */
export function withAfterCommit(q: Queryable, done: (() => void)[]): Queryable {
  return {
    dialect: q.dialect,
    all: <T>(sql: string, params?: readonly Param[]) => q.all<T>(sql, params),
    get: <T>(sql: string, params?: readonly Param[]) => q.get<T>(sql, params),
    run: (sql: string, params?: readonly Param[]) => q.run(sql, params),
    afterCommit: (fn) => void done.push(fn),
  };
}

/** Runs the callbacks of a committed transaction; one that throws does not stop the others. */
export function runAfterCommit(done: (() => void)[]): void {
  for (const fn of done) {
    try {
      fn();
    } catch (err) {
      console.error('[db] an after-commit callback failed', err);
    }
  }
}
