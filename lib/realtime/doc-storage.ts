import type { Queryable } from '../db/types';

/**
 * The one lock on a document's stored rows, shared by the realtime server
 * (server/persistence.ts) and commands that write a document
 * (`writeDocument`, server-write.ts). On PostgreSQL appends, loads and
 * compactions of one document take the same transaction-scoped advisory lock:
 * ids then commit in order per document, so the committed rows of a document
 * are always a prefix in id order, and a load never sees a compaction
 * half-way. On SQLite every write transaction is serial anyway.
 */
export async function lockDocRows(q: Queryable, name: string): Promise<void> {
  if (q.dialect === 'postgres') await q.get('SELECT pg_advisory_xact_lock(hashtext(?))', ['nwr-doc:' + name]);
}

/** Marks a `yjs_updates` row a command wrote (see migration 015). */
export const SERVER_ORIGIN = 'server';

export type StoredRow = { id: number; data: Uint8Array };
export type StoredSnap = { data: Uint8Array; upto_id: number };

/** Snapshot and log tail of a document (call inside a transaction that holds `lockDocRows`). */
export async function readStoredRows(
  q: Queryable,
  name: string,
): Promise<{ snap: StoredSnap | undefined; rows: StoredRow[] }> {
  const snap = await q.get<StoredSnap>('SELECT data, upto_id FROM yjs_snapshots WHERE doc = ?', [name]);
  const rows = await q.all<StoredRow>('SELECT id, data FROM yjs_updates WHERE doc = ? AND id > ? ORDER BY id', [
    name,
    snap ? Number(snap.upto_id) : 0,
  ]);
  return { snap, rows };
}

export function toU8(b: Uint8Array): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b as ArrayBuffer);
}
