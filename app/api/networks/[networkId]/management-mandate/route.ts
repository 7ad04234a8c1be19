import { route } from '@/app/_lib/route';
import { getManagementMandate } from '@/lib/management/get-management-mandate';
import { ZSetManagementMandate } from '@/lib/management/records';
import { setManagementMandate } from '@/lib/management/set-management-mandate';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** The network management's mandate in force and its earlier versions. Every member. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) =>
  getManagementMandate(db, await loadActor(db, user.id, params.networkId), params.networkId),
);

/**
 * Records the mandate (a new version): `{ givenBy, resources: [{ unit: hours|money_eur, amount, per:
 * month|quarter|year|total }], authority, tasks: string[], validFrom, validUntil, note? }`. Managers and active
 * representatives.
 */
export const PUT = route<typeof ZSetManagementMandate, P>(
  { body: ZSetManagementMandate },
  async ({ db, user, params, body }) => ({
    mandate: await setManagementMandate(db, await loadActor(db, user.id, params.networkId), params.networkId, body),
  }),
);
