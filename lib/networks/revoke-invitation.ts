import { record } from '../activity/record';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { can, requireMember, type Actor, type Role } from '../policies';

/**
 * Revokes a pending invitation: its link stops working (410). Network managers
 * revoke any; other members only the ones they created (policy
 * `invitation.revoke`). Invitations a member may not see answer 404.
 */
export async function revokeInvitation(db: Db, actor: Actor, networkId: string, invitationId: string) {
  requireMember(actor, networkId);
  return db.tx(async (q) => {
    const inv = await q.get<{
      created_by: string;
      role: Role;
      organisation_id: string | null;
      revoked_at: number | null;
      accepted_at: number | null;
    }>(
      'SELECT created_by, role, organisation_id, revoked_at, accepted_at FROM invitations WHERE id = ? AND network_id = ?',
      [invitationId, networkId],
    );
    const subject = inv && {
      type: 'invitation' as const,
      networkId,
      role: inv.role,
      organisationId: inv.organisation_id,
      createdBy: inv.created_by,
    };
    if (!subject || !can(actor, 'invitation.revoke', subject)) throw new AppError(404, 'errors.notFound');
    if (inv.accepted_at) throw new AppError(409, 'networks.errors.invitationUsed');
    if (inv.revoked_at) throw new AppError(410, 'networks.errors.invitationRevoked');
    const now = Date.now();
    await q.run('UPDATE invitations SET revoked_at = ? WHERE id = ?', [now, invitationId]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'invitation.revoked',
      subjectId: invitationId,
      data: {},
      at: now,
    });
    return { id: invitationId, revokedAt: now };
  });
}
