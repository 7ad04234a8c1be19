import { route } from '@/app/_lib/route';
import { recordLook, ZLook } from '@/lib/for-me/visit';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** A look: "for me" or the overview is on screen up to this activity row (starts or continues a visit). */
export const POST = route<typeof ZLook, P>({ body: ZLook }, async ({ db, user, params, body }) =>
  recordLook(db, await loadActor(db, user.id, params.networkId), params.networkId, body),
);
