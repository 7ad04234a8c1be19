import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db, Queryable } from '../db/types';
import { AppError } from '../errors';
import { loadOrganisation } from '../networks/load-organisation';
import { requireMember, type Actor } from '../policies';
import { meetingPolicy } from '../policies/meeting';
import { ZDuration, ZMeetingTime, ZMeetingTitle, ZOnlineUrl, ZOrganisationIds, ZPlace } from './inputs';
import { lockDecisionsPart } from './minutes';
import { loadMeeting, presentMeeting } from './records';
import { meetingInstant, toMinute } from './time';

export const ZScheduleMeeting = z.object({
  title: ZMeetingTitle,
  /** Local time in the network's time zone (`YYYY-MM-DDTHH:mm`), or an ISO instant. */
  startsAt: ZMeetingTime,
  durationMinutes: ZDuration.default(90),
  place: ZPlace.default(''),
  onlineUrl: ZOnlineUrl.default(''),
  organisationIds: ZOrganisationIds,
});
export type ScheduleMeeting = z.input<typeof ZScheduleMeeting>;

/** The network's settings and time zone the meeting rules need. */
export async function meetingSettings(q: Queryable, networkId: string) {
  const n = await q.get<{ time_zone: string; meetings_by_representatives: number }>(
    'SELECT time_zone, meetings_by_representatives FROM networks WHERE id = ?',
    [networkId],
  );
  if (!n) throw new AppError(404, 'errors.notFound');
  return { timeZone: n.time_zone, representativesMaySchedule: Number(n.meetings_by_representatives) === 1 };
}

/** The time checks scheduling and changing share: a real time, not in the past, a place or a link. */
export function checkWhenWhere(startsAt: number, place: string, onlineUrl: string, now: number): void {
  if (!Number.isFinite(startsAt)) throw new AppError(400, 'meetings.errors.timeMalformed');
  if (startsAt < now) throw new AppError(400, 'meetings.errors.inPast');
  if (startsAt > now + 5 * 366 * 86_400_000) throw new AppError(400, 'meetings.errors.tooFar');
  if (!place && !onlineUrl) throw new AppError(400, 'meetings.errors.placeOrLink');
}

/**
 * A network manager (or, where the network allows it, an active
 * representative) schedules a meeting: title, time, place or online link,
 * invited organisations. Its agenda document exists from now on.
 */
export async function scheduleMeeting(
  db: Db,
  actor: Actor,
  networkId: string,
  input: ScheduleMeeting,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  const data = validate(ZScheduleMeeting, input);
  const settings = await meetingSettings(db, networkId);
  meetingPolicy.authorize(actor, 'schedule', { networkId, ...settings });
  const startsAt = toMinute(meetingInstant(data.startsAt, settings.timeZone));
  checkWhenWhere(startsAt, data.place, data.onlineUrl, now);
  const orgIds = [...new Set(data.organisationIds)];
  const id = randomUUID();
  await db.tx(async (q) => {
    for (const org of orgIds) await loadOrganisation(q, networkId, org);
    await q.run(
      `INSERT INTO meetings (id, network_id, title, starts_at, ends_at, place, online_url, status, sequence, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', 0, ?, ?, ?)`,
      [
        id,
        networkId,
        data.title,
        startsAt,
        startsAt + data.durationMinutes * 60_000,
        data.place,
        data.onlineUrl,
        actor.userId,
        now,
        now,
      ],
    );
    for (const org of orgIds)
      await q.run('INSERT INTO meeting_organisations (meeting_id, organisation_id) VALUES (?, ?)', [id, org]);
    await lockDecisionsPart(q, db, actor, networkId, id, now);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'meeting.scheduled',
      subjectId: id,
      data: { title: data.title, startsAt, organisationIds: orgIds },
      at: now,
    });
  });
  return presentMeeting(await loadMeeting(db, networkId, id));
}
