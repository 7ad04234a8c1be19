import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db, Queryable } from '../db/types';
import { AppError } from '../errors';
import { loadCommitment, presentCommitment, type CommitmentRow } from '../commitments/records';
import { commitmentPolicy, requireMember, type Actor } from '../policies';

export const ZDecideHomeApproval = z
  .object({
    decision: z.enum(['approve', 'decline']),
    /** Why: required to decline (it is shown with the withdrawn commitment), optional to approve. */
    reason: z.string().trim().max(2000).default(''),
  })
  .refine((d) => d.decision === 'approve' || d.reason.length >= 3, {
    message: 'a reason of at least 3 characters',
    path: ['reason'],
  });
export type DecideHomeApproval = z.input<typeof ZDecideHomeApproval>;

export interface ApprovalRow {
  id: string;
  network_id: string;
  organisation_id: string;
  commitment_id: string | null;
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

/** Why a decision cannot be made any more: a clear 409 naming who decided (or that it was withdrawn). */
async function alreadyClosed(q: Queryable, commitmentId: string, status: string): Promise<AppError> {
  const last = await q.get<ApprovalRow>(
    `SELECT a.*, u.name AS decided_by_name FROM home_approvals a LEFT JOIN users u ON u.id = a.decided_by
      WHERE a.commitment_id = ? ORDER BY a.requested_at DESC LIMIT 1`,
    [commitmentId],
  );
  if (last?.status === 'approved' || last?.status === 'declined')
    return new AppError(409, 'mandates.errors.alreadyDecided', {
      decision: last.status,
      name: last.decided_by_name ?? '?',
    });
  if (last?.status === 'withdrawn' || status === 'withdrawn')
    return new AppError(409, 'mandates.errors.requestWithdrawn');
  return new AppError(409, 'mandates.errors.notWaiting');
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
    let open = await q.get<ApprovalRow>(
      "SELECT * FROM home_approvals WHERE commitment_id = ? AND status = 'open' ORDER BY requested_at DESC LIMIT 1",
      [c.id],
    );
    if (!open) {
      // Waiting since before requests were kept: the request is opened now, from when it began to wait.
      const id = randomUUID();
      await q.run(
        `INSERT INTO home_approvals (id, network_id, organisation_id, commitment_id, reasons, status, requested_by, requested_at)
         VALUES (?, ?, ?, ?, '[]', 'open', ?, ?)`,
        [id, networkId, c.organisation_id, c.id, c.committed_by, Number(c.updated_at)],
      );
      open = (await q.get<ApprovalRow>('SELECT * FROM home_approvals WHERE id = ?', [id]))!;
    }
    const status = data.decision === 'approve' ? 'approved' : 'declined';
    const taken = await q.run(
      "UPDATE home_approvals SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'open'",
      [status, actor.userId, now, data.reason, open.id],
    );
    if (taken.changes !== 1) throw await alreadyClosed(q, c.id, c.status);
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
