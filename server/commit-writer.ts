/**
 * The group commit's SQLite transactions on a worker thread with its own
 * connection to the same file. better-sqlite3 is synchronous: on the event
 * loop, each commit (BEGIN IMMEDIATE, the inserts, COMMIT with its WAL
 * writes) held up every frame that arrived meanwhile, ~80 µs at the median
 * and milliseconds in the tail when the disk was busy (a background
 * checkpoint's fsync, another process writing). Here the event loop only
 * hands the batch over (one postMessage) and acknowledges when the worker
 * answers; forwarding never waits for storage.
 *
 * The promise is unchanged: an author is told (message 100) only after the
 * worker's COMMIT returned, i.e. once the rows are in the WAL, which survives a
 * killed process (synchronous = NORMAL). Batches are committed one at a time,
 * in the order given (GroupCommit never has two in flight).
 *
 * If the worker cannot start or dies, every batch it held fails (the group
 * commit retries each room alone, before acknowledging anything) and later
 * commits run on the event loop's own connection again, as before.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from '../lib/db/types';

export interface Batch {
  name: string;
  updates: readonly Uint8Array[];
}

export interface CommitWriter {
  /** Ready and alive: batches can be handed over. */
  readonly usable: boolean;
  /** Appends the batches in one transaction; resolves with the highest id per batch, in order. */
  append(batches: readonly Batch[], now: number, insertSql: string): Promise<number[]>;
  /** Waits for the batches in flight (at most `ms`), then ends the worker. */
  stop(ms?: number): Promise<void>;
}

type Reply = { ready: true } | { seq: number; ids: number[] } | { seq: number; error: string } | { stopped: true };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// The lowest priority for this thread (on Linux the nice value is per thread): the event loop preempts it
// whenever a frame arrives, and the commits run in the time it leaves (and batch up when it leaves little).
try { require('node:os').setPriority(0, 19); } catch {}
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');
db.pragma('wal_autocheckpoint = ' + workerData.autocheckpoint);
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');
const rollback = db.prepare('ROLLBACK');
const inserts = new Map();
parentPort.on('message', (m) => {
  if (m.stop) {
    try { db.close(); } catch {}
    parentPort.postMessage({ stopped: true });
    return;
  }
  try {
    let insert = inserts.get(m.sql);
    if (!insert) inserts.set(m.sql, (insert = db.prepare(m.sql)));
    begin.run();
    const ids = [];
    for (const b of m.batches) {
      let last = 0;
      for (const u of b.updates) {
        const row = insert.get(b.name, u, m.now);
        last = Math.max(last, Number(row && row.id || 0));
      }
      ids.push(last);
    }
    commit.run();
    parentPort.postMessage({ seq: m.seq, ids });
  } catch (err) {
    try { if (db.inTransaction) rollback.run(); } catch {}
    parentPort.postMessage({ seq: m.seq, error: String(err && err.message || err) });
  }
});
parentPort.postMessage({ ready: true });
`;

interface RawSqlite {
  name: string;
  memory: boolean;
  open: boolean;
}

/**
 * Starts the writer for a file-backed SQLite database; null for PostgreSQL, an
 * in-memory database, or when `REALTIME_COMMIT_THREAD=0`.
 */
export function startCommitWriter(
  db: Db,
  log: (level: 'warn' | 'error', msg: string, extra?: unknown) => void,
  opts: { enabled?: boolean; autocheckpointPages: number },
): CommitWriter | null {
  if (opts.enabled === false) return null;
  const raw = (db as unknown as { raw?: RawSqlite }).raw;
  if (db.dialect !== 'sqlite' || !raw || raw.memory || !raw.open) return null;
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file: raw.name, autocheckpoint: opts.autocheckpointPages },
    });
  } catch (err) {
    log('warn', 'the commit thread could not start; SQLite commits run on the event loop', err);
    return null;
  }
  worker.unref();
  let ready = false;
  let alive = true;
  let seq = 0;
  const waiting = new Map<number, { resolve(ids: number[]): void; reject(err: Error): void }>();
  let onStopped: (() => void) | null = null;

  const die = (why: string, err?: unknown) => {
    if (!alive) return;
    alive = false;
    if (why) log('error', `the commit thread ${why}; SQLite commits run on the event loop again`, err);
    const failed = new Error(`the commit thread ${why || 'stopped'}`);
    for (const w of waiting.values()) w.reject(failed);
    waiting.clear();
  };
  worker.on('message', (m: Reply) => {
    if ('ready' in m) {
      ready = true;
      return;
    }
    if ('stopped' in m) {
      onStopped?.();
      return;
    }
    const w = waiting.get(m.seq);
    if (!w) return;
    waiting.delete(m.seq);
    if ('error' in m) w.reject(new Error(m.error));
    else w.resolve(m.ids);
  });
  worker.on('error', (err) => die('failed', err));
  worker.on('exit', (code) => {
    die(code === 0 ? '' : `exited with code ${code}`);
    onStopped?.();
  });

  return {
    get usable() {
      return ready && alive;
    },
    append(batches, now, insertSql) {
      if (!ready || !alive) return Promise.reject(new Error('the commit thread is not running'));
      const id = ++seq;
      return new Promise<number[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({
          seq: id,
          now,
          sql: insertSql,
          batches: batches.map((b) => ({ name: b.name, updates: b.updates })),
        });
      });
    },
    async stop(ms = 2000) {
      if (!alive) return;
      const deadline = Date.now() + ms;
      while (waiting.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(0, deadline - Date.now()) + 200);
        onStopped = () => {
          clearTimeout(t);
          resolve();
        };
        worker.postMessage({ stop: true });
      });
      die('');
      await worker.terminate();
    },
  };
}
