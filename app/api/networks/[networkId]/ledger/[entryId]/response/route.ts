import { route } from '@/app/_lib/route';
import { respondEntry, ZRespondEntry } from '@/lib/ledger/respond-entry';
import { ledgerEntryPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; entryId: string };

/** The receiving side confirms or disputes (with a comment) an entry. Once. */
export const POST = route<typeof ZRespondEntry, P>({ body: ZRespondEntry }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const entry = await respondEntry(db, actor, params.networkId, params.entryId, body);
  return { entry: ledgerEntryPolicy.present(actor, entry) };
});
