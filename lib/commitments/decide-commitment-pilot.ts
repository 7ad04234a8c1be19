import { record } from '../activity/record';
import { today } from '../core/dates';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { decisionNote, ZDecidePilot, type DecidePilot } from '../goals/pilot';
import { commitmentPolicy, requireMember, type Actor } from '../policies';
import { closeHomeApproval } from './home-approval';
import { loadCommitment, OPEN_STATUSES, presentCommitment } from './records';

/**
 * Records the review decision for a pilot commitment (open, with a review
 * date): deepen keeps it as an ordinary commitment, repeat sets a new review
 * date, stop withdraws it with the reason. Managers and the committing
 * organisation's representatives decide. The activity log keeps who, when,
 * decision and reason.
 */
export async function decideCommitmentPilot(
  db: Db,
  actor: Actor,
  networkId: string,
  commitmentId: string,
  input: DecidePilot,
) {
  requireMember(actor, networkId);
  const data = validate(ZDecidePilot, input);
  const now = Date.now();
  return db.tx(async (q) => {
    const c = await loadCommitment(q, networkId, commitmentId);
    commitmentPolicy.authorize(actor, 'decidePilot', { networkId, organisationId: c.organisation_id });
    if (!c.pilot_review_on) throw new AppError(409, 'cooperation.errors.notPilot');
    if (!OPEN_STATUSES.includes(c.status)) throw new AppError(409, `cooperation.errors.commitmentState.${c.status}`);
    const note = decisionNote(data, c.pilot_review_on, c.pilot_review_on <= today(now), now);
    const status = note.decision === 'stop' ? 'withdrawn' : c.status;
    const withdrawReason = note.decision === 'stop' ? note.reason : c.withdraw_reason;
    const r = await q.run(
      'UPDATE commitments SET status = ?, withdraw_reason = ?, pilot_review_on = ?, updated_at = ? WHERE id = ? AND status = ? AND pilot_review_on = ?',
      [status, withdrawReason, note.nextReviewOn, now, c.id, c.status, c.pilot_review_on],
    );
    if (r.changes !== 1) throw new AppError(409, `cooperation.errors.commitmentState.${c.status}`);
    if (status === 'withdrawn' && c.status === 'awaiting_home_approval') await closeHomeApproval(q, c.id, now);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'commitment.pilot_decided',
      subjectId: c.id,
      data: { ...note, goalId: c.goal_id, organisationId: c.organisation_id, from: c.status, to: status },
      at: now,
    });
    return {
      commitment: presentCommitment(
        { ...c, status, withdraw_reason: withdrawReason, pilot_review_on: note.nextReviewOn, updated_at: now },
        [],
        now,
      ),
      decision: note,
    };
  });
}
