import { route } from '@/app/_lib/route';
import { setCapacity, ZSetCapacity } from '@/lib/mandates/set-capacity';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** The home side states what the organisation can invest per unit and month or quarter (`amount: null` removes it). */
export const PUT = route<typeof ZSetCapacity, P>({ body: ZSetCapacity }, async ({ db, user, params, body }) => ({
  capacity: await setCapacity(db, await loadActor(db, user.id, params.networkId), params.networkId, body),
}));
