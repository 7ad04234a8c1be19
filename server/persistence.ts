/**
 * Document storage in the shared data layer (SQLite or PostgreSQL):
 * `yjs_updates` is an append-only log, `yjs_snapshots` one snapshot per
 * document covering every log row with id ≤ upto_id.
 */
import * as Y from 'yjs';
import type { SyncQueryable } from '../lib/db/sqlite';
import { checkEncodedUpdate, checkLoadable, checkStoreFrom, stateMap } from '../lib/realtime/loadable';
import { validateUpdate } from '../lib/realtime/validate-update';
import type { Db, Queryable } from '../lib/db/types';
import { lockDocRows, SERVER_ORIGIN } from '../lib/realtime/doc-storage';
import type { CommitWriter } from './commit-writer';

/** A data layer with a synchronous transaction fast path (SQLite: `SqliteDb.txSync`). */
interface SyncTx {
  txSync<T>(fn: (q: SyncQueryable) => T): { value: T } | null;
}
const hasSyncTx = (db: Db): db is Db & SyncTx => typeof (db as Partial<SyncTx>).txSync === 'function';

/** The per-document lock (lib/realtime/doc-storage.ts). */
const lockDoc = lockDocRows;

export interface LoadedDoc {
  /** Highest log id applied (0 when none). */
  lastId: number;
  /** Log rows after the snapshot. */
  tail: number;
}

/** A document loaded for a room, possibly recovered. */
export interface CheckedDoc extends LoadedDoc {
  doc: Y.Doc;
  /** Set when the stored state did not load as it was and was rebuilt. */
  recovery: Recovery | null;
}

export interface Recovery {
  /** Why the stored state did not load. */
  reason: string;
  /** Log rows kept (applied) and moved to yjs_quarantine. */
  kept: number;
  quarantined: { source: 'update' | 'snapshot'; id: number; reason: string }[];
}

type StoredRow = { id: number; data: Uint8Array };
type StoredSnap = { data: Uint8Array; upto_id: number };

/** One log row (SQLite, and PostgreSQL for a single update). */
const INSERT_UPDATE = 'INSERT INTO yjs_updates (doc, data, created_at) VALUES (?, ?, ?) RETURNING id';

/**
 * The documents with server-written rows after an id (the safety-net poll, every 5 s). Reads only the partial
 * index `yjs_updates_server_writes` (migration 020), never the client rows.
 */
export const SERVER_WRITES_SINCE =
  'SELECT doc, MAX(id) AS id FROM yjs_updates WHERE origin = ? AND id > ? GROUP BY doc';

export class DocStore {
  updatesStored = 0;
  /** The commit thread (file-backed SQLite; server/commit-writer.ts): appends go there while it runs. */
  writer: CommitWriter | null = null;

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

  /**
   * Loads a document for a room into a fresh Y.Doc (origin `origin`) and makes
   * sure it is loadable: snapshot + tail must integrate with nothing pending and
   * leave a well-formed store. If not, the document is RECOVERED instead of
   * lost: the snapshot if it loads on its own, then each log row in order that
   * passes the update validator and applies cleanly; the snapshot or rows that
   * do not are moved to `yjs_quarantine` with the reason, and a new snapshot of
   * the recovered document (checked to load) replaces snapshot and log rows in
   * one transaction. The caller logs `recovery` once.
   */
  async loadChecked(name: string, origin: unknown): Promise<CheckedDoc> {
    const { snap, rows } = await this.readStored(name);
    const lastId = rows.length ? Number(rows[rows.length - 1].id) : snap ? Number(snap.upto_id) : 0;
    const doc = new Y.Doc();
    let reason: string | null = null;
    try {
      doc.transact(() => {
        if (snap) Y.applyUpdate(doc, toU8(snap.data));
        for (const r of rows) Y.applyUpdate(doc, toU8(r.data));
      }, origin);
      const store = doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
      if (store.pendingStructs || store.pendingDs) reason = 'changes left pending';
      else reason = checkStoreFrom(doc, new Map());
    } catch (err) {
      reason = `load threw: ${(err as Error)?.message ?? 'error'}`;
    }
    if (reason === null) return { doc, lastId, tail: rows.length, recovery: null };
    doc.destroy();
    return this.recover(name, origin, snap, rows, lastId, reason);
  }

  private async readStored(name: string): Promise<{ snap: StoredSnap | undefined; rows: StoredRow[] }> {
    return this.db.tx(async (q) => {
      await lockDoc(q, name);
      const snap = await q.get<StoredSnap>('SELECT data, upto_id FROM yjs_snapshots WHERE doc = ?', [name]);
      const rows = await q.all<StoredRow>('SELECT id, data FROM yjs_updates WHERE doc = ? AND id > ? ORDER BY id', [
        name,
        snap ? Number(snap.upto_id) : 0,
      ]);
      return { snap, rows };
    });
  }

