import { z } from 'zod';
import type { Queryable } from '../db/types';
import { parseDocName, type DocName } from '../docs/names';
import { AppError } from '../errors';
import { allowedRoots } from '../realtime/doc-schema';

/**
 * Document locks (issue 12 §5): a network manager locks a part of a
 * collaborative document for a while, with a reason. While a lock is in force
 * the realtime server refuses every update that touches that part, from
 * everyone (docs/realtime.md, "Document locks"); readers still read.
 *
 * A part is a root of the document (`notes`, `profile`, `agenda`, `minutes`)
 * or one goal's text in the commons (`goals/<goalId>`).
 */
export interface DocumentLockRow {
  id: string;
  network_id: string;
  doc: string;
  part: string;
  reason: string;
  locked_by: string | null;
  locked_by_name?: string | null;
  locked_at: number | string;
  ends_at: number | string | null;
  unlocked_by: string | null;
  unlocked_at: number | string | null;
}

export const REASON_MAX = 500;
/** The longest a manager may lock for at once (a year); commands may lock until unlocked. */
export const MAX_LOCK_MS = 366 * 24 * 3600_000;

const GOAL_PART = /^goals\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const ZPart = z.string().min(1).max(120);

/** The goal whose text a part is, if it is one. */
export function goalOfPart(part: string): string | null {
  return GOAL_PART.exec(part)?.[1] ?? null;
}

/** What a part is, for the activity words. */
export function partKindOf(part: string): 'notes' | 'profile' | 'agenda' | 'minutes' | 'decisions' | 'goal' {
  if (goalOfPart(part)) return 'goal';
  return part === 'profile' || part === 'agenda' || part === 'minutes' || part === 'decisions' ? part : 'notes';
}

/** May this part of this document be locked (a root of its kind, or a goal's text in the commons)? */
export function lockablePart(doc: DocName, part: string): boolean {
  if (doc.kind === 'home') return false;
  if (allowedRoots(doc.kind).has(part)) return part !== 'goals';
  return doc.kind === 'commons' && goalOfPart(part) !== null;
}

/** The document of a network, or 404 (a name of another network is not this network's to know). */
export function docOfNetwork(networkId: string, name: string): DocName {
  const doc = parseDocName(name);
  if (!doc || doc.networkId !== networkId) throw new AppError(404, 'errors.notFound');
  return doc;
}

/** Is the lock in force at `now`? */
export const inForce = (row: Pick<DocumentLockRow, 'ends_at' | 'unlocked_at'>, now = Date.now()) =>
  row.unlocked_at === null && (row.ends_at === null || Number(row.ends_at) > now);

/** The lock as the API returns it (abilities are added by the document policy). */
export function presentLock(row: DocumentLockRow, now = Date.now()) {
  return {
    id: row.id,
    networkId: row.network_id,
    doc: row.doc,
    part: row.part,
    reason: row.reason,
    lockedBy: row.locked_by ? { id: row.locked_by, name: row.locked_by_name ?? '' } : null,
    lockedAt: Number(row.locked_at),
    endsAt: row.ends_at === null ? null : Number(row.ends_at),
    unlockedAt: row.unlocked_at === null ? null : Number(row.unlocked_at),
    active: inForce(row, now),
  };
}
export type DocumentLock = ReturnType<typeof presentLock>;

const SELECT = `SELECT l.*, u.name AS locked_by_name FROM document_locks l LEFT JOIN users u ON u.id = l.locked_by`;

/** The locks in force on a document (optionally one part), oldest first. */
export async function activeLocks(
  q: Queryable,
  networkId: string,
  doc: string,
  now = Date.now(),
): Promise<DocumentLockRow[]> {
  return q.all<DocumentLockRow>(
    `${SELECT} WHERE l.network_id = ? AND l.doc = ? AND l.unlocked_at IS NULL AND (l.ends_at IS NULL OR l.ends_at > ?)
      ORDER BY l.locked_at, l.id`,
    [networkId, doc, now],
  );
}

/** The lock of this network, or 404. */
export async function loadLock(q: Queryable, networkId: string, lockId: string): Promise<DocumentLockRow> {
  const row = await q.get<DocumentLockRow>(`${SELECT} WHERE l.id = ? AND l.network_id = ?`, [lockId, networkId]);
  if (!row) throw new AppError(404, 'errors.notFound');
  return row;
}

/**
 * The parts locked right now in every document (the realtime server's view:
 * read when a room loads, when a lock changes, and by its safety-net poll).
 */
export async function lockedPartsByDoc(q: Queryable, docs?: readonly string[], now = Date.now()) {
  const rows = await q.all<{ doc: string; part: string; ends_at: number | string | null }>(
    `SELECT doc, part, ends_at FROM document_locks
      WHERE unlocked_at IS NULL AND (ends_at IS NULL OR ends_at > ?)${
        docs ? ` AND doc IN (${docs.map(() => '?').join(', ') || "''"})` : ''
      }`,
    [now, ...(docs ?? [])],
  );
  const out = new Map<string, { part: string; endsAt: number | null }[]>();
  for (const r of rows) {
    const list = out.get(r.doc) ?? [];
    list.push({ part: r.part, endsAt: r.ends_at === null ? null : Number(r.ends_at) });
    out.set(r.doc, list);
  }
  return out;
}
