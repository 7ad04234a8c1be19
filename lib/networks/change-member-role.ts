import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db, Queryable } from '../db/types';
import { AppError } from '../errors';
import { authorize, ORG_ROLES, requireMember, ROLES, type Actor, type Role } from '../policies';

export const ZChangeMemberRole = z.object({
  role: z.enum(ROLES),
  organisationId: z.uuid().nullish(),
});
export type ChangeMemberRole = z.input<typeof ZChangeMemberRole>;

/**
 * Other live managers of the network besides `userId`. On PostgreSQL the
 * manager rows are locked until the transaction ends, so two managers cannot
 * demote or remove each other at the same moment and leave none (SQLite
 * transactions are serial already).
 */
export async function otherManagers(q: Queryable, networkId: string, userId: string): Promise<number> {
  const rows = await q.all<{ user_id: string }>(
    `SELECT user_id FROM memberships WHERE network_id = ? AND role = 'manager' AND removed_at IS NULL ORDER BY user_id${q.dialect === 'postgres' ? ' FOR UPDATE' : ''}`,
    [networkId],
  );
  return rows.filter((r) => r.user_id !== userId).length;
}

/**
 * Gives a member another role (and organisation, for organisation roles).
 * Network managers only. The last network manager cannot be demoted (409).
 */
export async function changeMemberRole(
  db: Db,
  actor: Actor,
  networkId: string,
  userId: string,
  input: ChangeMemberRole,
) {
  requireMember(actor, networkId);
  authorize(actor, 'member.changeRole', { type: 'member', networkId, userId });
  const data = validate(ZChangeMemberRole, input);
  const role: Role = data.role;
  const organisationId = data.organisationId ?? null;
  const needsOrg = ORG_ROLES.includes(role);
  if (needsOrg && !organisationId) throw new AppError(400, 'networks.errors.roleNeedsOrganisation');
  if (!needsOrg && organisationId) throw new AppError(400, 'networks.errors.roleWithoutOrganisation');
  return db.tx(async (q) => {
    const m = await q.get<{ id: string; role: Role; organisation_id: string | null }>(
      'SELECT id, role, organisation_id FROM memberships WHERE network_id = ? AND user_id = ? AND removed_at IS NULL',
      [networkId, userId],
    );
    if (!m) throw new AppError(404, 'networks.errors.memberNotFound');
    if (organisationId) {
      const org = await q.get<{ status: string }>('SELECT status FROM organisations WHERE id = ? AND network_id = ?', [
        organisationId,
        networkId,
      ]);
      if (!org) throw new AppError(400, 'networks.errors.unknownOrganisation');
      if (org.status !== 'active') throw new AppError(409, 'networks.errors.organisationNotActive');
    }
    if (m.role === role && m.organisation_id === organisationId) return { userId, role, organisationId };
    if (m.role === 'manager' && role !== 'manager' && (await otherManagers(q, networkId, userId)) === 0) {
      throw new AppError(409, 'networks.errors.lastManager');
    }
    await q.run('UPDATE memberships SET role = ?, organisation_id = ? WHERE id = ?', [role, organisationId, m.id]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'member.role_changed',
      subjectId: userId,
      data: { from: m.role, to: role, fromOrganisationId: m.organisation_id, organisationId },
    });
    return { userId, role, organisationId };
  });
}
