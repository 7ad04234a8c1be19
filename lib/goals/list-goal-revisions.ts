import type { Db } from '../db/types';
import { requireMember, type Actor } from '../policies';
import type { PilotDecisionNote } from './pilot';
import { loadGoal } from './records';
import { snapshotOf } from './revisions';

/**
 * Every version of a goal, newest first, with who made it and when. Any
 * member of the network may read them.
 */
export async function listGoalRevisions(db: Db, actor: Actor, networkId: string, goalId: string) {
  requireMember(actor, networkId);
  await loadGoal(db, networkId, goalId);
  const rows = await db.all<{
    version: number;
    actor_id: string;
    actor_name: string | null;
    created_at: number;
    changed: string;
    snapshot: string;
    restored_from: number | null;
    decision: string | null;
  }>(
    `SELECT r.version, r.actor_id, u.name AS actor_name, r.created_at, r.changed, r.snapshot, r.restored_from, r.decision
       FROM goal_revisions r LEFT JOIN users u ON u.id = r.actor_id
      WHERE r.goal_id = ? ORDER BY r.version DESC`,
    [goalId],
  );
  return rows.map((r) => ({
    version: Number(r.version),
    actorId: r.actor_id,
    actorName: r.actor_name ?? '',
    createdAt: Number(r.created_at),
    changed: JSON.parse(r.changed) as string[],
    snapshot: { descriptionDoc: null, reviewOn: null, ...JSON.parse(r.snapshot) } as ReturnType<typeof snapshotOf>,
    restoredFrom: r.restored_from === null ? null : Number(r.restored_from),
    decision: r.decision ? (JSON.parse(r.decision) as PilotDecisionNote) : null,
  }));
}
