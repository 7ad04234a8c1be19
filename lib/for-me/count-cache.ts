import { latestActivityId } from '../activity/list-feed';
import type { Db } from '../db/types';
import { loadPrefs } from '../notifications/prefs';
import { requireMember, type Actor } from '../policies';
import { forMeCount } from './get-for-me';

/**
 * The bell's count asks every "needs me" source (200–370 ms on the 20,000-entry network) and every page load
 * asked again. The answer is kept a few seconds per person and network, and only while nothing changed that it
 * depends on: the network's newest activity id (every command writes a row, so anyone's change, this person's
 * own included, makes it stale at once, on every instance), the person's unread notifications (marking one
 * seen writes no activity), membership and notification preferences, and the day. Any change this person makes through the API also forgets their counts in this
 * process (`forgetForMeCounts`, called by `route()`), for what writes no activity row.
 */
export const COUNT_CACHE_MS = 5_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  at: number;
  stamp: string;
  count: number;
}
const entries = new Map<string, Entry>();

const keyOf = (userId: string, networkId: string) => `${userId} ${networkId}`;

export async function cachedForMeCount(db: Db, actor: Actor, networkId: string, now = Date.now()): Promise<number> {
  requireMember(actor, networkId);
  const key = keyOf(actor.userId, networkId);
  const [activityId, unread, prefs] = await Promise.all([
    latestActivityId(db, networkId),
    db.get<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND network_id = ? AND read_at IS NULL',
      [actor.userId, networkId],
    ),
    loadPrefs(db, actor.userId),
  ]);
  const day = new Date(now).toISOString().slice(0, 10);
  const stamp = JSON.stringify([activityId, Number(unread?.n ?? 0), actor.membership, prefs, day]);
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp && now - hit.at >= 0 && now - hit.at < COUNT_CACHE_MS) return hit.count;
  const count = await forMeCount(db, actor, networkId, now);
  if (entries.size >= MAX_ENTRIES) {
    for (const [k, e] of entries) if (now - e.at >= COUNT_CACHE_MS) entries.delete(k);
    if (entries.size >= MAX_ENTRIES) entries.clear();
  }
  entries.set(key, { at: now, stamp, count });
  return count;
}

/** Forgets this person's cached counts (after any change they made). */
export function forgetForMeCounts(userId: string): void {
  for (const k of entries.keys()) if (k.startsWith(`${userId} `)) entries.delete(k);
}
