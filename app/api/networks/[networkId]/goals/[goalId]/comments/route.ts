import { route } from '@/app/_lib/route';
import { commentGoal, ZCommentGoal } from '@/lib/goals/comment-goal';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; goalId: string };

/** Comments on a goal. Every member but observers. */
export const POST = route<typeof ZCommentGoal, P>({ body: ZCommentGoal }, async ({ db, user, params, body }) => {
  const comment = await commentGoal(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.goalId,
    body,
  );
  return Response.json({ comment }, { status: 201 });
});
