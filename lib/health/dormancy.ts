import type { Queryable } from '../db/types';
import { COUNT, emptyWeek, investmentIndex, loadWeeklyInvestment } from './load';
import { completeWeeks, downStreak, isNetworkDormant } from './series';
import { CONTRIBUTION_LOOKBACK_WEEKS as LOOKBACK_WEEKS, DEFAULT_DORMANCY_WEEKS } from './thresholds';

export interface Dormancy {
  /** After how many falling weeks in a row an organisation counts as dormant (the network's setting). */
  weeks: number;
  /** Active organisations whose investment fell `weeks` complete weeks in a row, longest streak first. */
  dormant: { id: string; name: string; streak: number }[];
  /** Active organisations (those that contributed within the year count for the network's warning). */
  active: number;
  /** Most active organisations are dormant: the network itself is warned (the empty shell). */
  networkDormant: boolean;
}

/**
 * The empty-shell warning outside the health page ("for me", the bell and the
 * digest): the same rule as the health page's investment section
 * (lib/health/get-health.ts), counted in contributions, over just enough
 * complete weeks to see the streak.
 */
export async function loadDormancy(q: Queryable, networkId: string, today: string): Promise<Dormancy> {
  const n = await q.get<{ dormancy_weeks: number | string | null }>(
    'SELECT dormancy_weeks FROM networks WHERE id = ?',
    [networkId],
  );
  const weeks = Number(n?.dormancy_weeks ?? DEFAULT_DORMANCY_WEEKS);
  const orgs = await q.all<{ id: string; name: string }>(
    "SELECT id, name FROM organisations WHERE network_id = ? AND status = 'active' ORDER BY name",
    [networkId],
  );
  // A year of complete weeks: "falling" needs something to fall from, so an organisation that contributed
  // nothing in that year (a new network, a new member) is not warned here; the health page shows it as it is.
  const span = completeWeeks(today, Math.max(LOOKBACK_WEEKS, weeks + 2));
  const weekly = await loadWeeklyInvestment(q, networkId, COUNT, span);
  const dormant = orgs
    .map((o) => {
      const index = (weekly.get(o.id) ?? span.map(emptyWeek)).map(investmentIndex);
      return { ...o, streak: downStreak(index), invested: index.some((x) => x > 0) };
    })
    .filter((o) => o.invested && o.streak >= weeks)
    .map(({ id, name, streak }) => ({ id, name, streak }))
    .sort((a, b) => b.streak - a.streak || a.name.localeCompare(b.name));
  return { weeks, dormant, active: orgs.length, networkDormant: isNetworkDormant(dormant.length, orgs.length) };
}
