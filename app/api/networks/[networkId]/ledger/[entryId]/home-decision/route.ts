import { route } from '@/app/_lib/route';
import { decideGiftApproval, ZDecideHomeApproval } from '@/lib/mandates/decide-home-approval';
import { ledgerEntryPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; entryId: string };

/**
 * A home member decides on a gift that waits for home approval:
 * `{ decision: 'approve', reason? }` (it goes on to the other side) or `{ decision: 'decline', reason }` (withdrawn).
 * The first decision counts; a second is 409.
 */
export const POST = route<typeof ZDecideHomeApproval, P>(
  { body: ZDecideHomeApproval },
  async ({ db, user, params, body }) => {
    const actor = await loadActor(db, user.id, params.networkId);
    const r = await decideGiftApproval(db, actor, params.networkId, params.entryId, body);
    return { entry: ledgerEntryPolicy.present(actor, r.entry), approval: r.approval };
  },
);
