import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import { isUniqueViolation } from '../db/errors';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { authorize, requireMember, type Actor } from '../policies';
import { ORG_KINDS, ZWebsite } from './create-organisation';
import { nameKey } from './organisation-name';

export const ZUpdateOrganisation = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    kind: z.enum(ORG_KINDS).optional(),
    website: ZWebsite.optional(),
    description: z.string().trim().max(1000).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' });
export type UpdateOrganisation = z.input<typeof ZUpdateOrganisation>;

interface OrgRow {
  id: string;
  name: string;
  kind: string;
  website: string;
  description: string;
  status: string;
}

/**
 * Changes an organisation's details. Network managers, and the
 * organisation's own representatives. An organisation that left is history
 * and cannot be edited (409).
 */
export async function updateOrganisation(
  db: Db,
  actor: Actor,
  networkId: string,
  organisationId: string,
  input: UpdateOrganisation,
) {
  requireMember(actor, networkId);
  authorize(actor, 'organisation.update', { type: 'organisation', networkId, organisationId });
  const data = validate(ZUpdateOrganisation, input);
  try {
    return await db.tx(async (q) => {
      const row = await q.get<OrgRow>(
        'SELECT id, name, kind, website, description, status FROM organisations WHERE id = ? AND network_id = ?',
        [organisationId, networkId],
      );
      if (!row) throw new AppError(404, 'errors.notFound');
      if (row.status === 'left') throw new AppError(409, 'networks.errors.organisationLeft');
      const next = {
        name: data.name ?? row.name,
        kind: data.kind ?? row.kind,
        website: data.website ?? row.website,
        description: data.description ?? row.description,
      };
      const key = nameKey(next.name);
      const dup = await q.get('SELECT id FROM organisations WHERE network_id = ? AND name_key = ? AND id <> ?', [
        networkId,
        key,
        organisationId,
      ]);
      if (dup) throw new AppError(409, 'networks.errors.duplicateOrganisation', { name: next.name });
      await q.run(
        'UPDATE organisations SET name = ?, name_key = ?, kind = ?, website = ?, description = ? WHERE id = ?',
        [next.name, key, next.kind, next.website, next.description, organisationId],
      );
      const changed = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
      await record(q, {
        networkId,
        actorId: actor.userId,
        kind: 'organisation.updated',
        subjectId: organisationId,
        data: changed,
      });
      return { id: organisationId, networkId, ...next, status: row.status };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError(409, 'networks.errors.duplicateOrganisation', { name: data.name ?? '' });
    throw err;
  }
}
