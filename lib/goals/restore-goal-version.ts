import { record } from '../activity/record';
import type { Db } from '../db/types';
import { activeLocks } from '../documents/records';
import { docName } from '../docs/names';
import { AppError } from '../errors';
import { goalPolicy, requireMember, type Actor } from '../policies';
import { writeDocument } from '../realtime/server-write';
import { loadGoal, presentGoal, searchText, type GoalRow } from './records';
import { parseDescriptionDoc, writeRevision } from './revisions';
import { writeGoalText } from './text-doc';

/**
 * Restores an earlier version of a goal: its title, its "why together" and its
 * text (with the structure it was kept with). The text is written into the
 * network's commons document by the server (`writeDocument`), so every
 * connected browser sees it at once and it is stored like any edit; title,
 * "why" and text become a new version that says which one it restores — set
 * here, never taken from the client. All in one transaction: the document
 * change, the goal, its version and the activity row commit together.
 *
 * Who may change the goal and write the commons (`goal.restoreVersion`). A goal
 * text that is locked (lib/documents) is not restored (409).
 */
export async function restoreGoalVersion(db: Db, actor: Actor, networkId: string, goalId: string, version: number) {
  requireMember(actor, networkId);
  const now = Date.now();
  return db.tx(async (q) => {
    const goal = await loadGoal(q, networkId, goalId);
    goalPolicy.authorize(actor, 'restoreVersion', { networkId, organisationIds: goal.organisationIds });
    const rev = Number.isSafeInteger(version)
      ? await q.get<{ snapshot: string }>('SELECT snapshot FROM goal_revisions WHERE goal_id = ? AND version = ?', [
          goalId,
          version,
        ])
      : undefined;
    if (!rev) throw new AppError(404, 'cooperation.errors.revisionNotFound');
    const snap = JSON.parse(rev.snapshot) as {
      title: string;
      whyTogether: string;
      description: string;
      descriptionDoc?: unknown;
    };
    const structure = Array.isArray(snap.descriptionDoc)
      ? parseDescriptionDoc(JSON.stringify(snap.descriptionDoc))
      : null;
    const commons = docName({ kind: 'commons', networkId });
    const locked = await activeLocks(q, networkId, commons, now);
    if (locked.some((l) => l.part === `goals/${goalId}`)) throw new AppError(409, 'documents.errors.textLocked');

    await writeDocument(
      commons,
      (doc) => writeGoalText(doc, goalId, { description: snap.description ?? '', descriptionDoc: structure }),
      { actorId: actor.userId, networkId, reason: `restore of version ${version} of goal ${goalId}` },
      { q },
    );
    const descriptionDoc = structure ? JSON.stringify(structure) : '';
    const next: GoalRow = {
      ...goal,
      title: snap.title ?? goal.title,
      why_together: snap.whyTogether ?? goal.why_together,
      description: snap.description ?? '',
      description_doc: descriptionDoc,
      version: Number(goal.version) + 1,
      updated_at: now,
    };
    const changed = [
      next.title !== goal.title ? 'title' : null,
      next.why_together !== goal.why_together ? 'whyTogether' : null,
      next.description !== goal.description || descriptionDoc !== (goal.description_doc ?? '') ? 'description' : null,
    ].filter((c): c is string => c !== null);
    await q.run(
      `UPDATE goals SET title = ?, why_together = ?, description = ?, description_doc = ?, version = ?, updated_at = ?,
              search_text = ? WHERE id = ?`,
      [
        next.title,
        next.why_together,
        next.description,
        descriptionDoc,
        next.version,
        now,
        searchText(next.title, next.why_together, next.description),
        goalId,
      ],
    );
    await writeRevision(q, next, actor.userId, changed.length ? changed : ['description'], version, now);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'goal.version_restored',
      subjectId: goalId,
      data: { version: next.version, restoredFrom: version },
      at: now,
    });
    return presentGoal(next, goal.organisationIds);
  });
}
