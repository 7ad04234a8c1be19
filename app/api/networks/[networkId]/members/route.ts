import { route } from '@/app/_lib/route';
import { listMembers } from '@/lib/networks';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** People of the network with their roles. Members only. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) => ({
  members: await listMembers(db, await loadActor(db, user.id, params.networkId), params.networkId),
}));
