import { Readable } from 'node:stream';
import { z } from 'zod';
import { route } from '@/app/_lib/route';
import { exportActor } from '@/lib/exports/access';
import { ledgerXlsxStream } from '@/lib/exports/ledger-xlsx';
import { attachment } from '@/lib/exports/words';
import { exportEntriesCsv } from '@/lib/ledger/export-entries-csv';
import { ZEntryFilter } from '@/lib/ledger/entry-filter';
import { parseQuery } from '../_lib/query';

type P = { networkId: string };

const ZFormat = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

/**
 * The filtered ledger (same filters as the list) as CSV (`?format=csv`, the default) or as a spreadsheet
 * (`?format=xlsx`, streamed), headers in my language. Members only.
 */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale, t }) => {
  const filter = parseQuery(req, ZEntryFilter, locale);
  const { format } = parseQuery(req, ZFormat, locale);
  const actor = await exportActor(db, user.id, params.networkId);
  const day = new Date().toISOString().slice(0, 10);
  if (format === 'xlsx') {
    const stream = ledgerXlsxStream(db, actor, params.networkId, filter, (column) => t(`cooperation.csv.${column}`), t);
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': attachment(`ledger-${day}.xlsx`),
        'cache-control': 'no-store',
      },
    });
  }
  const csv = await exportEntriesCsv(db, actor, params.networkId, filter, (column) => t(`cooperation.csv.${column}`));
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="ledger-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
