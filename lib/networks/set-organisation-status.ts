import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { authorize, requireMember, type Actor, type OrgStatus } from '../policies';

export const ZSetOrganisationStatus = z.object({ status: z.enum(['active', 'paused', 'left']) });
export type SetOrganisationStatus = z.input<typeof ZSetOrganisationStatus>;

/** Which voluntary steps an organisation may take from where it stands. Leaving is final: history stays. */
const ALLOWED: Record<OrgStatus, readonly OrgStatus[]> = {
  active: ['paused', 'left'],
  paused: ['active', 'left'],
  left: [],
};

/**
 * Pauses, resumes or ends an organisation's membership. The organisation's
 * own representatives and network managers may. After leaving, the rows stay
 * (history) and the organisation's people lose access, because the policies
 * treat memberships of a left organisation as none.
 */
export async function setOrganisationStatus(
  db: Db,
  actor: Actor,
  networkId: string,
  organisationId: string,
  input: SetOrganisationStatus,
) {
  requireMember(actor, networkId);
  authorize(actor, 'organisation.setStatus', { type: 'organisation', networkId, organisationId });
  const { status } = validate(ZSetOrganisationStatus, input);
  return db.tx(async (q) => {
    const row = await q.get<{ status: OrgStatus; name: string }>(
      'SELECT status, name FROM organisations WHERE id = ? AND network_id = ?',
      [organisationId, networkId],
    );
    if (!row) throw new AppError(404, 'errors.notFound');
    if (row.status === status) throw new AppError(409, 'networks.errors.statusUnchanged');
    if (!ALLOWED[row.status].includes(status)) throw new AppError(409, 'networks.errors.organisationLeft');
    const now = Date.now();
    await q.run('UPDATE organisations SET status = ?, status_changed_at = ? WHERE id = ?', [
      status,
      now,
      organisationId,
    ]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'organisation.status_changed',
      subjectId: organisationId,
      data: { from: row.status, to: status },
      at: now,
    });
    return { id: organisationId, status, statusChangedAt: now };
  });
}
