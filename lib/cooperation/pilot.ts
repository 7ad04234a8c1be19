import { z } from 'zod';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { requireMember, authorize, type Actor } from '../policies';
import { validate } from '../core/validate';
import { loadCommitment, OPEN_STATUSES, presentCommitment } from './commitments';
import { writeRevision, type PilotDecisionNote } from './goal-revisions';
import { isCalendarDate, today } from '../core/dates';
import { isReviewDue, loadGoal, PILOT_DECISIONS, presentGoal, type GoalRow, type PilotDecision } from './shared';
import { recordActivity } from '../activity/record';

/**
 * Pilots (concept 6): a goal in status `pilot`, or a commitment, tried for a
 * while; its review date asks "deepen, repeat or stop?".
 *
 * - deepen: the goal becomes `active` (a commitment stays, no longer a pilot);
 * - repeat: it stays a pilot with a new review date;
 * - stop: the goal becomes `dropped` (a commitment is withdrawn with the reason).
 *
 * Network managers and representatives of the organisations taking part decide
 * (policy `pilot.decide`), always with a short reason. Deciding before the
 * review date is allowed, but only when asked for explicitly (`early: true`);
 * otherwise it is refused so nobody closes a pilot by accident.
 */

/** A review date as sent by a browser; checked by `checkReviewDate` for a message that names the problem. */
export const ZReviewDate = z.string().trim().max(40);

/** The review date, or a 400 that says what is wrong with it: malformed, in the past, or absurdly far. */
export function checkReviewDate(value: string | null | undefined, now = Date.now()): string {
  if (value === null || value === undefined || value === '')
    throw new AppError(400, 'cooperation.errors.reviewDateRequired');
  if (!isCalendarDate(value)) throw new AppError(400, 'cooperation.errors.reviewDateMalformed');
  if (value < today(now)) throw new AppError(400, 'cooperation.errors.reviewDatePast');
  if (value > '2100-12-31') throw new AppError(400, 'cooperation.errors.reviewDateRange');
  return value;
}

export const ZDecidePilot = z
  .object({
    decision: z.enum(PILOT_DECISIONS),
    /** Why: required, a sentence is enough. */
    reason: z.string().max(2000),
    /** The next review date, for `repeat` only. */
    nextReviewOn: ZReviewDate.nullable().optional(),
    /** Decide before the review date has come (must be asked for explicitly). */
    early: z.boolean().default(false),
    /** The goal version the person saw (goals only); a newer one is a 409. */
    expectedVersion: z.number().int().positive().optional(),
  })
  .strict();
export type DecidePilot = z.input<typeof ZDecidePilot>;

/** Checks the parts of a decision every pilot shares; returns the note to keep. */
function decisionNote(
  data: z.output<typeof ZDecidePilot>,
  reviewOn: string | null,
  due: boolean,
  now: number,
): PilotDecisionNote {
  const reason = data.reason.trim();
  if (reason.length < 3) throw new AppError(400, 'cooperation.errors.pilotReasonRequired');
  if (!due && !data.early)
    throw new AppError(
      409,
      reviewOn ? 'cooperation.errors.reviewNotDue' : 'cooperation.errors.reviewNotDueNoDate',
      reviewOn ? { date: reviewOn } : {},
    );
  let nextReviewOn: string | null = null;
  if (data.decision === 'repeat') nextReviewOn = checkReviewDate(data.nextReviewOn, now);
  else if (data.nextReviewOn) throw new AppError(400, 'cooperation.errors.nextReviewOnlyForRepeat');
  return { decision: data.decision, reason, early: !due, nextReviewOn };
}

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
    await recordActivity(q, {
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
    authorize(actor, 'pilot.decide', { type: 'goal', networkId, organisationIds: [c.organisation_id] });
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
    await recordActivity(q, {
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
