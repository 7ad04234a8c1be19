import { route } from '@/app/_lib/route';
import { env } from '@/lib/env';
import { createInvitation, listInvitations, ZCreateInvitation } from '@/lib/networks';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** Invitations: all for network managers, one's own for everyone else. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) => ({
  invitations: await listInvitations(db, await loadActor(db, user.id, params.networkId), params.networkId),
}));

/** Invites a person (link, or email when `email` is given). The link comes back once. */
export const POST = route<typeof ZCreateInvitation, P>(
  { body: ZCreateInvitation },
  async ({ db, user, params, body, locale }) => {
    const result = await createInvitation(
      db,
      await loadActor(db, user.id, params.networkId),
      params.networkId,
      { ...body, locale: body.locale ?? locale },
      { appUrl: env().appUrl },
    );
    return Response.json(result, { status: 201 });
  },
);
