import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { authorize, requireMember, type Actor } from '../policies';
import { loadGoal } from './records';

export const ZCommentGoal = z.object({ body: z.string().trim().min(1).max(4000) });
export type CommentGoal = z.input<typeof ZCommentGoal>;

/** Adds a comment to a goal. Every member but observers may (advisers read and comment). */
export async function commentGoal(db: Db, actor: Actor, networkId: string, goalId: string, input: CommentGoal) {
  requireMember(actor, networkId);
  authorize(actor, 'comment.create', { type: 'network', networkId });
  const data = validate(ZCommentGoal, input);
  const id = randomUUID();
  const now = Date.now();
  await db.tx(async (q) => {
    await loadGoal(q, networkId, goalId);
    await q.run('INSERT INTO goal_comments (id, goal_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)', [
      id,
      goalId,
      actor.userId,
      data.body,
      now,
    ]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'goal.commented',
      subjectId: goalId,
      data: { commentId: id },
      at: now,
    });
  });
  return { id, goalId, authorId: actor.userId, body: data.body, createdAt: now };
}
