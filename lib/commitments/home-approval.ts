import { randomUUID } from 'node:crypto';
import { today } from '../core/dates';
import type { Queryable } from '../db/types';
import { fromMilli } from '../ledger/units';
import { assess, type Assessment } from '../mandates/assess';
import type { CommitmentRow } from './records';

/**
 * Mandates (Handlungsspielraum) meet commitments here. Committing something
 * beyond the representative's mandate — more than it allows per commitment or
 * per period, a unit or goal it does not cover, after it expired or before it
 * starts — does not commit it: it waits for the home organisation
 * (`awaiting_home_approval`) and a request is opened for its home members
 * (`home_approvals`), who approve or decline it (lib/mandates/decide-home-approval.ts).
 * Representatives whose home side gave no mandate that applies to them commit
 * as before.
 */
export async function assessCommitment(q: Queryable, c: CommitmentRow, actorId: string): Promise<Assessment> {
  return assess(q, {
    networkId: c.network_id,
    organisationId: c.organisation_id,
    representativeId: actorId,
    goalId: c.goal_id,
    unit: c.unit,
    amount: fromMilli(c.amount_milli),
    day: today(),
    excludeCommitmentId: c.id,
  });
}

/** True when committing this goes beyond what the representative may commit without asking home. */
export async function needsHomeApproval(q: Queryable, c: CommitmentRow, actorId: string): Promise<boolean> {
  return !(await assessCommitment(q, c, actorId)).within;
}

/** Opens the request for the home side (in the committing transaction, after the commitment row is written). */
export async function openHomeApproval(
  q: Queryable,
  c: CommitmentRow,
  a: Assessment,
  actorId: string,
  now: number,
): Promise<string> {
  const id = randomUUID();
  await q.run(
    `INSERT INTO home_approvals (id, network_id, organisation_id, commitment_id, mandate_id, reasons, status, requested_by, requested_at)
     VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    [id, c.network_id, c.organisation_id, c.id, a.mandate?.id ?? null, JSON.stringify(a.reasons), actorId, now],
  );
  return id;
}

/** A waiting commitment was withdrawn by its representatives: its request closes without a decision. */
export async function closeHomeApproval(q: Queryable, commitmentId: string, now: number): Promise<void> {
  await q.run(
    "UPDATE home_approvals SET status = 'withdrawn', decided_at = ? WHERE commitment_id = ? AND status = 'open'",
    [now, commitmentId],
  );
}
