import type { Db } from '../db/types';
import { AppError } from '../errors';
import { requireMember, type Actor } from '../policies';
import { cooperationAbilities } from '../policies/cooperation-abilities';

/**
 * What every cooperation page needs besides its own data: the network's
 * name, its member organisations (names for ids; those that left are kept
 * out of pickers but old records still name them) and the viewer's abilities.
 */
export async function getCooperationPageContext(db: Db, actor: Actor, networkId: string) {
  requireMember(actor, networkId);
  const network = await db.get<{ id: string; name: string }>('SELECT id, name FROM networks WHERE id = ?', [networkId]);
  if (!network) throw new AppError(404, 'errors.notFound');
  const organisations = await db.all<{ id: string; name: string; status: string }>(
    'SELECT id, name, status FROM organisations WHERE network_id = ? ORDER BY name',
    [networkId],
  );
  return { network, organisations, abilities: cooperationAbilities(actor, networkId) };
}
