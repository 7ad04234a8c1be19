import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { authorize, requireMember, type Actor } from '../policies';

export const ZUpdateNetwork = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    purpose: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.name !== undefined || v.purpose !== undefined, { message: 'Nothing to change' });
export type UpdateNetwork = z.input<typeof ZUpdateNetwork>;

/** Changes a network's name or purpose. Network managers only. */
export async function updateNetwork(db: Db, actor: Actor, networkId: string, input: UpdateNetwork) {
  requireMember(actor, networkId);
  authorize(actor, 'network.update', { type: 'network', networkId });
  const data = validate(ZUpdateNetwork, input);
  return db.tx(async (q) => {
    const row = await q.get<{ name: string; purpose: string }>('SELECT name, purpose FROM networks WHERE id = ?', [
      networkId,
    ]);
    if (!row) throw new AppError(404, 'errors.notFound');
    const next = { name: data.name ?? row.name, purpose: data.purpose ?? row.purpose };
    await q.run('UPDATE networks SET name = ?, purpose = ? WHERE id = ?', [next.name, next.purpose, networkId]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'network.updated',
      subjectId: networkId,
      data: next,
    });
    return { id: networkId, ...next };
  });
}
