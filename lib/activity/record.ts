import type { Queryable } from '../db/types';

/**
 * The activity log: one row per change, written by the command that makes the
 * change, inside its transaction. The network's change feed (`list-feed.ts`)
 * streams these rows to every open tab; the realtime server watches the kinds
 * that change access. Nothing secret ever goes into `data`.
 */

/** Every kind a command writes, by area (the realtime server closes sockets on those that change access: `ACCESS_KINDS` in server/permissions.ts). */
export type ActivityKind =
  // networks, organisations, invitations, members
  | 'network.created'
  | 'network.updated'
  | 'organisation.created'
  | 'organisation.updated'
  | 'organisation.status_changed'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'invitation.accepted'
  | 'member.joined'
  | 'member.removed'
  | 'member.role_changed'
  // goals
  | 'goal.created'
  | 'goal.updated'
  | 'goal.text_saved'
  | 'goal.rated'
  | 'goal.commented'
  | 'goal.pilot_decided'
  // the ledger and its units
  | 'unit.defined'
  | 'ledger.recorded'
  | 'ledger.confirmed'
  | 'ledger.disputed'
  | 'ledger.corrected'
  // commitments
  | 'commitment.created'
  | 'commitment.committed'
  | 'commitment.approval_requested'
  | 'commitment.delivered'
  | 'commitment.withdrawn'
  | 'commitment.pilot_decided';

/** One activity row as a command hands it over. */
export interface ActivityEntry {
  networkId: string;
  actorId: string;
  kind: ActivityKind;
  /** The record the change is about (goal, entry, commitment, organisation, member …). */
  subjectId: string;
  data?: Record<string, unknown>;
  /** When it happened (ms); the command's own clock, so the row and the record agree. Default: now. */
  at?: number;
}

/** Appends one row to the activity log (call it inside the command's transaction). */
export async function recordActivity(q: Queryable, a: ActivityEntry): Promise<void> {
  await q.run(
    'INSERT INTO activity (network_id, actor_id, kind, subject_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [a.networkId, a.actorId, a.kind, a.subjectId, JSON.stringify(a.data ?? {}), a.at ?? Date.now()],
  );
}
