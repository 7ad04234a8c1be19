import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openDb, type Db } from '@/lib/db';
import { TEST_DATABASE_URL } from '../helpers/services';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * A database that separate processes can open from their environment: an
 * SQLite file in a temp DATA_DIR, or a fresh PostgreSQL schema named in
 * DATABASE_URL (`options=-c search_path=…`).
 */
export interface SharedDb {
  db: Db;
  /** What a child process needs in its environment to open the same database. */
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
}

export async function sharedDb(kind: 'sqlite' | 'postgres'): Promise<SharedDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-jobs-proc-'));
  if (kind === 'sqlite') {
    const db = openDb({ sqliteFile: path.join(dataDir, 'netzwerkraum.sqlite') });
    await migrate(db);
    return {
      db,
      dataDir,
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      async drop() {
        await db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_jobs_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const db = openDb({ databaseUrl: TEST_DATABASE_URL, schema });
  await migrate(db);
  const u = new URL(TEST_DATABASE_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    db,
    dataDir,
    env: { DATA_DIR: dataDir, DATABASE_URL: u.toString() },
    async drop() {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Proc {
  proc: ChildProcess;
  /** Everything it wrote, stdout and stderr together. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});

/** Runs a TypeScript entry in ONE Node process (tsx as a loader, no wrapper process), so its pid is the one to kill. */
export function runTs(entry: string, env: Record<string, string>): Proc {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(VITEST|NODE_ENV$|DATABASE_URL$|REDIS_URL$|DATA_DIR$|SMTP_URL$)/.test(k),
    ),
  );
  const proc = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...clean, LOG_LEVEL: 'info', ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(proc);
  let out = '';
  proc.stdout!.on('data', (c) => (out += c.toString()));
  proc.stderr!.on('data', (c) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => {
      live.delete(proc);
      resolve({ code, signal });
    }),
  );
  return { proc, output: () => out, exited, alive: () => proc.exitCode === null && proc.signalCode === null };
}

export async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function jobCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db.all<{ status: string; n: number | string }>(
    'SELECT status, COUNT(*) AS n FROM jobs GROUP BY status',
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
