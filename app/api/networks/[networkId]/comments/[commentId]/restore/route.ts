import { route } from '@/app/_lib/route';
import { restoreComment } from '@/lib/comments';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; commentId: string };

/** A network manager restores a hidden comment (in the audit log). */
export const POST = route<undefined, P>({}, async ({ db, user, params }) => ({
  comment: await restoreComment(db, await loadActor(db, user.id, params.networkId), params.networkId, params.commentId),
}));
