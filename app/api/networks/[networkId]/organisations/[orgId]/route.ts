import { z } from 'zod';
import { route } from '@/app/_lib/route';
import {
  getOrganisationPage,
  setOrganisationStatus,
  updateOrganisation,
  ZSetOrganisationStatus,
  ZUpdateOrganisation,
} from '@/lib/networks';
import { organisationPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; orgId: string };

/** One organisation with its people. Members only. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) =>
  getOrganisationPage(db, await loadActor(db, user.id, params.networkId), params.networkId, params.orgId),
);

/**
 * Either `{ status }` (pause, resume, leave) or changed details — one command
 * per request, never both.
 */
const ZPatch = z.union([ZSetOrganisationStatus.strict(), ZUpdateOrganisation.strict()]);

export const PATCH = route<typeof ZPatch, P>({ body: ZPatch }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const organisation =
    'status' in body
      ? await setOrganisationStatus(db, actor, params.networkId, params.orgId, body)
      : await updateOrganisation(db, actor, params.networkId, params.orgId, body);
  return { organisation: organisationPolicy.present(actor, { ...organisation, networkId: params.networkId }) };
});
