import { addDays, today } from '../core/dates';
import type { Param, Queryable } from '../db/types';
import { fromMilli } from '../ledger/units';
import { dayStart } from './periods';

/**
 * Decision paths, measured (concept 11: long decision paths at home hold the
 * network back): from a request for home approval to the home decision, per
 * organisation. Every member of the network may see these figures — a long
 * path becomes a fact, not a rumour — but never why a request went beyond
 * the mandate (that is home data).
 */

export const DEFAULT_APPROVAL_DAYS = 14;
const DAY_MS = 86_400_000;

export interface DecisionRequest {
  id: string;
  commitmentId: string | null;
  /** The gift in the ledger the request is about (null: a commitment). */
  entryId: string | null;
  goalId: string | null;
  goalTitle: string | null;
  unit: string | null;
  amount: number | null;
  status: 'open' | 'approved' | 'declined' | 'withdrawn';
  requestedAt: number;
  /** When home decided (null: open, or withdrawn before a decision). */
  decidedAt: number | null;
  decidedByName: string | null;
  /** Decided: how long it took; open: how long it has waited so far; withdrawn: until it was withdrawn. */
  waitedMs: number;
  /** Open (or decided) after longer than the network's agreed time. */
  late: boolean;
}

export interface DecisionTimes {
  organisationId: string;
  from: string | null;
  to: string | null;
  /** The network's agreed time for a home decision, in days. */
  agreedDays: number;
  requests: DecisionRequest[];
  decided: number;
  /** Median and longest time from request to decision, of the decided requests (null: none decided). */
  medianMs: number | null;
  longestMs: number | null;
  open: number;
  /** How long the oldest open request has waited (null: none open). */
  oldestOpenMs: number | null;
  /** Open requests waiting longer than the agreed time. */
  overdue: number;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The network's agreed time for a home decision, in days. */
export async function approvalDays(q: Queryable, networkId: string): Promise<number> {
  const row = await q.get<{ approval_days: number | string | null }>(
    'SELECT approval_days FROM networks WHERE id = ?',
    [networkId],
  );
  return Number(row?.approval_days ?? DEFAULT_APPROVAL_DAYS);
}

interface Row {
  id: string;
  organisation_id: string;
  commitment_id: string | null;
  entry_id: string | null;
  status: DecisionRequest['status'];
  requested_at: number | string;
  decided_at: number | string | null;
  goal_id: string | null;
  goal_title: string | null;
  unit: string | null;
  amount_milli: number | string | null;
  decided_by_name: string | null;
}

function summarise(organisationId: string, rows: Row[], agreedDays: number, now: number, from?: string, to?: string) {
  const agreedMs = agreedDays * DAY_MS;
  const requests: DecisionRequest[] = rows.map((r) => {
    const requestedAt = Number(r.requested_at);
    const closedAt = r.decided_at === null ? null : Number(r.decided_at);
    const waitedMs = Math.max(0, (closedAt ?? now) - requestedAt);
    return {
      id: r.id,
      commitmentId: r.commitment_id,
      entryId: r.entry_id ?? null,
      goalId: r.goal_id,
      goalTitle: r.goal_title,
      unit: r.unit,
      amount: r.amount_milli === null ? null : fromMilli(r.amount_milli),
      status: r.status,
      requestedAt,
      decidedAt: r.status === 'approved' || r.status === 'declined' ? closedAt : null,
      decidedByName: r.status === 'approved' || r.status === 'declined' ? r.decided_by_name : null,
      waitedMs,
      late: r.status !== 'withdrawn' && waitedMs > agreedMs,
    };
  });
  const decided = requests.filter((r) => r.decidedAt !== null).map((r) => r.waitedMs);
  const open = requests.filter((r) => r.status === 'open');
  return {
    organisationId,
    from: from ?? null,
    to: to ?? null,
    agreedDays,
    requests,
    decided: decided.length,
    medianMs: median(decided),
    longestMs: decided.length ? Math.max(...decided) : null,
    open: open.length,
    oldestOpenMs: open.length ? Math.max(...open.map((r) => r.waitedMs)) : null,
    overdue: open.filter((r) => r.late).length,
  } satisfies DecisionTimes;
}

/** A request is about a commitment or (when its mandate covers gifts) a gift in the ledger. */
const SELECT = `SELECT a.id, a.organisation_id, a.commitment_id, a.entry_id, a.status, a.requested_at, a.decided_at,
    COALESCE(c.goal_id, e.goal_id) AS goal_id, g.title AS goal_title, COALESCE(c.unit, e.unit) AS unit,
    COALESCE(c.amount_milli, e.amount_milli) AS amount_milli, u.name AS decided_by_name
  FROM home_approvals a
  LEFT JOIN commitments c ON c.id = a.commitment_id
  LEFT JOIN ledger_entries e ON e.id = a.entry_id
  LEFT JOIN goals g ON g.id = COALESCE(c.goal_id, e.goal_id)
  LEFT JOIN users u ON u.id = a.decided_by`;

/**
 * One organisation's requests for home approval (made from `from` to `to`,
 * calendar days inclusive; default all), newest first, with the median and
 * longest time to a decision, the open requests and how long they wait.
 */
export async function decisionTimes(
  q: Queryable,
  o: { networkId: string; organisationId: string; from?: string; to?: string; now?: number },
): Promise<DecisionTimes> {
  const now = o.now ?? Date.now();
  const where = ['a.network_id = ?', 'a.organisation_id = ?'];
  const params: Param[] = [o.networkId, o.organisationId];
  if (o.from) {
    where.push('a.requested_at >= ?');
    params.push(dayStart(o.from));
  }
  if (o.to) {
    where.push('a.requested_at < ?');
    params.push(dayStart(addDays(o.to, 1)));
  }
  const rows = await q.all<Row>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY a.requested_at DESC, a.id`, params);
  return summarise(o.organisationId, rows, await approvalDays(q, o.networkId), now, o.from, o.to);
}

/** Every organisation's decision paths in one read (the network's view); organisations without requests are left out. */
export async function networkDecisionTimes(q: Queryable, networkId: string, now = Date.now()) {
  const rows = await q.all<Row & { organisation_name: string }>(
    `SELECT a.id, a.organisation_id, a.commitment_id, a.entry_id, a.status, a.requested_at, a.decided_at,
            NULL AS goal_id, NULL AS goal_title, NULL AS unit, NULL AS amount_milli, NULL AS decided_by_name, o.name AS organisation_name
       FROM home_approvals a JOIN organisations o ON o.id = a.organisation_id
      WHERE a.network_id = ? ORDER BY a.requested_at DESC`,
    [networkId],
  );
  const days = await approvalDays(q, networkId);
  const byOrg = new Map<string, { name: string; rows: Row[] }>();
  for (const r of rows) {
    const e = byOrg.get(r.organisation_id) ?? { name: r.organisation_name, rows: [] };
    e.rows.push(r);
    byOrg.set(r.organisation_id, e);
  }
  return {
    agreedDays: days,
    today: today(now),
    organisations: [...byOrg.entries()]
      .map(([id, e]) => {
        const { requests: _r, ...s } = summarise(id, e.rows, days, now);
        return { ...s, organisationName: e.name };
      })
      .sort((a, b) => b.overdue - a.overdue || (b.medianMs ?? 0) - (a.medianMs ?? 0)),
  };
}
