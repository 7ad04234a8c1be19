import { route } from '@/app/_lib/route';
import { adoptText, ZAdoptText } from '@/lib/meetings/adopt-text';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; meetingId: string };

/** Moderation: a network manager adopts a text as decided, with a reason (`{title, text, reason}`). */
export const POST = route<typeof ZAdoptText, P>({ body: ZAdoptText }, async ({ db, user, params, body }) => {
  const decision = await adoptText(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.meetingId,
    body,
  );
  return Response.json({ decision }, { status: 201 });
});
