import { z } from 'zod';
import { addDays, today, ZDate } from '../core/dates';
import { validate } from '../core/validate';
import type { Db, Param } from '../db/types';
import { AppError } from '../errors';
import { fromMilli } from '../ledger/units';
import { loadOrganisation } from '../networks/load-organisation';
import { mandatePolicy, requireMember, type Actor } from '../policies';
import { committedBetween } from './assess';
import { decisionTimes } from './decision-times';
import { dayStart, periodOf } from './periods';
import { limitsOf, mandatesOf, presentMandate, validOn, type Period } from './records';

export const ZHomeView = z.object({
  from: ZDate.optional(),
  to: ZDate.optional(),
});

const OPEN = "('proposed', 'awaiting_home_approval', 'committed')";

/**
 * "Home and network" (Heimat und Netzwerk): one organisation's two loyalties
 * side by side, for its own people only (everyone else: 404, as if it did not
 * exist). What we gave and got per unit and partner; what we promised against
 * our capacity and our mandates (used / left); where our ratings of the goals
 * differ most from the network's; the requests waiting for our decision and
 * how long they wait. Each part is read by its own function so the page can
 * show them as sections (and more can be added).
 */
export async function getHomeView(
  db: Db,
  actor: Actor,
  networkId: string,
  organisationId: string,
  input: z.input<typeof ZHomeView> = {},
) {
  requireMember(actor, networkId);
  mandatePolicy.authorize(actor, 'readHome', { networkId, organisationId });
  const f = validate(ZHomeView, input);
  const now = Date.now();
  const day = today(now);
  const to = f.to ?? day;
  const from = f.from ?? addDays(to, -364);
  if (from > to) throw new AppError(400, 'health.errors.fromAfterTo', { from, to });
  const org = await loadOrganisation(db, networkId, organisationId);
  const [exchange, promised, ratings, approvals, decisions] = await Promise.all([
    gaveAndGot(db, networkId, organisationId, from, to),
    promisedAgainstCapacity(db, networkId, organisationId, day),
    ratingsAgainstNetwork(db, networkId, organisationId),
    openApprovals(db, networkId, organisationId, now),
    decisionTimes(db, { networkId, organisationId, now }),
  ]);
  // Authorized above: the organisation's own people see its mandates whole.
  const mandates = (await mandatesOf(db, networkId, organisationId)).map((m) => presentMandate(m, day));
  // What a mandate can name: the goals we take part in, and our representatives.
  const goals = await db.all<{ id: string; title: string }>(
    `SELECT g.id, g.title FROM goals g JOIN goal_organisations go ON go.goal_id = g.id
      WHERE go.organisation_id = ? AND g.network_id = ? AND g.status NOT IN ('dropped', 'achieved')
      ORDER BY g.title LIMIT 200`,
    [organisationId, networkId],
  );
  const representatives = await db.all<{ id: string; name: string }>(
    `SELECT u.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.network_id = ? AND m.organisation_id = ? AND m.role = 'representative' AND m.removed_at IS NULL
      ORDER BY u.name`,
    [networkId, organisationId],
  );
  return {
    goals,
    representatives,
    organisation: org,
    from,
    to,
    today: day,
    abilities: mandatePolicy.abilities(actor, { networkId, organisationId }),
    exchange,
    promised,
    mandates,
    ratings,
    approvals,
    decisions: {
      agreedDays: decisions.agreedDays,
      decided: decisions.decided,
      medianMs: decisions.medianMs,
      longestMs: decisions.longestMs,
      open: decisions.open,
      oldestOpenMs: decisions.oldestOpenMs,
      overdue: decisions.overdue,
    },
  };
}
export type HomeView = Awaited<ReturnType<typeof getHomeView>>;

