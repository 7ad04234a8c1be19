import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/types';
import type { DescNode } from './description-doc';
import type { PilotDecisionNote } from './pilot';
import { parseIndicators, type GoalRow } from './records';

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
