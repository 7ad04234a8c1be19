import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { commentPolicy, type Actor } from '../policies';
import { COMMENT_SELECT, commentRecord, loadComment, presentComment, type CommentRow } from './records';

export const ZHideComment = z.object({ reason: z.string().trim().min(3).max(500) });

/**
 * A network manager hides a comment, with a reason: gone for everyone but
 * managers and its author, its words untouched (managers never edit others'
 * words), restorable. Both acts are in the audit log with who, when and why.
 */
export async function hideComment(
  db: Db,
  actor: Actor,
  networkId: string,
  commentId: string,
  input: z.input<typeof ZHideComment>,
) {
  const data = validate(ZHideComment, input);
  const now = Date.now();
  return db.tx(async (q) => {
    const { row, subject } = await loadComment(q, actor, networkId, commentId);
    commentPolicy.authorize(actor, 'hide', commentRecord(row));
    if (row.deleted_at !== null || row.hidden_at !== null) throw new AppError(409, 'followUp.errors.alreadyHidden');
    await q.run('UPDATE comments SET hidden_at = ?, hidden_by = ?, hidden_reason = ? WHERE id = ?', [
      now,
      actor.userId,
      data.reason,
      commentId,
    ]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'comment.hidden',
      subjectId: row.subject_id,
      data: {
        subjectType: row.subject_type,
        commentId,
        path: subject.path,
        title: subject.title,
        authorName: row.author_name ?? '',
        reason: data.reason,
      },
      at: now,
    });
    return presentComment(actor, (await q.get<CommentRow>(`${COMMENT_SELECT} WHERE c.id = ?`, [commentId]))!);
  });
}

export async function restoreComment(db: Db, actor: Actor, networkId: string, commentId: string) {
  const now = Date.now();
  return db.tx(async (q) => {
    const { row, subject } = await loadComment(q, actor, networkId, commentId, { includeHidden: true });
    commentPolicy.authorize(actor, 'restore', commentRecord(row));
    if (row.hidden_at === null || row.deleted_at !== null) throw new AppError(409, 'followUp.errors.notHidden');
    await q.run('UPDATE comments SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL WHERE id = ?', [
      commentId,
    ]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'comment.restored',
      subjectId: row.subject_id,
      data: {
        subjectType: row.subject_type,
        commentId,
        path: subject.path,
        title: subject.title,
        authorName: row.author_name ?? '',
      },
      at: now,
    });
    return presentComment(actor, (await q.get<CommentRow>(`${COMMENT_SELECT} WHERE c.id = ?`, [commentId]))!);
  });
}
