import { route } from '@/app/_lib/route';
import { transitionCommitment, ZTransitionCommitment } from '@/lib/commitments/transition-commitment';
import { commitmentPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; commitmentId: string };

/** Moves a commitment on: `{action: commit | approve | deliver (evidenceEntryIds) | withdraw (reason)}`. */
export const PATCH = route<typeof ZTransitionCommitment, P>(
  { body: ZTransitionCommitment },
  async ({ db, user, params, body }) => {
    const actor = await loadActor(db, user.id, params.networkId);
    const commitment = await transitionCommitment(db, actor, params.networkId, params.commitmentId, body);
    return { commitment: commitmentPolicy.present(actor, commitment) };
  },
);
