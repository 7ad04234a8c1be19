import { z } from 'zod';
import { record } from '../activity/record';
import { refuseInPast, ZDate } from '../core/dates';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { loadOrganisation } from '../networks/load-organisation';
import { authorize, requireMember, type Actor } from '../policies';
import { checkReviewDate, ZReviewDate } from './pilot';
import { GOAL_STATUSES, ZIndicator, loadGoal, parseIndicators, presentGoal, searchText, type GoalRow } from './records';
import { writeRevision } from './revisions';

export const ZUpdateGoal = z
  .object({
    /** The version the person saw; a newer one on the server is a 409 (someone else changed it). */
    expectedVersion: z.number().int().positive().optional(),
    title: z.string().trim().min(3).max(200).optional(),
    whyTogether: z.string().trim().max(4000).optional(),
    status: z.enum(GOAL_STATUSES).optional(),
    targetDate: ZDate.nullable().optional(),
    /** Review date of a pilot: required when the status becomes `pilot`; cleared when it leaves `pilot`. */
    reviewOn: ZReviewDate.nullable().optional(),
    indicators: z.array(ZIndicator).max(20).optional(),
    organisationIds: z.array(z.uuid()).max(500).optional(),
  })
  .strict();
export type UpdateGoal = z.input<typeof ZUpdateGoal>;

/**
 * Changes a goal's accountable parts: title, "why together", status, target
 * date, indicators (and their progress), participating organisations.
 * Network managers and representatives of participating organisations may.
 * Every change becomes a new version in the revision history, with who and when.
 * A goal that becomes a pilot needs a review date (not in the past); one that
 * leaves `pilot` here (instead of through the review decision) loses it.
 */
export async function updateGoal(db: Db, actor: Actor, networkId: string, goalId: string, input: UpdateGoal) {
  requireMember(actor, networkId);
  const data = validate(ZUpdateGoal, input);
  const now = Date.now();
  return db.tx(async (q) => {
    const goal = await loadGoal(q, networkId, goalId);
    authorize(actor, 'goal.update', { type: 'goal', networkId, organisationIds: goal.organisationIds });
    if (data.expectedVersion !== undefined && data.expectedVersion !== Number(goal.version)) {
      throw new AppError(409, 'cooperation.errors.goalChanged');
    }
    const next: GoalRow = { ...goal, version: Number(goal.version) + 1, updated_at: now };
    const changed: string[] = [];
    if (data.title !== undefined && data.title !== goal.title) {
      next.title = data.title;
      changed.push('title');
    }
    if (data.whyTogether !== undefined && data.whyTogether !== goal.why_together) {
      next.why_together = data.whyTogether;
      changed.push('whyTogether');
    }
    if (data.status !== undefined && data.status !== goal.status) {
      // Concept 6: a pilot ends only through its review (deepen, repeat or stop, with a reason), never by a bare status change.
      if (goal.status === 'pilot') throw new AppError(409, 'cooperation.errors.pilotEndsByReview');
      next.status = data.status;
      changed.push('status');
    }
    if (data.targetDate !== undefined && data.targetDate !== goal.target_date) {
      // A new target date in the past is refused; one that has passed since stays as it is.
      refuseInPast(data.targetDate, 'targetDate', now);
      next.target_date = data.targetDate;
      changed.push('targetDate');
    }
    if (next.status === 'pilot') {
      // A pilot always has a review date: given now, or kept from before when it already was a pilot.
      const reviewOn =
        data.reviewOn !== undefined
          ? checkReviewDate(data.reviewOn)
          : goal.status === 'pilot' && goal.review_on
            ? goal.review_on
            : checkReviewDate(null);
      if (reviewOn !== (goal.review_on ?? null)) {
        next.review_on = reviewOn;
        changed.push('reviewOn');
      }
    } else {
      if (data.reviewOn) throw new AppError(400, 'cooperation.errors.reviewOnlyForPilot');
      if (goal.review_on) {
        next.review_on = null;
        changed.push('reviewOn');
      }
    }
    if (data.indicators !== undefined) {
      const indicators = JSON.stringify(data.indicators.map((i, n) => ({ ...i, id: i.id ?? `i${n + 1}` })));
      if (indicators !== JSON.stringify(parseIndicators(goal.indicators))) {
        next.indicators = indicators;
        changed.push('indicators');
      }
    }
    let orgIds = goal.organisationIds;
    if (data.organisationIds !== undefined) {
      const wanted = [...new Set(data.organisationIds)];
      if (wanted.length === 0) throw new AppError(400, 'cooperation.errors.goalNeedsOrganisation');
      if ([...wanted].sort().join() !== [...orgIds].sort().join()) {
        for (const id of wanted) if (!orgIds.includes(id)) await loadOrganisation(q, networkId, id);
        await q.run('DELETE FROM goal_organisations WHERE goal_id = ?', [goalId]);
        for (const id of wanted)
          await q.run('INSERT INTO goal_organisations (goal_id, organisation_id) VALUES (?, ?)', [goalId, id]);
        orgIds = wanted;
        changed.push('organisations');
      }
    }
    if (changed.length === 0) return presentGoal(goal, orgIds);
    await q.run(
      `UPDATE goals SET title = ?, why_together = ?, status = ?, target_date = ?, review_on = ?, indicators = ?, version = ?, updated_at = ?,
                        search_text = ?
        WHERE id = ? AND version = ?`,
      [
        next.title,
        next.why_together,
        next.status,
        next.target_date,
        next.review_on ?? null,
        next.indicators,
        next.version,
        now,
        searchText(next.title, next.why_together, next.description),
        goalId,
        goal.version,
      ],
    );
    await writeRevision(q, next, actor.userId, changed, null, now);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'goal.updated',
      subjectId: goalId,
      data: { changed, version: next.version, status: next.status },
      at: now,
    });
    return presentGoal(next, orgIds);
  });
}
