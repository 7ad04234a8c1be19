import { z } from 'zod';
import { today } from '../core/dates';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { loadOrganisation } from '../networks/load-organisation';
import { mandatePolicy, requireMember, type Actor } from '../policies';
import { loadMandate, mandatesOf, presentMandateFor } from './records';

export const ZListMandates = z.object({ organisationId: z.uuid() });

/**
 * An organisation's mandates as the actor may see them: whole for its own
 * people, otherwise only what its home side discloses (by default that a
 * mandate exists and until when). Every member may ask.
 */
export async function listMandates(db: Db, actor: Actor, networkId: string, input: z.input<typeof ZListMandates>) {
  requireMember(actor, networkId);
  const { organisationId } = validate(ZListMandates, input);
  await loadOrganisation(db, networkId, organisationId);
  const day = today();
  const rows = await mandatesOf(db, networkId, organisationId);
  return {
    organisationId,
    abilities: mandatePolicy.abilities(actor, { networkId, organisationId }),
    mandates: rows.map((r) => presentMandateFor(actor, r, day)),
  };
}

/** Every version of one mandate, newest first, with who changed what: for the organisation's own people (else 404). */
export async function listMandateVersions(db: Db, actor: Actor, networkId: string, mandateId: string) {
  requireMember(actor, networkId);
  const m = await loadMandate(db, networkId, mandateId);
  mandatePolicy.authorize(actor, 'readHome', { networkId, organisationId: m.organisation_id });
  const rows = await db.all<{
    version: number;
    snapshot: string;
    changed: string;
    changed_by: string;
    changed_by_name: string | null;
    changed_at: number | string;
  }>(
    `SELECT v.version, v.snapshot, v.changed, v.changed_by, u.name AS changed_by_name, v.changed_at
       FROM mandate_versions v LEFT JOIN users u ON u.id = v.changed_by
      WHERE v.mandate_id = ? ORDER BY v.version DESC`,
    [m.id],
  );
  return rows.map((r) => ({
    version: Number(r.version),
    changed: z.array(z.string()).parse(JSON.parse(r.changed)),
    changedBy: r.changed_by,
    changedByName: r.changed_by_name,
    changedAt: Number(r.changed_at),
    snapshot: JSON.parse(r.snapshot) as Record<string, unknown>,
  }));
}
