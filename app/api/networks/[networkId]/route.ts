import { route } from '@/app/_lib/route';
import { getNetworkHome, updateNetwork, ZUpdateNetwork } from '@/lib/networks';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** The network home: network, organisations, people, my abilities. Members only (else 404). */
export const GET = route<undefined, P>({}, async ({ db, user, params }) =>
  getNetworkHome(db, await loadActor(db, user.id, params.networkId), params.networkId),
);

/** Renames the network or changes its purpose. Network managers. */
export const PATCH = route<typeof ZUpdateNetwork, P>({ body: ZUpdateNetwork }, async ({ db, user, params, body }) => ({
  network: await updateNetwork(db, await loadActor(db, user.id, params.networkId), params.networkId, body),
}));
