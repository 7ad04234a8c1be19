import type { Queryable } from '../db/types';
import { AppError } from '../errors';
import { liveMembership, type Actor } from '../policies';
import { loadActor } from '../policies/load-actor';

/**
 * The actor for an export. Someone who has left the network (or was removed,
 * or whose organisation left) is refused with words that say so, not with a
 * bare "not found": they knew the network, and should know why its data is no
 * longer theirs to take. Anyone else who is no member gets the usual 404 from
 * the policy.
 */
export async function exportActor(db: Queryable, userId: string, networkId: string): Promise<Actor> {
  const actor = await loadActor(db, userId, networkId);
  if (liveMembership(actor, networkId)) return actor;
  const past = await db.get<{ removed_at: number | null; status: string | null }>(
    `SELECT m.removed_at, o.status FROM memberships m LEFT JOIN organisations o ON o.id = m.organisation_id
      WHERE m.user_id = ? AND m.network_id = ?`,
    [userId, networkId],
  );
  if (past && (past.removed_at !== null || past.status === 'left'))
    throw new AppError(403, 'exports.errors.leftNetwork');
  return actor;
}
