import { today } from '../core/dates';
import type { Param, Queryable } from '../db/types';
import { fromMilli, toMilli } from '../ledger/units';
import { dayStart, periodOf } from './periods';
import { coversGifts, goalIdsOf, limitsOf, mandatesOf, validOn, type MandateRow, type Period } from './records';

/**
 * Is a commitment within the representative's mandate, and what remains of
 * it? The one rule both the commitment commands (`needsHomeApproval`) and the
 * representative's form (`GET …/mandates/check`) ask.
 *
 * The mandate that governs: the representative's own mandate valid that day,
 * else the one for all representatives valid that day. When neither is valid,
 * the one that ended last governs: after a mandate expired, everything waits
 * for home until a new one is given. A representative to whom no mandate
 * applies yet (none given, or only ones that begin later) is not governed:
 * they commit as before.
 */
/** `noGoal`: a gift for no goal, while the mandate covers only the goals it names. */
export const BEYOND_REASONS = ['expired', 'goal', 'noGoal', 'unit', 'perCommitment', 'perPeriod'] as const;
export type BeyondReason = (typeof BEYOND_REASONS)[number];

export interface LimitStanding {
  unit: string;
  perCommitment: number | null;
  perPeriod: number | null;
  period: Period;
  periodStart: string;
  /** The first day after the period. */
  periodEnd: string;
  /** Committed in this period already (committed or delivered). */
  used: number;
  /** What the period still allows (null: no period limit). */
  left: number | null;
}

export interface Assessment {
  /** False when no mandate applies to this representative: nothing waits for home. */
  governed: boolean;
  within: boolean;
  reasons: BeyondReason[];
  mandate: {
    id: string;
    version: number;
    representativeId: string | null;
    validFrom: string;
    validUntil: string | null;
  } | null;
  limit: LimitStanding | null;
}

export interface AssessInput {
  /**
   * What is assessed: a commitment (default), or a gift recorded in the ledger — held to the mandate only when
   * the governing mandate says so (`covers_gifts`); a gift counts against the gifts of its period, never against
   * the commitments (a delivered commitment's evidence is a ledger entry: counting both would count it twice).
   */
  subject?: 'commitment' | 'gift';
  networkId: string;
  organisationId: string;
  representativeId: string;
  /** The goal of the commitment or gift (a gift may have none: then it is within a mandate only when that names no goals). */
  goalId: string | null;
  unit: string;
  amount: number;
  /** The calendar day it is made (default today). */
  day?: string;
  /** A commitment being re-assessed is not counted against itself. */
  excludeCommitmentId?: string;
  /** Likewise a gift. */
  excludeEntryId?: string;
}

/** The mandate that governs this representative on this day (see above), or null when none applies. */
export async function governingMandate(
  q: Queryable,
  networkId: string,
  organisationId: string,
  representativeId: string,
  day: string,
): Promise<MandateRow | null> {
  const rows = (await mandatesOf(q, networkId, organisationId)).filter(
    (m) => m.representative_id === null || m.representative_id === representativeId,
  );
  if (!rows.length) return null;
  const personal = rows.filter((m) => m.representative_id !== null);
  const general = rows.filter((m) => m.representative_id === null);
  return (
    personal.find((m) => validOn(m, day)) ??
    general.find((m) => validOn(m, day)) ??
    // None valid today: the one that ended last governs (it has expired); one that has not begun yet does not.
    rows
      .filter((m) => m.valid_until !== null && m.valid_until < day)
      .sort((a, b) => (a.valid_until! < b.valid_until! ? 1 : -1))[0] ??
    null
  );
}

