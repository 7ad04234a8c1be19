import { route } from '@/app/_lib/route';
import { revokeInvitation } from '@/lib/networks';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; invitationId: string };

/** Revokes a pending invitation. Network managers, or whoever created it. */
export const DELETE = route<undefined, P>({}, async ({ db, user, params }) => ({
  invitation: await revokeInvitation(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.invitationId,
  ),
}));
