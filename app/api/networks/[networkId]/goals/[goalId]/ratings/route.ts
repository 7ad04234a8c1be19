import { route } from '@/app/_lib/route';
import { rateGoal, ZRateGoal } from '@/lib/goals/rate-goal';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; goalId: string };

/** Sets or changes my organisation's one rating of the goal. That organisation's people only. */
export const PUT = route<typeof ZRateGoal, P>({ body: ZRateGoal }, async ({ db, user, params, body }) => ({
  rating: await rateGoal(db, await loadActor(db, user.id, params.networkId), params.networkId, params.goalId, body),
}));
