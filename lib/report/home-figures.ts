import type { Queryable } from '../db/types';
import { decisionTimes, type DecisionTimes } from '../mandates/decision-times';
import { mandateUsage, type MandateUsage } from '../mandates/usage';
import type { ReportPeriod } from './query';

/**
 * The mandate and its use, and the home approvals with their decision times,
 * in the report's period: figures of the mandates area (lib/mandates,
 * docs/mandates.md), read here and nowhere else in the report.
 */
export type HomeFigures = { available: true; usage: MandateUsage; decisions: DecisionTimes };

export async function homeFigures(
  q: Queryable,
  { networkId, organisationId, period }: { networkId: string; organisationId: string; period: ReportPeriod },
): Promise<HomeFigures> {
  const usage = await mandateUsage(q, { networkId, organisationId, from: period.from, to: period.to });
  const decisions = await decisionTimes(q, { networkId, organisationId, from: period.from, to: period.to });
  return { available: true, usage, decisions };
}
