import { route } from '@/app/_lib/route';
import { hideComment, ZHideComment } from '@/lib/comments';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; commentId: string };

/** A network manager hides a comment with a reason (in the audit log). */
export const POST = route<typeof ZHideComment, P>({ body: ZHideComment }, async ({ db, user, params, body }) => ({
  comment: await hideComment(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.commentId,
    body,
  ),
}));
