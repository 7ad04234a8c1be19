import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { commentPolicy, type Actor } from '../policies';
import { notifyMentions } from '../notifications/notify';
import { mentionedIds } from './markdown';
import { COMMENT_SELECT, loadSubject, presentComment, type CommentRow } from './records';

export const COMMENT_MAX = 4000;
export const ZCommentBody = z.string().trim().min(1).max(COMMENT_MAX);
export const ZCreateComment = z.object({
  subjectType: z.string().min(1).max(40),
  subjectId: z.string().min(1).max(100),
  body: ZCommentBody,
});
export type CreateComment = z.input<typeof ZCreateComment>;

/**
 * Adds a comment to a goal, ledger entry, commitment or agenda item. Every
 * member but observers, on a subject they may see. Mentions `@[Name](id)` of
 * the network's people notify them (by their choice: in the app, by mail at
 * once, in the digest); a mention of anyone else notifies no one.
 */
export async function createComment(db: Db, actor: Actor, networkId: string, input: CreateComment) {
  const data = validate(ZCreateComment, input);
  const id = randomUUID();
  const now = Date.now();
  return db.tx(async (q) => {
    const subject = await loadSubject(q, actor, networkId, data.subjectType, data.subjectId);
    commentPolicy.authorize(actor, 'create', { networkId, authorId: null });
    await q.run(
      `INSERT INTO comments (id, network_id, subject_type, subject_id, author_id, body, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [id, networkId, data.subjectType, data.subjectId, actor.userId, data.body, now],
    );
    const notified = await notifyMentions(q, {
      networkId,
      actor,
      commentId: id,
      subjectType: data.subjectType,
      subjectId: data.subjectId,
      subject,
      userIds: mentionedIds(data.body),
      body: data.body,
      now,
    });
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'comment.created',
      subjectId: data.subjectId,
      data: {
        subjectType: data.subjectType,
        commentId: id,
        path: subject.path,
        title: subject.title,
        mentions: notified.length,
      },
      at: now,
    });
    const row = await q.get<CommentRow>(`${COMMENT_SELECT} WHERE c.id = ?`, [id]);
    return presentComment(actor, row!);
  });
}
