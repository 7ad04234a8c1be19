/**
 * SQLite WAL checkpoints off the event loop. better-sqlite3 is synchronous:
 * with the default auto-checkpoint (every 1000 WAL pages), the commit that
 * crosses the threshold copies the WAL into the database file and fsyncs it
 * right on the event loop, stalling every room for tens of milliseconds (and
 * more on a busy disk). Instead, a worker thread with its own connection runs
 * PASSIVE checkpoints (which never block or wait for our writer) every
 * `intervalMs`; our connection's auto-checkpoint is raised to a large safety
 * bound, so the WAL stays bounded even if the worker falls behind or dies.
 *
 * Durability is unchanged: a commit is durable against a killed process once
 * it is in the WAL (synchronous = NORMAL), whoever checkpoints it later.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from '../lib/db/types';

/** WAL pages (≈ 4 KiB each) after which our own connection still checkpoints itself. */
export const SAFETY_AUTOCHECKPOINT_PAGES = 16_000;
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// The lowest priority for this thread (per thread on Linux), as for the commit thread: a checkpoint and
// this isolate's own garbage collection run when the event loop leaves the core, never in its way.
try { require('node:os').setPriority(0, 19); } catch {}
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
let timer = null;
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
};
timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.postMessage({ stopped: true });
});
parentPort.postMessage({ ready: true });
`;

interface RawSqlite {
  name: string;
  memory: boolean;
  open: boolean;
  pragma(sql: string): unknown;
}

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Starts background checkpoints for a file-backed SQLite database; a no-op otherwise. */
export function startCheckpointer(
  db: Db,
  log: (level: 'warn' | 'error', msg: string, extra?: unknown) => void,
  intervalMs = 500,
): Checkpointer {
  const raw = (db as unknown as { raw?: RawSqlite }).raw;
  if (db.dialect !== 'sqlite' || !raw || raw.memory || !raw.open) return { stop: async () => undefined };
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: raw.name, intervalMs } });
  } catch (err) {
    log('warn', 'background WAL checkpoints unavailable; SQLite checkpoints on the event loop', err);
    return { stop: async () => undefined };
  }
  worker.unref();
  const restore = () => {
    if (raw.open) raw.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  };
  let alive = true;
  let stopped: (() => void) | null = null;
  worker.on('message', (m: { ready?: boolean; error?: string; stopped?: boolean }) => {
    if (m.ready && alive && raw.open) raw.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
    if (m.error) log('warn', `background WAL checkpoint failed: ${m.error}`);
    if (m.stopped) stopped?.();
  });
  worker.on('error', (err) => {
    log('warn', 'background WAL checkpointer failed; SQLite checkpoints on the event loop again', err);
    alive = false;
    restore();
  });
  worker.on('exit', () => {
    alive = false;
    stopped?.();
  });
  return {
    async stop() {
      if (!alive) return;
      alive = false;
      restore();
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 2000);
        stopped = () => {
          clearTimeout(t);
          resolve();
        };
        worker.postMessage('stop');
      });
      await worker.terminate();
    },
  };
}
