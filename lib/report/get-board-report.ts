import type { Db } from '../db/types';
import { getBalances } from '../ledger/get-balances';
import { fromMilli } from '../ledger/units';
import { parseIndicators } from '../goals/records';
import { requireMember, type Actor } from '../policies';
import { boardReportPolicy } from '../policies/board-report';
import { latestReadinessSummary } from '../readiness/list-checks';
import { currentManagementMandate } from '../management/get-management-mandate';
import { AppError } from '../errors';
import { homeFigures } from './home-figures';
import { periodMs, resolvePeriod, type ReportQueryInput } from './query';

/** Rows a report lists at most per section (the sums always count everything). */
export const MAX_ROWS = 200;

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * "What we gave and got": an organisation's report for its home board, over a
 * period. Given and received per unit and per partner (from the ledger's
 * balances, so the figures are the ledger's: confirmed and pending apart,
 * disputed and reversed entries nowhere), commitments made and delivered,
 * the goals it takes part in and their progress, the decisions taken on them,
 * the readiness check's last summary, the management mandate in force, and
 * (from the mandates area) its mandate's use and its approvals' decision
 * times. Home data: the organisation's own people only; everyone else 404.
 */
export async function getBoardReport(
  db: Db,
  actor: Actor,
  networkId: string,
  organisationId: string,
  query: ReportQueryInput = {},
  now = Date.now(),
) {
  requireMember(actor, networkId);
  boardReportPolicy.authorize(actor, 'read', { networkId, organisationId });
  const period = resolvePeriod(query, now);
  const { start, end } = periodMs(period);
  const org = await db.get<{ id: string; name: string; status: string; network_name: string }>(
    `SELECT o.id, o.name, o.status, n.name AS network_name FROM organisations o JOIN networks n ON n.id = o.network_id
      WHERE o.id = ? AND o.network_id = ?`,
    [organisationId, networkId],
  );
  if (!org) throw new AppError(404, 'errors.notFound');

  const names = new Map(
    (
      await db.all<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE network_id = ?', [networkId])
    ).map((o) => [o.id, o.name]),
  );
  const unitLabels = Object.fromEntries(
    (
      await db.all<{ unit_key: string; label: string }>(
        'SELECT unit_key, label FROM network_units WHERE network_id = ?',
        [networkId],
      )
    ).map((u) => [u.unit_key, u.label]),
  );

  // Given and received: the ledger's balances for this organisation in the period.
  const bal = await getBalances(db, actor, networkId, { organisationId, from: period.from, to: period.to });
  const perUnit = bal.organisations
    .filter((o) => o.organisationId === organisationId)
    .map((o) => ({ unit: o.unit, given: o.given, received: o.received }))
    .sort((a, b) => a.unit.localeCompare(b.unit));
  const partners = new Map<
    string,
    {
      partnerId: string | null;
      partnerName: string | null;
      unit: string;
      given: { confirmed: number; pending: number };
      received: { confirmed: number; pending: number };
    }
  >();
  for (const p of bal.pairs) {
    const gave = p.giverOrgId === organisationId;
    const partnerId = gave ? p.receiverOrgId : p.giverOrgId;
    if (partnerId === organisationId) continue;
    const k = `${partnerId ?? ''}|${p.unit}`;
    let v = partners.get(k);
    if (!v)
      partners.set(
        k,
        (v = {
          partnerId,
          partnerName: partnerId ? (names.get(partnerId) ?? '') : null,
          unit: p.unit,
          given: { confirmed: 0, pending: 0 },
          received: { confirmed: 0, pending: 0 },
        }),
      );
    const side = gave ? v.given : v.received;
    side.confirmed = round(side.confirmed + p.amounts.confirmed);
    side.pending = round(side.pending + p.amounts.pending);
  }
  const byPartner = [...partners.values()].sort(
    (a, b) => (a.partnerName ?? '').localeCompare(b.partnerName ?? '') || a.unit.localeCompare(b.unit),
  );

  // Commitments made or delivered in the period.
  const commitmentRows = await db.all<{
    id: string;
    goal_id: string;
    title: string;
    unit: string;
    amount_milli: number | string;
    due_on: string;
    status: string;
    created_at: number | string;
    delivered_at: number | string | null;
  }>(
    `SELECT c.id, c.goal_id, g.title, c.unit, c.amount_milli, c.due_on, c.status, c.created_at, c.delivered_at
       FROM commitments c JOIN goals g ON g.id = c.goal_id
      WHERE c.network_id = ? AND c.organisation_id = ?
        AND ((c.created_at >= ? AND c.created_at < ?) OR (c.delivered_at >= ? AND c.delivered_at < ?))
      ORDER BY c.created_at`,
    [networkId, organisationId, start, end, start, end],
  );
  const inPeriod = (ms: number | string | null) => ms !== null && Number(ms) >= start && Number(ms) < end;
  const commitmentTotals = new Map<
    string,
    { unit: string; made: number; delivered: number; madeCount: number; deliveredCount: number }
  >();
  for (const c of commitmentRows) {
    let v = commitmentTotals.get(c.unit);
    if (!v)
      commitmentTotals.set(c.unit, (v = { unit: c.unit, made: 0, delivered: 0, madeCount: 0, deliveredCount: 0 }));
    if (inPeriod(c.created_at)) {
      v.made = round(v.made + fromMilli(c.amount_milli));
      v.madeCount++;
    }
    if (inPeriod(c.delivered_at)) {
      v.delivered = round(v.delivered + fromMilli(c.amount_milli));
      v.deliveredCount++;
    }
  }
  const commitments = commitmentRows.slice(0, MAX_ROWS).map((c) => ({
    id: c.id,
    goalId: c.goal_id,
    goalTitle: c.title,
    unit: c.unit,
    amount: fromMilli(c.amount_milli),
    dueOn: c.due_on,
    status: c.status,
    madeInPeriod: inPeriod(c.created_at),
    deliveredInPeriod: inPeriod(c.delivered_at),
  }));

  // Goals it takes part in, with their progress and what it committed and gave to them.
  const goalRows = await db.all<{
    id: string;
    title: string;
    status: string;
    target_date: string | null;
    indicators: string;
  }>(
    `SELECT g.id, g.title, g.status, g.target_date, g.indicators
       FROM goals g JOIN goal_organisations go ON go.goal_id = g.id
      WHERE g.network_id = ? AND go.organisation_id = ?
      ORDER BY g.title LIMIT ${MAX_ROWS}`,
    [networkId, organisationId],
  );
  const givenToGoal = new Map(
    (
      await db.all<{ goal_id: string; entries: number | string }>(
        `SELECT goal_id, COUNT(*) AS entries FROM ledger_entries
          WHERE network_id = ? AND giver_org_id = ? AND goal_id IS NOT NULL AND status IN ('confirmed', 'pending')
            AND occurred_on >= ? AND occurred_on <= ?
          GROUP BY goal_id`,
        [networkId, organisationId, period.from, period.to],
      )
    ).map((r) => [r.goal_id, Number(r.entries)]),
  );
  const goals = goalRows.map((g) => {
    const indicators = parseIndicators(g.indicators).map((i) => ({
      label: i.label,
      unit: i.unit,
      current: i.current ?? null,
      target: i.target ?? null,
      progress:
        typeof i.current === 'number' && typeof i.target === 'number' && i.target > 0
          ? Math.round((i.current / i.target) * 100) / 100
          : null,
    }));
    return {
      id: g.id,
      title: g.title,
      status: g.status,
      targetDate: g.target_date,
      indicators,
      entriesInPeriod: givenToGoal.get(g.id) ?? 0,
    };
  });

  // Decisions in the period on its goals and its commitments (pilot reviews).
  const goalIds = new Set(goals.map((g) => g.id));
  const decisionRows = await db.all<{ kind: string; subject_id: string; data: string; created_at: number | string }>(
    `SELECT kind, subject_id, data, created_at FROM activity
      WHERE network_id = ? AND kind IN ('goal.pilot_decided', 'commitment.pilot_decided')
        AND created_at >= ? AND created_at < ?
      ORDER BY created_at`,
    [networkId, start, end],
  );
  const goalTitles = new Map(goals.map((g) => [g.id, g.title]));
  const decisions = decisionRows
    .map((r) => ({ ...r, d: JSON.parse(r.data) as Record<string, unknown> }))
    .filter((r) =>
      r.kind === 'goal.pilot_decided' ? goalIds.has(r.subject_id) : r.d.organisationId === organisationId,
    )
    .slice(0, MAX_ROWS)
    .map((r) => {
      const goalId = r.kind === 'goal.pilot_decided' ? r.subject_id : String(r.d.goalId);
      return {
        on: Number(r.created_at),
        about: r.kind === 'goal.pilot_decided' ? ('goal' as const) : ('commitment' as const),
        goalTitle: goalTitles.get(goalId) ?? '',
        decision: String(r.d.decision),
        reason: String(r.d.reason ?? ''),
      };
    });

  return {
    organisation: { id: org.id, name: org.name, status: org.status },
    network: { id: networkId, name: org.network_name },
    period,
    generatedAt: now,
    unitLabels,
    ledger: { perUnit, byPartner },
    commitments: { totals: [...commitmentTotals.values()], list: commitments, total: commitmentRows.length },
    goals,
    decisions,
    readiness: await latestReadinessSummary(db, { networkId, organisationId, viewer: actor }),
    managementMandate: await currentManagementMandate(db, networkId, now),
    home: await homeFigures(db, { networkId, organisationId, period }),
  };
}
export type BoardReport = Awaited<ReturnType<typeof getBoardReport>>;
