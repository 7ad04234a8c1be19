import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { networkPolicy, requireMember, type Actor } from '../policies';

/** Whole days; the range (1–90) is checked by the command, so the refusal says it in the person's words. */
export const ZApprovalDays = z.object({ approvalDays: z.number().int() });
export type ApprovalDays = z.input<typeof ZApprovalDays>;

/**
 * The network's agreed time for a home decision (days): requests for home
 * approval that wait longer are flagged to everyone. A network setting, set
 * by its managers.
 */
export async function setApprovalDays(db: Db, actor: Actor, networkId: string, input: ApprovalDays) {
  requireMember(actor, networkId);
  networkPolicy.authorize(actor, 'update', { networkId });
  const data = validate(ZApprovalDays, input);
  if (data.approvalDays < 1 || data.approvalDays > 90)
    throw new AppError(400, 'mandates.errors.approvalDays', {}, 'approvalDays');
  return db.tx(async (q) => {
    await q.run('UPDATE networks SET approval_days = ? WHERE id = ?', [data.approvalDays, networkId]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'network.approval_days_set',
      subjectId: networkId,
      data: { approvalDays: data.approvalDays },
    });
    return { approvalDays: data.approvalDays };
  });
}
