import { route } from '@/app/_lib/route';
import { listActivityLog, ZActivityFilter } from '@/lib/activity/activity-log';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../ledger/_lib/query';

export const dynamic = 'force-dynamic';
type P = { networkId: string };

/** The activity feed / audit log, filtered, newest first, only what I may see. Members only. */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) =>
  listActivityLog(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    parseQuery(req, ZActivityFilter, locale),
  ),
);
