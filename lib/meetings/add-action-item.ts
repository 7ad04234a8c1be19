import { z } from 'zod';
import { record } from '../activity/record';
import { createCommitment, ZCreateCommitment } from '../commitments/create-commitment';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { requireMember, type Actor } from '../policies';
import { meetingPolicy } from '../policies/meeting';
import { loadMeeting, meetingRecord } from './records';

export const ZAddActionItem = ZCreateCommitment.extend({
  /** The action item's words from the minutes (kept as the commitment's note too). */
  text: z.string().trim().min(1).max(500),
});
export type AddActionItem = z.input<typeof ZAddActionItem>;

/**
 * An action item of the minutes becomes a commitment of the representative's
 * organisation, with a due date, through the commitments' own command (same
 * rules, same record), linked back to the meeting. The commitment and its link
 * are written one after the other; a retry with the same idempotency key
 * finds the commitment and adds the missing link.
 */
export async function addActionItem(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  input: AddActionItem,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  const data = validate(ZAddActionItem, input);
  const m = await loadMeeting(db, networkId, meetingId);
  const rec = meetingRecord(m);
  if (!meetingPolicy.can(actor, 'addActionItem', rec) && actor.membership?.role === 'representative')
    throw new AppError(403, 'meetings.errors.notInvited');
  meetingPolicy.authorize(actor, 'addActionItem', rec);
  if (!['live', 'approval', 'published'].includes(m.row.status)) throw new AppError(409, 'meetings.errors.notHeldYet');
  if (data.organisationId !== actor.membership?.organisationId)
    throw new AppError(403, 'meetings.errors.ownOrganisationOnly');
  const { text, ...commitment } = data;
  const created = await createCommitment(db, actor, networkId, {
    ...commitment,
    note: commitment.note || text,
  });
  await db.tx(async (q) => {
    const linked = await q.get('SELECT 1 AS x FROM meeting_action_items WHERE commitment_id = ?', [created.id]);
    if (linked) return;
    await q.run(
      'INSERT INTO meeting_action_items (commitment_id, meeting_id, text, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
      [created.id, m.row.id, text, actor.userId, now],
    );
    const org = m.orgs.find((o) => o.organisation_id === created.organisationId);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'meeting.action_item_added',
      subjectId: created.id,
      data: { meetingId: m.row.id, text, organisationId: created.organisationId, organisationName: org?.name ?? '' },
      at: now,
    });
  });
  return { actionItem: { commitmentId: created.id, text, meetingId: m.row.id }, commitment: created };
}
