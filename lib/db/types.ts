/**
 * The data layer's contract. One interface, two real databases: SQLite
 * (better-sqlite3, the embedded default) and PostgreSQL (scale mode).
 *
 * SQL is written once, in the subset both understand, with `?` placeholders
 * (translated to `$1…` for PostgreSQL). Conventions that keep it portable:
 * - ids are TEXT (random UUIDs), except append-only logs, which use `serial()`;
 * - times are BIGINT milliseconds since the epoch (`Date.now()`);
 * - booleans are INTEGER 0/1;
 * - JSON is TEXT, parsed by the caller through a zod schema;
 * - binary is `bytes()` (BLOB / BYTEA), returned as a Buffer.
 */
export type Dialect = 'sqlite' | 'postgres';

export type Param = string | number | bigint | boolean | null | Uint8Array;

export interface RunResult {
  /** Rows changed by an INSERT, UPDATE or DELETE. */
  changes: number;
}

export interface Queryable {
  readonly dialect: Dialect;
  /** All rows. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T = Record<string, unknown>>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** A statement without result rows (or whose rows are ignored). */
  run(sql: string, params?: readonly Param[]): Promise<RunResult>;
  /**
   * Inside `tx`: runs `fn` once the transaction has committed (never when it
   * rolls back). Absent outside a transaction, where every statement commits
   * on its own. Used to wake listeners only for what is really stored.
   */
  afterCommit?(fn: () => void): void;
}

export interface Db extends Queryable {
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when
   * it throws. Inside, use only the `q` it is given (the outer Db would wait
   * for the transaction to end, and so never return). Keep slow work that is
   * not SQL (hashing, network) outside.
   */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** Where it points, for logs (no credentials). */
  readonly description: string;
}
