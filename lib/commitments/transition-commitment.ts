import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import type { EntryRow } from '../ledger/records';
import { isDeliveryEvidence } from '../ledger/rules';
import { commitmentPolicy, requireMember, type Actor } from '../policies';
import { decideHomeApproval } from '../mandates/decide-home-approval';
import { assessCommitment, closeHomeApproval, openHomeApproval } from './home-approval';
import { loadCommitment, presentCommitment, type CommitmentStatus } from './records';

export const ZTransitionCommitment = z.discriminatedUnion('action', [
  z.object({ action: z.literal('commit') }),
  z.object({ action: z.literal('approve'), reason: z.string().trim().max(2000).default('') }),
  z.object({ action: z.literal('decline'), reason: z.string().trim().min(3).max(2000) }),
  z.object({
    action: z.literal('deliver'),
    evidenceEntryIds: z.array(z.uuid()).min(1).max(100),
    /** Say so when the entries do not add up to the amount: delivered in part. */
    partial: z.boolean().default(false),
  }),
  z.object({ action: z.literal('withdraw'), reason: z.string().trim().min(3).max(2000) }),
]);
export type TransitionCommitment = z.input<typeof ZTransitionCommitment>;

const FROM: Record<z.output<typeof ZTransitionCommitment>['action'], readonly CommitmentStatus[]> = {
  commit: ['proposed'],
  approve: ['awaiting_home_approval'],
  decline: ['awaiting_home_approval'],
  deliver: ['committed'],
  withdraw: ['proposed', 'awaiting_home_approval', 'committed'],
};

/**
 * Moves a commitment along its life:
 * - commit (proposed → committed, or → awaiting home approval beyond the mandate),
 * - approve / decline (awaiting home approval → committed / withdrawn; home members of that
 *   organisation only; lib/mandates/decide-home-approval.ts),
 * - deliver (committed → delivered, with ledger entries as evidence: given by
 *   that organisation, in the same unit, confirmed, adding up to the amount,
 *   or with `partial: true` said explicitly; a later dispute or reversal of an
 *   entry reopens it, lib/ledger/evidence.ts),
 * - withdraw (any open state → withdrawn, with a reason).
 * Representatives of the committing organisation do all but approve. A move
 * the state does not allow is a 409, nothing written.
 */
export async function transitionCommitment(
  db: Db,
  actor: Actor,
  networkId: string,
  commitmentId: string,
  input: TransitionCommitment,
) {
  requireMember(actor, networkId);
  const data = validate(ZTransitionCommitment, input);
  if (data.action === 'approve' || data.action === 'decline')
    return (
      await decideHomeApproval(db, actor, networkId, commitmentId, {
        decision: data.action,
        reason: data.reason,
      })
    ).commitment;
  const now = Date.now();
  return db.tx(async (q) => {
    const c = await loadCommitment(q, networkId, commitmentId);
    commitmentPolicy.authorize(actor, data.action, { networkId, organisationId: c.organisation_id });
    if (!FROM[data.action].includes(c.status))
      throw new AppError(409, `cooperation.errors.commitmentState.${c.status}`);
    let status: CommitmentStatus = c.status;
    let evidence: string[] = [];
    let committedBy = c.committed_by;
    let assessment: Awaited<ReturnType<typeof assessCommitment>> | null = null;
    let partly = false;
    switch (data.action) {
      case 'commit':
        assessment = await assessCommitment(q, c, actor.userId);
        status = assessment.within ? 'committed' : 'awaiting_home_approval';
        committedBy = actor.userId;
        break;
      case 'deliver': {
        evidence = [...new Set(data.evidenceEntryIds)];
        let sum = 0;
        for (const id of evidence) {
          const e = await q.get<EntryRow>('SELECT * FROM ledger_entries WHERE id = ? AND network_id = ?', [
            id,
            networkId,
          ]);
          if (!e || !isDeliveryEvidence(e, { organisationId: c.organisation_id, unit: c.unit }))
            throw new AppError(400, 'cooperation.errors.badEvidence');
          sum += Number(e.amount_milli);
          await q.run('INSERT INTO commitment_evidence (commitment_id, entry_id) VALUES (?, ?)', [c.id, id]);
        }
        // The entries add up to what was committed, or the delivery says it is partial.
        if (sum < Number(c.amount_milli) && !data.partial)
          throw new AppError(409, 'cooperation.errors.evidenceShort', {
            sum: sum / 1000,
            amount: Number(c.amount_milli) / 1000,
          });
        partly = sum < Number(c.amount_milli);
        status = 'delivered';
        break;
      }
      case 'withdraw':
        status = 'withdrawn';
        break;
    }
    const r = await q.run(
      `UPDATE commitments SET status = ?, committed_by = ?, withdraw_reason = ?, updated_at = ?, delivered_at = ?,
         committed_at = ?, delivered_partly = ? WHERE id = ? AND status = ?`,
      [
        status,
        committedBy,
        data.action === 'withdraw' ? data.reason : c.withdraw_reason,
        now,
        status === 'delivered' ? now : null,
        status === 'committed' ? now : (c.committed_at ?? null),
        partly ? 1 : 0,
        c.id,
        c.status,
      ],
    );
    if (r.changes !== 1) throw new AppError(409, `cooperation.errors.commitmentState.${c.status}`);
    if (assessment && !assessment.within) await openHomeApproval(q, c, assessment, actor.userId, now);
    if (status === 'withdrawn' && c.status === 'awaiting_home_approval') await closeHomeApproval(q, c.id, now);
    const kind =
      status === 'awaiting_home_approval'
        ? 'commitment.approval_requested'
        : status === 'committed'
          ? 'commitment.committed'
          : status === 'delivered'
            ? 'commitment.delivered'
            : 'commitment.withdrawn';
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind,
      subjectId: c.id,
      data: {
        goalId: c.goal_id,
        organisationId: c.organisation_id,
        from: c.status,
        to: status,
        ...(data.action === 'withdraw' ? { reason: data.reason } : {}),
        evidence,
        ...(partly ? { partial: true } : {}),
      },
      at: now,
    });
    return presentCommitment(
      {
        ...c,
        status,
        committed_by: committedBy,
        withdraw_reason: data.action === 'withdraw' ? data.reason : c.withdraw_reason,
        updated_at: now,
        delivered_at: status === 'delivered' ? now : null,
        delivered_partly: partly ? 1 : 0,
      },
      evidence,
    );
  });
}
