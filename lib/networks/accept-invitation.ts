import { randomUUID } from 'node:crypto';
import { record } from '../activity/record';
import { hashToken } from '../core/tokens';
import { isUniqueViolation } from '../db/errors';
import type { Db, Queryable } from '../db/types';
import { AppError } from '../errors';
import type { Actor, Role } from '../policies';

interface InvitationRow {
  id: string;
  network_id: string;
  email: string | null;
  role: Role;
  organisation_id: string | null;
  expires_at: number;
  revoked_at: number | null;
  accepted_at: number | null;
}

/** Finds an invitation by its token and refuses the ones that cannot be used any more. */
export async function usableInvitation(q: Queryable, token: string, now = Date.now()): Promise<InvitationRow> {
  if (typeof token !== 'string' || token.length < 16 || token.length > 200)
    throw new AppError(404, 'networks.errors.invitationNotFound');
  const inv = await q.get<InvitationRow>(
    'SELECT id, network_id, email, role, organisation_id, expires_at, revoked_at, accepted_at FROM invitations WHERE token_hash = ?',
    [hashToken(token)],
  );
  if (!inv) throw new AppError(404, 'networks.errors.invitationNotFound');
  if (inv.accepted_at) throw new AppError(409, 'networks.errors.invitationUsed');
  if (inv.revoked_at) throw new AppError(410, 'networks.errors.invitationRevoked');
  if (Number(inv.expires_at) <= now) throw new AppError(410, 'networks.errors.invitationExpired');
  return inv;
}

/**
 * Accepts an invitation: any signed-in person holding the token may, except
 * that an invitation sent by email may only be accepted by that address (403).
 * It works once. In one transaction the membership is created (or a removed
 * one reactivated with the new role) and the invitation marked used.
 */
export async function acceptInvitation(db: Db, actor: Actor, token: string, opts: { now?: number } = {}) {
  const now = opts.now ?? Date.now();
  try {
    return await acceptInTx(db, actor, token, now);
  } catch (err) {
    // The same person accepting twice at once: the second insert meets the first.
    if (isUniqueViolation(err)) throw new AppError(409, 'networks.errors.alreadyMember');
    throw err;
  }
}

function acceptInTx(db: Db, actor: Actor, token: string, now: number) {
  return db.tx(async (q) => {
    const inv = await usableInvitation(q, token, now);
    const user = await q.get<{ email: string }>('SELECT email FROM users WHERE id = ?', [actor.userId]);
    if (!user) throw new AppError(401, 'errors.unauthenticated');
    if (inv.email && inv.email.toLowerCase() !== user.email.toLowerCase())
      throw new AppError(403, 'networks.errors.wrongEmail');
    if (inv.organisation_id) {
      const org = await q.get<{ status: string }>('SELECT status FROM organisations WHERE id = ?', [
        inv.organisation_id,
      ]);
      if (!org || org.status !== 'active') throw new AppError(409, 'networks.errors.organisationNotActive');
    }
    const existing = await q.get<{ id: string; removed_at: number | null; org_status: string | null }>(
      `SELECT m.id, m.removed_at, o.status AS org_status
         FROM memberships m LEFT JOIN organisations o ON o.id = m.organisation_id
        WHERE m.network_id = ? AND m.user_id = ?`,
      [inv.network_id, actor.userId],
    );
    if (existing && existing.removed_at === null && existing.org_status !== 'left')
      throw new AppError(409, 'networks.errors.alreadyMember');
    if (existing) {
      // A removed member (or one whose organisation left) is welcomed back on the same row.
      await q.run(
        'UPDATE memberships SET role = ?, organisation_id = ?, removed_at = NULL, created_at = ? WHERE id = ?',
        [inv.role, inv.organisation_id, now, existing.id],
      );
    } else {
      await q.run(
        'INSERT INTO memberships (id, network_id, user_id, role, organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [randomUUID(), inv.network_id, actor.userId, inv.role, inv.organisation_id, now],
      );
    }
    const used = await q.run(
      'UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ? AND accepted_at IS NULL',
      [now, actor.userId, inv.id],
    );
    if (used.changes !== 1) throw new AppError(409, 'networks.errors.invitationUsed');
    await record(q, {
      networkId: inv.network_id,
      actorId: actor.userId,
      kind: 'invitation.accepted',
      subjectId: inv.id,
      data: {},
      at: now,
    });
    await record(q, {
      networkId: inv.network_id,
      actorId: actor.userId,
      kind: 'member.joined',
      subjectId: actor.userId,
      data: { role: inv.role, organisationId: inv.organisation_id, invitationId: inv.id },
      at: now,
    });
    return { networkId: inv.network_id, role: inv.role, organisationId: inv.organisation_id };
  });
}
