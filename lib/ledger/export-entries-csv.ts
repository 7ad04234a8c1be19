import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { requireMember, type Actor } from '../policies';
import { ZEntryFilter, entryWhere, type EntryFilter } from './entry-filter';
import { ENTRY_SELECT, presentEntry, type EntryRow, type LedgerEntry } from './records';
import { csvCell } from '../core/csv';

/** The most rows one export carries (a filter narrows bigger ledgers). */
export const CSV_MAX_ROWS = 100_000;

export { csvCell };

type Cell = string | number | null;
const column = <K extends string>(key: K, value: (e: LedgerEntry, orgName: (id: string | null) => string) => Cell) => ({
  key,
  value,
});

/**
 * The export's columns, in order. The key names the header (the message
 * `cooperation.csv.<key>`, in the reader's language); organisations appear by
 * name, the network as a whole as an empty cell.
 */
export const LEDGER_CSV_COLUMNS = [
  column('id', (e) => e.id),
  column('date', (e) => e.date),
  column('kind', (e) => e.kind),
  column('giver', (e, orgName) => orgName(e.giverOrgId)),
  column('receiver', (e, orgName) => orgName(e.receiverOrgId)),
  column('unit', (e) => e.unit),
  column('amount', (e) => e.amount),
  column('status', (e) => e.status),
  column('description', (e) => e.description),
  column('goal', (e) => e.goalId),
  column('reverses', (e) => e.reversesId),
  column('comment', (e) => e.responseComment),
] as const;
export type LedgerCsvColumn = (typeof LEDGER_CSV_COLUMNS)[number]['key'];

/**
 * The ledger as CSV for any filtered view (the same filters as the list),
 * with organisation names; `header` words each column for the reader. Every
 * member of the network may export.
 */
export async function exportEntriesCsv(
  db: Db,
  actor: Actor,
  networkId: string,
  input: EntryFilter,
  header: (column: LedgerCsvColumn) => string,
) {
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
  const orgName = (id: string | null) => (id ? (names.get(id) ?? id) : '');
  const lines = [LEDGER_CSV_COLUMNS.map((c) => csvCell(header(c.key))).join(',')];
  for (const r of rows) {
    const e = presentEntry(r);
    lines.push(LEDGER_CSV_COLUMNS.map((c) => csvCell(c.value(e, orgName))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
