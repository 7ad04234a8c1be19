import { route } from '@/app/_lib/route';
import { listGoalRevisions } from '@/lib/goals/list-goal-revisions';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; goalId: string };

/** Every version of the goal, newest first. Members only. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) => ({
  revisions: await listGoalRevisions(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.goalId,
  ),
}));
