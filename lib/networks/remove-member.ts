import { record } from '../activity/record';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { authorize, requireMember, type Actor, type Role } from '../policies';
import { otherManagers } from './change-member-role';

/**
 * Removes a person from the network: the membership row stays with
 * `removed_at` set (history), and their access ends with their next request.
 * Network managers only. The last network manager cannot be removed (409).
 */
export async function removeMember(db: Db, actor: Actor, networkId: string, userId: string) {
  requireMember(actor, networkId);
  authorize(actor, 'member.remove', { type: 'member', networkId, userId });
  return db.tx(async (q) => {
    const m = await q.get<{ id: string; role: Role }>(
      'SELECT id, role FROM memberships WHERE network_id = ? AND user_id = ? AND removed_at IS NULL',
      [networkId, userId],
    );
    if (!m) throw new AppError(404, 'networks.errors.memberNotFound');
    if (m.role === 'manager' && (await otherManagers(q, networkId, userId)) === 0)
      throw new AppError(409, 'networks.errors.lastManager');
    const now = Date.now();
    await q.run('UPDATE memberships SET removed_at = ? WHERE id = ?', [now, m.id]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'member.removed',
      subjectId: userId,
      data: { role: m.role, left: false },
      at: now,
    });
    return { userId, removedAt: now };
  });
}
