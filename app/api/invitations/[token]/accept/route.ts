import { route } from '@/app/_lib/route';
import { acceptInvitation } from '@/lib/networks';

type P = { token: string };

/** Accepts the invitation as the signed-in person; creates the membership. */
export const POST = route<undefined, P>({}, async ({ db, user, params }) => ({
  membership: await acceptInvitation(db, { userId: user.id, membership: null }, params.token),
}));
