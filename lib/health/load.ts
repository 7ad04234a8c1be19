import type { Param, Queryable } from '../db/types';
import { fromMilli } from '../ledger/units';
import type { Flow } from './graph';

/**
 * The health indicators' SQL, in the subset both databases understand. Every
 * query is bounded by the network and a date range and aggregated in SQL, so
 * the work grows with the number of organisations, not of entries.
 */

/** `count`: the number of exchanges; anything else a ledger unit. */
export type HealthUnit = string;
export const COUNT = 'count';

const WEEK_MS = 7 * 86_400_000;

/**
 * What counts on the map: confirmed entries between two organisations. Entries
 * with the network as a whole on one side are dropped after grouping (`bothSides`):
 * a condition on them here would lead SQLite away from the covering index.
 */
function flowWhere(networkId: string, unit: HealthUnit, from: string, to: string, orgs: readonly string[] | null) {
  const where = ['e.network_id = ?', "e.status = 'confirmed'", 'e.occurred_on >= ?', 'e.occurred_on <= ?'];
  const params: Param[] = [networkId, from, to];
  if (unit !== COUNT) {
    where.push('e.unit = ?');
    params.push(unit);
  }
  if (orgs) {
    const marks = orgs.map(() => '?').join(', ');
    where.push(`e.giver_org_id IN (${marks}) AND e.receiver_org_id IN (${marks})`);
    params.push(...orgs, ...orgs);
  }
  return { sql: where.join(' AND '), params };
}

/**
 * A reversal (a correction, negative amount) takes back its entry: amounts add
 * up to the corrected figure, and the exchange counts minus one.
 */
const COUNT_SQL = 'SUM(CASE WHEN e.amount_milli > 0 THEN 1 ELSE -1 END)';

type FlowRow = { giver: string | null; receiver: string | null; total: number | string; n: number | string };
const bothSides = <R extends FlowRow>(r: R): r is R & { giver: string; receiver: string } =>
  r.giver !== null && r.receiver !== null;
const toFlow =
  (unit: HealthUnit) =>
  (r: FlowRow & { giver: string; receiver: string }): Flow => ({
    giver: r.giver,
    receiver: r.receiver,
    weight: unit === COUNT ? Number(r.n) : fromMilli(r.total),
    count: Number(r.n),
  });

/** Flows over the whole period. */
export async function loadFlows(
  q: Queryable,
  networkId: string,
  unit: HealthUnit,
  from: string,
  to: string,
  orgs: readonly string[] | null,
): Promise<Flow[]> {
  const w = flowWhere(networkId, unit, from, to, orgs);
  const rows = await q.all<FlowRow>(
    `SELECT e.giver_org_id AS giver, e.receiver_org_id AS receiver, SUM(e.amount_milli) AS total, ${COUNT_SQL} AS n
       FROM ledger_entries e WHERE ${w.sql} GROUP BY e.giver_org_id, e.receiver_org_id`,
    w.params,
  );
  return rows.filter(bothSides).map(toFlow(unit));
}

/** Flows per month (`YYYY-MM`) over the period. */
export async function loadMonthlyFlows(
  q: Queryable,
  networkId: string,
  unit: HealthUnit,
  from: string,
  to: string,
  orgs: readonly string[] | null,
): Promise<Map<string, Flow[]>> {
  const w = flowWhere(networkId, unit, from, to, orgs);
  const rows = await q.all<FlowRow & { month: string }>(
    `SELECT SUBSTR(e.occurred_on, 1, 7) AS month, e.giver_org_id AS giver, e.receiver_org_id AS receiver,
            SUM(e.amount_milli) AS total, ${COUNT_SQL} AS n
       FROM ledger_entries e WHERE ${w.sql}
      GROUP BY SUBSTR(e.occurred_on, 1, 7), e.giver_org_id, e.receiver_org_id`,
    w.params,
  );
  const m = new Map<string, Flow[]>();
  const f = toFlow(unit);
  for (const r of rows.filter(bothSides)) {
    const list = m.get(r.month) ?? [];
    list.push(f(r));
    m.set(r.month, list);
  }
  return m;
}

