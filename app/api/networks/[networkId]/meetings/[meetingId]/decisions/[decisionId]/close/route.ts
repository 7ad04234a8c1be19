import { route } from '@/app/_lib/route';
import { closeDecision } from '@/lib/meetings/close-decision';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; meetingId: string; decisionId: string };

/** A moderator closes a proposal (after its closing time, or once every invited organisation has voted). */
export const POST = route<undefined, P>({}, async ({ db, user, params }) => ({
  decision: await closeDecision(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.meetingId,
    params.decisionId,
  ),
}));
