import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { requireMember, type Actor } from '../policies';
import { ZEntryFilter, entryWhere, type EntryFilter } from './entry-filter';
import { COUNTED_STATUSES } from './rules';
import { fromMilli } from './units';

/** Pairs listed for a whole-network view (an organisation's view lists all of its pairs). */
export const MAX_PAIRS = 100;

/**
 * `pending` sums pending gifts only; a pending reversal (a correction waiting
 * for the other side, a negative amount) is kept apart in `pendingReversals`,
 * so it never cancels an unrelated pending gift into "0 pending".
 */
type Amounts = { confirmed: number; pending: number; pendingReversals: number };
const zero = (): Amounts => ({ confirmed: 0, pending: 0, pendingReversals: 0 });
/** Which bucket a group of entries counts in. */
const bucket = (status: string, total: number): keyof Amounts =>
  status === 'confirmed' ? 'confirmed' : total < 0 ? 'pendingReversals' : 'pending';

/**
 * Given and received, kept apart (never one net number), per organisation,
 * per pair of partners, per unit and per month; confirmed and pending apart.
 * Disputed and reversed entries count nowhere. Aggregated in SQL. `null` as
 * an organisation id is the network as a whole. Every member may read it.
 */
export async function getBalances(db: Db, actor: Actor, networkId: string, input: EntryFilter = {}) {
  requireMember(actor, networkId);
  const f = validate(ZEntryFilter, input);
  const w = entryWhere(networkId, { ...f, status: undefined });
  const counted = `${w.sql} AND e.status IN (${COUNTED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

  const pairs = await db.all<{
    giver: string | null;
    receiver: string | null;
    unit: string;
    status: string;
    total: number | string;
    n: number | string;
  }>(
    `SELECT e.giver_org_id AS giver, e.receiver_org_id AS receiver, e.unit, e.status, SUM(e.amount_milli) AS total, COUNT(*) AS n
       FROM ledger_entries e WHERE ${counted}
      GROUP BY e.giver_org_id, e.receiver_org_id, e.unit, e.status, CASE WHEN e.amount_milli < 0 THEN 1 ELSE 0 END`,
    w.params,
  );

  const perOrg = new Map<string, { organisationId: string | null; unit: string; given: Amounts; received: Amounts }>();
  const perPair = new Map<
    string,
    { giverOrgId: string | null; receiverOrgId: string | null; unit: string; amounts: Amounts; entries: number }
  >();
  const org = (id: string | null, unit: string) => {
    const k = `${id ?? ''}|${unit}`;
    let v = perOrg.get(k);
    if (!v) perOrg.set(k, (v = { organisationId: id, unit, given: zero(), received: zero() }));
    return v;
  };
  for (const p of pairs) {
    const amount = fromMilli(p.total);
    const st = bucket(p.status, amount);
    org(p.giver, p.unit).given[st] += amount;
    org(p.receiver, p.unit).received[st] += amount;
    const k = `${p.giver ?? ''}|${p.receiver ?? ''}|${p.unit}`;
    let v = perPair.get(k);
    if (!v)
      perPair.set(
        k,
        (v = { giverOrgId: p.giver, receiverOrgId: p.receiver, unit: p.unit, amounts: zero(), entries: 0 }),
      );
    v.amounts[st] += amount;
    v.entries += Number(p.n);
  }
  // With one organisation in view, its own lines only (the partners' lines would be partial).
  const organisations = [...perOrg.values()].filter((o) => !f.organisationId || o.organisationId === f.organisationId);

  let overTime: { month: string; unit: string; given: Amounts; received: Amounts }[] = [];
  if (f.organisationId) {
    const rows = await db.all<{ month: string; unit: string; status: string; side: string; total: number | string }>(
      `SELECT x.month, x.unit, x.status, x.side, SUM(x.amount_milli) AS total
         FROM (SELECT SUBSTR(e.occurred_on, 1, 7) AS month, e.unit, e.status, e.amount_milli,
                      CASE WHEN e.amount_milli < 0 THEN 1 ELSE 0 END AS neg,
                      CASE WHEN e.giver_org_id = ? THEN 'given' ELSE 'received' END AS side
                 FROM ledger_entries e WHERE ${counted}) x
        GROUP BY x.month, x.unit, x.status, x.side, x.neg
        ORDER BY x.month`,
      [f.organisationId, ...w.params],
    );
    const m = new Map<string, { month: string; unit: string; given: Amounts; received: Amounts }>();
    for (const r of rows) {
      const k = `${r.month}|${r.unit}`;
      let v = m.get(k);
      if (!v) m.set(k, (v = { month: r.month, unit: r.unit, given: zero(), received: zero() }));
      const amount = fromMilli(r.total);
      v[r.side as 'given' | 'received'][bucket(r.status, amount)] += amount;
    }
    overTime = [...m.values()];
  }
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  const round = (a: Amounts) => ({
    confirmed: r3(a.confirmed),
    pending: r3(a.pending),
    pendingReversals: r3(a.pendingReversals),
  });
  return {
    organisations: organisations.map((o) => ({ ...o, given: round(o.given), received: round(o.received) })),
    // Without an organisation in view a large network has thousands of pairs: the busiest come first, capped.
    pairs: [...perPair.values()]
      .sort((x, y) => y.entries - x.entries)
      .slice(0, f.organisationId ? undefined : MAX_PAIRS)
      .map((p) => ({ ...p, amounts: round(p.amounts) })),
    pairsTotal: perPair.size,
    overTime: overTime.map((o) => ({ ...o, given: round(o.given), received: round(o.received) })),
  };
}
