import { today } from '../core/dates';
import type { Queryable } from '../db/types';
import { AppError } from '../errors';
import { fromMilli } from '../ledger/units';

/**
 * A commitment's life: proposed → committed → delivered, or withdrawn with a
 * reason from any open state. A commitment beyond the representative's
 * mandate waits in `awaiting_home_approval` until the home organisation
 * approves (see `needsHomeApproval`). Overdue is not a state: an open
 * commitment whose due date has passed.
 */
export const COMMITMENT_STATUSES = [
  'proposed',
  'awaiting_home_approval',
  'committed',
  'delivered',
  'withdrawn',
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const OPEN_STATUSES: readonly CommitmentStatus[] = ['proposed', 'awaiting_home_approval', 'committed'];

export interface CommitmentRow {
  id: string;
  network_id: string;
  goal_id: string;
  organisation_id: string;
  unit: string;
  amount_milli: number | string;
  due_on: string;
  note: string;
  status: CommitmentStatus;
  committed_by: string;
  withdraw_reason: string;
  created_at: number | string;
  updated_at: number | string;
  delivered_at: number | string | null;
  idempotency_key: string | null;
  /** Set when the commitment is a pilot: its review date (migration 005). */
  pilot_review_on?: string | null;
  /** When it became committed (migration 009): what a period's use of a mandate counts. */
  committed_at?: number | string | null;
  /** Delivered in part only, said explicitly (migration 016). */
  delivered_partly?: number | string | boolean | null;
  goal_title?: string;
  organisation_name?: string;
  committed_by_name?: string | null;
}

export function presentCommitment(r: CommitmentRow, evidence: string[] = [], now = Date.now()) {
  return {
    id: r.id,
    networkId: r.network_id,
    goalId: r.goal_id,
    goalTitle: r.goal_title ?? null,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name ?? null,
    unit: r.unit,
    amount: fromMilli(r.amount_milli),
    dueOn: r.due_on,
    note: r.note,
    status: r.status,
    isOverdue: OPEN_STATUSES.includes(r.status) && r.due_on < today(now),
    /** A pilot commitment's review date (null: not a pilot). */
    pilotReviewOn: r.pilot_review_on ?? null,
    /** An open pilot whose review date has come. */
    reviewDue: OPEN_STATUSES.includes(r.status) && !!r.pilot_review_on && r.pilot_review_on <= today(now),
    committedBy: r.committed_by,
    committedByName: r.committed_by_name ?? null,
    withdrawReason: r.withdraw_reason,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    deliveredAt: r.delivered_at === null ? null : Number(r.delivered_at),
    /** Marked delivered although the evidence does not add up to the amount. */
    deliveredPartly: Number(r.delivered_partly ?? 0) === 1 || r.delivered_partly === true,
    evidenceEntryIds: evidence,
  };
}
export type Commitment = ReturnType<typeof presentCommitment>;

export async function loadCommitment(q: Queryable, networkId: string, id: string): Promise<CommitmentRow> {
  const row = /^[0-9a-f-]{36}$/.test(id)
    ? await q.get<CommitmentRow>('SELECT * FROM commitments WHERE id = ? AND network_id = ?', [id, networkId])
    : undefined;
  if (!row) throw new AppError(404, 'cooperation.errors.commitmentNotFound');
  return row;
}
