import { route } from '@/app/_lib/route';
import { proposeDecision, ZProposeDecision } from '@/lib/meetings/propose-decision';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; meetingId: string };

/** An agenda item becomes a proposal: `{agendaItem?, title, body?, method: consent | poll, options?, closesAt}`. */
export const POST = route<typeof ZProposeDecision, P>(
  { body: ZProposeDecision },
  async ({ db, user, params, body }) => {
    const decision = await proposeDecision(
      db,
      await loadActor(db, user.id, params.networkId),
      params.networkId,
      params.meetingId,
      body,
    );
    return Response.json({ decision }, { status: 201 });
  },
);
