import { route } from '@/app/_lib/route';
import { getOrganisationOverview } from '@/lib/organisations/get-organisation-overview';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; orgId: string };

/** One organisation's cooperation: ratings, given/received per partner, commitments, recent activity. Members only. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) =>
  getOrganisationOverview(db, await loadActor(db, user.id, params.networkId), params.networkId, params.orgId),
);
