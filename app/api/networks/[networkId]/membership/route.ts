import { route } from '@/app/_lib/route';
import { leaveNetwork } from '@/lib/networks';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/**
 * DELETE /api/networks/<id>/membership: the signed-in person leaves the
 * network (any role). The row stays (history), access ends at once, open
 * realtime sockets for the network close. 409 for the last network manager;
 * 404 for a non-member (and for a second call).
 */
export const DELETE = route<undefined, P>({}, async ({ db, user, params }) => ({
  membership: await leaveNetwork(db, await loadActor(db, user.id, params.networkId), params.networkId),
}));
