import { z } from 'zod';
import type { Queryable } from '../db/types';
import { today } from '../core/dates';
import { AppError } from '../errors';

/**
 * Pieces the cooperation commands share: units and amounts, loading goals
 * and organisations of one network.
 */

export const BUILTIN_UNITS = ['hours', 'expertise_days', 'contacts', 'space', 'equipment', 'money_eur'] as const;
export type BuiltinUnit = (typeof BUILTIN_UNITS)[number];

/** The largest amount one entry or commitment may carry, per unit: anything above is a typo, not a contribution. */
export const MAX_AMOUNT: Record<BuiltinUnit | 'custom', number> = {
  hours: 10_000,
  expertise_days: 1_000,
  contacts: 10_000,
  space: 10_000,
  equipment: 10_000,
  money_eur: 10_000_000,
  custom: 1_000_000,
};

export const ZUnit = z.string().trim().min(1).max(80);

/** A positive amount with at most three decimals (stored as thousandths). */
export const ZAmount = z
  .number()
  .finite()
  .positive()
  .refine((n) => Math.abs(Math.round(n * 1000) - n * 1000) < 1e-6, { message: 'max. 3 decimals' });

export const toMilli = (n: number) => Math.round(n * 1000);
export const fromMilli = (n: number | string | null | undefined) => Number(n ?? 0) / 1000;

/** Checks that a unit exists for the network and the amount is sensible for it. */
export async function checkUnitAmount(q: Queryable, networkId: string, unit: string, amount: number): Promise<void> {
  let max: number;
  if ((BUILTIN_UNITS as readonly string[]).includes(unit)) {
    max = MAX_AMOUNT[unit as BuiltinUnit];
  } else {
    const row = await q.get('SELECT unit_key FROM network_units WHERE network_id = ? AND unit_key = ?', [
      networkId,
      unit,
    ]);
    if (!row) throw new AppError(400, 'cooperation.errors.unknownUnit', { unit });
    max = MAX_AMOUNT.custom;
  }
  if (!(amount > 0)) throw new AppError(400, 'cooperation.errors.amountPositive');
  if (amount > max) throw new AppError(400, 'cooperation.errors.amountTooLarge', { max });
}

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

export const GOAL_STATUSES = ['proposed', 'pilot', 'active', 'achieved', 'revised', 'dropped'] as const;

/** What a pilot's review decides (concept 6): deepen, repeat or stop. */
export const PILOT_DECISIONS = ['deepen', 'repeat', 'stop'] as const;
export type PilotDecision = (typeof PILOT_DECISIONS)[number];
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

/** The organisation, active or paused, in this network, or a 400 naming the problem. */
export async function loadOrganisation(q: Queryable, networkId: string, orgId: string) {
  const row = z.uuid().safeParse(orgId).success
    ? await q.get<{ id: string; name: string; status: string }>(
        'SELECT id, name, status FROM organisations WHERE id = ? AND network_id = ?',
        [orgId, networkId],
      )
    : undefined;
  if (!row || row.status === 'left') throw new AppError(400, 'cooperation.errors.unknownOrganisation');
  return row;
}

/** A pilot whose review date has come: "deepen, repeat or stop?" is due. */
export function isReviewDue(status: string, reviewOn: string | null | undefined, now = Date.now()): boolean {
  return status === 'pilot' && !!reviewOn && reviewOn <= today(now);
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

export function parseIndicators(json: string): Indicator[] {
  const parsed = z.array(ZIndicator).safeParse(JSON.parse(json || '[]'));
  return parsed.success ? parsed.data.map((i, n) => ({ ...i, id: i.id ?? `i${n + 1}` })) : [];
}

export function searchText(...parts: string[]): string {
  return parts.join(' \n').toLocaleLowerCase('de');
}
