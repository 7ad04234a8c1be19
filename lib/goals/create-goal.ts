import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { refuseInPast, ZDate } from '../core/dates';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { loadOrganisation } from '../networks/load-organisation';
import { authorize, requireMember, type Actor } from '../policies';
import { checkReviewDate, ZReviewDate } from './pilot';
import { GOAL_STATUSES, ZIndicator, presentGoal, searchText, type GoalRow } from './records';
import { writeRevision } from './revisions';

export const ZCreateGoal = z.object({
  title: z.string().trim().min(3).max(200),
  whyTogether: z.string().trim().max(4000).default(''),
  description: z.string().max(100_000).default(''),
  status: z.enum(GOAL_STATUSES).default('proposed'),
  targetDate: ZDate.nullable().default(null),
  /** Review date of a pilot: required when the status is `pilot`, not in the past. */
  reviewOn: ZReviewDate.nullable().default(null),
  indicators: z.array(ZIndicator).max(20).default([]),
  organisationIds: z.array(z.uuid()).max(500).default([]),
});
export type CreateGoal = z.input<typeof ZCreateGoal>;

/**
 * Proposes a shared goal. Network managers and representatives may; a
 * representative's own organisation always takes part. Every participating
 * organisation must belong to the network (400 otherwise, nothing written).
 * A pilot needs a review date (not in the past). Writes version 1 of the
 * goal's revision history.
 */
export async function createGoal(db: Db, actor: Actor, networkId: string, input: CreateGoal) {
  requireMember(actor, networkId);
  authorize(actor, 'goal.create', { type: 'network', networkId });
  const data = validate(ZCreateGoal, input);
  refuseInPast(data.targetDate, 'targetDate');
  const reviewOn = data.status === 'pilot' ? checkReviewDate(data.reviewOn) : null;
  if (data.status !== 'pilot' && data.reviewOn) throw new AppError(400, 'cooperation.errors.reviewOnlyForPilot');
  const own = actor.membership?.role === 'representative' ? actor.membership.organisationId : null;
  const orgIds = [...new Set([...(own ? [own] : []), ...data.organisationIds])];
  const indicators = data.indicators.map((i, n) => ({ ...i, id: i.id ?? `i${n + 1}` }));
  const id = randomUUID();
  const now = Date.now();
  return db.tx(async (q) => {
    for (const orgId of orgIds) await loadOrganisation(q, networkId, orgId);
    const row: GoalRow = {
      id,
      network_id: networkId,
      title: data.title,
      why_together: data.whyTogether,
      description: data.description,
      status: data.status,
      target_date: data.targetDate,
      review_on: reviewOn,
      description_doc: '',
      indicators: JSON.stringify(indicators),
      version: 1,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await q.run(
      `INSERT INTO goals (id, network_id, title, why_together, description, status, target_date, review_on, indicators, version,
                          created_by, created_at, updated_at, search_text)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
      [
        id,
        networkId,
        row.title,
        row.why_together,
        row.description,
        row.status,
        row.target_date,
        reviewOn,
        row.indicators,
        actor.userId,
        now,
        now,
        searchText(row.title, row.why_together, row.description),
      ],
    );
    for (const orgId of orgIds)
      await q.run('INSERT INTO goal_organisations (goal_id, organisation_id) VALUES (?, ?)', [id, orgId]);
    await writeRevision(q, row, actor.userId, ['created'], null, now);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'goal.created',
      subjectId: id,
      data: { title: row.title },
      at: now,
    });
    return presentGoal(row, orgIds);
  });
}
