import { z } from 'zod';
import { validate } from '../core/validate';
import type { Db, Queryable } from '../db/types';
import { env } from '../env';
import { requireMember, type Actor } from '../policies';

/**
 * Visits: "what changed since I last looked" follows the person's looking, as
 * forums and Loomio do (docs/follow-up.md).
 *
 * Opening "for me" or the network overview in the browser is a *look* (the
 * page posts it once it is on screen, so a link prefetch never counts). A
 * *visit* is a run of looks that come within the visit window (default 30
 * minutes, `FOR_ME_VISIT_MINUTES`) of each other. A visit shows, and marks as
 * new, everything after where the previous visit left off; it keeps showing
 * the same across reloads. The first look after the window starts the next
 * visit from where this one left off: the newest row it showed.
 *
 * In `seen_markers` (per person and network):
 * - `activity_id`: looked at (or marked as seen) up to this row. The digest
 *   leaves everything up to it out: the person has seen it in the app.
 * - `seen_at`: the last look or "mark as seen"; the window counts from it.
 * - `visit_from_id`, `visit_from_at`: where the current visit's "new" starts,
 *   and when the previous visit was (null: none; the first visit shows the
 *   last 14 days).
 *
 * Looking never marks a mention read nor changes the bell: what needs me goes
 * away when it is done (or marked as seen on purpose).
 */
export const FIRST_LOOK_DAYS = 14;

/** The visit window in ms. */
export function visitWindowMs(): number {
  return env().FOR_ME_VISIT_MINUTES * 60_000;
}

export interface VisitView {
  /** Changes after this row are new in this visit. */
  sinceId: number;
  /** When the previous visit was (null: none; the last 14 days are shown). */
  lastVisitAt: number | null;
  /** The newest activity row of the network now. */
  latestId: number;
}

interface MarkerRow {
  activity_id: number | string;
  seen_at: number | string;
  visit_from_id: number | string | null;
  visit_from_at: number | string | null;
}

async function latestActivityId(q: Queryable, networkId: string): Promise<number> {
  const r = await q.get<{ id: number | string | null }>('SELECT MAX(id) AS id FROM activity WHERE network_id = ?', [
    networkId,
  ]);
  return Number(r?.id ?? 0);
}

/** The id before the first row of the last `FIRST_LOOK_DAYS` days (where a first visit starts). */
async function firstLookStart(q: Queryable, networkId: string, now: number): Promise<number> {
  const r = await q.get<{ id: number | string | null }>(
    'SELECT MIN(id) AS id FROM activity WHERE network_id = ? AND created_at >= ?',
    [networkId, now - FIRST_LOOK_DAYS * 86_400_000],
  );
  if (r?.id === null || r?.id === undefined) return latestActivityId(q, networkId);
  return Number(r.id) - 1;
}

/**
 * What a look at `now` shows as new, without recording it: during a visit,
 * where the visit started; after the window (or before any visit), where the
 * last one left off — exactly what the look then records as the visit's start.
 */
export async function visitView(q: Queryable, userId: string, networkId: string, now: number): Promise<VisitView> {
  const [row, latestId] = await Promise.all([
    q.get<MarkerRow>(
      'SELECT activity_id, seen_at, visit_from_id, visit_from_at FROM seen_markers WHERE user_id = ? AND network_id = ?',
      [userId, networkId],
    ),
    latestActivityId(q, networkId),
  ]);
  if (!row) return { sinceId: await firstLookStart(q, networkId, now), lastVisitAt: null, latestId };
  const inVisit = row.visit_from_id !== null && now - Number(row.seen_at) <= visitWindowMs();
  const sinceId = inVisit ? Number(row.visit_from_id) : Number(row.activity_id);
  const lastVisitAt = inVisit ? (row.visit_from_at === null ? null : Number(row.visit_from_at)) : Number(row.seen_at);
  return { sinceId, lastVisitAt, latestId: Math.max(latestId, sinceId) };
}

export const ZLook = z.object({
  /** The newest activity row the page showed. */
  upToId: z.number().int().min(0),
});

/**
 * A look: the person has "for me" or the overview on screen, showing the rows
 * up to `upToId`. Starts a visit (its "new" from where the last one left off)
 * or continues the current one, and moves "looked at" forward (never back).
 */
export async function recordLook(
  db: Db,
  actor: Actor,
  networkId: string,
  input: z.input<typeof ZLook>,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  const { upToId } = validate(ZLook, input);
  await writeMarker(db, actor.userId, networkId, upToId, now, 'look');
  return { ok: true as const };
}

/**
 * Moves the marker to `upToId` (capped at the network's newest row, never
 * back) at `now`: a look keeps or starts the visit; "mark all as seen" also
 * moves the visit's start there, so nothing shows as new until more happens.
 * One statement, so two tabs at once cannot split a visit; in an UPDATE every
 * right-hand side reads the row as it was.
 */
export async function writeMarker(
  q: Queryable,
  userId: string,
  networkId: string,
  upToId: number,
  now: number,
  how: 'look' | 'markSeen',
) {
  const upTo = Math.min(upToId, await latestActivityId(q, networkId));
  const first = how === 'look' ? await firstLookStart(q, networkId, now) : upTo;
  const moved =
    'CASE WHEN excluded.activity_id > seen_markers.activity_id THEN excluded.activity_id ELSE seen_markers.activity_id END';
  const inVisit = 'seen_markers.visit_from_id IS NOT NULL AND seen_markers.seen_at >= ?';
  await q.run(
    `INSERT INTO seen_markers (user_id, network_id, activity_id, seen_at, visit_from_id, visit_from_at)
     VALUES (?, ?, ?, ?, ?, NULL)
     ON CONFLICT (user_id, network_id) DO UPDATE SET
       visit_from_id = ${how === 'look' ? `CASE WHEN ${inVisit} THEN seen_markers.visit_from_id ELSE seen_markers.activity_id END` : moved},
       visit_from_at = CASE WHEN ${inVisit} THEN seen_markers.visit_from_at ELSE seen_markers.seen_at END,
       activity_id = ${moved},
       seen_at = excluded.seen_at`,
    [
      userId,
      networkId,
      Math.max(upTo, first),
      now,
      Math.min(first, upTo),
      ...(how === 'look' ? [now - visitWindowMs()] : []),
      now - visitWindowMs(),
    ],
  );
}
