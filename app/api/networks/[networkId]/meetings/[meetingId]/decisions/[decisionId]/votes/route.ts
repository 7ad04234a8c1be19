import { route } from '@/app/_lib/route';
import { voteDecision, ZVoteDecision } from '@/lib/meetings/vote-decision';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; meetingId: string; decisionId: string };

/** The organisation's one voice: `{action: consent | object (objection) | choose (option) | withdrawObjection}`. */
export const POST = route<typeof ZVoteDecision, P>({ body: ZVoteDecision }, async ({ db, user, params, body }) => ({
  decision: await voteDecision(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.meetingId,
    params.decisionId,
    body,
  ),
}));
