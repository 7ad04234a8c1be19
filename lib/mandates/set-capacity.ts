import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { checkUnitAmount, toMilli, unitMax, ZAmount, ZUnit } from '../ledger/units';
import { loadOrganisation } from '../networks/load-organisation';
import { mandatePolicy, requireMember, type Actor } from '../policies';
import { PERIODS } from './records';

export const ZSetCapacity = z.object({
  organisationId: z.uuid(),
  unit: ZUnit,
  period: z.enum(PERIODS).default('month'),
  /** What the organisation can invest per period in this unit; null: no longer stated. */
  amount: ZAmount.nullable(),
  note: z.string().trim().max(500).default(''),
});
export type SetCapacity = z.input<typeof ZSetCapacity>;

/**
 * The home side states what the organisation can invest per unit and month
 * or quarter (one figure per unit; a new one replaces it). Home members of
 * that organisation only; its people see it beside what was promised.
 */
export async function setCapacity(db: Db, actor: Actor, networkId: string, input: SetCapacity) {
  requireMember(actor, networkId);
  const data = validate(ZSetCapacity, input);
  mandatePolicy.authorize(actor, 'setCapacity', { networkId, organisationId: data.organisationId });
  const now = Date.now();
  return db.tx(async (q) => {
    await loadOrganisation(q, networkId, data.organisationId);
    if (data.amount === null) {
      const r = await q.run('DELETE FROM home_capacity WHERE network_id = ? AND organisation_id = ? AND unit = ?', [
        networkId,
        data.organisationId,
        data.unit,
      ]);
      if (r.changes === 0) throw new AppError(404, 'mandates.errors.noCapacity');
    } else {
      try {
        await checkUnitAmount(q, networkId, data.unit, data.amount);
      } catch (err) {
        if (err instanceof AppError && err.key === 'cooperation.errors.unknownUnit')
          throw new AppError(400, err.key, err.vars, 'unit');
        if (err instanceof AppError)
          throw new AppError(
            err.status,
            'mandates.errors.limitAbsurd',
            { max: unitMax(data.unit), ...err.vars, which: 'capacity' },
            'amount',
          );
        throw err;
      }
      await q.run(
        `INSERT INTO home_capacity (network_id, organisation_id, unit, period, amount_milli, note, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (network_id, organisation_id, unit) DO UPDATE SET period = excluded.period,
           amount_milli = excluded.amount_milli, note = excluded.note, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
        [networkId, data.organisationId, data.unit, data.period, toMilli(data.amount), data.note, actor.userId, now],
      );
    }
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'mandate.capacity_set',
      subjectId: data.organisationId,
      data: { organisationId: data.organisationId, unit: data.unit, period: data.period },
      at: now,
    });
    return { organisationId: data.organisationId, unit: data.unit, period: data.period, amount: data.amount };
  });
}
