import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runAfterCommit, withAfterCommit } from './after-commit';
import type { Db, Param, Queryable, RunResult } from './types';

type Raw = Database.Database;

function bind(params: readonly Param[] = []): unknown[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

/** Prepared statements kept per connection (compiling SQL costs about as much as a small insert). */
const STATEMENT_CACHE_SIZE = 256;

/** Synchronous statements on the SQLite connection (see `SqliteDb.txSync`). */
export interface SyncQueryable {
  all<T = Record<string, unknown>>(sql: string, params?: readonly Param[]): T[];
  get<T = Record<string, unknown>>(sql: string, params?: readonly Param[]): T | undefined;
  run(sql: string, params?: readonly Param[]): RunResult;
}

function queryable(raw: Raw): Queryable & { sync: SyncQueryable } {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = raw.prepare(sql);
      // Bounded (SQL built at run time, e.g. IN lists, must not grow it forever): drop the oldest.
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const sync: SyncQueryable = {
    all: <T>(sql: string, params?: readonly Param[]) => prepare(sql).all(...bind(params)) as T[],
    get: <T>(sql: string, params?: readonly Param[]) => prepare(sql).get(...bind(params)) as T | undefined,
    run: (sql: string, params?: readonly Param[]) => ({ changes: prepare(sql).run(...bind(params)).changes }),
  };
  return {
    dialect: 'sqlite',
    sync,
    async all<T>(sql: string, params?: readonly Param[]) {
      return prepare(sql).all(...bind(params)) as T[];
    },
    async get<T>(sql: string, params?: readonly Param[]) {
      return prepare(sql).get(...bind(params)) as T | undefined;
    },
    async run(sql: string, params?: readonly Param[]): Promise<RunResult> {
      const r = prepare(sql).run(...bind(params));
      return { changes: r.changes };
    },
  };
}

/**
 * SQLite through better-sqlite3: one connection, WAL, a busy timeout so the
 * web and realtime processes can share the file.
 *
 * The connection is synchronous, but transactions take async callbacks, so
 * everything goes through one queue: while a transaction is open, no other
 * statement can slip into it.
 */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  readonly raw: Raw;
  readonly description: string;
  private readonly q: Queryable & { sync: SyncQueryable };
  private queue: Promise<void> = Promise.resolve();
  /** Operations queued or running (0: the connection is idle). */
  private active = 0;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.raw = new Database(file);
    this.raw.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a killed process (the OS keeps the writes);
    // only a power loss can drop the last commits.
    this.raw.pragma('synchronous = NORMAL');
    this.raw.pragma('busy_timeout = 5000');
    this.raw.pragma('foreign_keys = ON');
    this.q = queryable(this.raw);
    this.description = `sqlite:${file}`;
  }

  private async locked<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((r) => (release = r));
    this.active++;
    await previous;
    try {
      return await fn();
    } finally {
      this.active--;
      release();
    }
  }

  /**
   * Fast path for hot writers (the realtime group commit): when no other
   * operation is queued or running, runs `fn` right now in one transaction,
   * synchronously — no queue, no promise hops — and returns `{ value }`. It is
   * exactly what `tx` would do if it were called now on an idle connection
   * (nothing can interleave: it never yields). When the connection is busy it
   * does nothing and returns null: the caller uses `tx` instead.
   */
  txSync<T>(fn: (q: SyncQueryable) => T): { value: T } | null {
    if (this.active > 0 || this.raw.inTransaction || !this.raw.open) return null;
    this.raw.exec('BEGIN IMMEDIATE');
    try {
      const value = fn(this.q.sync);
      this.raw.exec('COMMIT');
      return { value };
    } catch (err) {
      if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
      throw err;
    }
  }

  all<T>(sql: string, params?: readonly Param[]) {
    return this.locked(() => this.q.all<T>(sql, params));
  }
  get<T>(sql: string, params?: readonly Param[]) {
    return this.locked(() => this.q.get<T>(sql, params));
  }
  run(sql: string, params?: readonly Param[]) {
    return this.locked(() => this.q.run(sql, params));
  }

  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.locked(async () => {
      this.raw.exec('BEGIN IMMEDIATE');
      const done: (() => void)[] = [];
      try {
        const result = await fn(withAfterCommit(this.q, done));
        this.raw.exec('COMMIT');
        runAfterCommit(done);
        return result;
      } catch (err) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
        throw err;
      }
    });
  }

  exec(sql: string) {
    return this.locked(async () => {
      this.raw.exec(sql);
    });
  }

  async close() {
    await this.locked(async () => {
      if (this.raw.open) this.raw.close();
    });
  }
}