/** Flows per month for every unit and the count at once (for a snapshot). */
export async function loadMonthFlowsAllUnits(q: Queryable, networkId: string, from: string, to: string) {
  const w = flowWhere(networkId, COUNT, from, to, null);
  const rows = await q.all<FlowRow & { unit: string }>(
    `SELECT e.unit, e.giver_org_id AS giver, e.receiver_org_id AS receiver, SUM(e.amount_milli) AS total, ${COUNT_SQL} AS n
       FROM ledger_entries e WHERE ${w.sql} GROUP BY e.unit, e.giver_org_id, e.receiver_org_id`,
    w.params,
  );
  const byUnit = new Map<string, Flow[]>();
  const counts = new Map<string, Flow>();
  for (const r of rows.filter(bothSides)) {
    const list = byUnit.get(r.unit) ?? [];
    list.push(toFlow(r.unit)(r));
    byUnit.set(r.unit, list);
    const k = `${r.giver}|${r.receiver}`;
    const c = counts.get(k) ?? { giver: r.giver, receiver: r.receiver, weight: 0, count: 0 };
    c.weight += Number(r.n);
    c.count += Number(r.n);
    counts.set(k, c);
  }
  byUnit.set(COUNT, [...counts.values()]);
  return byUnit;
}

/** One organisation's (or the network's) contributions in one week. */
export interface WeekFigures {
  /** Confirmed entries it gave: the amount in the chosen unit, or their number. */
  given: number;
  /** Entries given (their number, whatever the unit): part of the investment index. */
  entries: number;
  commitmentsMade: number;
  commitmentsDelivered: number;
  /** Its people's actions in the activity log (goals, ledger, commitments, meetings). */
  participation: number;
}
export const emptyWeek = (): WeekFigures => ({
  given: 0,
  entries: 0,
  commitmentsMade: 0,
  commitmentsDelivered: 0,
  participation: 0,
});
/** The investment index of a week: every contribution counts one. */
export const investmentIndex = (w: WeekFigures) =>
  w.entries + w.commitmentsMade + w.commitmentsDelivered + w.participation;

/** Activity kinds that are participation (administration such as invitations and joining is not). */
const PARTICIPATION = [
  "a.kind LIKE 'goal.%'",
  "a.kind LIKE 'ledger.%'",
  "a.kind LIKE 'commitment.%'",
  "a.kind LIKE 'meeting.%'",
];

/**
 * Per organisation and week (the Monday of each of `weeks`, consecutive), the
 * figures of investment. `weeks[0]` is the first week; everything before it
 * and after the last week is left out.
 */
