import { z } from 'zod';
import { ZDate } from '../core/dates';
import type { Param } from '../db/types';
import { ENTRY_STATUSES } from './records';

/** A filtered view of the ledger: the same filters for the list, the balances and the CSV export. */
export const ZEntryFilter = z.object({
  /** Entries where this organisation is on either side. */
  organisationId: z.uuid().optional(),
  /** With organisationId: only between the two (the pair's view). */
  partnerOrganisationId: z.uuid().optional(),
  unit: z.string().trim().max(80).optional(),
  status: z.enum(ENTRY_STATUSES).optional(),
  goalId: z.uuid().optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type EntryFilter = z.input<typeof ZEntryFilter>;

/** SQL conditions for a filtered view of the ledger (shared by the list, the balances and the CSV export). */
export function entryWhere(networkId: string, f: z.output<typeof ZEntryFilter>) {
  const where = ['e.network_id = ?'];
  const params: Param[] = [networkId];
  if (f.organisationId && f.partnerOrganisationId) {
    where.push('((e.giver_org_id = ? AND e.receiver_org_id = ?) OR (e.giver_org_id = ? AND e.receiver_org_id = ?))');
    params.push(f.organisationId, f.partnerOrganisationId, f.partnerOrganisationId, f.organisationId);
  } else if (f.organisationId) {
    where.push('(e.giver_org_id = ? OR e.receiver_org_id = ?)');
    params.push(f.organisationId, f.organisationId);
  }
  if (f.unit) {
    where.push('e.unit = ?');
    params.push(f.unit);
  }
  if (f.status) {
    where.push('e.status = ?');
    params.push(f.status);
  }
  if (f.goalId) {
    where.push('e.goal_id = ?');
    params.push(f.goalId);
  }
  if (f.from) {
    where.push('e.occurred_on >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('e.occurred_on <= ?');
    params.push(f.to);
  }
  return { sql: where.join(' AND '), params };
}
