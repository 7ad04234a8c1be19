import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import { isUniqueViolation } from '../db/errors';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { authorize, requireMember, type Actor } from '../policies';
import { ORG_KINDS } from './constants';
import { nameKey } from './organisation-name';

export { ORG_KINDS, type OrgKind } from './constants';

/** A website is optional; when given it must be an http(s) address (no `javascript:` links). */
export const ZWebsite = z
  .string()
  .trim()
  .max(300)
  .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), { message: 'http(s)://…' });

export const ZOrganisationFields = z.object({
  name: z.string().trim().min(2).max(120),
  kind: z.enum(ORG_KINDS),
  website: ZWebsite.default(''),
  description: z.string().trim().max(1000).default(''),
});
export const ZCreateOrganisation = ZOrganisationFields;
export type CreateOrganisation = z.input<typeof ZCreateOrganisation>;

/**
 * Adds a member organisation to a network. Network managers only. Names are
 * unique per network regardless of case and spacing (409, nothing written).
 */
export async function createOrganisation(db: Db, actor: Actor, networkId: string, input: CreateOrganisation) {
  requireMember(actor, networkId);
  authorize(actor, 'organisation.create', { type: 'network', networkId });
  const data = validate(ZCreateOrganisation, input);
  const key = nameKey(data.name);
  const id = randomUUID();
  const now = Date.now();
  try {
    await db.tx(async (q) => {
      const dup = await q.get('SELECT id FROM organisations WHERE network_id = ? AND name_key = ?', [networkId, key]);
      if (dup) throw new AppError(409, 'networks.errors.duplicateOrganisation', { name: data.name });
      await q.run(
        `INSERT INTO organisations (id, network_id, name, name_key, kind, website, description, status, created_at, status_changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
        [id, networkId, data.name, key, data.kind, data.website, data.description, now, now],
      );
      await record(q, {
        networkId,
        actorId: actor.userId,
        kind: 'organisation.created',
        subjectId: id,
        data: { name: data.name },
        at: now,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(409, 'networks.errors.duplicateOrganisation', { name: data.name });
    throw err;
  }
  return { id, networkId, ...data, status: 'active' as const, createdAt: now };
}
