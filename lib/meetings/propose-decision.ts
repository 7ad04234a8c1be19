import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { requireMember, type Actor } from '../policies';
import { meetingPolicy } from '../policies/meeting';
import { loadMeeting, meetingRecord } from './records';
import { getDecision } from './get-meeting';
import { meetingInstant, ZMeetingTime } from './time';

export const ZProposeDecision = z
  .object({
    /** The agenda item it comes from (its words), when it does. */
    agendaItem: z.string().trim().max(500).default(''),
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().max(5000).default(''),
    method: z.enum(['consent', 'poll']),
    /** A poll's options (2–10, distinct). */
    options: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
    /** Until when organisations may give their voice: a local time in the network's zone, or an ISO instant. */
    closesAt: ZMeetingTime,
  })
  .refine((d) => d.method !== 'poll' || (d.options.length >= 2 && new Set(d.options).size === d.options.length), {
    path: ['options'],
    message: 'poll: 2–10 distinct options',
  });
export type ProposeDecision = z.input<typeof ZProposeDecision>;

/**
 * An agenda item becomes a proposal: the invited organisations decide it, one
 * voice each, by consent (an objection stops it) or by a poll, until the
 * closing time.
 */
export async function proposeDecision(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  input: ProposeDecision,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  const data = validate(ZProposeDecision, input);
  const id = randomUUID();
  await db.tx(async (q) => {
    const m = await loadMeeting(q, networkId, meetingId);
    meetingPolicy.authorize(actor, 'propose', meetingRecord(m));
    if (m.row.status !== 'scheduled' && m.row.status !== 'live')
      throw new AppError(409, 'meetings.errors.notOpenForProposals');
    const closesAt = meetingInstant(data.closesAt, m.timeZone);
    if (!Number.isFinite(closesAt)) throw new AppError(400, 'meetings.errors.timeMalformed');
    if (closesAt <= now) throw new AppError(400, 'meetings.errors.closingInPast');
    await q.run(
      `INSERT INTO decisions (id, meeting_id, network_id, agenda_item, title, body, method, options, closes_at, status, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      [
        id,
        m.row.id,
        networkId,
        data.agendaItem,
        data.title,
        data.body,
        data.method,
        JSON.stringify(data.method === 'poll' ? data.options : []),
        closesAt,
        actor.userId,
        now,
      ],
    );
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'decision.proposed',
      subjectId: id,
      data: { meetingId: m.row.id, title: data.title, method: data.method },
      at: now,
    });
  });
  return getDecision(db, actor, networkId, meetingId, id);
}
