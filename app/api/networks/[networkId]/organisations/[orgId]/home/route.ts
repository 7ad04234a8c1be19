import { route } from '@/app/_lib/route';
import { getHomeView, ZHomeView } from '@/lib/mandates/get-home-view';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../../../ledger/_lib/query';

type P = { networkId: string; orgId: string };

/** "Home and network": the organisation's own view of its two loyalties. Its own people only (else 404). */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) =>
  getHomeView(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.orgId,
    parseQuery(req, ZHomeView, locale),
  ),
);
