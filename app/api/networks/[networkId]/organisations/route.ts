import { route } from '@/app/_lib/route';
import { createOrganisation, ZCreateOrganisation } from '@/lib/networks';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** Adds a member organisation. Network managers. */
export const POST = route<typeof ZCreateOrganisation, P>(
  { body: ZCreateOrganisation },
  async ({ db, user, params, body }) => {
    const organisation = await createOrganisation(
      db,
      await loadActor(db, user.id, params.networkId),
      params.networkId,
      body,
    );
    return Response.json({ organisation }, { status: 201 });
  },
);
