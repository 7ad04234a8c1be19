import path from 'node:path';
import { env } from '../env';
import { migrations as allMigrations } from './migrations';
import { typesFor, type Migration } from './migrations/types';
import { PostgresDb } from './postgres';
import { SqliteDb } from './sqlite';
import type { Db } from './types';

export type { Db, Dialect, Param, Queryable, RunResult } from './types';
export { SqliteDb } from './sqlite';
export { PostgresDb } from './postgres';

export interface OpenOptions {
  /** `postgres://…`; when absent, SQLite. */
  databaseUrl?: string;
  /** PostgreSQL schema (tests use one each). */
  schema?: string;
  /** SQLite file; `:memory:` for a throwaway database. */
  sqliteFile?: string;
}

/** Opens a database without migrating it. */
export function openDb(opts: OpenOptions = {}): Db {
  if (opts.databaseUrl) return new PostgresDb({ url: opts.databaseUrl, schema: opts.schema });
  return new SqliteDb(opts.sqliteFile ?? ':memory:');
}

/**
 * Applies the migrations that have not run yet, each in its own transaction.
 * On PostgreSQL an advisory lock keeps several starting instances from
 * migrating at once. Returns the ids it applied.
 */
export async function migrate(db: Db, list: Migration[] = allMigrations): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
  const applied: number[] = [];
  const t = typesFor(db.dialect);
  for (const m of [...list].sort((a, b) => a.id - b.id)) {
    const did = await db.tx(async (q) => {
      if (q.dialect === 'postgres') await q.run('SELECT pg_advisory_xact_lock(?)', [424242]);
      const done = await q.get('SELECT id FROM schema_migrations WHERE id = ?', [m.id]);
      if (done) return false;
      for (const stmt of splitStatements(m.up(t, q.dialect))) await q.run(stmt);
      await q.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [m.id, m.name, Date.now()]);
      return true;
    });
    if (did) applied.push(m.id);
  }
  return applied;
}

/** Splits a migration script on semicolons at line ends, dropping `--` comments. */
export function splitStatements(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const globalForDb = globalThis as unknown as { __nwrDb?: Promise<Db> };

/**
 * The process-wide database, opened from the environment and migrated once.
 * SQLite lives in `DATA_DIR/netzwerkraum.sqlite`; `DATABASE_URL` switches to
 * PostgreSQL.
 */
export function getDb(): Promise<Db> {
  globalForDb.__nwrDb ??= (async () => {
    const e = env();
    const db = e.isPostgres
      ? openDb({ databaseUrl: e.DATABASE_URL })
      : openDb({ sqliteFile: path.join(e.dataDir, 'netzwerkraum.sqlite') });
    await migrate(db);
    return db;
  })();
  return globalForDb.__nwrDb;
}

/** Closes the process-wide database (graceful shutdown, tests). */
export async function closeDb(): Promise<void> {
  const p = globalForDb.__nwrDb;
  globalForDb.__nwrDb = undefined;
  if (p) await (await p).close();
}
