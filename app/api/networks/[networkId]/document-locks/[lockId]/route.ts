import { route } from '@/app/_lib/route';
import { unlockDocument } from '@/lib/documents';
import { documentPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';
import { docOfNetwork } from '@/lib/documents/records';

type P = { networkId: string; lockId: string };

/** Ends a lock before its time (network managers). */
export const DELETE = route<undefined, P>({}, async ({ db, user, params }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const lock = await unlockDocument(db, actor, params.networkId, { lockId: params.lockId });
  const abilities = documentPolicy.abilities(actor, docOfNetwork(params.networkId, lock.doc));
  return { lock: { ...lock, abilities: { unlock: abilities.unlock } } };
});
