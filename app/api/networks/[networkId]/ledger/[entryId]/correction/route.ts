import { route } from '@/app/_lib/route';
import { correctEntry, ZCorrectEntry } from '@/lib/ledger/correct-entry';
import { ledgerEntryPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; entryId: string };

/** Corrects an entry by a new, linked entry that reverses it. The recording organisation only. */
export const POST = route<typeof ZCorrectEntry, P>({ body: ZCorrectEntry }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const entry = await correctEntry(db, actor, params.networkId, params.entryId, body);
  return Response.json({ entry: ledgerEntryPolicy.present(actor, entry) }, { status: 201 });
});
