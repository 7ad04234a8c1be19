import type { Queryable } from '../db/types';
import { commentPolicy, type Actor } from '../policies';
import { COMMENT_SELECT, commentRecord, loadSubject, presentComment, type CommentRow } from './records';

/**
 * The comments on one subject, oldest first, for someone who may see the
 * subject. Hidden comments are left out for everyone but managers and their
 * author; deleted ones keep their place without words.
 */
export async function listComments(
  q: Queryable,
  actor: Actor,
  networkId: string,
  subjectType: string,
  subjectId: string,
) {
  await loadSubject(q, actor, networkId, subjectType, subjectId);
  const rows = await q.all<CommentRow>(
    `${COMMENT_SELECT} WHERE c.network_id = ? AND c.subject_type = ? AND c.subject_id = ? ORDER BY c.created_at, c.id`,
    [networkId, subjectType, subjectId],
  );
  return {
    comments: rows
      .filter((r) => r.hidden_at === null || commentPolicy.can(actor, 'seeHidden', commentRecord(r)))
      .map((r) => presentComment(actor, r)),
    abilities: { create: commentPolicy.can(actor, 'create', { networkId, authorId: null }) },
  };
}
