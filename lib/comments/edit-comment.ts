import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { commentPolicy, type Actor } from '../policies';
import { notifyMentions } from '../notifications/notify';
import { ZCommentBody } from './create-comment';
import { mentionedIds } from './markdown';
import { COMMENT_SELECT, commentRecord, loadComment, presentComment, type CommentRow } from './records';

export const ZEditComment = z.object({ body: ZCommentBody });

/** The author changes their own words (nobody else may); people newly mentioned are notified. */
export async function editComment(
  db: Db,
  actor: Actor,
  networkId: string,
  commentId: string,
  input: z.input<typeof ZEditComment>,
) {
  const data = validate(ZEditComment, input);
  const now = Date.now();
  return db.tx(async (q) => {
    const { row, subject } = await loadComment(q, actor, networkId, commentId);
    commentPolicy.authorize(actor, 'edit', commentRecord(row));
    if (row.deleted_at !== null || row.hidden_at !== null) throw new AppError(409, 'followUp.errors.commentClosed');
    await q.run('UPDATE comments SET body = ?, edited_at = ? WHERE id = ?', [data.body, now, commentId]);
    await notifyMentions(q, {
      networkId,
      actor,
      commentId,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      subject,
      userIds: mentionedIds(data.body),
      body: data.body,
      now,
    });
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'comment.edited',
      subjectId: row.subject_id,
      data: { subjectType: row.subject_type, commentId, path: subject.path, title: subject.title },
      at: now,
    });
    return presentComment(actor, (await q.get<CommentRow>(`${COMMENT_SELECT} WHERE c.id = ?`, [commentId]))!);
  });
}

/** The author deletes their own comment: its words go, its place and the audit row stay. */
export async function deleteComment(db: Db, actor: Actor, networkId: string, commentId: string) {
  const now = Date.now();
  return db.tx(async (q) => {
    const { row, subject } = await loadComment(q, actor, networkId, commentId);
    commentPolicy.authorize(actor, 'delete', commentRecord(row));
    if (row.deleted_at !== null) throw new AppError(409, 'followUp.errors.commentClosed');
    await q.run("UPDATE comments SET deleted_at = ?, body = '' WHERE id = ?", [now, commentId]);
    await q.run("DELETE FROM notifications WHERE comment_id = ? AND kind = 'mention'", [commentId]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'comment.deleted',
      subjectId: row.subject_id,
      data: { subjectType: row.subject_type, commentId, path: subject.path, title: subject.title },
      at: now,
    });
    return presentComment(actor, (await q.get<CommentRow>(`${COMMENT_SELECT} WHERE c.id = ?`, [commentId]))!);
  });
}
