import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/types';
import { requireMember } from '../policies';
import type { Actor } from '../policies';
import type { DescNode } from './description-doc';
import { loadGoal, parseIndicators, type GoalRow } from './shared';

/** The stored structure of a description, or null (none kept: versions before migration 005). */
export function parseDescriptionDoc(json: string | null | undefined): DescNode[] | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as DescNode[]) : null;
  } catch {
    return null;
  }
}

/** What a version of a goal looked like. */
export function snapshotOf(row: GoalRow) {
  return {
    title: row.title,
    whyTogether: row.why_together,
    description: row.description,
    /** The description's formatting (headings, lists, marks, links); absent in versions kept before it was stored. */
    descriptionDoc: parseDescriptionDoc(row.description_doc),
    status: row.status,
    targetDate: row.target_date,
    reviewOn: row.review_on ?? null,
    indicators: parseIndicators(row.indicators),
  };
}

/** A pilot's review decision recorded with a version. */
export interface PilotDecisionNote {
  decision: 'deepen' | 'repeat' | 'stop';
  reason: string;
  /** Decided before the review date (explicitly asked for). */
  early: boolean;
  nextReviewOn: string | null;
}

/** Appends the goal's current state as version `row.version` (inside the command's transaction). */
export async function writeRevision(
  q: Queryable,
  row: GoalRow,
  actorId: string,
  changed: string[],
  restoredFrom: number | null,
  at: number,
  decision: PilotDecisionNote | null = null,
) {
  await q.run(
    `INSERT INTO goal_revisions (id, goal_id, version, actor_id, created_at, changed, snapshot, restored_from, decision)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      randomUUID(),
      row.id,
      row.version,
      actorId,
      at,
      JSON.stringify(changed),
      JSON.stringify(snapshotOf(row)),
      restoredFrom,
      decision ? JSON.stringify(decision) : null,
    ],
  );
}

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
