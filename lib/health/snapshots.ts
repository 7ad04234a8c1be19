import { z } from 'zod';
import type { Db, Queryable } from '../db/types';
import { exchangeGraph, structure, type Flow, type Structure } from './graph';
import { horizonOf, pairExchanges, type Horizon } from './horizon';
import { COUNT, loadMonthFlowsAllUnits, loadPlanned, plannedAt } from './load';
import { monthEnd, monthsBetween } from './series';

/**
 * Monthly health snapshots: once a month is over, its figures are computed
 * once and kept (`health_snapshots`), so the history stays as it was and the
 * health page reads past months without recomputing them. Taken by the
 * monthly job (`runMonthlyHealthSnapshots`), or on demand.
 */

const ZStructure = z.object({
  organisations: z.number(),
  exchanges: z.number(),
  centralisation: z.object({ total: z.number().nullable(), in: z.number().nullable(), out: z.number().nullable() }),
  topPartner: z.object({ id: z.string(), share: z.number() }).nullable(),
  gini: z.number().nullable(),
  verdict: z.enum(['insufficient', 'dominated', 'few_centres', 'polycentric']),
});
const ZHorizon = z.object({
  planned: z.number(),
  medianDays: z.number().nullable(),
  furthestDays: z.number().nullable(),
  furthestDate: z.string().nullable(),
});

export const ZSnapshotData = z.object({
  version: z.literal(1),
  month: z.string(),
  /** The month's structure, per unit and for `count`. */
  month_structure: z.record(z.string(), ZStructure),
  /** The structure of the quarter up to the end of this month (complete for a quarter's last month). */
  quarter_structure: z.record(z.string(), ZStructure),
  /** The horizon at the month's last day. */
  horizon: ZHorizon,
  /** Pairs that exchanged in the month, and how many of them more than once. */
  pairs: z.object({ total: z.number(), repeated: z.number() }),
});
export type SnapshotData = z.infer<typeof ZSnapshotData>;

const quarterStartMonth = (month: string) => {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}`;
};

/** Computes one month's snapshot data (without writing it). */
export async function computeSnapshot(q: Queryable, networkId: string, month: string): Promise<SnapshotData> {
  const end = monthEnd(month);
  const monthFlows = await loadMonthFlowsAllUnits(q, networkId, `${month}-01`, end);
  const quarterFlows = await loadMonthFlowsAllUnits(q, networkId, `${quarterStartMonth(month)}-01`, end);
  const per = (m: Map<string, Flow[]>): Record<string, Structure> =>
    Object.fromEntries([...m].map(([unit, flows]) => [unit, structure(exchangeGraph(flows))]));
  const horizon: Horizon = horizonOf(plannedAt(await loadPlanned(q, networkId), end), end);
  const pairs = pairExchanges(monthFlows.get(COUNT) ?? []);
  return {
    version: 1,
    month,
    month_structure: per(monthFlows),
    quarter_structure: per(quarterFlows),
    horizon,
    pairs: { total: pairs.total, repeated: pairs.repeated },
  };
}

/**
 * Takes (or takes again) the snapshot of a network's month `YYYY-MM`.
 * Returns the data written.
 */
export async function takeHealthSnapshot(
  db: Db,
  networkId: string,
  month: string,
  now = Date.now(),
): Promise<SnapshotData> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`not a month: ${month}`);
  const data = await computeSnapshot(db, networkId, month);
  await db.tx(async (q) => {
    await q.run('DELETE FROM health_snapshots WHERE network_id = ? AND month = ?', [networkId, month]);
    await q.run('INSERT INTO health_snapshots (network_id, month, data, taken_at) VALUES (?, ?, ?, ?)', [
      networkId,
      month,
      JSON.stringify(data),
      now,
    ]);
  });
  return data;
}

/** The snapshots of a network for these months (only those taken, and readable). */
export async function readSnapshots(q: Queryable, networkId: string, from: string, to: string) {
  const rows = await q.all<{ month: string; data: string }>(
    'SELECT month, data FROM health_snapshots WHERE network_id = ? AND month >= ? AND month <= ?',
    [networkId, from, to],
  );
  const out = new Map<string, SnapshotData>();
  for (const r of rows) {
    try {
      const parsed = ZSnapshotData.safeParse(JSON.parse(r.data));
      if (parsed.success) out.set(r.month, parsed.data);
    } catch {
      // An unreadable snapshot is recomputed live, as if it had not been taken.
    }
  }
  return out;
}

/**
 * The monthly job: for every network, the snapshot of the month that ended
 * before `now` (and of any earlier month since the network's first ledger
 * entry that has none yet, at most `backfill` months back). Idempotent: a
 * month already kept is left as it is. Returns how many snapshots it took.
 */
export async function runMonthlyHealthSnapshots(
  db: Db,
  at: Date | number = new Date(),
  opts: { backfill?: number } = {},
): Promise<{ networks: number; taken: number }> {
  const now = new Date(at);
  const current = now.toISOString().slice(0, 7);
  const [y, m] = current.split('-').map(Number);
  const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const backfill = opts.backfill ?? 24;
  const networks = await db.all<{ id: string; first: string | null }>(
    `SELECT n.id, (SELECT MIN(e.occurred_on) FROM ledger_entries e WHERE e.network_id = n.id) AS first FROM networks n`,
  );
  let taken = 0;
  for (const n of networks) {
    const months = monthsBetween(n.first ? n.first.slice(0, 7) : last, last).slice(-backfill);
    if (!months.length) continue;
    const have = new Set(
      (
        await db.all<{ month: string }>('SELECT month FROM health_snapshots WHERE network_id = ? AND month >= ?', [
          n.id,
          months[0],
        ])
      ).map((r) => r.month),
    );
    for (const month of months) {
      if (have.has(month)) continue;
      await takeHealthSnapshot(db, n.id, month, now.getTime());
      taken++;
    }
  }
  return { networks: networks.length, taken };
}
