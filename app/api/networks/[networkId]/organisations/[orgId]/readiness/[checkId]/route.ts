import { route } from '@/app/_lib/route';
import { shareReadinessCheck, ZShareCheck } from '@/lib/readiness/share-check';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; orgId: string; checkId: string };

/** `{ shared: true|false }`: shares the check's summary with the network, or stops. The organisation's own people. */
export const PATCH = route<typeof ZShareCheck, P>({ body: ZShareCheck }, async ({ db, user, params, body }) => ({
  check: await shareReadinessCheck(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.orgId,
    params.checkId,
    body,
  ),
}));
