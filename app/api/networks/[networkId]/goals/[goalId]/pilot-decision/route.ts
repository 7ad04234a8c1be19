import { route } from '@/app/_lib/route';
import { decideGoalPilot } from '@/lib/goals/decide-goal-pilot';
import { ZDecidePilot } from '@/lib/goals/pilot';
import { goalPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; goalId: string };

/**
 * A pilot goal's review: `{decision: deepen | repeat | stop, reason, nextReviewOn (repeat), early?}`.
 * Network managers and representatives of participating organisations. A new version and an activity entry.
 */
export const POST = route<typeof ZDecidePilot, P>({ body: ZDecidePilot }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const result = await decideGoalPilot(db, actor, params.networkId, params.goalId, body);
  return { ...result, goal: goalPolicy.present(actor, result.goal) };
});
