import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { requireMember, type Actor } from '../policies';
import { meetingPolicy } from '../policies/meeting';
import { loadMeeting, meetingRecord, presentMeeting } from './records';

export const ZTransitionMeeting = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start') }),
  z.object({ action: z.literal('end') }),
  z.object({ action: z.literal('cancel'), reason: z.string().trim().min(1).max(1000) }),
  z.object({ action: z.literal('attendance'), organisationId: z.uuid(), attended: z.boolean() }),
]);
export type TransitionMeeting = z.input<typeof ZTransitionMeeting>;

/**
 * A moderator moves a meeting on: starts it (live minutes), records which
 * organisations attend, ends it (the minutes go to the organisations that
 * attended for approval; only moderators still write the document, to
 * answer objections), or cancels it
 * with a reason. Each move is one activity row; those that change who may
 * write the document make the realtime server re-decide open connections.
 */
export async function transitionMeeting(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  input: TransitionMeeting,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  const data = validate(ZTransitionMeeting, input);
  await db.tx(async (q) => {
    const m = await loadMeeting(q, networkId, meetingId);
    meetingPolicy.authorize(actor, 'moderate', meetingRecord(m));
    const r = m.row;
    const base = { networkId, actorId: actor.userId, subjectId: r.id, at: now } as const;
    switch (data.action) {
      case 'start':
        if (r.status !== 'scheduled') throw new AppError(409, 'meetings.errors.notScheduled');
        await q.run(`UPDATE meetings SET status = 'live', started_at = ?, updated_at = ? WHERE id = ?`, [
          now,
          now,
          r.id,
        ]);
        await record(q, { ...base, kind: 'meeting.started', data: { title: r.title } });
        return;
      case 'attendance': {
        if (r.status !== 'live') throw new AppError(409, 'meetings.errors.notLive');
        const org = m.orgs.find((o) => o.organisation_id === data.organisationId);
        if (!org) throw new AppError(400, 'meetings.errors.notInvited');
        await q.run(
          'UPDATE meeting_organisations SET attended = ?, attendance_by = ?, attendance_at = ? WHERE meeting_id = ? AND organisation_id = ?',
          [data.attended ? 1 : 0, actor.userId, now, r.id, org.organisation_id],
        );
        await q.run('UPDATE meetings SET updated_at = ? WHERE id = ?', [now, r.id]);
        await record(q, {
          ...base,
          kind: 'meeting.attendance_recorded',
          data: {
            title: r.title,
            organisationId: org.organisation_id,
            organisationName: org.name,
            attended: data.attended,
          },
        });
        return;
      }
      case 'end':
        if (r.status !== 'live') throw new AppError(409, 'meetings.errors.notLive');
        if (!m.orgs.some((o) => Number(o.attended) === 1)) throw new AppError(409, 'meetings.errors.noAttendance');
        await q.run(`UPDATE meetings SET status = 'approval', ended_at = ?, updated_at = ? WHERE id = ?`, [
          now,
          now,
          r.id,
        ]);
        await record(q, { ...base, kind: 'meeting.ended', data: { title: r.title } });
        return;
      case 'cancel':
        if (r.status !== 'scheduled') throw new AppError(409, 'meetings.errors.notScheduled');
        await q.run(
          `UPDATE meetings SET status = 'cancelled', cancel_reason = ?, updated_at = ?, sequence = sequence + 1 WHERE id = ?`,
          [data.reason, now, r.id],
        );
        await record(q, { ...base, kind: 'meeting.cancelled', data: { title: r.title, reason: data.reason } });
        return;
    }
  });
  return presentMeeting(await loadMeeting(db, networkId, meetingId));
}