  private async recover(
    name: string,
    origin: unknown,
    snap: StoredSnap | undefined,
    rows: StoredRow[],
    lastId: number,
    reason: string,
  ): Promise<CheckedDoc> {
    const quarantined: Recovery['quarantined'] = [];
    const accepted: Uint8Array[] = [];
    let base: Uint8Array | null = null;
    if (snap) {
      const bad = checkLoadable(toU8(snap.data));
      if (bad) quarantined.push({ source: 'snapshot', id: Number(snap.upto_id), reason: bad });
      else base = toU8(snap.data);
    }
    const rebuild = (): Y.Doc => {
      const d = new Y.Doc();
      d.transact(() => {
        if (base) Y.applyUpdate(d, base);
        for (const u of accepted) Y.applyUpdate(d, u);
      }, origin);
      return d;
    };
    let doc = rebuild();
    for (const r of rows) {
      const data = toU8(r.data);
      let bad = checkEncodedUpdate(data);
      if (!bad) {
        const v = validateUpdate(doc, data, 'any');
        if (!v.ok) bad = v.reason;
      }
      if (!bad) {
        const before = stateMap(doc);
        try {
          Y.applyUpdate(doc, data, origin);
          const store = doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
          if (store.pendingStructs || store.pendingDs) bad = 'changes left pending';
          else bad = checkStoreFrom(doc, before);
        } catch (err) {
          bad = `apply threw: ${(err as Error)?.message ?? 'error'}`;
        }
        if (bad) {
          // The document may be half-changed: rebuild it from what was kept.
          doc.destroy();
          doc = rebuild();
        }
      }
      if (bad) quarantined.push({ source: 'update', id: Number(r.id), reason: bad });
      else accepted.push(data);
    }
    const snapshot = Y.encodeStateAsUpdate(doc);
    const check = checkLoadable(snapshot);
    if (check) throw new Error(`recovering ${name} failed: the rebuilt document does not load (${check})`);
    await this.db.tx(async (q) => {
      await lockDoc(q, name);
      const now = Date.now();
      for (const x of quarantined) {
        const data = x.source === 'snapshot' ? snap!.data : rows.find((r) => Number(r.id) === x.id)!.data;
        await q.run(
          'INSERT INTO yjs_quarantine (doc, source, source_id, data, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          [name, x.source, x.id, data, x.reason, now],
        );
      }
      await writeSnapshot(q, name, snapshot, lastId);
      await q.run('DELETE FROM yjs_updates WHERE doc = ? AND id <= ?', [name, lastId]);
    });
    return { doc, lastId, tail: 0, recovery: { reason, kept: accepted.length, quarantined } };
  }

  /** See `compactFromStore`. */
  compactFromStore(name: string): Promise<void> {
    return compactFromStore(this.db, name);
  }

  /**
   * Rows a command wrote into the log (`writeDocument`) after id `afterId`, in
   * order. A loaded room reads them when it is woken, and before it compacts.
   */
  async serverRowsAfter(name: string, afterId: number): Promise<{ id: number; data: Uint8Array }[]> {
    const rows = await this.db.all<{ id: number; data: Uint8Array }>(
      'SELECT id, data FROM yjs_updates WHERE doc = ? AND id > ? AND origin = ? ORDER BY id',
      [name, afterId, SERVER_ORIGIN],
    );
    return rows.map((r) => ({ id: Number(r.id), data: toU8(r.data) }));
  }

  /** The documents with rows a command wrote after log id `afterId` (the safety-net poll), and the highest id. */
  async serverWritesSince(afterId: number): Promise<{ docs: string[]; upto: number }> {
    const rows = await this.db.all<{ doc: string; id: number }>(SERVER_WRITES_SINCE, [SERVER_ORIGIN, afterId]);
    return { docs: rows.map((r) => r.doc), upto: rows.reduce((m, r) => Math.max(m, Number(r.id)), afterId) };
  }

  /** The highest log id (0 when empty). */
  async maxLogId(): Promise<number> {
    const row = await this.db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM yjs_updates');
    return Number(row?.id ?? 0);
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
    if (this.writer?.usable) {
      const ids = await this.writer.append(batches, now, INSERT_UPDATE);
      for (const b of batches) this.updatesStored += b.updates.length;
      return ids;
    }
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
    if (this.writer?.usable || !hasSyncTx(this.db)) return null;
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
      await writeSnapshot(q, name, snapshot, uptoId);
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
    // A snapshot replaces the rows it covers only if it loads again.
    const bad = checkLoadable(data);
    if (bad) throw new Error(`the compacted snapshot of ${name} would not load (${bad}); the log is kept`);
    await writeSnapshot(q, name, data, upto);
    await q.run('DELETE FROM yjs_updates WHERE doc = ? AND id <= ?', [name, upto]);
  });
}

async function writeSnapshot(q: Queryable, name: string, data: Uint8Array, upto: number): Promise<void> {
  const prev = await q.get<{ upto_id: number }>('SELECT upto_id FROM yjs_snapshots WHERE doc = ?', [name]);
  if (prev) {
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
      const r = await q.get<{ id: number }>(INSERT_UPDATE, [name, u, now]);
      last = Math.max(last, Number(r?.id ?? 0));
    }
  }
  return last;
}

function insertUpdatesSync(q: SyncQueryable, name: string, updates: readonly Uint8Array[], now: number): number {
  let last = 0;
  for (const u of updates) {
    const r = q.get<{ id: number }>(INSERT_UPDATE, [name, u, now]);
    last = Math.max(last, Number(r?.id ?? 0));
  }
  return last;
}

function toU8(b: Uint8Array): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b as ArrayBuffer);
}
