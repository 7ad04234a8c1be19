import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { requireMember, type Actor } from '../policies';
import { readinessPolicy } from '../policies/readiness';
import { loadCheck, presentCheck } from './records';

export const ZShareCheck = z.object({ shared: z.boolean() });
export type ShareCheck = z.input<typeof ZShareCheck>;

/**
 * Shares a check's summary with the network (the verdict and which statements
 * apply; never the notes or scores' authors), or stops sharing it. The
 * organisation's own people only. Sharing what is already shared changes
 * nothing and records nothing.
 */
export async function shareReadinessCheck(
  db: Db,
  actor: Actor,
  networkId: string,
  organisationId: string,
  checkId: string,
  input: ShareCheck,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  readinessPolicy.authorize(actor, 'share', { networkId, organisationId });
  const { shared } = validate(ZShareCheck, input);
  return db.tx(async (q) => {
    const row = await loadCheck(q, networkId, organisationId, checkId);
    if ((row.shared_at !== null) !== shared) {
      await q.run('UPDATE readiness_checks SET shared_at = ?, shared_by = ? WHERE id = ?', [
        shared ? now : null,
        shared ? actor.userId : null,
        checkId,
      ]);
      await record(q, {
        networkId,
        actorId: actor.userId,
        kind: shared ? 'readiness.shared' : 'readiness.unshared',
        subjectId: checkId,
        data: { organisationId, answeredOn: row.answered_on, verdict: row.verdict as 'invest' | 'caution' | 'against' },
        at: now,
      });
    }
    const check = presentCheck({ ...row, shared_at: shared ? now : null });
    return readinessPolicy.present(actor, { ...check, networkId });
  });
}
