import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { loadOrganisation } from '../networks/load-organisation';
import { requireMember, type Actor } from '../policies';
import { meetingPolicy } from '../policies/meeting';
import { ZDuration, ZMeetingTime, ZMeetingTitle, ZOnlineUrl, ZOrganisationIds, ZPlace } from './inputs';
import { checkWhenWhere } from './schedule-meeting';
import { loadMeeting, meetingRecord, presentMeeting } from './records';
import { meetingInstant, toMinute } from './time';

export const ZUpdateMeeting = z.object({
  title: ZMeetingTitle.optional(),
  startsAt: ZMeetingTime.optional(),
  durationMinutes: ZDuration.optional(),
  place: ZPlace.optional(),
  onlineUrl: ZOnlineUrl.optional(),
  organisationIds: ZOrganisationIds.optional(),
});
export type UpdateMeeting = z.input<typeof ZUpdateMeeting>;

/**
 * A moderator changes a scheduled meeting: title, time, place, link, invited
 * organisations. A new time or place raises its iCalendar SEQUENCE, so
 * calendars that imported it take the change.
 */
export async function updateMeeting(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  input: UpdateMeeting,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  const data = validate(ZUpdateMeeting, input);
  await db.tx(async (q) => {
    const m = await loadMeeting(q, networkId, meetingId);
    meetingPolicy.authorize(actor, 'moderate', meetingRecord(m));
    if (m.row.status !== 'scheduled') throw new AppError(409, 'meetings.errors.notScheduled');
    const r = m.row;
    const startsAt =
      data.startsAt === undefined ? Number(r.starts_at) : toMinute(meetingInstant(data.startsAt, m.timeZone));
    const duration = data.durationMinutes ?? (Number(r.ends_at) - Number(r.starts_at)) / 60_000;
    const next = {
      title: data.title ?? r.title,
      place: data.place ?? r.place,
      online_url: data.onlineUrl ?? r.online_url,
      starts_at: startsAt,
      ends_at: startsAt + duration * 60_000,
    };
    if (data.startsAt !== undefined || data.place !== undefined || data.onlineUrl !== undefined)
      checkWhenWhere(startsAt, next.place, next.online_url, now);
    const changed = [
      ...(next.title !== r.title ? ['title'] : []),
      ...(next.starts_at !== Number(r.starts_at) ? ['startsAt'] : []),
      ...(next.ends_at !== Number(r.ends_at) ? ['endsAt'] : []),
      ...(next.place !== r.place ? ['place'] : []),
      ...(next.online_url !== r.online_url ? ['onlineUrl'] : []),
    ];
    if (data.organisationIds) {
      const wanted = [...new Set(data.organisationIds)];
      const had = m.orgs.map((o) => o.organisation_id);
      if (wanted.length !== had.length || wanted.some((o) => !had.includes(o))) {
        for (const org of wanted) await loadOrganisation(q, networkId, org);
        for (const org of had.filter((o) => !wanted.includes(o)))
          await q.run('DELETE FROM meeting_organisations WHERE meeting_id = ? AND organisation_id = ?', [r.id, org]);
        for (const org of wanted.filter((o) => !had.includes(o)))
          await q.run('INSERT INTO meeting_organisations (meeting_id, organisation_id) VALUES (?, ?)', [r.id, org]);
        changed.push('organisations');
      }
    }
    if (!changed.length) return;
    const bumps = changed.some((c) => c !== 'title' && c !== 'organisations');
    await q.run(
      `UPDATE meetings SET title = ?, starts_at = ?, ends_at = ?, place = ?, online_url = ?, updated_at = ?,
         sequence = sequence + ? WHERE id = ?`,
      [
        next.title,
        next.starts_at,
        next.ends_at,
        next.place,
        next.online_url,
        now,
        bumps || changed.includes('title') ? 1 : 0,
        r.id,
      ],
    );
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'meeting.updated',
      subjectId: r.id,
      data: { title: next.title, changed },
      at: now,
    });
  });
  return presentMeeting(await loadMeeting(db, networkId, meetingId));
}
