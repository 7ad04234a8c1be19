import type { Db } from '../db/types';
import { requireMember, type Actor } from '../policies';
import { BUILTIN_UNITS } from './units';

/** The built-in units and the network's own (labels of built-in ones come from the messages). Every member may read them. */
export async function listUnits(db: Db, actor: Actor, networkId: string) {
  requireMember(actor, networkId);
  const own = await db.all<{ unit_key: string; label: string }>(
    'SELECT unit_key, label FROM network_units WHERE network_id = ? ORDER BY label',
    [networkId],
  );
  return [
    ...BUILTIN_UNITS.map((key) => ({ key, label: null as string | null })),
    ...own.map((u) => ({ key: u.unit_key, label: u.label as string | null })),
  ];
}
