import { route } from '@/app/_lib/route';
import { createNetwork, listMyNetworks, ZCreateNetwork } from '@/lib/networks';

/** My networks, with my role in each. */
export const GET = route({}, async ({ db, user }) => ({ networks: await listMyNetworks(db, user.id) }));

/** Creates a network; the caller becomes its network manager. */
export const POST = route({ body: ZCreateNetwork }, async ({ db, user, body }) => {
  const network = await createNetwork(db, { userId: user.id, membership: null }, body);
  return Response.json({ network }, { status: 201 });
});
