import { z } from 'zod';
import { InputError } from '../errors';

/**
 * Calendar dates (`YYYY-MM-DD`, UTC) as the ledger, commitments and pilots
 * use them: days, not instants, so they compare as strings.
 */

/** True for a real calendar date `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A real calendar date `YYYY-MM-DD` (not 2026-02-30). */
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'YYYY-MM-DD' })
  .refine(isCalendarDate, { message: 'YYYY-MM-DD' });

/** Today as `YYYY-MM-DD` in UTC (dates in the ledger are calendar days, not instants). */
export function today(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/**
 * A calendar date as a moment (noon UTC, the same day in Europe), for an ICU message that formats it in the
 * reader's language: `{date, date, long}` ("31 December 2026", "31. Dezember 2026"). Values that travel as
 * JSON stay numbers, so the browser formats them too.
 */
export function dayMoment(date: string): number {
  return Date.parse(`${date}T12:00:00Z`);
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Refuses a date before today (a due date, a target date): a 400 that marks
 * the field and says so in the person's language ("This date lies in the
 * past"), instead of accepting it silently.
 */
export function refuseInPast(date: string | null | undefined, field: string, now = Date.now()): void {
  if (date && date < today(now))
    throw new InputError([{ code: 'custom', path: [field], message: 'fields.issue.pastDate', input: date }]);
}