export async function loadWeeklyInvestment(
  q: Queryable,
  networkId: string,
  unit: HealthUnit,
  weeks: readonly string[],
): Promise<Map<string, WeekFigures[]>> {
  const first = weeks[0];
  const startMs = Date.parse(`${first}T00:00:00Z`);
  const endMs = startMs + weeks.length * WEEK_MS;
  const last = new Date(endMs - 86_400_000).toISOString().slice(0, 10);
  const out = new Map<string, WeekFigures[]>();
  const spare = emptyWeek();
  const at = (org: string, week: number) => {
    if (!(week >= 0 && week < weeks.length)) return spare;
    let s = out.get(org);
    if (!s) out.set(org, (s = weeks.map(emptyWeek)));
    return s[week];
  };
  const weekOfDate = (d: string) => Math.floor((Date.parse(`${d}T00:00:00Z`) - startMs) / WEEK_MS);

  const given = await q.all<{ org: string; day: string; unit: string; total: number | string; n: number | string }>(
    `SELECT e.giver_org_id AS org, e.occurred_on AS day, e.unit, SUM(e.amount_milli) AS total, ${COUNT_SQL} AS n
       FROM ledger_entries e
      WHERE e.network_id = ? AND e.status = 'confirmed' AND e.giver_org_id IS NOT NULL AND e.occurred_on >= ? AND e.occurred_on <= ?
      GROUP BY e.giver_org_id, e.occurred_on, e.unit`,
    [networkId, first, last],
  );
  for (const r of given) {
    const w = at(r.org, weekOfDate(r.day));
    w.entries += Number(r.n);
    if (unit === COUNT) w.given += Number(r.n);
    else if (r.unit === unit) w.given += fromMilli(r.total);
  }

  // Week number since the first Monday; CAST truncates (SQLite divides a bound number as a real).
  const byWeek = async (sql: string, params: Param[]) =>
    q.all<{ org: string; week: number | string; n: number | string }>(
      `SELECT y.org, y.week, COUNT(*) AS n
         FROM (SELECT x.org, CAST((x.t - ?) / ${WEEK_MS} AS INTEGER) AS week FROM (${sql}) x) y
        GROUP BY y.org, y.week`,
      [startMs, ...params],
    );
  const made = await byWeek(
    'SELECT c.organisation_id AS org, c.created_at AS t FROM commitments c WHERE c.network_id = ? AND c.created_at >= ? AND c.created_at < ?',
    [networkId, startMs, endMs],
  );
  for (const r of made) at(r.org, Number(r.week)).commitmentsMade += Number(r.n);
  const delivered = await byWeek(
    "SELECT c.organisation_id AS org, c.delivered_at AS t FROM commitments c WHERE c.network_id = ? AND c.status = 'delivered' AND c.delivered_at >= ? AND c.delivered_at < ?",
    [networkId, startMs, endMs],
  );
  for (const r of delivered) at(r.org, Number(r.week)).commitmentsDelivered += Number(r.n);
  const acts = await byWeek(
    `SELECT m.organisation_id AS org, a.created_at AS t
       FROM activity a JOIN memberships m ON m.network_id = a.network_id AND m.user_id = a.actor_id
      WHERE a.network_id = ? AND m.organisation_id IS NOT NULL AND a.created_at >= ? AND a.created_at < ?
        AND (${PARTICIPATION.join(' OR ')})`,
    [networkId, startMs, endMs],
  );
  for (const r of acts) at(r.org, Number(r.week)).participation += Number(r.n);
  return out;
}

/** A planned date ahead: an open commitment's due date or a pilot's review, with when it was planned and when it stopped being open. */
export interface PlannedItem {
  date: string;
  /** When it was planned (ms). */
  since: number;
  /** When it stopped being ahead (delivered, withdrawn, decided; ms), or null while open. */
  until: number | null;
}

/**
 * Everything planned in the network that the horizon looks at: due dates of
 * commitments (open, or closed since — so a horizon in the past can be
 * reconstructed), commitments' and goals' pilot reviews.
 */
export async function loadPlanned(q: Queryable, networkId: string): Promise<PlannedItem[]> {
  const commitments = await q.all<{
    due_on: string;
    pilot_review_on: string | null;
    status: string;
    created_at: number | string;
    updated_at: number | string;
    delivered_at: number | string | null;
  }>(
    'SELECT due_on, pilot_review_on, status, created_at, updated_at, delivered_at FROM commitments WHERE network_id = ?',
    [networkId],
  );
  const items: PlannedItem[] = [];
  for (const c of commitments) {
    const closed =
      c.status === 'delivered'
        ? Number(c.delivered_at ?? c.updated_at)
        : c.status === 'withdrawn'
          ? Number(c.updated_at)
          : null;
    items.push({ date: c.due_on, since: Number(c.created_at), until: closed });
    if (c.pilot_review_on) items.push({ date: c.pilot_review_on, since: Number(c.created_at), until: closed });
  }
  const goals = await q.all<{ review_on: string; created_at: number | string }>(
    "SELECT review_on, created_at FROM goals WHERE network_id = ? AND status = 'pilot' AND review_on IS NOT NULL",
    [networkId],
  );
  for (const g of goals) items.push({ date: g.review_on, since: Number(g.created_at), until: null });
  return items;
}

/** The planned dates that were ahead and open at the end of day `date`. */
export function plannedAt(items: readonly PlannedItem[], date: string): string[] {
  const end = Date.parse(`${date}T23:59:59.999Z`);
  return items
    .filter((i) => i.since <= end && (i.until === null || i.until > end) && i.date >= date)
    .map((i) => i.date);
}
