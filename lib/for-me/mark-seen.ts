import { z } from 'zod';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { requireMember, type Actor } from '../policies';

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
 * "Mark as seen": moves my marker in this network forward (never back) and/or
 * marks mentions as read. The digest leaves out what is seen; the bell and
 * "what changed" count from here.
 */
export async function markSeen(db: Db, actor: Actor, networkId: string, input: z.input<typeof ZMarkSeen>) {
  requireMember(actor, networkId);
  const data = validate(ZMarkSeen, input);
  const now = Date.now();
  await db.tx(async (q) => {
    if (data.activityId !== undefined) {
      const max = await q.get<{ id: number | string | null }>(
        'SELECT MAX(id) AS id FROM activity WHERE network_id = ?',
        [networkId],
      );
      const upTo = Math.min(data.activityId, Number(max?.id ?? 0));
      await q.run(
        `INSERT INTO seen_markers (user_id, network_id, activity_id, seen_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, network_id) DO UPDATE SET
           activity_id = CASE WHEN excluded.activity_id > seen_markers.activity_id THEN excluded.activity_id ELSE seen_markers.activity_id END,
           seen_at = excluded.seen_at`,
        [actor.userId, networkId, upTo, now],
      );
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
