import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { authorize, requireMember, type Actor } from '../policies';
import { decisionNote, isReviewDue, ZDecidePilot, type DecidePilot, type PilotDecision } from './pilot';
import { loadGoal, presentGoal, type GoalRow } from './records';
import { writeRevision } from './revisions';

/** What each decision makes of a pilot goal. */
const GOAL_STATUS_AFTER: Record<PilotDecision, GoalRow['status']> = {
  deepen: 'active',
  repeat: 'pilot',
  stop: 'dropped',
};

/**
 * Records the review decision for a pilot goal: a new version (who, when,
 * decision and reason) and an activity-log entry, which every open browser
 * receives like any other goal change.
 */
export async function decideGoalPilot(db: Db, actor: Actor, networkId: string, goalId: string, input: DecidePilot) {
  requireMember(actor, networkId);
  const data = validate(ZDecidePilot, input);
  const now = Date.now();
  return db.tx(async (q) => {
    const goal = await loadGoal(q, networkId, goalId);
    authorize(actor, 'pilot.decide', { type: 'goal', networkId, organisationIds: goal.organisationIds });
    if (data.expectedVersion !== undefined && data.expectedVersion !== Number(goal.version))
      throw new AppError(409, 'cooperation.errors.goalChanged');
    if (goal.status !== 'pilot') throw new AppError(409, 'cooperation.errors.notPilot');
    const note = decisionNote(data, goal.review_on ?? null, isReviewDue(goal.status, goal.review_on, now), now);
    const next: GoalRow = {
      ...goal,
      status: GOAL_STATUS_AFTER[note.decision],
      review_on: note.nextReviewOn,
      version: Number(goal.version) + 1,
      updated_at: now,
    };
    const r = await q.run(
      'UPDATE goals SET status = ?, review_on = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?',
      [next.status, next.review_on ?? null, next.version, now, goalId, goal.version],
    );
    if (r.changes !== 1) throw new AppError(409, 'cooperation.errors.goalChanged');
    const changed = ['pilotDecision', ...(next.status !== goal.status ? ['status'] : []), 'reviewOn'];
    await writeRevision(q, next, actor.userId, changed, null, now, note);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'goal.pilot_decided',
      subjectId: goalId,
      data: { ...note, status: next.status, version: next.version },
      at: now,
    });
    return { goal: presentGoal(next, goal.organisationIds, now), decision: note };
  });
}
