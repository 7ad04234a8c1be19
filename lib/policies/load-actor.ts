import type { Queryable } from '../db/types';
import type { Actor, OrgStatus, Role } from './index';

/**
 * Loads the actor for a network from the database: the person's live
 * membership there (not removed), with their organisation's status.
 */
export async function loadActor(db: Queryable, userId: string, networkId: string): Promise<Actor> {
  const row = await db.get<{ role: Role; organisation_id: string | null; status: OrgStatus | null }>(
    `SELECT m.role, m.organisation_id, o.status
       FROM memberships m LEFT JOIN organisations o ON o.id = m.organisation_id
      WHERE m.user_id = ? AND m.network_id = ? AND m.removed_at IS NULL`,
    [userId, networkId],
  );
  return {
    userId,
    membership: row
      ? { networkId, role: row.role, organisationId: row.organisation_id, organisationStatus: row.status }
      : null,
  };
}
