import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { requireMember, type Actor } from '../policies';
import { meetingPolicy } from '../policies/meeting';

export const ZMeetingSettings = z.object({ representativesMaySchedule: z.boolean() });

/** A network manager decides whether any active representative may schedule meetings. */
export async function setMeetingSettings(
  db: Db,
  actor: Actor,
  networkId: string,
  input: z.input<typeof ZMeetingSettings>,
) {
  requireMember(actor, networkId);
  const data = validate(ZMeetingSettings, input);
  meetingPolicy.authorize(actor, 'settings', { networkId });
  await db.tx(async (q) => {
    await q.run('UPDATE networks SET meetings_by_representatives = ? WHERE id = ?', [
      data.representativesMaySchedule ? 1 : 0,
      networkId,
    ]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'meeting.settings_changed',
      subjectId: networkId,
      data: { representativesMaySchedule: data.representativesMaySchedule },
    });
  });
  return { representativesMaySchedule: data.representativesMaySchedule };
}
