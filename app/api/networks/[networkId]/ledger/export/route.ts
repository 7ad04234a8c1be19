import { route } from '@/app/_lib/route';
import { exportEntriesCsv } from '@/lib/ledger/export-entries-csv';
import { ZEntryFilter } from '@/lib/ledger/entry-filter';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../_lib/query';

type P = { networkId: string };

/** The filtered ledger as CSV (same filters as the list), headers in my language. Members only. */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale, t }) => {
  const filter = parseQuery(req, ZEntryFilter, locale);
  const csv = await exportEntriesCsv(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    filter,
    (column) => t(`cooperation.csv.${column}`),
  );
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="ledger-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
