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

/** Filters of the activity feed (the audit log): all optional, combined with AND. */
export interface FeedFilter {
  afterId?: number;
  /** Rows older than this id (paging backwards, newest first). */
  beforeId?: number;
  limit?: number;
  /** Rows that name the organisation (as subject or in their data). */
  organisationId?: string;
  /** Only these kinds. */
  kinds?: readonly string[];
  /** Only rows by this person. */
  actorId?: string;
  /** Leave out rows by this person (what others did). */
  notActorId?: string;
  /** Created at or after / before (ms). */
  from?: number;
  to?: number;
}

/**
 * Activity rows after `afterId` (oldest first, for streaming), or the latest
 * `limit` rows (newest first) when `afterId` is absent. `organisationId`
 * narrows to rows that name the organisation; the other filters narrow by
 * kind, person and period. Only rows the viewer may see are returned, so a
 * page may hold fewer than `limit`; `scanned` (with `listFeedPage`) says how
 * far the read went.
 */
export async function listFeed(db: Db, actor: Actor, networkId: string, opts: FeedFilter = {}): Promise<FeedItem[]> {
  return (await listFeedPage(db, actor, networkId, opts)).items;
}

export async function listFeedPage(
  db: Db,
  actor: Actor,
  networkId: string,
  opts: FeedFilter = {},
): Promise<{ items: FeedItem[]; lastId: number | null; full: boolean }> {
  requireMember(actor, networkId);
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
  const where = ['a.network_id = ?'];
  const params: Param[] = [networkId];
  if (opts.afterId !== undefined) {
    where.push('a.id > ?');
    params.push(opts.afterId);
  }
  if (opts.beforeId !== undefined) {
    where.push('a.id < ?');
    params.push(opts.beforeId);
  }
  if (opts.organisationId) {
    where.push('(a.subject_id = ? OR a.data LIKE ?)');
    params.push(opts.organisationId, `%${opts.organisationId}%`);
  }
  if (opts.kinds) {
    if (opts.kinds.length === 0) return { items: [], lastId: null, full: false };
    where.push(`a.kind IN (${opts.kinds.map(() => '?').join(', ')})`);
    params.push(...opts.kinds);
  }
  if (opts.actorId) {
    where.push('a.actor_id = ?');
    params.push(opts.actorId);
  }
  if (opts.notActorId) {
    where.push('(a.actor_id IS NULL OR a.actor_id <> ?)');
    params.push(opts.notActorId);
  }
  if (opts.from !== undefined) {
    where.push('a.created_at >= ?');
    params.push(opts.from);
  }
  if (opts.to !== undefined) {
    where.push('a.created_at < ?');
    params.push(opts.to);
  }
  const rows = await db.all<ActivityRow>(
    `SELECT a.id, a.kind, a.actor_id, u.name AS actor_name, a.subject_id, a.data, a.created_at
       FROM activity a LEFT JOIN users u ON u.id = a.actor_id
      WHERE ${where.join(' AND ')} ORDER BY a.id ${opts.afterId !== undefined && opts.beforeId === undefined ? 'ASC' : 'DESC'} LIMIT ?`,
    [...params, limit],
  );
  return {
    items: rows.map((r) => present(r, networkId)).filter((r) => maySeeActivity(actor, networkId, r)),
    lastId: rows.length ? Number(rows[rows.length - 1].id) : null,
    full: rows.length === limit,
  };
}

/** The id of the newest activity row of the network (where a fresh live stream starts). */
export async function latestActivityId(db: Db, networkId: string): Promise<number> {
  const row = await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM activity WHERE network_id = ?', [
    networkId,
  ]);
  return Number(row?.id ?? 0);
}
