import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db, Queryable } from '../db/types';
import { AppError } from '../errors';
import { loadCommitment, presentCommitment, type CommitmentRow } from '../commitments/records';
import { loadEntry, presentEntry, type EntryRow } from '../ledger/records';
import { fromMilli } from '../ledger/units';
import { commitmentPolicy, ledgerEntryPolicy, requireMember, type Actor } from '../policies';

export const ZDecideHomeApproval = z
  .object({
    decision: z.enum(['approve', 'decline']),
    /** Why: required to decline (it is shown with the withdrawn commitment), optional to approve. */
    reason: z.string().trim().max(2000).default(''),
  })
  .refine((d) => d.decision === 'approve' || d.reason.length >= 3, {
    message: 'mandates.errors.reasonNeeded',
    path: ['reason'],
  });
export type DecideHomeApproval = z.input<typeof ZDecideHomeApproval>;

export interface ApprovalRow {
  id: string;
  network_id: string;
  organisation_id: string;
  commitment_id: string | null;
  entry_id?: string | null;
  mandate_id: string | null;
  reasons: string;
  status: 'open' | 'approved' | 'declined' | 'withdrawn';
  requested_by: string;
  requested_at: number | string;
  decided_by: string | null;
  decided_at: number | string | null;
  reason: string;
  decided_by_name?: string | null;
}

/** What a request is about: a commitment, or a gift in the ledger. */
type Subject = 'commitment_id' | 'entry_id';

/** Why a decision cannot be made any more: a clear 409 naming who decided (or that it was withdrawn). */
async function alreadyClosed(q: Queryable, subjectId: string, status: string, on: Subject = 'commitment_id') {
  const last = await q.get<ApprovalRow>(
    `SELECT a.*, u.name AS decided_by_name FROM home_approvals a LEFT JOIN users u ON u.id = a.decided_by
      WHERE a.${on} = ? ORDER BY a.requested_at DESC LIMIT 1`,
    [subjectId],
  );
  const what = on === 'entry_id' ? 'gift' : 'commitment';
  if (last?.status === 'approved' || last?.status === 'declined')
    return new AppError(409, 'mandates.errors.alreadyDecided', {
      decision: last.status,
      name: last.decided_by_name ?? '?',
      what,
    });
  if (last?.status === 'withdrawn' || status === 'withdrawn')
    return new AppError(409, 'mandates.errors.requestWithdrawn', { what });
  return new AppError(409, 'mandates.errors.notWaiting', { what });
}

/**
 * Takes the open request on one subject for this decision: `UPDATE … WHERE
 * status = 'open'`, so of two home members deciding at once exactly one wins.
 */
async function takeRequest(
  q: Queryable,
  on: Subject,
  subject: { id: string; organisationId: string; requestedBy: string; since: number; status: string },
  networkId: string,
  actor: Actor,
  decision: 'approve' | 'decline',
  reason: string,
  now: number,
): Promise<ApprovalRow> {
  let open = await q.get<ApprovalRow>(
    `SELECT * FROM home_approvals WHERE ${on} = ? AND status = 'open' ORDER BY requested_at DESC LIMIT 1`,
    [subject.id],
  );
  if (!open) {
    // Waiting since before requests were kept: the request is opened now, from when it began to wait.
    const id = randomUUID();
    await q.run(
      `INSERT INTO home_approvals (id, network_id, organisation_id, ${on}, reasons, status, requested_by, requested_at)
       VALUES (?, ?, ?, ?, '[]', 'open', ?, ?)`,
      [id, networkId, subject.organisationId, subject.id, subject.requestedBy, subject.since],
    );
    open = (await q.get<ApprovalRow>('SELECT * FROM home_approvals WHERE id = ?', [id]))!;
  }
  const taken = await q.run(
    "UPDATE home_approvals SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'open'",
    [decision === 'approve' ? 'approved' : 'declined', actor.userId, now, reason, open.id],
  );
  if (taken.changes !== 1) throw await alreadyClosed(q, subject.id, subject.status, on);
  return open;
}

/**
 * A home member decides on a commitment that waits for home approval:
 * approving commits it, declining withdraws it (the reason is shown with it).
 * Several home members may look at once: the first decision counts, a second
 * is a 409 that says who decided. Both are in the activity log and reach
 * every browser through the wake-up.
 */
