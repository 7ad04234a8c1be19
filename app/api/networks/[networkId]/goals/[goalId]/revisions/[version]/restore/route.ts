import { route } from '@/app/_lib/route';
import { AppError } from '@/lib/errors';
import { restoreGoalVersion } from '@/lib/goals/restore-goal-version';
import { goalPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; goalId: string; version: string };

/**
 * Restores an earlier version: title, "why" and text (written into the shared
 * document by the server, so every open editor shows it); the new version says
 * which one it restores.
 */
export const POST = route<undefined, P>({}, async ({ db, user, params }) => {
  const version = /^[1-9][0-9]{0,8}$/.test(params.version) ? Number(params.version) : NaN;
  if (!Number.isSafeInteger(version)) throw new AppError(404, 'cooperation.errors.revisionNotFound');
  const actor = await loadActor(db, user.id, params.networkId);
  return {
    goal: goalPolicy.present(actor, await restoreGoalVersion(db, actor, params.networkId, params.goalId, version)),
  };
});
