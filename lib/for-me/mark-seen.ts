import { z } from 'zod';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { requireMember, type Actor } from '../policies';
import { writeMarker } from './visit';

export const ZMarkSeen = z
  .object({
    /** Everything up to this activity row is seen (what the page showed); also marks every mention read. */
    activityId: z.number().int().min(0).optional(),
    /** These notifications (mentions) are seen. */
    notificationIds: z.array(z.uuid()).max(200).optional(),
  })
  .refine((v) => v.activityId !== undefined || (v.notificationIds?.length ?? 0) > 0, {
    message: 'activityId or notificationIds',
  });

/**
 * "Mark as seen", on purpose: moves my marker in this network forward (never
 * back) and empties the current visit's "new" (lib/for-me/visit.ts), and/or
 * marks mentions as read. The digest leaves out what is seen; the bell and
 * "what changed" count from here.
 */
export async function markSeen(
  db: Db,
  actor: Actor,
  networkId: string,
  input: z.input<typeof ZMarkSeen>,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  const data = validate(ZMarkSeen, input);
  await db.tx(async (q) => {
    if (data.activityId !== undefined) {
      await writeMarker(q, actor.userId, networkId, data.activityId, now, 'markSeen');
      await q.run(
        'UPDATE notifications SET read_at = ? WHERE user_id = ? AND network_id = ? AND read_at IS NULL AND created_at <= ?',
        [now, actor.userId, networkId, now],
      );
    }
    for (const id of data.notificationIds ?? []) {
      await q.run(
        'UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND network_id = ? AND read_at IS NULL',
        [now, id, actor.userId, networkId],
      );
    }
  });
  return { ok: true as const };
}
