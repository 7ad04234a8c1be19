import { route } from '@/app/_lib/route';
import { listDocumentLocks, lockDocument, ZLockDocument } from '@/lib/documents';
import { AppError } from '@/lib/errors';
import { documentPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';
import { docOfNetwork } from '@/lib/documents/records';

type P = { networkId: string };

/** The locks in force on one document (`?doc=<name>`), with whether this person may lock and unlock it. */
export const GET = route<undefined, P>({}, async ({ db, user, params, req }) => {
  const doc = req.nextUrl.searchParams.get('doc');
  if (!doc) throw new AppError(404, 'errors.notFound');
  return listDocumentLocks(db, await loadActor(db, user.id, params.networkId), params.networkId, doc);
});

/** Locks a part of a document until `endsAt` with a reason (network managers). */
export const POST = route<typeof ZLockDocument, P>({ body: ZLockDocument }, async ({ db, user, params, body }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  const lock = await lockDocument(db, actor, params.networkId, body);
  const abilities = documentPolicy.abilities(actor, docOfNetwork(params.networkId, lock.doc));
  return Response.json({ lock: { ...lock, abilities: { unlock: abilities.unlock } } }, { status: 201 });
});
