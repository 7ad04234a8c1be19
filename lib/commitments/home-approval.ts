import type { Queryable } from '../db/types';
import type { CommitmentRow } from './records';

/**
 * The seam for mandates (Handlungsspielraum): true when committing this goes
 * beyond what the representative may commit without asking home. Mandates
 * are not built yet, so nothing needs approval; when they come, this looks up
 * the representative's mandate (units, amounts, until when).
 */
export async function needsHomeApproval(_q: Queryable, _c: CommitmentRow, _actorId: string): Promise<boolean> {
  return false;
}
