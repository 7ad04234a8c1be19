import { route } from '@/app/_lib/route';
import { cooperationAbilities } from '@/lib/policies/cooperation-abilities';
import { getGoal } from '@/lib/goals/get-goal';
import { updateGoal, ZUpdateGoal } from '@/lib/goals/update-goal';
import { authorize, goalPolicy, requireMember } from '@/lib/policies';
import { loadGoal } from '@/lib/goals/records';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; goalId: string };

/** One goal (with what I may do with it) with ratings, their spread and comments; my organisation. Members only. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const view = await getGoal(db, actor, params.networkId, params.goalId);
  return { ...view, abilities: cooperationAbilities(actor, params.networkId) };
});

/**
 * Changes status, target date, indicators, title, "why together" or organisations: a new version.
 * Permission before validation: someone who may not change this goal gets 403 whatever they send.
 */
export const PATCH = route<typeof ZUpdateGoal, P>(
  {
    body: ZUpdateGoal,
    authorize: async ({ db, user, params }) => {
      const actor = await loadActor(db, user.id, params.networkId);
      requireMember(actor, params.networkId);
      const goal = await loadGoal(db, params.networkId, params.goalId);
      authorize(actor, 'goal.update', {
        type: 'goal',
        networkId: params.networkId,
        organisationIds: goal.organisationIds,
      });
    },
  },
  async ({ db, user, params, body }) => {
    const actor = await loadActor(db, user.id, params.networkId);
    return { goal: goalPolicy.present(actor, await updateGoal(db, actor, params.networkId, params.goalId, body)) };
  },
);
