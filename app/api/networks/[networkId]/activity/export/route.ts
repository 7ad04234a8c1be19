import { route } from '@/app/_lib/route';
import { exportActivityCsv, ZActivityFilter } from '@/lib/activity/activity-log';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../../ledger/_lib/query';

type P = { networkId: string };

/** The filtered activity as CSV (same filters and visibility as the page), in my language. Members only. */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale, t }) => {
  const filter = parseQuery(req, ZActivityFilter, locale);
  const csv = await exportActivityCsv(db, await loadActor(db, user.id, params.networkId), params.networkId, filter, t);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="activity-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