/** What the organisation (or one representative) committed in a unit between two instants. */
export async function committedBetween(
  q: Queryable,
  o: { networkId: string; organisationId: string; unit: string; representativeId?: string | null },
  fromMs: number,
  toMs: number,
  excludeCommitmentId?: string,
): Promise<number> {
  const params: Param[] = [o.networkId, o.organisationId, o.unit, fromMs, toMs];
  let extra = '';
  if (o.representativeId) {
    extra += ' AND committed_by = ?';
    params.push(o.representativeId);
  }
  if (excludeCommitmentId) {
    extra += ' AND id <> ?';
    params.push(excludeCommitmentId);
  }
  const row = await q.get<{ s: number | string | null }>(
    `SELECT SUM(amount_milli) AS s FROM commitments
      WHERE network_id = ? AND organisation_id = ? AND unit = ? AND status IN ('committed', 'delivered')
        AND committed_at >= ? AND committed_at < ?${extra}`,
    params,
  );
  return fromMilli(row?.s);
}

/**
 * What the organisation (or one representative) gave in the ledger in a unit, recorded between two instants:
 * gifts it recorded itself (give or share; corrections are no gifts), pending or confirmed — a gift waiting for
 * home, declined, disputed or reversed counts nothing.
 */
export async function giftedBetween(
  q: Queryable,
  o: { networkId: string; organisationId: string; unit: string; representativeId?: string | null },
  fromMs: number,
  toMs: number,
  excludeEntryId?: string,
): Promise<number> {
  const params: Param[] = [o.networkId, o.organisationId, o.unit, fromMs, toMs];
  let extra = '';
  if (o.representativeId) {
    extra += ' AND recorded_by = ?';
    params.push(o.representativeId);
  }
  if (excludeEntryId) {
    extra += ' AND id <> ?';
    params.push(excludeEntryId);
  }
  const row = await q.get<{ s: number | string | null }>(
    `SELECT SUM(amount_milli) AS s FROM ledger_entries
      WHERE network_id = ? AND recorder_org_id = ? AND giver_org_id = recorder_org_id AND unit = ?
        AND reverses_id IS NULL AND status IN ('pending', 'confirmed') AND created_at >= ? AND created_at < ?${extra}`,
    params,
  );
  return fromMilli(row?.s);
}

/** Within the mandate, or beyond it (and why), with what remains of it. */
export async function assess(q: Queryable, input: AssessInput): Promise<Assessment> {
  const day = input.day ?? today();
  const m = await governingMandate(q, input.networkId, input.organisationId, input.representativeId, day);
  const gift = input.subject === 'gift';
  if (!m || (gift && !coversGifts(m)))
    return { governed: false, within: true, reasons: [], mandate: null, limit: null };
  const reasons: BeyondReason[] = [];
  if (m.valid_until !== null && m.valid_until < day) reasons.push('expired');
  const goals = goalIdsOf(m);
  if (goals.length && input.goalId === null) reasons.push('noGoal');
  else if (goals.length && !goals.includes(input.goalId!)) reasons.push('goal');
  const l = limitsOf(m).find((x) => x.unit === input.unit);
  let limit: LimitStanding | null = null;
  if (!l) reasons.push('unit');
  else {
    const p = periodOf(day, l.period);
    const who = {
      networkId: input.networkId,
      organisationId: input.organisationId,
      unit: input.unit,
      representativeId: m.representative_id,
    };
    const used = gift
      ? await giftedBetween(q, who, dayStart(p.start), dayStart(p.end), input.excludeEntryId)
      : await committedBetween(q, who, dayStart(p.start), dayStart(p.end), input.excludeCommitmentId);
    const left = l.perPeriod === null ? null : fromMilli(Math.max(0, toMilli(l.perPeriod) - toMilli(used)));
    limit = {
      unit: l.unit,
      perCommitment: l.perCommitment,
      perPeriod: l.perPeriod,
      period: l.period,
      periodStart: p.start,
      periodEnd: p.end,
      used,
      left,
    };
    if (l.perCommitment !== null && toMilli(input.amount) > toMilli(l.perCommitment)) reasons.push('perCommitment');
    if (l.perPeriod !== null && toMilli(used) + toMilli(input.amount) > toMilli(l.perPeriod)) reasons.push('perPeriod');
  }
  return {
    governed: true,
    within: reasons.length === 0,
    reasons,
    mandate: {
      id: m.id,
      version: Number(m.version),
      representativeId: m.representative_id,
      validFrom: m.valid_from,
      validUntil: m.valid_until,
    },
    limit,
  };
}
