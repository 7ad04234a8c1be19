import { route } from '@/app/_lib/route';
import { cachedForMeCount } from '@/lib/for-me/count-cache';
import { loadActor } from '@/lib/policies/load-actor';

export const dynamic = 'force-dynamic';
type P = { networkId: string };

/** The bell: how many things need me here (kept a few seconds while nothing changed). Members only. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) => ({
  count: await cachedForMeCount(db, await loadActor(db, user.id, params.networkId), params.networkId),
}));
