import { route } from '@/app/_lib/route';
import { saveGoalText, ZSaveGoalText } from '@/lib/goals/save-goal-text';
import { goalPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; goalId: string };

/** Keeps a version of the collaborative description (also when an earlier one is restored). */
export const PUT = route<typeof ZSaveGoalText, P>({ body: ZSaveGoalText }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  return { goal: goalPolicy.present(actor, await saveGoalText(db, actor, params.networkId, params.goalId, body)) };
});
