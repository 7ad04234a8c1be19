import { route } from '@/app/_lib/route';
import { decideCommitmentPilot } from '@/lib/commitments/decide-commitment-pilot';
import { ZDecidePilot } from '@/lib/goals/pilot';
import { commitmentPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; commitmentId: string };

/**
 * A pilot commitment's review: `{decision: deepen | repeat | stop, reason, nextReviewOn (repeat), early?}`.
 * Network managers and representatives of the committing organisation. Stop withdraws the commitment.
 */
export const POST = route<typeof ZDecidePilot, P>({ body: ZDecidePilot }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const result = await decideCommitmentPilot(db, actor, params.networkId, params.commitmentId, body);
  return { ...result, commitment: commitmentPolicy.present(actor, result.commitment) };
});
