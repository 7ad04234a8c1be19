import { record } from '../activity/record';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { authorize, requireMember, type Actor, type Role } from '../policies';
import { otherManagers } from './change-member-role';

/**
 * The signed-in person ends their own membership of a network. Any role may.
 * Like a removal by a manager, the membership row stays with `removed_at` set
 * (history) and access ends with the next request. The activity row is a
 * `member.removed` with the person as actor and subject (`data.left: true`),
 * the kind the realtime server's permission watcher already acts on: their
 * open sockets for this network close within its poll interval.
 *
 * The last network manager cannot leave (409: name another manager first).
 * The check locks the manager rows on PostgreSQL (see `otherManagers`), so
 * two managers leaving at the same moment cannot leave the network without
 * one. A representative who is the last person of an organisation may
 * leave; the organisation stays.
 */
export async function leaveNetwork(db: Db, actor: Actor, networkId: string, now = Date.now()) {
  requireMember(actor, networkId);
  authorize(actor, 'member.leave', { type: 'member', networkId, userId: actor.userId });
  return db.tx(async (q) => {
    const m = await q.get<{ id: string; role: Role; organisation_id: string | null }>(
      'SELECT id, role, organisation_id FROM memberships WHERE network_id = ? AND user_id = ? AND removed_at IS NULL',
      [networkId, actor.userId],
    );
    // Gone in the meantime (removed, or a second click): as if it never existed.
    if (!m) throw new AppError(404, 'errors.notFound');
    if (m.role === 'manager' && (await otherManagers(q, networkId, actor.userId)) === 0) {
      throw new AppError(409, 'networks.errors.lastManagerLeave');
    }
    const done = await q.run('UPDATE memberships SET removed_at = ? WHERE id = ? AND removed_at IS NULL', [now, m.id]);
    if (done.changes !== 1) throw new AppError(404, 'errors.notFound');
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'member.removed',
      subjectId: actor.userId,
      data: { role: m.role, organisationId: m.organisation_id, left: true },
      at: now,
    });
    return { networkId, userId: actor.userId, leftAt: now };
  });
}
