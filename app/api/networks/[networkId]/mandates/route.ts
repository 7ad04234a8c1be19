import { route } from '@/app/_lib/route';
import { listMandates, ZListMandates } from '@/lib/mandates/list-mandates';
import { presentMandateFor } from '@/lib/mandates/records';
import { createMandate, ZCreateMandate } from '@/lib/mandates/set-mandate';
import { today } from '@/lib/core/dates';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../ledger/_lib/query';

type P = { networkId: string };

/**
 * An organisation's mandates (`?organisationId=`): whole for its own people,
 * otherwise only what its home side discloses. Members only.
 */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) =>
  listMandates(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    parseQuery(req, ZListMandates, locale),
  ),
);

/** A home member gives a mandate to the organisation's representatives (all, or one). */
export const POST = route<typeof ZCreateMandate, P>({ body: ZCreateMandate }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const row = await createMandate(db, actor, params.networkId, body);
  return Response.json({ mandate: presentMandateFor(actor, row, today()) }, { status: 201 });
});
