import { route } from '@/app/_lib/route';
import { getBalances } from '@/lib/ledger/get-balances';
import { ZEntryFilter } from '@/lib/ledger/entry-filter';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../_lib/query';

type P = { networkId: string };

/** Given and received per organisation, pair, unit and month; confirmed and pending apart. Members only. */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) => {
  const filter = parseQuery(req, ZEntryFilter, locale);
  return getBalances(db, await loadActor(db, user.id, params.networkId), params.networkId, filter);
});
