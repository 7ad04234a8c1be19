import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { authorize, requireMember, type Actor } from '../policies';

export const ZDefineUnit = z.object({ label: z.string().trim().min(2).max(60) });
export type DefineUnit = z.input<typeof ZDefineUnit>;

/** `custom:<slug>` from a label ("Lastenrad-Tage" → custom:lastenrad-tage). */
export function unitKey(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `custom:${slug || 'unit'}`;
}

/** Names a unit of the network's own (network managers only). A second unit with the same key is a 409. */
export async function defineUnit(db: Db, actor: Actor, networkId: string, input: DefineUnit) {
  requireMember(actor, networkId);
  authorize(actor, 'unit.define', { type: 'network', networkId });
  const data = validate(ZDefineUnit, input);
  const key = unitKey(data.label);
  const now = Date.now();
  return db.tx(async (q) => {
    if (await q.get('SELECT unit_key FROM network_units WHERE network_id = ? AND unit_key = ?', [networkId, key])) {
      throw new AppError(409, 'cooperation.errors.duplicateUnit', { label: data.label });
    }
    await q.run('INSERT INTO network_units (network_id, unit_key, label, created_at) VALUES (?, ?, ?, ?)', [
      networkId,
      key,
      data.label,
      now,
    ]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'unit.defined',
      subjectId: key,
      data: { label: data.label },
      at: now,
    });
    return { key, label: data.label };
  });
}
