/**
 * Document storage in the shared data layer (SQLite or PostgreSQL):
 * `yjs_updates` is an append-only log, `yjs_snapshots` one snapshot per
 * document covering every log row with id ≤ upto_id.
 */
import * as Y from 'yjs';
import type { SyncQueryable } from '../lib/db/sqlite';
import type { Db, Queryable } from '../lib/db/types';

/** A data layer with a synchronous transaction fast path (SQLite: `SqliteDb.txSync`). */
interface SyncTx {
  txSync<T>(fn: (q: SyncQueryable) => T): { value: T } | null;
}
const hasSyncTx = (db: Db): db is Db & SyncTx => typeof (db as Partial<SyncTx>).txSync === 'function';

/**
 * On PostgreSQL, appends, loads and compactions of one document take the same
 * transaction-scoped advisory lock: serial ids then commit in order per
 * document, and a load never sees a compaction half-way.
 */
async function lockDoc(q: Queryable, name: string): Promise<void> {
  if (q.dialect === 'postgres') await q.get('SELECT pg_advisory_xact_lock(hashtext(?))', ['nwr-doc:' + name]);
}

export interface LoadedDoc {
  /** Highest log id applied (0 when none). */
  lastId: number;
  /** Log rows after the snapshot. */
  tail: number;
}

export class DocStore {
  updatesStored = 0;

  constructor(readonly db: Db) {}

  /**
   * Loads snapshot + tail into `doc` in ONE transaction on the document
   * (never `mergeUpdates`), tagged with `origin`.
   */
  async load(name: string, doc: Y.Doc, origin: unknown): Promise<LoadedDoc> {
    const { snap, rows } = await this.db.tx(async (q) => {
      await lockDoc(q, name);
      const snap = await q.get<{ data: Uint8Array; upto_id: number }>(
        'SELECT data, upto_id FROM yjs_snapshots WHERE doc = ?',
        [name],
      );
      const rows = await q.all<{ id: number; data: Uint8Array }>(
        'SELECT id, data FROM yjs_updates WHERE doc = ? AND id > ? ORDER BY id',
        [name, snap ? Number(snap.upto_id) : 0],
      );
      return { snap, rows };
    });
    doc.transact(() => {
      if (snap) Y.applyUpdate(doc, toU8(snap.data));
      for (const r of rows) Y.applyUpdate(doc, toU8(r.data));
    }, origin);
    const lastId = rows.length ? Number(rows[rows.length - 1].id) : snap ? Number(snap.upto_id) : 0;
    return { lastId, tail: rows.length };
  }

  /** See `compactFromStore`. */
  compactFromStore(name: string): Promise<void> {
    return compactFromStore(this.db, name);
  }

  /** Appends updates in one transaction; returns the highest id written. */
  async append(name: string, updates: Uint8Array[]): Promise<number> {
    const [last] = await this.appendMany([{ name, updates }]);
    return last;
  }

  /**
   * Group commit: appends the updates of several documents in ONE
   * transaction (all or nothing); returns the highest id written per batch,
   * in the order given.
   */
  async appendMany(batches: readonly { name: string; updates: readonly Uint8Array[] }[]): Promise<number[]> {
    const now = Date.now();
    const result = await this.db.tx(async (q) => {
      if (q.dialect === 'postgres') {
        // Advisory locks in a fixed order: two instances never deadlock.
        const names = [...new Set(batches.map((b) => b.name))].sort();
        for (const name of names) await lockDoc(q, name);
      }
      const out: number[] = [];
      for (const { name, updates } of batches) out.push(await insertUpdates(q, name, updates, now));
      return out;
    });
    for (const b of batches) this.updatesStored += b.updates.length;
    return result;
  }

  /**
   * The same as `appendMany`, done synchronously when the data layer can (SQLite
   * with an idle connection): returns the ids, or null when the caller must use
   * `appendMany`. Throws when the transaction failed (it rolled back as a whole).
   */
  appendManySync(batches: readonly { name: string; updates: readonly Uint8Array[] }[]): number[] | null {
    if (!hasSyncTx(this.db)) return null;
    const now = Date.now();
    const done = this.db.txSync((q) => batches.map(({ name, updates }) => insertUpdatesSync(q, name, updates, now)));
    if (!done) return null;
    for (const b of batches) this.updatesStored += b.updates.length;
    return done.value;
  }

