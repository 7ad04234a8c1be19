import { z } from 'zod';
import { addDays, today, ZDate } from '../core/dates';
import { AppError } from '../errors';
import { COUNT } from './load';
import { DORMANCY_WEEKS_MAX, DORMANCY_WEEKS_MIN } from './thresholds';

/** The longest period one health read covers. */
export const MAX_PERIOD_DAYS = 5 * 366;
/** The default period: the last twelve months. */
export const DEFAULT_PERIOD_DAYS = 365;
/** At most this many organisations in a filter. */
export const MAX_FILTER_ORGANISATIONS = 200;

/**
 * The health read's query: the unit (`count` for the number of exchanges, or
 * a ledger unit), the period (`from`, `to`, calendar days) and the
 * organisations (comma-separated ids: the map then shows the flows among them).
 */
export const ZHealthQuery = z.object({
  unit: z.string().trim().min(1).max(80).default(COUNT),
  from: ZDate.optional(),
  to: ZDate.optional(),
  organisations: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.uuid()).max(MAX_FILTER_ORGANISATIONS))
    .optional(),
});
export type HealthQueryInput = z.input<typeof ZHealthQuery>;

export interface HealthQuery {
  unit: string;
  from: string;
  to: string;
  organisations: string[] | null;
}

/** Fills in the defaults and checks what a schema cannot say alone (400 with a message). */
export function resolveQuery(q: z.output<typeof ZHealthQuery>, now: number): HealthQuery {
  const to = q.to ?? today(now);
  const from = q.from ?? addDays(to, -DEFAULT_PERIOD_DAYS);
  if (from > to) throw new AppError(400, 'health.errors.fromAfterTo', { from, to });
  if (Date.parse(to) - Date.parse(from) > MAX_PERIOD_DAYS * 86_400_000)
    throw new AppError(400, 'health.errors.periodTooLong', { years: 5 });
  const orgs = q.organisations?.length ? [...new Set(q.organisations)] : null;
  return { unit: q.unit, from, to, organisations: orgs };
}

/** Dormancy weeks, as managers set them. */
export const ZDormancyWeeks = z.object({
  dormancyWeeks: z.number().int().min(DORMANCY_WEEKS_MIN).max(DORMANCY_WEEKS_MAX),
});
