import type { Db, Param } from '../db/types';
import { requireMember, type Actor } from '../policies';
import { maySeeActivity } from '../policies/activity';
import { activityWords, type ActivityWords } from './words';

/**
 * The network's change feed: activity rows a viewer may see, in id order.
 * Used by the live endpoint (SSE, polled by id, so it works across any number
 * of web instances sharing the database) and by "recent activity" lists.
 * Each row passes the one visibility rule (`lib/policies/activity.ts`) before
 * it leaves, and carries the catalog's words and link (`words.ts`): people
 * are shown those, never the raw kind.
 */
export interface FeedItem {
  id: number;
  kind: string;
  actorId: string | null;
  actorName: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  createdAt: number;
  /** The catalog's words for the row (message key and values) and the page it links to. */
  words: ActivityWords;
}

interface ActivityRow {
  id: number | string;
  kind: string;
  actor_id: string | null;
  actor_name: string | null;
  subject_id: string | null;
  data: string;
  created_at: number | string;
}

function present(r: ActivityRow, networkId: string): FeedItem {
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(r.data) as Record<string, unknown>;
  } catch {
    // A malformed row shows without details rather than stopping the feed.
  }
  return {
    id: Number(r.id),
    kind: r.kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    subjectId: r.subject_id,
    data,
    createdAt: Number(r.created_at),
    words: activityWords({ kind: r.kind, networkId, subjectId: r.subject_id, data }),
  };
}

/**
 * Activity rows after `afterId` (oldest first, for streaming), or the latest
 * `limit` rows (newest first) when `afterId` is absent. `organisationId`
 * narrows to rows that name the organisation.
 */
export async function listFeed(
  db: Db,
  actor: Actor,
  networkId: string,
  opts: { afterId?: number; limit?: number; organisationId?: string } = {},
): Promise<FeedItem[]> {
  requireMember(actor, networkId);
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
  const where = ['a.network_id = ?'];
  const params: Param[] = [networkId];
  if (opts.afterId !== undefined) {
    where.push('a.id > ?');
    params.push(opts.afterId);
  }
  if (opts.organisationId) {
    where.push('(a.subject_id = ? OR a.data LIKE ?)');
    params.push(opts.organisationId, `%${opts.organisationId}%`);
  }
  const rows = await db.all<ActivityRow>(
    `SELECT a.id, a.kind, a.actor_id, u.name AS actor_name, a.subject_id, a.data, a.created_at
       FROM activity a LEFT JOIN users u ON u.id = a.actor_id
      WHERE ${where.join(' AND ')} ORDER BY a.id ${opts.afterId !== undefined ? 'ASC' : 'DESC'} LIMIT ?`,
    [...params, limit],
  );
  return rows.map((r) => present(r, networkId)).filter((r) => maySeeActivity(actor, networkId, r));
}

/** The id of the newest activity row of the network (where a fresh live stream starts). */
export async function latestActivityId(db: Db, networkId: string): Promise<number> {
  const row = await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM activity WHERE network_id = ?', [
    networkId,
  ]);
  return Number(row?.id ?? 0);
}
