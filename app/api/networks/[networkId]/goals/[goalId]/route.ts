import { route } from '@/app/_lib/route';
import { cooperationAbilities } from '@/lib/policies/cooperation-abilities';
import { getGoal } from '@/lib/goals/get-goal';
import { updateGoal, ZUpdateGoal } from '@/lib/goals/update-goal';
import { can } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; goalId: string };

/** One goal with ratings, their spread, comments, and what I may do. Members only. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const view = await getGoal(db, actor, params.networkId, params.goalId);
  return {
    ...view,
    abilities: cooperationAbilities(actor, params.networkId),
    /** May this person record the pilot's review decision (when the goal is a pilot)? */
    mayDecidePilot: can(actor, 'pilot.decide', {
      type: 'goal',
      networkId: params.networkId,
      organisationIds: view.goal.organisationIds,
    }),
  };
});

/** Changes status, target date, indicators, title, "why together" or organisations: a new version. */
export const PATCH = route<typeof ZUpdateGoal, P>({ body: ZUpdateGoal }, async ({ db, user, params, body }) => ({
  goal: await updateGoal(db, await loadActor(db, user.id, params.networkId), params.networkId, params.goalId, body),
}));
