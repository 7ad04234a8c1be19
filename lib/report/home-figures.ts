import type { Queryable } from '../db/types';
import type { ReportPeriod } from './query';

/**
 * The mandate and its use, and the home approvals with their decision times:
 * figures of the mandates area (lib/mandates). Until it lands the report says
 * plainly that this part is not yet available.
 */
export type HomeFigures = { available: false };

export async function homeFigures(
  _q: Queryable,
  _args: { networkId: string; organisationId: string; period: ReportPeriod },
): Promise<HomeFigures> {
  return { available: false };
}
