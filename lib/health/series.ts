import { addDays } from '../core/dates';
import { DORMANT_NETWORK_SHARE } from './thresholds';

/**
 * Weeks, months and quarters, and the empty-shell rule (concept 9): when an
 * organisation's investment falls week after week, the network keeps its form
 * and loses its life.
 */

/** The Monday (UTC) of the ISO week a calendar date falls in. */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(date, -((day + 6) % 7));
}

/**
 * The last `count` complete weeks before the week `today` falls in, oldest
 * first, each as its Monday.
 */
export function completeWeeks(today: string, count: number): string[] {
  const current = weekStart(today);
  return Array.from({ length: count }, (_, i) => addDays(current, -7 * (count - i)));
}

/** `YYYY-MM` of a date; `YYYY-Qn` of a month. */
export const monthOf = (date: string) => date.slice(0, 7);
export const quarterOf = (month: string) =>
  `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** Every month from `from` to `to` (both `YYYY-MM`), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The last calendar day of a month `YYYY-MM`. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * How many of the latest weeks in a row were "down": lower than the week
 * before, or without any investment at all. The first week of the series has
 * no week before it and counts as down only when it is zero.
 */
export function downStreak(series: readonly number[]): number {
  let streak = 0;
  for (let i = series.length - 1; i >= 0; i--) {
    const down = series[i] === 0 || (i > 0 && series[i] < series[i - 1]);
    if (!down) break;
    streak++;
  }
  return streak;
}

/** Dormant: the last `weeks` complete weeks were all down. */
export function isDormant(series: readonly number[], weeks: number): boolean {
  return downStreak(series) >= weeks;
}

/** The network is warned when more than half (DORMANT_NETWORK_SHARE) of its active organisations are dormant. */
export function isNetworkDormant(dormant: number, organisations: number): boolean {
  return organisations > 0 && dormant / organisations > DORMANT_NETWORK_SHARE;
}
