import type { Queryable } from '../db/types';
import { AppError } from '../errors';
import { fromMilli } from './units';

/**
 * The give-and-take ledger: an entry says that one organisation gave
 * something to another (or to the network as a whole), waits for the other
 * side to confirm or dispute it, and is never edited or deleted: a correction
 * is a new entry that reverses it (`correct-entry.ts`). The rules several
 * commands share are in `rules.ts`, units and amounts in `units.ts`.
 */

/** Ledger entry kinds: the recording organisation gave, took, or shared something. */
export const ENTRY_KINDS = ['give', 'take', 'share'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
/**
 * `awaiting_home_approval`: a gift beyond its recorder's mandate, waiting for their home organisation (counted
 * nowhere, not yet to be answered); `withdrawn`: home declined it (the reason in `response_comment`).
 */
export const ENTRY_STATUSES = [
  'pending',
  'confirmed',
  'disputed',
  'reversed',
  'awaiting_home_approval',
  'withdrawn',
] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export interface EntryRow {
  id: string;
  network_id: string;
  kind: EntryKind;
  giver_org_id: string | null;
  receiver_org_id: string | null;
  recorder_org_id: string;
  counterparty_org_id: string | null;
  unit: string;
  amount_milli: number | string;
  occurred_on: string;
  description: string;
  goal_id: string | null;
  status: EntryStatus;
  response_comment: string;
  responded_by: string | null;
  responded_at: number | string | null;
  reverses_id: string | null;
  recorded_by: string;
  created_at: number | string;
  idempotency_key: string | null;
  reversed_by_id?: string | null;
  goal_title?: string | null;
}

/** One ledger entry as the API presents it. `giverOrgId`/`receiverOrgId` null: the network as a whole. */
export function presentEntry(r: EntryRow) {
  return {
    id: r.id,
    networkId: r.network_id,
    kind: r.kind,
    giverOrgId: r.giver_org_id,
    receiverOrgId: r.receiver_org_id,
    recorderOrgId: r.recorder_org_id,
    counterpartyOrgId: r.counterparty_org_id,
    unit: r.unit,
    amount: fromMilli(r.amount_milli),
    date: r.occurred_on,
    description: r.description,
    goalId: r.goal_id,
    /** The linked goal's title (so a list names it without loading every goal). */
    goalTitle: r.goal_title ?? null,
    status: r.status,
    responseComment: r.response_comment,
    respondedBy: r.responded_by,
    respondedAt: r.responded_at === null ? null : Number(r.responded_at),
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id ?? null,
    recordedBy: r.recorded_by,
    createdAt: Number(r.created_at),
  };
}
export type LedgerEntry = ReturnType<typeof presentEntry>;

export const ENTRY_SELECT = `SELECT e.*, (SELECT r.id FROM ledger_entries r WHERE r.reverses_id = e.id) AS reversed_by_id,
  (SELECT g.title FROM goals g WHERE g.id = e.goal_id) AS goal_title FROM ledger_entries e`;

/** The entry in this network, or 404. */
export async function loadEntry(q: Queryable, networkId: string, entryId: string): Promise<EntryRow> {
  const row = /^[0-9a-f-]{36}$/.test(entryId)
    ? await q.get<EntryRow>(`${ENTRY_SELECT} WHERE e.id = ? AND e.network_id = ?`, [entryId, networkId])
    : undefined;
  if (!row) throw new AppError(404, 'cooperation.errors.entryNotFound');
  return row;
}

/** Writes one entry row (inside the command's transaction); entries are never updated but for their answer. */
export async function insertEntry(q: Queryable, r: EntryRow) {
  await q.run(
    `INSERT INTO ledger_entries (id, network_id, kind, giver_org_id, receiver_org_id, recorder_org_id, counterparty_org_id, unit,
       amount_milli, occurred_on, description, goal_id, status, response_comment, responded_by, responded_at, reverses_id,
       recorded_by, created_at, idempotency_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      r.id,
      r.network_id,
      r.kind,
      r.giver_org_id,
      r.receiver_org_id,
      r.recorder_org_id,
      r.counterparty_org_id,
      r.unit,
      Number(r.amount_milli),
      r.occurred_on,
      r.description,
      r.goal_id,
      r.status,
      r.response_comment,
      r.responded_by,
      r.responded_at === null ? null : Number(r.responded_at),
      r.reverses_id,
      r.recorded_by,
      Number(r.created_at),
      r.idempotency_key,
    ],
  );
}
