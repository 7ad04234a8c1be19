import { route } from '@/app/_lib/route';
import { markSeen, ZMarkSeen } from '@/lib/for-me/mark-seen';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** "Mark as seen": my marker up to an activity id, and/or mentions read. */
export const POST = route<typeof ZMarkSeen, P>({ body: ZMarkSeen }, async ({ db, user, params, body }) =>
  markSeen(db, await loadActor(db, user.id, params.networkId), params.networkId, body),
);