  /**
   * Writes `snapshot` as covering every log row ≤ uptoId and deletes exactly
   * those rows, in one transaction. Rows appended later (higher ids) stay.
   */
  async compact(name: string, snapshot: Uint8Array, uptoId: number): Promise<void> {
    await this.db.tx(async (q) => {
      await lockDoc(q, name);
      const prev = await q.get<{ upto_id: number }>('SELECT upto_id FROM yjs_snapshots WHERE doc = ?', [name]);
      if (prev && Number(prev.upto_id) >= uptoId) return;
      if (prev) {
        await q.run('UPDATE yjs_snapshots SET data = ?, upto_id = ?, updated_at = ? WHERE doc = ?', [
          snapshot,
          uptoId,
          Date.now(),
          name,
        ]);
      } else {
        await q.run('INSERT INTO yjs_snapshots (doc, data, upto_id, updated_at) VALUES (?, ?, ?, ?)', [
          name,
          snapshot,
          uptoId,
          Date.now(),
        ]);
      }
      await q.run('DELETE FROM yjs_updates WHERE doc = ? AND id <= ?', [name, uptoId]);
    });
  }
}

/**
 * Compaction from storage alone (scale mode, where the in-memory document may
 * not yet hold another instance's latest rows): snapshot + every row up to
 * the current maximum, rebuilt and written back in one locked transaction.
 */
export async function compactFromStore(db: Db, name: string): Promise<void> {
  await db.tx(async (q) => {
    await lockDoc(q, name);
    const snap = await q.get<{ data: Uint8Array; upto_id: number }>(
      'SELECT data, upto_id FROM yjs_snapshots WHERE doc = ?',
      [name],
    );
    const rows = await q.all<{ id: number; data: Uint8Array }>(
      'SELECT id, data FROM yjs_updates WHERE doc = ? AND id > ? ORDER BY id',
      [name, snap ? Number(snap.upto_id) : 0],
    );
    if (!rows.length) return;
    const doc = new Y.Doc();
    doc.transact(() => {
      if (snap) Y.applyUpdate(doc, toU8(snap.data));
      for (const r of rows) Y.applyUpdate(doc, toU8(r.data));
    });
    const upto = Number(rows[rows.length - 1].id);
    const data = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    if (snap) {
      await q.run('UPDATE yjs_snapshots SET data = ?, upto_id = ?, updated_at = ? WHERE doc = ?', [
        data,
        upto,
        Date.now(),
        name,
      ]);
    } else {
      await q.run('INSERT INTO yjs_snapshots (doc, data, upto_id, updated_at) VALUES (?, ?, ?, ?)', [
        name,
        data,
        upto,
        Date.now(),
      ]);
    }
    await q.run('DELETE FROM yjs_updates WHERE doc = ? AND id <= ?', [name, upto]);
  });
}

async function insertUpdates(q: Queryable, name: string, updates: readonly Uint8Array[], now: number): Promise<number> {
  let last = 0;
  if (q.dialect === 'postgres' && updates.length > 1) {
    const values = updates.map(() => '(?, ?, ?)').join(', ');
    const params = updates.flatMap((u) => [name, u, now]);
    const rows = await q.all<{ id: number }>(
      `INSERT INTO yjs_updates (doc, data, created_at) VALUES ${values} RETURNING id`,
      params,
    );
    for (const r of rows) last = Math.max(last, Number(r.id));
  } else {
    for (const u of updates) {
      const r = await q.get<{ id: number }>(
        'INSERT INTO yjs_updates (doc, data, created_at) VALUES (?, ?, ?) RETURNING id',
        [name, u, now],
      );
      last = Math.max(last, Number(r?.id ?? 0));
    }
  }
  return last;
}

function insertUpdatesSync(q: SyncQueryable, name: string, updates: readonly Uint8Array[], now: number): number {
  let last = 0;
  for (const u of updates) {
    const r = q.get<{ id: number }>('INSERT INTO yjs_updates (doc, data, created_at) VALUES (?, ?, ?) RETURNING id', [
      name,
      u,
      now,
    ]);
    last = Math.max(last, Number(r?.id ?? 0));
  }
  return last;
}

function toU8(b: Uint8Array): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b as ArrayBuffer);
}
