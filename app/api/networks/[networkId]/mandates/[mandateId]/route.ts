import { route } from '@/app/_lib/route';
import { today } from '@/lib/core/dates';
import { presentMandateFor } from '@/lib/mandates/records';
import { updateMandate, ZUpdateMandate } from '@/lib/mandates/set-mandate';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; mandateId: string };

/** A home member changes a mandate (a new version; ending it early is setting `validUntil`). */
export const PATCH = route<typeof ZUpdateMandate, P>({ body: ZUpdateMandate }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const row = await updateMandate(db, actor, params.networkId, params.mandateId, body);
  return { mandate: presentMandateFor(actor, row, today()) };
});
