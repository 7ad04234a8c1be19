import type { Period } from './records';

/**
 * Months and quarters as calendar days (UTC, like every date of the ledger):
 * the period a day falls in, and the periods a date range touches.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the month or quarter `day` falls in, and the first day of the next one. */
export function periodOf(day: string, period: Period): { start: string; end: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const first = period === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  const len = period === 'month' ? 1 : 3;
  const nextM = first + len;
  return {
    start: `${y}-${pad(first)}-01`,
    end: nextM > 12 ? `${y + 1}-${pad(nextM - 12)}-01` : `${y}-${pad(nextM)}-01`,
  };
}

/** Milliseconds at the start of a calendar day (UTC). */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** How many months or quarters the days `from`…`to` (inclusive) touch. */
export function periodsIn(from: string, to: string, period: Period): number {
  if (from > to) return 0;
  let n = 0;
  for (let p = periodOf(from, period); p.start <= to; p = periodOf(p.end, period)) n++;
  return n;
}

/** A label for a period: `2026-11` or `2026-Q4`. */
export function periodLabel(day: string, period: Period): string {
  const { start } = periodOf(day, period);
  return period === 'month' ? start.slice(0, 7) : `${start.slice(0, 4)}-Q${(Number(start.slice(5, 7)) + 2) / 3}`;
}
