import { HORIZON_SHRINK, REPEATED_EXCHANGES } from './thresholds';

/**
 * The shadow of the future (concept 8): cooperation without central control
 * lives on long horizons and repeated exchanges.
 */

export interface Horizon {
  /** Planned dates ahead counted. */
  planned: number;
  /** Days from the reference day to the median and the furthest planned date; null when nothing is planned. */
  medianDays: number | null;
  furthestDays: number | null;
  furthestDate: string | null;
}

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The horizon seen from `today`: planned dates on or after it (earlier ones are overdue, not ahead). */
export function horizonOf(dates: readonly string[], today: string): Horizon {
  const ahead = dates
    .filter((d) => d >= today)
    .map((d) => days(today, d))
    .sort((a, b) => a - b);
  if (!ahead.length) return { planned: 0, medianDays: null, furthestDays: null, furthestDate: null };
  const mid = Math.floor(ahead.length / 2);
  const median = ahead.length % 2 ? ahead[mid] : (ahead[mid - 1] + ahead[mid]) / 2;
  const furthest = ahead[ahead.length - 1];
  return {
    planned: ahead.length,
    medianDays: median,
    furthestDays: furthest,
    furthestDate:
      dates
        .filter((d) => d >= today)
        .sort()
        .at(-1) ?? null,
  };
}

export interface HorizonChange {
  /** Today's median over the median a quarter ago; null when there is nothing to compare. */
  ratio: number | null;
  /** True when the median horizon fell below HORIZON_SHRINK of what it was, or nothing is planned any more. */
  shrinking: boolean;
}

/** Has the horizon shrunk against a quarter ago? */
export function horizonChange(now: Horizon, before: Horizon | null): HorizonChange {
  if (!before || before.medianDays === null || before.medianDays <= 0) return { ratio: null, shrinking: false };
  if (now.medianDays === null) return { ratio: 0, shrinking: true };
  const ratio = Math.round((now.medianDays / before.medianDays) * 1000) / 1000;
  return { ratio, shrinking: ratio < HORIZON_SHRINK };
}

export interface PairExchanges {
  a: string;
  b: string;
  exchanges: number;
}

/** Exchanges per pair of partners, either direction, most first; and how many pairs came back to each other. */
export function pairExchanges(flows: readonly { giver: string; receiver: string; count: number }[]) {
  const m = new Map<string, PairExchanges>();
  for (const f of flows) {
    if (f.giver === f.receiver) continue;
    const [a, b] = f.giver < f.receiver ? [f.giver, f.receiver] : [f.receiver, f.giver];
    const k = `${a}|${b}`;
    const v = m.get(k) ?? { a, b, exchanges: 0 };
    v.exchanges += f.count;
    m.set(k, v);
  }
  const pairs = [...m.values()]
    .filter((p) => p.exchanges > 0)
    .sort((x, y) => y.exchanges - x.exchanges || (x.a + x.b).localeCompare(y.a + y.b));
  const repeated = pairs.filter((p) => p.exchanges >= REPEATED_EXCHANGES).length;
  return {
    pairs,
    total: pairs.length,
    repeated,
    share: pairs.length ? Math.round((repeated / pairs.length) * 1000) / 1000 : null,
  };
}
