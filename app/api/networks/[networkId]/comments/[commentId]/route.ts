import { route } from '@/app/_lib/route';
import { deleteComment, editComment, ZEditComment } from '@/lib/comments';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; commentId: string };

/** The author edits their own comment (nobody else may). */
export const PATCH = route<typeof ZEditComment, P>({ body: ZEditComment }, async ({ db, user, params, body }) => ({
  comment: await editComment(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.commentId,
    body,
  ),
}));

/** The author deletes their own comment. */
export const DELETE = route<undefined, P>({}, async ({ db, user, params }) => ({
  comment: await deleteComment(db, await loadActor(db, user.id, params.networkId), params.networkId, params.commentId),
}));
