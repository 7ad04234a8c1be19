import pg from 'pg';
import { runAfterCommit, withAfterCommit } from './after-commit';
import type { Db, Param, Queryable, RunResult } from './types';

// BIGINT (int8) and NUMERIC counts come back as numbers: our BIGINTs are
// millisecond times and serial ids, far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** Rewrites `?` placeholders to `$1, $2, …`, leaving quoted text alone. */
export function toPgPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += `$${++n}`;
    } else {
      out += ch;
    }
  }
  return out;
}

function bind(params: readonly Param[] = []): unknown[] {
  return params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p) : p));
}

type Client = pg.Pool | pg.PoolClient;

function queryable(client: Client): Queryable {
  return {
    dialect: 'postgres',
    async all<T>(sql: string, params?: readonly Param[]) {
      const r = await client.query(toPgPlaceholders(sql), bind(params));
      return r.rows as T[];
    },
    async get<T>(sql: string, params?: readonly Param[]) {
      const r = await client.query(toPgPlaceholders(sql), bind(params));
      return r.rows[0] as T | undefined;
    },
    async run(sql: string, params?: readonly Param[]): Promise<RunResult> {
      const r = await client.query(toPgPlaceholders(sql), bind(params));
      return { changes: r.rowCount ?? 0 };
    },
  };
}

export interface PostgresOptions {
  url: string;
  /** A schema to work in (created if missing); tests use one each. */
  schema?: string;
  max?: number;
}

/** PostgreSQL through a `pg` pool (scale mode). */
export class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly description: string;
  private readonly q: Queryable;
  private ready: Promise<void>;

  constructor(opts: PostgresOptions) {
    const schema = opts.schema;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
    this.pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.max ?? 10,
      options: schema ? `-c search_path=${schema}` : undefined,
    });
    // A pool error on an idle client must not crash the process.
    this.pool.on('error', (err) => console.error('[db] idle PostgreSQL client error:', err.message));
    this.q = queryable(this.pool);
    const u = new URL(opts.url);
    this.description = `postgres://${u.host}${u.pathname}${schema ? `#${schema}` : ''}`;
    this.ready = schema
      ? this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).then(() => undefined)
      : Promise.resolve();
  }

  async all<T>(sql: string, params?: readonly Param[]) {
    await this.ready;
    return this.q.all<T>(sql, params);
  }
  async get<T>(sql: string, params?: readonly Param[]) {
    await this.ready;
    return this.q.get<T>(sql, params);
  }
  async run(sql: string, params?: readonly Param[]) {
    await this.ready;
    return this.q.run(sql, params);
  }

  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    await this.ready;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const done: (() => void)[] = [];
      const result = await fn(withAfterCommit(queryable(client), done));
      await client.query('COMMIT');
      runAfterCommit(done);
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async exec(sql: string) {
    await this.ready;
    await this.pool.query(sql);
  }

  async close() {
    await this.pool.end();
  }
}
