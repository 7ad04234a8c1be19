import { route } from '@/app/_lib/route';
import { addActionItem, ZAddActionItem } from '@/lib/meetings/add-action-item';
import { commitmentPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; meetingId: string };

/** An action item becomes a commitment of the representative's organisation: the commitment's fields plus `text`. */
export const POST = route<typeof ZAddActionItem, P>({ body: ZAddActionItem }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const { actionItem, commitment } = await addActionItem(db, actor, params.networkId, params.meetingId, body);
  return Response.json(
    { actionItem, commitment: commitmentPolicy.present(actor, commitment) },
    { status: commitment.replayed ? 200 : 201 },
  );
});
