import { addDays, today as todayOf } from '../core/dates';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { BUILTIN_UNITS } from '../ledger/units';
import { can, requireMember, type Actor } from '../policies';
import { exchangeGraph, given, structure, type Flow, type Structure } from './graph';
import { horizonChange, horizonOf, pairExchanges, type Horizon } from './horizon';
import {
  COUNT,
  investmentIndex,
  loadFlows,
  loadMonthlyFlows,
  loadPlanned,
  loadWeeklyInvestment,
  plannedAt,
  type WeekFigures,
  emptyWeek,
} from './load';
import { resolveQuery, ZHealthQuery, type HealthQuery, type HealthQueryInput } from './query';
import { completeWeeks, downStreak, isNetworkDormant, monthEnd, monthsBetween, quarterOf } from './series';
import { readSnapshots } from './snapshots';
import { CONTRIBUTION_LOOKBACK_WEEKS, DEFAULT_DORMANCY_WEEKS, INVESTMENT_WEEKS, QUARTER_DAYS } from './thresholds';
import { validate } from '../core/validate';

/**
 * A network's health (concepts 2, 8, 9) from its real records: the exchange
 * map and its structure (dominated or polycentric) with a monthly and
 * quarterly trend, the investment trend per organisation and week with the
 * empty-shell warning, and the shadow of the future. Every member may read
 * it. Past months come from the monthly snapshots where they exist (unless an
 * organisation filter asks for a view the snapshots do not keep).
 */
export interface HealthOptions {
  /** The clock (ms). */
  now?: number;
  /** Read past months from snapshots (default true; the benchmark compares both). */
  useSnapshots?: boolean;
  /** Use the figures kept from an earlier read of the same data (default true; the benchmark measures without). */
  cache?: boolean;
}

/** The map carries at most this many flows, the largest first (a whole network of 30 has up to 870). */
export const MAP_MAX_EDGES = 150;

type TrendPoint = Structure & { period: string; source: 'snapshot' | 'live' };

export async function getHealth(
  db: Db,
  actor: Actor,
  networkId: string,
  input: HealthQueryInput = {},
  opts: HealthOptions = {},
) {
  requireMember(actor, networkId);
  const now = opts.now ?? Date.now();
  const query = resolveQuery(validate(ZHealthQuery, input), now);
  const useSnapshots = opts.useSnapshots !== false;
  const figures =
    opts.cache === false
      ? await networkHealth(db, networkId, query, now, useSnapshots)
      : await cachedHealth(db, networkId, query, now, useSnapshots);
  const mine = actor.membership?.organisationId ?? null;
  return {
    ...figures,
    investment: {
      ...figures.investment,
      /** The reader's own organisation, when it is dormant (its people are warned). */
      mineDormant: mine !== null && figures.investment.organisations.some((o) => o.id === mine && o.dormant),
    },
    abilities: { manage: can(actor, 'network.update', { type: 'network', networkId }) },
  };
}
export type Health = Awaited<ReturnType<typeof getHealth>>;

/**
 * The figures are the same for every member (only `mineDormant` and `abilities` depend on the reader), and on a
 * network of 20,000 entries they take 50–200 ms to compute. So the last reads are kept in this process, keyed by
 * what they depend on: the network, the query, the day, and the data's version — the newest activity row of the
 * network (every command that changes a ledger entry, commitment, goal, organisation, unit, membership or the
 * dormancy weeks records one in the same transaction, and the participation figures are activity rows
 * themselves) and the newest snapshot (the job writes those without an activity row). Any such write changes the
 * version, so the next read computes afresh; nothing has to be told to forget anything, and several app
 * processes never disagree. Kept figures are shared between requests: never change them.
 */
const CACHE_MAX = 64;
const cache = new Map<string, Promise<NetworkHealth>>();

/**
 * The version of a network's health data (see above), read from the activity index. The count as well as the
 * newest id: on PostgreSQL a transaction that took a lower id can commit after one with a higher id, and would
 * then not raise the newest id.
 */
async function dataVersion(db: Db, networkId: string): Promise<string> {
  const row = await db.get<{ a: number | string | null; n: number | string; s: number | string | null }>(
    `SELECT MAX(id) AS a, COUNT(*) AS n,
            (SELECT MAX(taken_at) FROM health_snapshots WHERE network_id = ?) AS s
       FROM activity WHERE network_id = ?`,
    [networkId, networkId],
  );
  return `${row?.a ?? 0}/${row?.n ?? 0}/${row?.s ?? 0}`;
}

