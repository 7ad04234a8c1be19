import { route } from '@/app/_lib/route';
import { createOrganisation, ZCreateOrganisation } from '@/lib/networks';
import { organisationPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** Adds a member organisation. Network managers. */
export const POST = route<typeof ZCreateOrganisation, P>(
  { body: ZCreateOrganisation },
  async ({ db, user, params, body }) => {
    const actor = await loadActor(db, user.id, params.networkId);
    const organisation = await createOrganisation(db, actor, params.networkId, body);
    return Response.json({ organisation: organisationPolicy.present(actor, organisation) }, { status: 201 });
  },
);
