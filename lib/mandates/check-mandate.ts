import { z } from 'zod';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { ZAmount, ZUnit } from '../ledger/units';
import { mandatePolicy, requireMember, type Actor } from '../policies';
import { assess } from './assess';

export const ZCheckMandate = z.object({
  /** A commitment (default) or a gift recorded in the ledger. */
  for: z.enum(['commitment', 'gift']).default('commitment'),
  organisationId: z.uuid(),
  /** Empty: no goal (a gift may have none). */
  goalId: z
    .union([z.uuid(), z.literal('').transform(() => null)])
    .nullable()
    .default(null),
  unit: ZUnit,
  amount: z.coerce.number().pipe(ZAmount),
});

/**
 * What the representative sees while committing (or recording a gift in the
 * ledger): would this be within their
 * mandate, and what remains of it this month or quarter? Only the
 * organisation's own people may ask (others get 404): the answer is home data.
 */
export async function checkMandate(db: Db, actor: Actor, networkId: string, input: z.input<typeof ZCheckMandate>) {
  requireMember(actor, networkId);
  const data = validate(ZCheckMandate, input);
  mandatePolicy.authorize(actor, 'readHome', { networkId, organisationId: data.organisationId });
  return assess(db, {
    subject: data.for,
    networkId,
    organisationId: data.organisationId,
    representativeId: actor.userId,
    goalId: data.goalId,
    unit: data.unit,
    amount: data.amount,
  });
}