/** Confirmed give and take between us and each partner (null: the network as a whole), per unit, in the period. */
export async function gaveAndGot(db: Db, networkId: string, organisationId: string, from: string, to: string) {
  const rows = await db.all<{
    dir: 'gave' | 'got';
    partner: string | null;
    partner_name: string | null;
    unit: string;
    total: number | string;
    n: number | string;
  }>(
    `SELECT 'gave' AS dir, e.receiver_org_id AS partner, o.name AS partner_name, e.unit, SUM(e.amount_milli) AS total, COUNT(*) AS n
       FROM ledger_entries e LEFT JOIN organisations o ON o.id = e.receiver_org_id
      WHERE e.giver_org_id = ? AND e.network_id = ? AND e.status = 'confirmed' AND e.occurred_on >= ? AND e.occurred_on <= ?
      GROUP BY e.receiver_org_id, o.name, e.unit
     UNION ALL
     SELECT 'got' AS dir, e.giver_org_id AS partner, o.name AS partner_name, e.unit, SUM(e.amount_milli) AS total, COUNT(*) AS n
       FROM ledger_entries e LEFT JOIN organisations o ON o.id = e.giver_org_id
      WHERE e.receiver_org_id = ? AND e.network_id = ? AND e.status = 'confirmed' AND e.occurred_on >= ? AND e.occurred_on <= ?
      GROUP BY e.giver_org_id, o.name, e.unit`,
    [organisationId, networkId, from, to, organisationId, networkId, from, to],
  );
  const partners = new Map<
    string,
    { partnerId: string | null; partnerName: string | null; unit: string; gave: number; got: number; entries: number }
  >();
  const units = new Map<string, { unit: string; gave: number; got: number }>();
  for (const r of rows) {
    const key = `${r.partner ?? ''}|${r.unit}`;
    const p = partners.get(key) ?? {
      partnerId: r.partner,
      partnerName: r.partner_name,
      unit: r.unit,
      gave: 0,
      got: 0,
      entries: 0,
    };
    const u = units.get(r.unit) ?? { unit: r.unit, gave: 0, got: 0 };
    const amount = fromMilli(r.total);
    p[r.dir] += amount;
    u[r.dir] += amount;
    p.entries += Number(r.n);
    partners.set(key, p);
    units.set(r.unit, u);
  }
  return {
    units: [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit)),
    partners: [...partners.values()].sort(
      (a, b) => b.gave + b.got - (a.gave + a.got) || (a.partnerName ?? '').localeCompare(b.partnerName ?? ''),
    ),
  };
}

/**
 * Per unit, this month or quarter: what we promised (commitments due in it,
 * open and delivered) against what home said it can invest, and what our
 * mandates allow and have left.
 */
export async function promisedAgainstCapacity(db: Db, networkId: string, organisationId: string, day: string) {
  const capacity = await db.all<{ unit: string; period: Period; amount_milli: number | string; note: string }>(
    'SELECT unit, period, amount_milli, note FROM home_capacity WHERE network_id = ? AND organisation_id = ? ORDER BY unit',
    [networkId, organisationId],
  );
  const valid = (await mandatesOf(db, networkId, organisationId)).filter((m) => validOn(m, day));
  const limits = valid.flatMap((m) =>
    limitsOf(m).map((l) => ({
      ...l,
      mandateId: m.id,
      representativeId: m.representative_id,
      who: m.representative_name,
    })),
  );
  const units = [...new Set([...capacity.map((c) => c.unit), ...limits.map((l) => l.unit)])].sort();
  const out = [];
  for (const unit of units) {
    const cap = capacity.find((c) => c.unit === unit) ?? null;
    const period: Period = cap?.period ?? limits.find((l) => l.unit === unit)?.period ?? 'month';
    const p = periodOf(day, period);
    const params: Param[] = [networkId, organisationId, unit, p.start, addDays(p.end, -1)];
    const due = await db.get<{ open: number | string | null; delivered: number | string | null }>(
      `SELECT SUM(CASE WHEN status IN ${OPEN} THEN amount_milli ELSE 0 END) AS open,
              SUM(CASE WHEN status = 'delivered' THEN amount_milli ELSE 0 END) AS delivered
         FROM commitments WHERE network_id = ? AND organisation_id = ? AND unit = ? AND due_on >= ? AND due_on <= ?`,
      params,
    );
    const open = fromMilli(due?.open);
    const delivered = fromMilli(due?.delivered);
    const mandates = [];
    for (const l of limits.filter((x) => x.unit === unit)) {
      const lp = periodOf(day, l.period);
      const used = await committedBetween(
        db,
        { networkId, organisationId, unit, representativeId: l.representativeId },
        dayStart(lp.start),
        dayStart(lp.end),
      );
      mandates.push({
        mandateId: l.mandateId,
        representativeId: l.representativeId,
        representativeName: l.who ?? null,
        perCommitment: l.perCommitment,
        perPeriod: l.perPeriod,
        period: l.period,
        periodStart: lp.start,
        used,
        left: l.perPeriod === null ? null : Math.max(0, Math.round((l.perPeriod - used) * 1000) / 1000),
      });
    }
    const capacityAmount = cap ? fromMilli(cap.amount_milli) : null;
    out.push({
      unit,
      period,
      periodStart: p.start,
      periodEnd: addDays(p.end, -1),
      capacity: capacityAmount,
      capacityNote: cap?.note ?? '',
      open,
      delivered,
      promised: open + delivered,
      /** What the capacity still allows (negative: promised more than home can invest). */
      capacityLeft: capacityAmount === null ? null : Math.round((capacityAmount - open - delivered) * 1000) / 1000,
      mandates,
    });
  }
  return out;
}