export async function decideHomeApproval(
  db: Db,
  actor: Actor,
  networkId: string,
  commitmentId: string,
  input: DecideHomeApproval,
) {
  requireMember(actor, networkId);
  const data = validate(ZDecideHomeApproval, input);
  const now = Date.now();
  return db.tx(async (q) => {
    const c = await loadCommitment(q, networkId, commitmentId);
    commitmentPolicy.authorize(actor, data.decision, { networkId, organisationId: c.organisation_id });
    if (c.status !== 'awaiting_home_approval') throw await alreadyClosed(q, c.id, c.status);
    const open = await takeRequest(
      q,
      'commitment_id',
      {
        id: c.id,
        organisationId: c.organisation_id,
        requestedBy: c.committed_by,
        since: Number(c.updated_at),
        status: c.status,
      },
      networkId,
      actor,
      data.decision,
      data.reason,
      now,
    );
    const status = data.decision === 'approve' ? 'approved' : 'declined';
    const next: CommitmentRow =
      data.decision === 'approve'
        ? { ...c, status: 'committed', committed_at: now, updated_at: now }
        : { ...c, status: 'withdrawn', withdraw_reason: data.reason, updated_at: now };
    const moved = await q.run(
      `UPDATE commitments SET status = ?, withdraw_reason = ?, committed_at = ?, updated_at = ?
        WHERE id = ? AND status = 'awaiting_home_approval'`,
      [next.status, next.withdraw_reason, next.committed_at ?? null, now, c.id],
    );
    if (moved.changes !== 1) throw await alreadyClosed(q, c.id, c.status);
    const waitedHours = Math.max(0, Math.floor((now - Number(open.requested_at)) / 3_600_000));
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: data.decision === 'approve' ? 'commitment.home_approved' : 'commitment.home_declined',
      subjectId: c.id,
      data: {
        goalId: c.goal_id,
        organisationId: c.organisation_id,
        waitedHours,
        ...(data.decision === 'decline' ? { reason: data.reason } : {}),
      },
      at: now,
    });
    return {
      commitment: presentCommitment(next, [], now),
      approval: {
        id: open.id,
        status,
        requestedAt: Number(open.requested_at),
        decidedAt: now,
        decidedBy: actor.userId,
        reason: data.reason,
      },
    };
  });
}

/**
 * The same decision on a gift in the ledger that waits for home approval
 * (lib/mandates/gift-approval.ts): approving lets it go on to the other side,
 * who confirms or disputes it as usual (`pending`); declining withdraws it
 * (`withdrawn`, the reason shown with it). The first decision counts, a
 * second is the same 409; both are in the activity log and reach every
 * browser through the wake-up.
 */
export async function decideGiftApproval(
  db: Db,
  actor: Actor,
  networkId: string,
  entryId: string,
  input: DecideHomeApproval,
) {
  requireMember(actor, networkId);
  const data = validate(ZDecideHomeApproval, input);
  const now = Date.now();
  return db.tx(async (q) => {
    const e = await loadEntry(q, networkId, entryId);
    const action = data.decision === 'approve' ? 'approveHome' : 'declineHome';
    ledgerEntryPolicy.authorize(actor, action, {
      networkId,
      recorderOrgId: e.recorder_org_id,
      counterpartyOrgId: e.counterparty_org_id,
    });
    if (e.status !== 'awaiting_home_approval') throw await alreadyClosed(q, e.id, e.status, 'entry_id');
    const open = await takeRequest(
      q,
      'entry_id',
      {
        id: e.id,
        organisationId: e.recorder_org_id,
        requestedBy: e.recorded_by,
        since: Number(e.created_at),
        status: e.status,
      },
      networkId,
      actor,
      data.decision,
      data.reason,
      now,
    );
    const status = data.decision === 'approve' ? 'approved' : 'declined';
    const next: EntryRow =
      data.decision === 'approve'
        ? { ...e, status: 'pending' }
        : { ...e, status: 'withdrawn', response_comment: data.reason };
    const moved = await q.run(
      "UPDATE ledger_entries SET status = ?, response_comment = ? WHERE id = ? AND status = 'awaiting_home_approval'",
      [next.status, next.response_comment, e.id],
    );
    if (moved.changes !== 1) throw await alreadyClosed(q, e.id, e.status, 'entry_id');
    const waitedHours = Math.max(0, Math.floor((now - Number(open.requested_at)) / 3_600_000));
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: data.decision === 'approve' ? 'ledger.home_approved' : 'ledger.home_declined',
      subjectId: e.id,
      data: {
        organisationId: e.recorder_org_id,
        receiverOrgId: e.receiver_org_id,
        goalId: e.goal_id,
        unit: e.unit,
        amount: fromMilli(e.amount_milli),
        waitedHours,
        ...(data.decision === 'decline' ? { reason: data.reason } : {}),
      },
      at: now,
    });
    return {
      entry: presentEntry(next),
      approval: {
        id: open.id,
        status,
        requestedAt: Number(open.requested_at),
        decidedAt: now,
        decidedBy: actor.userId,
        reason: data.reason,
      },
    };
  });
}
