import { route } from '@/app/_lib/route';
import { defineUnit, ZDefineUnit } from '@/lib/ledger/define-unit';
import { listUnits } from '@/lib/ledger/list-units';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** The built-in units and the network's own. Members only. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) => ({
  units: await listUnits(db, await loadActor(db, user.id, params.networkId), params.networkId),
}));

/** Names a unit of the network's own. Network managers. */
export const POST = route<typeof ZDefineUnit, P>({ body: ZDefineUnit }, async ({ db, user, params, body }) => {
  const unit = await defineUnit(db, await loadActor(db, user.id, params.networkId), params.networkId, body);
  return Response.json({ unit }, { status: 201 });
});
