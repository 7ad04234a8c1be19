import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import type { Translate } from '../i18n';
import { ZEntryFilter, entryWhere, type EntryFilter } from '../ledger/entry-filter';
import { CSV_MAX_ROWS, LEDGER_CSV_COLUMNS } from '../ledger/export-entries-csv';
import { ENTRY_SELECT, presentEntry, type EntryRow } from '../ledger/records';
import { exportPolicy, type Actor } from '../policies';

/**
 * The ledger as a spreadsheet (.xlsx): the same filtered view as the ledger
 * page and its CSV (`ZEntryFilter`), the same columns (`LEDGER_CSV_COLUMNS`,
 * headers in the reader's language), amounts as numbers. Written with
 * exceljs's streaming writer while the rows are read page by page, so a big
 * ledger is never held in memory as a whole. Every member may export it.
 */

const BATCH = 2_000;
/** The writer keeps going while the reader keeps up; above this much unread output it waits. */
const HIGH_WATER = 4 * 1024 * 1024;

export function ledgerXlsxStream(
  db: Db,
  actor: Actor,
  networkId: string,
  input: EntryFilter,
  header: (column: (typeof LEDGER_CSV_COLUMNS)[number]['key']) => string,
  t: Translate,
): PassThrough {
  exportPolicy.authorize(actor, 'ledger', { networkId });
  const f = validate(ZEntryFilter, input);
  const out = new PassThrough();
  const write = async () => {
    const names = new Map(
      (
        await db.all<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE network_id = ?', [
          networkId,
        ])
      ).map((o) => [o.id, o.name]),
    );
    const orgName = (id: string | null) => (id ? (names.get(id) ?? id) : '');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = 'Netzwerkraum';
    const ws = wb.addWorksheet(t('exports.ledger.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = LEDGER_CSV_COLUMNS.map((c) => ({
      header: header(c.key),
      key: c.key,
      width: c.key === 'description' || c.key === 'comment' ? 40 : c.key === 'id' || c.key === 'goal' ? 38 : 16,
    }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    const w = entryWhere(networkId, f);
    let after: [string, number, string] | null = null;
    let written = 0;
    while (written < CSV_MAX_ROWS) {
      const page: EntryRow[] = await db.all<EntryRow>(
        `${ENTRY_SELECT} WHERE ${w.sql}${after ? ' AND (e.occurred_on > ? OR (e.occurred_on = ? AND (e.created_at > ? OR (e.created_at = ? AND e.id > ?))))' : ''}
         ORDER BY e.occurred_on, e.created_at, e.id LIMIT ?`,
        [
          ...w.params,
          ...(after ? [after[0], after[0], after[1], after[1], after[2]] : []),
          Math.min(BATCH, CSV_MAX_ROWS - written),
        ],
      );
      for (const r of page) {
        const e = presentEntry(r);
        ws.addRow(LEDGER_CSV_COLUMNS.map((c) => c.value(e, orgName) ?? '')).commit();
      }
      written += page.length;
      if (page.length < BATCH) break;
      const last = page[page.length - 1];
      after = [last.occurred_on, Number(last.created_at), last.id];
      while (out.readableLength > HIGH_WATER && !out.destroyed) await sleep(5);
      if (out.destroyed) return;
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((err) => out.destroy(err as Error));
  return out;
}
