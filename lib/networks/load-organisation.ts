import { z } from 'zod';
import type { Queryable } from '../db/types';
import { AppError } from '../errors';

/**
 * The organisation, active or paused, in this network, or a 400 naming the
 * problem: the check every command makes before an organisation named in its
 * input takes part in a goal, an entry or a commitment.
 */
export async function loadOrganisation(q: Queryable, networkId: string, orgId: string) {
  const row = z.uuid().safeParse(orgId).success
    ? await q.get<{ id: string; name: string; status: string }>(
        'SELECT id, name, status FROM organisations WHERE id = ? AND network_id = ?',
        [orgId, networkId],
      )
    : undefined;
  if (!row || row.status === 'left') throw new AppError(400, 'cooperation.errors.unknownOrganisation');
  return row;
}

/**
 * Any organisation of this network, also one that left (its history stays
 * readable: its page, entries and commitments), or a 404.
 */
export async function loadOrganisationWithHistory(q: Queryable, networkId: string, orgId: string) {
  const row = z.uuid().safeParse(orgId).success
    ? await q.get<{ id: string; name: string; status: string }>(
        'SELECT id, name, status FROM organisations WHERE id = ? AND network_id = ?',
        [orgId, networkId],
      )
    : undefined;
  if (!row) throw new AppError(404, 'errors.notFound');
  return row;
}
