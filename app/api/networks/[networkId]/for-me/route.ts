import { route } from '@/app/_lib/route';
import { getForMe } from '@/lib/for-me/get-for-me';
import { loadActor } from '@/lib/policies/load-actor';

export const dynamic = 'force-dynamic';
type P = { networkId: string };

/** "For me" in this network: what needs me, what is due, what changed since I last looked. Members only. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) =>
  getForMe(db, await loadActor(db, user.id, params.networkId), params.networkId),
);
