import { z } from 'zod';
import type { Db, Param } from '../db/types';
import { requireMember } from '../policies';
import { validate } from '../core/validate';
import type { Actor } from '../policies';
import { ENTRY_SELECT, ENTRY_STATUSES, presentEntry, type EntryRow } from './ledger';
import { ZDate } from '../core/dates';

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
export const ZListEntries = ZEntryFilter.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type EntryFilter = z.input<typeof ZEntryFilter>;
export type ListEntries = z.input<typeof ZListEntries>;

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

/** A page of the ledger, newest first. Every member of the network may read it. */
export async function listEntries(db: Db, actor: Actor, networkId: string, input: ListEntries = {}) {
  requireMember(actor, networkId);
  const f = validate(ZListEntries, input);
  const w = entryWhere(networkId, f);
  const total = await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM ledger_entries e WHERE ${w.sql}`, w.params);
  const rows = await db.all<EntryRow>(
    `${ENTRY_SELECT} WHERE ${w.sql} ORDER BY e.occurred_on DESC, e.created_at DESC, e.id LIMIT ? OFFSET ?`,
    [...w.params, f.limit, f.offset],
  );
  return { total: Number(total?.c ?? 0), limit: f.limit, offset: f.offset, entries: rows.map(presentEntry) };
}
