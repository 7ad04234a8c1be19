import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { requireMember, type Actor } from '../policies';
import { ZEntryFilter, entryWhere, type EntryFilter } from './entry-filter';
import { ENTRY_SELECT, presentEntry, type EntryRow } from './records';

/** The most rows one export carries (a filter narrows bigger ledgers). */
export const CSV_MAX_ROWS = 100_000;

/** One CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The ledger as CSV for any filtered view (the same filters as the list),
 * with organisation names. Every member of the network may export.
 */
export async function exportEntriesCsv(db: Db, actor: Actor, networkId: string, input: EntryFilter, headers: string[]) {
  requireMember(actor, networkId);
  const f = validate(ZEntryFilter, input);
  const w = entryWhere(networkId, f);
  const rows = await db.all<EntryRow>(
    `${ENTRY_SELECT} WHERE ${w.sql} ORDER BY e.occurred_on, e.created_at, e.id LIMIT ?`,
    [...w.params, CSV_MAX_ROWS],
  );
  const names = new Map(
    (
      await db.all<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE network_id = ?', [networkId])
    ).map((o) => [o.id, o.name]),
  );
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : '');
  const lines = [headers.map(csvCell).join(',')];
  for (const r of rows) {
    const e = presentEntry(r);
    lines.push(
      [
        e.id,
        e.date,
        e.kind,
        name(e.giverOrgId),
        name(e.receiverOrgId),
        e.unit,
        e.amount,
        e.status,
        e.description,
        e.goalId,
        e.reversesId,
        e.responseComment,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
