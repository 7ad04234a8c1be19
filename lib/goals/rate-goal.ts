import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { loadOrganisation } from '../networks/load-organisation';
import { authorize, requireMember, type Actor } from '../policies';
import { loadGoal } from './records';

const ZScore = z.number().int().min(1).max(5);
export const ZRateGoal = z.object({
  organisationId: z.uuid(),
  attractive: ZScore,
  concrete: ZScore,
  flexible: ZScore,
  comment: z.string().trim().max(2000).default(''),
});
export type RateGoal = z.input<typeof ZRateGoal>;

/**
 * Sets (or changes) an organisation's one rating of a goal on the three
 * scales: attractive & visionary, concrete & realistic, flexible (1–5), with
 * a comment. Only that organisation's people (representatives, home members)
 * may; nobody rates in another organisation's name, managers included.
 */
export async function rateGoal(db: Db, actor: Actor, networkId: string, goalId: string, input: RateGoal) {
  requireMember(actor, networkId);
  const data = validate(ZRateGoal, input);
  authorize(actor, 'goal.rate', { type: 'organisation', networkId, organisationId: data.organisationId });
  const now = Date.now();
  return db.tx(async (q) => {
    await loadGoal(q, networkId, goalId);
    await loadOrganisation(q, networkId, data.organisationId);
    const had = await q.get('SELECT goal_id FROM goal_ratings WHERE goal_id = ? AND organisation_id = ?', [
      goalId,
      data.organisationId,
    ]);
    if (had) {
      await q.run(
        `UPDATE goal_ratings SET attractive = ?, concrete = ?, flexible = ?, comment = ?, rated_by = ?, updated_at = ?
          WHERE goal_id = ? AND organisation_id = ?`,
        [data.attractive, data.concrete, data.flexible, data.comment, actor.userId, now, goalId, data.organisationId],
      );
    } else {
      await q.run(
        `INSERT INTO goal_ratings (goal_id, organisation_id, attractive, concrete, flexible, comment, rated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [goalId, data.organisationId, data.attractive, data.concrete, data.flexible, data.comment, actor.userId, now],
      );
    }
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'goal.rated',
      subjectId: goalId,
      data: {
        organisationId: data.organisationId,
        attractive: data.attractive,
        concrete: data.concrete,
        flexible: data.flexible,
        changed: !!had,
      },
      at: now,
    });
    return { goalId, ...data, ratedBy: actor.userId, updatedAt: now };
  });
}
