import { randomUUID } from 'node:crypto';
import { today } from '../core/dates';
import type { Queryable } from '../db/types';
import type { EntryRow } from '../ledger/records';
import { fromMilli } from '../ledger/units';
import { assess, type Assessment } from './assess';

/**
 * Gifts in the ledger meet mandates here, when the mandate says so
 * (`covers_gifts`). A gift is an entry the organisation records as given by
 * itself (kind `give` or `share`; a `take` is something it received, a
 * correction reverses an entry and is no gift). Beyond the mandate — more than
 * its maximum per commitment in one entry, more than is left of the period's
 * maximum for gifts, a unit or goal it does not cover (a gift for no goal is
 * within only a mandate that names no goals), after it expired — the entry is
 * saved as `awaiting_home_approval`: it counts nowhere, the other side cannot
 * answer it yet, and a request for the home members is opened in
 * `home_approvals` (the same flow and decision times as for commitments).
 */
export const isGift = (e: Pick<EntryRow, 'kind' | 'giver_org_id' | 'recorder_org_id' | 'reverses_id'>) =>
  e.kind !== 'take' && e.giver_org_id === e.recorder_org_id && !e.reverses_id;

/** The mandate's answer for a gift about to be recorded (ungoverned: not a gift, or no mandate covering gifts). */
export async function assessGift(q: Queryable, e: EntryRow, actorId: string): Promise<Assessment> {
  if (!isGift(e)) return { governed: false, within: true, reasons: [], mandate: null, limit: null };
  return assess(q, {
    subject: 'gift',
    networkId: e.network_id,
    organisationId: e.recorder_org_id,
    representativeId: actorId,
    goalId: e.goal_id,
    unit: e.unit,
    amount: fromMilli(e.amount_milli),
    day: today(Number(e.created_at)),
    excludeEntryId: e.id,
  });
}

/** Opens the request for the home side (in the recording transaction, after the entry row is written). */
export async function openGiftApproval(q: Queryable, e: EntryRow, a: Assessment, actorId: string, now: number) {
  const id = randomUUID();
  await q.run(
    `INSERT INTO home_approvals (id, network_id, organisation_id, entry_id, mandate_id, reasons, status, requested_by, requested_at)
     VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    [id, e.network_id, e.recorder_org_id, e.id, a.mandate?.id ?? null, JSON.stringify(a.reasons), actorId, now],
  );
  return id;
}
