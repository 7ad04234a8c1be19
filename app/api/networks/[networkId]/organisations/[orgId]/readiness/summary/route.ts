import { route } from '@/app/_lib/route';
import { latestReadinessSummary } from '@/lib/readiness/list-checks';
import { requireMember } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; orgId: string };

/**
 * The readiness check's latest summary as this member may see it: the
 * organisation's own people their newest; other members the newest it shared,
 * or `summary: null`. Non-members 404.
 */
export const GET = route<undefined, P>({}, async ({ db, user, params }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  requireMember(actor, params.networkId);
  return {
    summary: await latestReadinessSummary(db, {
      networkId: params.networkId,
      organisationId: params.orgId,
      viewer: actor,
    }),
  };
});
