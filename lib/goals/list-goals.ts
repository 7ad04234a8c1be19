import { z } from 'zod';
import { today } from '../core/dates';
import { validate } from '../core/validate';
import type { Db, Param } from '../db/types';
import { goalPolicy, requireMember, type Actor } from '../policies';
import { GOAL_STATUSES, presentGoal, type GoalRow } from './records';

export const ZListGoals = z.object({
  status: z.enum(GOAL_STATUSES).optional(),
  organisationId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
  /** `due`: pilots whose review date has come. */
  review: z.enum(['due']).optional(),
  sort: z.enum(['target_asc', 'target_desc', 'updated_desc', 'created_desc']).default('updated_desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListGoals = z.input<typeof ZListGoals>;

const ORDER: Record<z.output<typeof ZListGoals>['sort'], string> = {
  // Goals without a target date come last either way.
  target_asc: 'CASE WHEN g.target_date IS NULL THEN 1 ELSE 0 END, g.target_date ASC, g.id',
  target_desc: 'CASE WHEN g.target_date IS NULL THEN 1 ELSE 0 END, g.target_date DESC, g.id',
  updated_desc: 'g.updated_at DESC, g.id',
  created_desc: 'g.created_at DESC, g.id',
};

/**
 * The goal board: filter by status and participating organisation, search
 * words (every word must appear in title, "why together" or description),
 * pilots due for review,
 * sort by date, one page at a time. Any member of the network may read it.
 */
export async function listGoals(db: Db, actor: Actor, networkId: string, input: ListGoals = {}) {
  requireMember(actor, networkId);
  const f = validate(ZListGoals, input);
  const where = ['g.network_id = ?'];
  const params: Param[] = [networkId];
  if (f.status) {
    where.push('g.status = ?');
    params.push(f.status);
  }
  if (f.organisationId) {
    where.push('EXISTS (SELECT 1 FROM goal_organisations go WHERE go.goal_id = g.id AND go.organisation_id = ?)');
    params.push(f.organisationId);
  }
  if (f.review === 'due') {
    where.push("g.status = 'pilot'", 'g.review_on IS NOT NULL', 'g.review_on <= ?');
    params.push(today());
  }
  for (const word of (f.q ?? '').toLocaleLowerCase('de').split(/\s+/).filter(Boolean).slice(0, 8)) {
    where.push("g.search_text LIKE ? ESCAPE '\\'");
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const total = await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM goals g WHERE ${where.join(' AND ')}`, params);
  const rows = await db.all<GoalRow>(
    `SELECT g.id, g.network_id, g.title, g.why_together, '' AS description, g.status, g.target_date, g.review_on, g.indicators, g.version,
            g.created_by, g.created_at, g.updated_at
       FROM goals g WHERE ${where.join(' AND ')} ORDER BY ${ORDER[f.sort]} LIMIT ? OFFSET ?`,
    [...params, f.limit, f.offset],
  );
  const orgs = rows.length
    ? await db.all<{ goal_id: string; organisation_id: string }>(
        `SELECT goal_id, organisation_id FROM goal_organisations WHERE goal_id IN (${rows.map(() => '?').join(',')})`,
        rows.map((r) => r.id),
      )
    : [];
  return {
    total: Number(total?.c ?? 0),
    limit: f.limit,
    offset: f.offset,
    goals: rows.map((r) =>
      goalPolicy.present(
        actor,
        presentGoal(
          r,
          orgs.filter((o) => o.goal_id === r.id).map((o) => o.organisation_id),
        ),
      ),
    ),
  };
}
