import { z } from 'zod';
import { createComment } from '../comments/create-comment';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { type Actor } from '../policies';

export const ZCommentGoal = z.object({ body: z.string().trim().min(1).max(4000) });
export type CommentGoal = z.input<typeof ZCommentGoal>;

/**
 * Adds a comment to a goal: the one comments model (lib/comments) with the
 * subject type `goal`. Every member but observers may (advisers read and
 * comment); mentions notify.
 */
export async function commentGoal(db: Db, actor: Actor, networkId: string, goalId: string, input: CommentGoal) {
  const data = validate(ZCommentGoal, input);
  const c = await createComment(db, actor, networkId, { subjectType: 'goal', subjectId: goalId, body: data.body });
  return { id: c.id, goalId, authorId: c.authorId, body: c.body ?? '', createdAt: c.createdAt };
}
