import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { authorize, requireMember, type Actor } from '../policies';
import { ZDescriptionDoc } from './description-doc';
import { loadGoal, presentGoal, searchText, type GoalRow } from './records';
import { writeRevision } from './revisions';

export const ZSaveGoalText = z
  .object({
    description: z.string().max(100_000),
    /**
     * The description's structure (headings, lists, marks, links) from the
     * shared document, kept with the version so a restore brings it back.
     * Optional: older clients send plain text only.
     */
    descriptionDoc: ZDescriptionDoc.nullable().default(null),
  })
  .strict();
export type SaveGoalText = z.input<typeof ZSaveGoalText>;

/**
 * Keeps a version of a goal's collaborative description (plain text, and its
 * structure so formatting survives a restore), e.g. when an editor pauses.
 * Whoever may write the network's commons document may. Restoring an earlier
 * version is the server's own command (`restoreGoalVersion`), which alone says
 * "restored from version N": a client cannot claim it for any text.
 */
export async function saveGoalText(db: Db, actor: Actor, networkId: string, goalId: string, input: SaveGoalText) {
  requireMember(actor, networkId);
  authorize(actor, 'doc.write', { type: 'doc', doc: { kind: 'commons', networkId } });
  const data = validate(ZSaveGoalText, input);
  const now = Date.now();
  return db.tx(async (q) => {
    const goal = await loadGoal(q, networkId, goalId);
    const descriptionDoc = data.descriptionDoc ? JSON.stringify(data.descriptionDoc) : '';
    if (data.description === goal.description && descriptionDoc === (goal.description_doc ?? ''))
      return presentGoal(goal, goal.organisationIds);
    const next: GoalRow = {
      ...goal,
      description: data.description,
      description_doc: descriptionDoc,
      version: Number(goal.version) + 1,
      updated_at: now,
    };
    await q.run(
      'UPDATE goals SET description = ?, description_doc = ?, version = ?, updated_at = ?, search_text = ? WHERE id = ?',
      [
        next.description,
        descriptionDoc,
        next.version,
        now,
        searchText(next.title, next.why_together, next.description),
        goalId,
      ],
    );
    await writeRevision(q, next, actor.userId, ['description'], null, now);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'goal.text_saved',
      subjectId: goalId,
      data: { version: next.version },
      at: now,
    });
    return presentGoal(next, goal.organisationIds);
  });
}
