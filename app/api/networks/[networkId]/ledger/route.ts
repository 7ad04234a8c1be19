import { route } from '@/app/_lib/route';
import { cooperationAbilities } from '@/lib/policies/cooperation-abilities';
import { listEntries, ZListEntries } from '@/lib/ledger/list-entries';
import { recordEntry, ZRecordEntry } from '@/lib/ledger/record-entry';
import { ledgerEntryPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from './_lib/query';

type P = { networkId: string };

/** A page of the ledger (filters: organisationId, partnerOrganisationId, unit, status, goalId, from, to). Members only. */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const page = await listEntries(db, actor, params.networkId, parseQuery(req, ZListEntries, locale));
  return { ...page, abilities: cooperationAbilities(actor, params.networkId) };
});

/**
 * Records a give/take/share entry for my organisation. 201 when written; 200
 * with `replayed: true` when the idempotency key was already used by me.
 */
export const POST = route<typeof ZRecordEntry, P>({ body: ZRecordEntry }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const { mandate, ...entry } = await recordEntry(db, actor, params.networkId, body);
  // `mandate`: whether a gift was within the recorder's mandate and what remains (their own organisation's data).
  return Response.json(
    { entry: ledgerEntryPolicy.present(actor, entry), ...(mandate ? { mandate } : {}) },
    { status: entry.replayed ? 200 : 201 },
  );
});