/** Our ratings of each goal against the other organisations' average, where we differ most first. */
export async function ratingsAgainstNetwork(db: Db, networkId: string, organisationId: string) {
  const ours = await db.all<{
    goal_id: string;
    title: string;
    attractive: number;
    concrete: number;
    flexible: number;
  }>(
    `SELECT r.goal_id, g.title, r.attractive, r.concrete, r.flexible
       FROM goal_ratings r JOIN goals g ON g.id = r.goal_id
      WHERE r.organisation_id = ? AND g.network_id = ? ORDER BY r.updated_at DESC LIMIT 200`,
    [organisationId, networkId],
  );
  if (!ours.length) return [];
  const others = await db.all<{
    goal_id: string;
    attractive: number | string;
    concrete: number | string;
    flexible: number | string;
    n: number | string;
  }>(
    `SELECT goal_id, AVG(attractive) AS attractive, AVG(concrete) AS concrete, AVG(flexible) AS flexible, COUNT(*) AS n
       FROM goal_ratings WHERE goal_id IN (${ours.map(() => '?').join(',')}) AND organisation_id <> ?
      GROUP BY goal_id`,
    [...ours.map((r) => r.goal_id), organisationId],
  );
  const round = (n: number) => Math.round(n * 10) / 10;
  return ours
    .map((r) => {
      const o = others.find((x) => x.goal_id === r.goal_id);
      const us = { attractive: Number(r.attractive), concrete: Number(r.concrete), flexible: Number(r.flexible) };
      const network = o
        ? {
            attractive: round(Number(o.attractive)),
            concrete: round(Number(o.concrete)),
            flexible: round(Number(o.flexible)),
            organisations: Number(o.n),
          }
        : null;
      const difference = network
        ? round(
            (Math.abs(us.attractive - network.attractive) +
              Math.abs(us.concrete - network.concrete) +
              Math.abs(us.flexible - network.flexible)) /
              3,
          )
        : null;
      return { goalId: r.goal_id, goalTitle: r.title, ours: us, network, difference };
    })
    .sort((a, b) => (b.difference ?? -1) - (a.difference ?? -1));
}

/** The requests waiting for our home decision, oldest first, with why they went beyond the mandate (home data). */
export async function openApprovals(db: Db, networkId: string, organisationId: string, now: number) {
  const days = await db.get<{ approval_days: number | string }>('SELECT approval_days FROM networks WHERE id = ?', [
    networkId,
  ]);
  const agreedMs = Number(days?.approval_days ?? 14) * 86_400_000;
  const rows = await db.all<{
    id: string;
    commitment_id: string | null;
    entry_id: string | null;
    receiver_name: string | null;
    reasons: string;
    requested_at: number | string;
    requested_by_name: string | null;
    goal_id: string | null;
    goal_title: string | null;
    unit: string | null;
    amount_milli: number | string | null;
    due_on: string | null;
  }>(
    `SELECT a.id, a.commitment_id, a.entry_id, a.reasons, a.requested_at, u.name AS requested_by_name,
            COALESCE(c.goal_id, e.goal_id) AS goal_id, g.title AS goal_title, COALESCE(c.unit, e.unit) AS unit,
            COALESCE(c.amount_milli, e.amount_milli) AS amount_milli, c.due_on, ro.name AS receiver_name
       FROM home_approvals a
       LEFT JOIN users u ON u.id = a.requested_by
       LEFT JOIN commitments c ON c.id = a.commitment_id
       LEFT JOIN ledger_entries e ON e.id = a.entry_id
       LEFT JOIN organisations ro ON ro.id = e.receiver_org_id
       LEFT JOIN goals g ON g.id = COALESCE(c.goal_id, e.goal_id)
      WHERE a.network_id = ? AND a.organisation_id = ? AND a.status = 'open'
      ORDER BY a.requested_at`,
    [networkId, organisationId],
  );
  return rows.map((r) => {
    const ageMs = Math.max(0, now - Number(r.requested_at));
    return {
      id: r.id,
      commitmentId: r.commitment_id,
      /** A gift in the ledger (null: a commitment). */
      entryId: r.entry_id,
      /** The gift's receiving organisation (null: a commitment, or the network as a whole). */
      receiverName: r.receiver_name,
      goalId: r.goal_id,
      goalTitle: r.goal_title,
      unit: r.unit,
      amount: r.amount_milli === null ? null : fromMilli(r.amount_milli),
      dueOn: r.due_on,
      requestedAt: Number(r.requested_at),
      requestedByName: r.requested_by_name,
      reasons: z.array(z.string()).parse(JSON.parse(r.reasons)),
      ageMs,
      late: ageMs > agreedMs,
    };
  });
}
