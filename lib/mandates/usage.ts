import { addDays } from '../core/dates';
import type { Param, Queryable } from '../db/types';
import { fromMilli, toMilli } from '../ledger/units';
import { committedBetween } from './assess';
import { dayStart, periodsIn } from './periods';
import { limitsOf, type MandateRow, type Period } from './records';

/**
 * How much of its mandates an organisation used in a period: per mandate and
 * unit, the limits, what they allowed over the period (the per-period maximum
 * times the months or quarters the mandate was valid in it), what was
 * committed and what was left. Home data: for the organisation's own people
 * (and its report for the home board), never for other organisations.
 *
 * A mandate for all representatives counts everything the organisation
 * committed in the unit; a personal one what that representative committed.
 */
export interface UnitUsage {
  mandateId: string;
  /** null: all of the organisation's representatives. */
  representativeId: string | null;
  representativeName: string | null;
  unit: string;
  perCommitment: number | null;
  perPeriod: number | null;
  period: Period;
  /** The days of the period the mandate was valid in (inclusive). */
  validFrom: string;
  validTo: string;
  /** Months or quarters of that. */
  periods: number;
  /** What the mandate allowed over those (null: no per-period maximum). */
  allowance: number | null;
  /** Committed (committed or delivered) in those days. */
  used: number;
  /** allowance − used, never below 0 (null: no per-period maximum). */
  left: number | null;
  /** Commitments counted, the largest of them, and how many were over the per-commitment maximum (home approved them). */
  commitments: number;
  largest: number;
  overPerCommitment: number;
}

export interface MandateUsage {
  organisationId: string;
  from: string;
  to: string;
  mandates: {
    id: string;
    representativeId: string | null;
    representativeName: string | null;
    version: number;
    validFrom: string;
    validUntil: string | null;
    scopeNote: string;
  }[];
  units: UnitUsage[];
}

export async function mandateUsage(
  q: Queryable,
  o: { networkId: string; organisationId: string; from: string; to: string },
): Promise<MandateUsage> {
  const rows = await q.all<MandateRow>(
    `SELECT m.*, r.name AS representative_name FROM mandates m LEFT JOIN users r ON r.id = m.representative_id
      WHERE m.network_id = ? AND m.organisation_id = ? AND m.valid_from <= ?
        AND (m.valid_until IS NULL OR m.valid_until >= ?)
      ORDER BY m.valid_from, m.created_at`,
    [o.networkId, o.organisationId, o.to, o.from],
  );
  const units: UnitUsage[] = [];
  for (const m of rows) {
    const validFrom = m.valid_from > o.from ? m.valid_from : o.from;
    const validTo = m.valid_until !== null && m.valid_until < o.to ? m.valid_until : o.to;
    const fromMs = dayStart(validFrom);
    const toMs = dayStart(addDays(validTo, 1));
    for (const l of limitsOf(m)) {
      const who = {
        networkId: o.networkId,
        organisationId: o.organisationId,
        unit: l.unit,
        representativeId: m.representative_id,
      };
      const used = await committedBetween(q, who, fromMs, toMs);
      const params: Param[] = [o.networkId, o.organisationId, l.unit, fromMs, toMs];
      if (m.representative_id) params.push(m.representative_id);
      const stats = await q.get<{ n: number | string; largest: number | string | null; over: number | string | null }>(
        `SELECT COUNT(*) AS n, MAX(amount_milli) AS largest,
                SUM(CASE WHEN amount_milli > ? THEN 1 ELSE 0 END) AS over
           FROM commitments
          WHERE network_id = ? AND organisation_id = ? AND unit = ? AND status IN ('committed', 'delivered')
            AND committed_at >= ? AND committed_at < ?${m.representative_id ? ' AND committed_by = ?' : ''}`,
        [l.perCommitment === null ? Number.MAX_SAFE_INTEGER : toMilli(l.perCommitment), ...params],
      );
      const periods = periodsIn(validFrom, validTo, l.period);
      const allowance = l.perPeriod === null ? null : fromMilli(toMilli(l.perPeriod) * periods);
      units.push({
        mandateId: m.id,
        representativeId: m.representative_id,
        representativeName: m.representative_name ?? null,
        unit: l.unit,
        perCommitment: l.perCommitment,
        perPeriod: l.perPeriod,
        period: l.period,
        validFrom,
        validTo,
        periods,
        allowance,
        used,
        left: allowance === null ? null : fromMilli(Math.max(0, toMilli(allowance) - toMilli(used))),
        commitments: Number(stats?.n ?? 0),
        largest: fromMilli(stats?.largest),
        overPerCommitment: Number(stats?.over ?? 0),
      });
    }
  }
  return {
    organisationId: o.organisationId,
    from: o.from,
    to: o.to,
    mandates: rows.map((m) => ({
      id: m.id,
      representativeId: m.representative_id,
      representativeName: m.representative_name ?? null,
      version: Number(m.version),
      validFrom: m.valid_from,
      validUntil: m.valid_until,
      scopeNote: m.scope_note,
    })),
    units,
  };
}
