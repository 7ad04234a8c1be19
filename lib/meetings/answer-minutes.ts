import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { requireMember, type Actor } from '../policies';
import { meetingPolicy } from '../policies/meeting';
import { lockPublishedMinutes } from './minutes';
import { loadMeeting, meetingRecord, presentMeeting } from './records';

export const ZAnswerMinutes = z.discriminatedUnion('answer', [
  z.object({ answer: z.literal('approve') }),
  z.object({ answer: z.literal('object'), objection: z.string().trim().min(1).max(2000) }),
]);
export type AnswerMinutes = z.input<typeof ZAnswerMinutes>;

/**
 * A representative answers the minutes for their organisation, which must
 * have attended: approve, or object with what is wrong (an objection can
 * later be followed by an approval, once the moderators corrected the
 * minutes). When every organisation that attended has approved, the minutes
 * are published and locked.
 */
export async function answerMinutes(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  input: AnswerMinutes,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  const data = validate(ZAnswerMinutes, input);
  await db.tx(async (q) => {
    const m = await loadMeeting(q, networkId, meetingId);
    const orgId = actor.membership?.organisationId ?? null;
    const org = m.orgs.find((o) => o.organisation_id === orgId);
    if (m.row.status !== 'approval') throw new AppError(409, 'meetings.errors.notInApproval');
    const rec = meetingRecord(m);
    // A representative whose organisation did not attend is told so; anyone else gets the rule's refusal.
    if (!meetingPolicy.can(actor, 'approveMinutes', rec) && actor.membership?.role === 'representative')
      throw new AppError(403, 'meetings.errors.notAttended');
    meetingPolicy.authorize(actor, 'approveMinutes', rec);
    if (!org) throw new AppError(403, 'meetings.errors.notAttended');
    if (org.approval === 'approved') throw new AppError(409, 'meetings.errors.alreadyApproved');
    const base = { networkId, actorId: actor.userId, subjectId: m.row.id, at: now } as const;
    const named = { title: m.row.title, organisationId: org.organisation_id, organisationName: org.name };
    if (data.answer === 'object') {
      await q.run(
        `UPDATE meeting_organisations SET approval = 'objected', objection = ?, approval_by = ?, approval_at = ?
          WHERE meeting_id = ? AND organisation_id = ?`,
        [data.objection, actor.userId, now, m.row.id, org.organisation_id],
      );
      await record(q, { ...base, kind: 'meeting.minutes_objected', data: { ...named, objection: data.objection } });
      return;
    }
    await q.run(
      `UPDATE meeting_organisations SET approval = 'approved', approval_by = ?, approval_at = ?
        WHERE meeting_id = ? AND organisation_id = ?`,
      [actor.userId, now, m.row.id, org.organisation_id],
    );
    await record(q, { ...base, kind: 'meeting.minutes_approved', data: named });
    const waiting = m.orgs.filter(
      (o) => Number(o.attended) === 1 && o.organisation_id !== org.organisation_id && o.approval !== 'approved',
    );
    if (waiting.length) return;
    await q.run(`UPDATE meetings SET status = 'published', published_at = ?, updated_at = ? WHERE id = ?`, [
      now,
      now,
      m.row.id,
    ]);
    await record(q, { ...base, kind: 'meeting.published', data: { title: m.row.title } });
    await lockPublishedMinutes(q, db, actor, m, now);
  });
  return presentMeeting(await loadMeeting(db, networkId, meetingId));
}
