import { z } from 'zod';
import type { Queryable } from '../db/types';
import { AppError } from '../errors';
import { isReviewDue } from './pilot';

/**
 * A shared goal: what organisations of a network want to reach together, with
 * its status, target date, indicators and participating organisations. Its
 * text is a collaborative document (`description-doc.ts`); every change to
 * the accountable parts is a new version (`revisions.ts`).
 */

export interface GoalRow {
  id: string;
  network_id: string;
  title: string;
  why_together: string;
  description: string;
  status: GoalStatus;
  target_date: string | null;
  /** Review date of a pilot (YYYY-MM-DD); NULL for any other status. */
  review_on?: string | null;
  /** JSON structure of the last saved description (see description-doc.ts); '' when none was kept. */
  description_doc?: string;
  indicators: string;
  version: number;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A pilot is tried for a while and then reviewed (`pilot.ts`). */
export const GOAL_STATUSES = ['proposed', 'pilot', 'active', 'achieved', 'revised', 'dropped'] as const;

export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** The goal in this network, or 404 (a goal of another network does not exist here). */
export async function loadGoal(
  q: Queryable,
  networkId: string,
  goalId: string,
): Promise<GoalRow & { organisationIds: string[] }> {
  const row = z.uuid().safeParse(goalId).success
    ? await q.get<GoalRow>('SELECT * FROM goals WHERE id = ? AND network_id = ?', [goalId, networkId])
    : undefined;
  if (!row) throw new AppError(404, 'cooperation.errors.goalNotFound');
  const orgs = await q.all<{ organisation_id: string }>(
    'SELECT organisation_id FROM goal_organisations WHERE goal_id = ?',
    [goalId],
  );
  return { ...row, organisationIds: orgs.map((o) => o.organisation_id) };
}

/** One goal as the API presents it. */
export function presentGoal(row: GoalRow, organisationIds: string[], now = Date.now()) {
  return {
    id: row.id,
    networkId: row.network_id,
    title: row.title,
    whyTogether: row.why_together,
    description: row.description,
    status: row.status,
    targetDate: row.target_date,
    reviewOn: row.review_on ?? null,
    reviewDue: isReviewDue(row.status, row.review_on, now),
    indicators: parseIndicators(row.indicators),
    version: Number(row.version),
    organisationIds,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
export type Goal = ReturnType<typeof presentGoal>;

export const ZIndicator = z.object({
  id: z.string().trim().min(1).max(40).optional(),
  label: z.string().trim().min(1).max(200),
  unit: z.string().trim().max(40).default(''),
  target: z.number().finite().min(0).max(1e12),
  current: z.number().finite().min(0).max(1e12).default(0),
});
export type Indicator = z.output<typeof ZIndicator> & { id: string };

/** The stored indicators; a malformed list reads as none rather than breaking the goal. */
export function parseIndicators(json: string): Indicator[] {
  const parsed = z.array(ZIndicator).safeParse(JSON.parse(json || '[]'));
  return parsed.success ? parsed.data.map((i, n) => ({ ...i, id: i.id ?? `i${n + 1}` })) : [];
}

/** The lower-cased words the goal board searches (goals.search_text). */
export function searchText(...parts: string[]): string {
  return parts.join(' \n').toLocaleLowerCase('de');
}
