import { route } from '@/app/_lib/route';
import { cooperationAbilities } from '@/lib/policies/cooperation-abilities';
import { createGoal, ZCreateGoal } from '@/lib/goals/create-goal';
import { listGoals, ZListGoals } from '@/lib/goals/list-goals';
import { goalPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../ledger/_lib/query';

type P = { networkId: string };

/** The goal board (filters: status, organisationId, q, sort, limit, offset) and what I may do. Members only. */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const page = await listGoals(db, actor, params.networkId, parseQuery(req, ZListGoals, locale));
  return { ...page, abilities: cooperationAbilities(actor, params.networkId) };
});

/** Proposes a shared goal. Managers and representatives. */
export const POST = route<typeof ZCreateGoal, P>({ body: ZCreateGoal }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const goal = await createGoal(db, actor, params.networkId, body);
  return Response.json({ goal: goalPolicy.present(actor, goal) }, { status: 201 });
});