async function cachedHealth(db: Db, networkId: string, query: HealthQuery, now: number, useSnapshots: boolean) {
  const key = JSON.stringify([
    networkId,
    await dataVersion(db, networkId),
    todayOf(now),
    useSnapshots,
    query.unit,
    query.from,
    query.to,
    query.organisations ? [...query.organisations].sort() : null,
  ]);
  const kept = cache.get(key);
  if (kept) {
    // Most recently used last: the map's first key is the one to let go.
    cache.delete(key);
    cache.set(key, kept);
    return kept;
  }
  const computing = networkHealth(db, networkId, query, now, useSnapshots);
  cache.set(key, computing);
  // A failed read (a 400 for an unknown unit, a database error) is not kept.
  computing.catch(() => cache.get(key) === computing && cache.delete(key));
  while (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return computing;
}

/** Forgets every kept figure (tests). */
export function clearHealthCache() {
  cache.clear();
}

type NetworkHealth = Awaited<ReturnType<typeof networkHealth>>;

/** The network's figures, the same for every reader. */
async function networkHealth(db: Db, networkId: string, query: HealthQuery, now: number, useSnapshots: boolean) {
  const { unit, from, to } = query;
  const today = todayOf(now);

  const network = await db.get<{ dormancy_weeks: number | string | null }>(
    'SELECT dormancy_weeks FROM networks WHERE id = ?',
    [networkId],
  );
  const dormancyWeeks = Number(network?.dormancy_weeks ?? DEFAULT_DORMANCY_WEEKS);
  const orgRows = await db.all<{ id: string; name: string; status: string }>(
    'SELECT id, name, status FROM organisations WHERE network_id = ? ORDER BY name',
    [networkId],
  );
  const names = new Map(orgRows.map((o) => [o.id, o.name]));
  const units = [
    ...BUILTIN_UNITS,
    ...(
      await db.all<{ unit_key: string }>('SELECT unit_key FROM network_units WHERE network_id = ? ORDER BY label', [
        networkId,
      ])
    ).map((u) => u.unit_key),
  ];
  if (unit !== COUNT && !units.includes(unit)) throw new AppError(400, 'cooperation.errors.unknownUnit', { unit });
  const filter = query.organisations;
  for (const id of filter ?? [])
    if (!names.has(id)) throw new AppError(400, 'health.errors.unknownOrganisation', { id });
  const inFilter = (id: string) => !filter || filter.includes(id);

  // 1. The exchange map over the whole period, and its structure.
  const flows = await loadFlows(db, networkId, unit, from, to, filter);
  const graph = exchangeGraph(flows);
  const gave = given(graph);
  const map = {
    nodes: graph.mapNodes((id, a) => {
      let received = 0;
      graph.forEachInEdge(id, (_, e) => (received += e.weight));
      return { id, name: names.get(id) ?? '?', weight: a.weight, given: gave.get(id) ?? 0, received };
    }),
    edges: graph
      .mapEdges((_, a, source, target) => ({ source, target, weight: a.weight, count: a.count }))
      .sort((x, y) => y.weight - x.weight || y.count - x.count)
      .slice(0, MAP_MAX_EDGES),
    /** All flows in the view (the structure counts them all; `edges` are the largest). */
    edgesTotal: graph.size,
  };
  const struct = structure(graph);

  // 2. The trend by month and quarter: snapshots for past months where kept, the rest live.
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const months = monthsBetween(fromMonth, toMonth);
  const currentMonth = today.slice(0, 7);
  const snapshots = useSnapshots && !filter ? await readSnapshots(db, networkId, fromMonth, toMonth) : new Map();
  const snapOf = (month: string) => (month < currentMonth ? snapshots.get(month) : undefined);
  const quarters = [...new Set(months.map(quarterOf))];
  /** A quarter is always the whole calendar quarter (up to today), even where the period starts or ends inside it. */
  const monthsOfQuarter = (qtr: string) => {
    const first = (Number(qtr.slice(-1)) - 1) * 3 + 1;
    return [0, 1, 2]
      .map((i) => `${qtr.slice(0, 4)}-${String(first + i).padStart(2, '0')}`)
      .filter((m) => m <= currentMonth);
  };
  /** A past quarter is read from its last month's snapshot. */
  const quarterSnap = (qtr: string) => {
    const ms = monthsOfQuarter(qtr);
    return ms.length === 3 ? snapOf(ms[2]) : undefined;
  };
  const liveMonths = new Set(months.filter((m) => !snapOf(m)));
  for (const qtr of quarters) if (!quarterSnap(qtr)) monthsOfQuarter(qtr).forEach((m) => liveMonths.add(m));
  // Live months are read in runs of consecutive months, so kept months in between are not read again.
  const monthly = new Map<string, Flow[]>();
  const live = [...liveMonths].sort();
  for (let i = 0; i < live.length;) {
    let j = i;
    while (j + 1 < live.length && monthsBetween(live[j], live[j + 1]).length === 2) j++;
    const part = await loadMonthlyFlows(db, networkId, unit, `${live[i]}-01`, monthEnd(live[j]), filter);
    for (const [m, fl] of part) monthly.set(m, fl);
    i = j + 1;
  }
  const emptyStructure = () => structure(exchangeGraph([]));
  const monthTrend: TrendPoint[] = months.map((m) => {
    const s = snapOf(m);
    if (s) return { period: m, source: 'snapshot', ...(s.month_structure[unit] ?? emptyStructure()) };
    return { period: m, source: 'live', ...structure(exchangeGraph(monthly.get(m) ?? [])) };
  });
  const quarterTrend: TrendPoint[] = quarters.map((qtr) => {
    const s = quarterSnap(qtr);
    if (s) return { period: qtr, source: 'snapshot', ...(s.quarter_structure[unit] ?? emptyStructure()) };
    const fl = monthsOfQuarter(qtr).flatMap((m) => monthly.get(m) ?? []);
    return { period: qtr, source: 'live', ...structure(exchangeGraph(fl)) };
  });

  // 3. Investment per organisation and week, and the empty-shell warning.
  const end = to < today ? addDays(to, 7) : today;
  const weeks = completeWeeks(end, Math.max(INVESTMENT_WEEKS, dormancyWeeks + 4));
  const weekly = await loadWeeklyInvestment(db, networkId, unit, weeks);
  const networkWeeks: WeekFigures[] = weeks.map(emptyWeek);
  // Organisations silent in the whole view: did they ever contribute within the year? Those that did not have
  // "not started yet" (nothing fell), the same rule as the warning elsewhere (lib/health/dormancy.ts).
  const silent = orgRows.filter(
    (o) => o.status === 'active' && inFilter(o.id) && !(weekly.get(o.id) ?? []).some((w) => investmentIndex(w) > 0),
  );
  const started = new Set<string>();
  if (silent.length) {
    const year = await loadWeeklyInvestment(db, networkId, COUNT, completeWeeks(end, CONTRIBUTION_LOOKBACK_WEEKS));
    for (const o of silent) if ((year.get(o.id) ?? []).some((w) => investmentIndex(w) > 0)) started.add(o.id);
  }
  const notStartedIds = new Set(silent.filter((o) => !started.has(o.id)).map((o) => o.id));
  const organisations = orgRows
    .filter((o) => o.status !== 'left' && inFilter(o.id))
    .map((o) => {
      const series = weekly.get(o.id) ?? weeks.map(emptyWeek);
      series.forEach((w, i) => {
        const n = networkWeeks[i];
        n.given += w.given;
        n.entries += w.entries;
        n.commitmentsMade += w.commitmentsMade;
        n.commitmentsDelivered += w.commitmentsDelivered;
        n.participation += w.participation;
      });
      const index = series.map(investmentIndex);
      const streak = downStreak(index);
      return {
        id: o.id,
        name: o.name,
        status: o.status,
        weeks: series.map((w, i) => ({ ...w, index: index[i] })),
        streak,
        /** Active, and no contribution within the year: it has not started yet (never counted as dormant). */
        notStarted: notStartedIds.has(o.id),
        // A paused organisation has said it rests: it is shown, not warned.
        dormant: o.status === 'active' && !notStartedIds.has(o.id) && streak >= dormancyWeeks,
      };
    });
  const active = organisations.filter((o) => o.status === 'active');
  const dormant = active.filter((o) => o.dormant);
  const networkIndex = networkWeeks.map(investmentIndex);

  // 4. The shadow of the future: planned dates ahead now and a quarter ago, and repeated exchanges.
  const planned = await loadPlanned(db, networkId);
  const horizonNow = horizonOf(plannedAt(planned, today), today);
  const quarterAgo = addDays(today, -QUARTER_DAYS);
  const horizonBefore = horizonOf(plannedAt(planned, quarterAgo), quarterAgo);
  const horizonTrend = months
    .filter((m) => m < currentMonth)
    .map((m) => {
      const s = snapOf(m);
      const h: Horizon = s?.horizon ?? horizonOf(plannedAt(planned, monthEnd(m)), monthEnd(m));
      return { period: m, source: s ? ('snapshot' as const) : ('live' as const), ...h };
    });
  if (to >= today) horizonTrend.push({ period: currentMonth, source: 'live', ...horizonNow });
  const pairs = pairExchanges(flows);

  return {
    query,
    units,
    dormancyWeeks,
    organisations: orgRows.map(({ id, name, status }) => ({ id, name, status })),
    map,
    structure: {
      ...struct,
      topPartner: struct.topPartner ? { ...struct.topPartner, name: names.get(struct.topPartner.id) ?? '?' } : null,
    },
    trend: { months: monthTrend, quarters: quarterTrend },
    investment: {
      weeks,
      network: {
        weeks: networkWeeks.map((w, i) => ({ ...w, index: networkIndex[i] })),
        streak: downStreak(networkIndex),
      },
      organisations,
      activeOrganisations: active.length,
      dormantOrganisations: dormant.length,
      networkDormant: isNetworkDormant(dormant.length, active.length),
    },
    horizon: {
      today,
      now: horizonNow,
      quarterAgo: { date: quarterAgo, ...horizonBefore },
      change: horizonChange(horizonNow, horizonBefore),
      trend: horizonTrend,
      pairs: {
        total: pairs.total,
        repeated: pairs.repeated,
        share: pairs.share,
        top: pairs.pairs.slice(0, 20).map((p) => ({
          ...p,
          aName: names.get(p.a) ?? '?',
          bName: names.get(p.b) ?? '?',
        })),
      },
    },
  };
}
