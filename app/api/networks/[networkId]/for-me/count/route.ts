import { route } from '@/app/_lib/route';
import { forMeCount } from '@/lib/for-me/get-for-me';
import { loadActor } from '@/lib/policies/load-actor';

export const dynamic = 'force-dynamic';
type P = { networkId: string };

/** The bell: how many things need me here. Members only. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) => ({
  count: await forMeCount(db, await loadActor(db, user.id, params.networkId), params.networkId),
}));
