import { z } from 'zod';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { ledgerEntryPolicy, requireMember, type Actor } from '../policies';
import { entryWhere, ZEntryFilter } from './entry-filter';
import { ENTRY_SELECT, presentEntry, type EntryRow } from './records';

export const ZListEntries = ZEntryFilter.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ListEntries = z.input<typeof ZListEntries>;

/** A page of the ledger, newest first, each entry with what the actor may do with it. Every member may read it. */
export async function listEntries(db: Db, actor: Actor, networkId: string, input: ListEntries = {}) {
  requireMember(actor, networkId);
  const f = validate(ZListEntries, input);
  const w = entryWhere(networkId, f);
  const total = await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM ledger_entries e WHERE ${w.sql}`, w.params);
  const rows = await db.all<EntryRow>(
    `${ENTRY_SELECT} WHERE ${w.sql} ORDER BY e.occurred_on DESC, e.created_at DESC, e.id LIMIT ? OFFSET ?`,
    [...w.params, f.limit, f.offset],
  );
  return {
    total: Number(total?.c ?? 0),
    limit: f.limit,
    offset: f.offset,
    entries: rows.map((r) => ledgerEntryPolicy.present(actor, presentEntry(r))),
  };
}
