import { route } from '@/app/_lib/route';
import { checkMandate, ZCheckMandate } from '@/lib/mandates/check-mandate';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../../ledger/_lib/query';

type P = { networkId: string };

/**
 * Would this commitment be within my mandate, and what remains of it?
 * `?organisationId&goalId&unit&amount`. The organisation's own people only (else 404).
 */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) =>
  checkMandate(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    parseQuery(req, ZCheckMandate, locale),
  ),
);
