import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { requireMember, type Actor } from '../policies';
import { meetingPolicy } from '../policies/meeting';
import { getDecision } from './get-meeting';
import { writeDecisionIntoMinutes } from './minutes';
import { loadMeeting, meetingRecord, type DecisionRow } from './records';

export const ZAdoptText = z.object({
  title: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(5000),
  reason: z.string().trim().min(1).max(1000),
});
export type AdoptText = z.input<typeof ZAdoptText>;

/**
 * Moderation: a network manager adopts a text as decided (what the meeting
 * agreed without a formal vote). It becomes a decision with the manager's
 * reason, is written into the minutes by the server — never by editing
 * someone's words — and is in the audit log with who, what, when and why.
 */
export async function adoptText(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  input: AdoptText,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  const data = validate(ZAdoptText, input);
  const id = randomUUID();
  await db.tx(async (q) => {
    const m = await loadMeeting(q, networkId, meetingId);
    meetingPolicy.authorize(actor, 'adoptText', meetingRecord(m));
    if (m.row.status !== 'live' && m.row.status !== 'approval') throw new AppError(409, 'meetings.errors.notLive');
    const d: DecisionRow = {
      id,
      meeting_id: m.row.id,
      network_id: networkId,
      agenda_item: '',
      title: data.title,
      body: data.text,
      method: 'adopted',
      options: '[]',
      closes_at: now,
      status: 'adopted',
      outcome: data.reason,
      created_by: actor.userId,
      created_at: now,
      closed_at: now,
      closed_by: actor.userId,
    };
    await q.run(
      `INSERT INTO decisions (id, meeting_id, network_id, agenda_item, title, body, method, options, closes_at, status, outcome,
         created_by, created_at, closed_at, closed_by)
       VALUES (?, ?, ?, '', ?, ?, 'adopted', '[]', ?, 'adopted', ?, ?, ?, ?, ?)`,
      [id, m.row.id, networkId, data.title, data.text, now, data.reason, actor.userId, now, now, actor.userId],
    );
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'decision.text_adopted',
      subjectId: id,
      data: { meetingId: m.row.id, title: data.title, text: data.text, reason: data.reason },
      at: now,
    });
    await writeDecisionIntoMinutes(q, m, d, [], actor.userId, now);
  });
  return getDecision(db, actor, networkId, meetingId, id);
}
