import { z } from 'zod';
import { route } from '@/app/_lib/route';
import { ZDate } from '@/lib/core/dates';
import { decisionTimes, networkDecisionTimes } from '@/lib/mandates/decision-times';
import { setApprovalDays, ZApprovalDays } from '@/lib/mandates/set-approval-days';
import { requireMember } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';
import { loadOrganisation } from '@/lib/networks/load-organisation';
import { parseQuery } from '../ledger/_lib/query';

type P = { networkId: string };

const ZQuery = z.object({ organisationId: z.uuid().optional(), from: ZDate.optional(), to: ZDate.optional() });

/**
 * How long home decisions take: per organisation (`?organisationId`, with
 * each request; `from`/`to` narrow to requests made then) or for the whole
 * network (one line per organisation). Every member may read it.
 */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  requireMember(actor, params.networkId);
  const q = parseQuery(req, ZQuery, locale);
  if (!q.organisationId) return networkDecisionTimes(db, params.networkId);
  await loadOrganisation(db, params.networkId, q.organisationId);
  return decisionTimes(db, { networkId: params.networkId, organisationId: q.organisationId, from: q.from, to: q.to });
});

/** The network's agreed time for a home decision (days). Network managers. */
export const PATCH = route<typeof ZApprovalDays, P>({ body: ZApprovalDays }, async ({ db, user, params, body }) =>
  setApprovalDays(db, await loadActor(db, user.id, params.networkId), params.networkId, body),
);
