import { commentGroup, groupOfKind, type ActivityGroup } from '../activity/groups';
import { listFeedPage, type FeedItem } from '../activity/list-feed';
import { today as todayOf, addDays } from '../core/dates';
import type { Db, Queryable } from '../db/types';
import { listMyNetworks } from '../networks';
import { loadPrefs, type Prefs } from '../notifications/prefs';
import { liveMembership, requireMember, type Actor } from '../policies';
import { loadActor } from '../policies/load-actor';
import { fromMilli } from '../ledger/units';
import { NEEDS_ME_SOURCES, type NeedsMeItem } from './sources';
import { visitView, visitWindowMs } from './visit';

export { FIRST_LOOK_DAYS } from './visit';

/**
 * "For me" in one network (docs/follow-up.md): what needs me (every source in
 * `sources/`, unless I turned its kind off), what is due (my organisation's
 * open commitments due within two weeks, and overdue), and what changed since
 * I last looked (other people's activity after my "seen" marker, grouped by
 * goal, ledger, commitments and notes, in words with links; only rows I may
 * see). "Since I last looked" is since my previous visit (lib/for-me/visit.ts);
 * before any, the last 14 days. Reading "for me" records nothing: the page
 * posts a look once it is on screen.
 */
export const DUE_SOON_DAYS = 14;
const CHANGES_READ = 300;
const PER_GROUP = 5;

export type ChangeGroup = 'goals' | 'ledger' | 'commitments' | 'notes' | 'other';
export const CHANGE_GROUPS: readonly ChangeGroup[] = ['goals', 'ledger', 'commitments', 'notes', 'other'];

export interface DueItem {
  id: string;
  goalId: string;
  goalTitle: string;
  dueOn: string;
  overdue: boolean;
  amount: number;
  unit: string;
  status: string;
  href: string;
}

export interface Changes {
  /** Show rows after this activity id: where my previous visit left off (lib/for-me/visit.ts). */
  sinceId: number;
  /** When my previous visit was (null: none; the last 14 days are shown). */
  lastVisitAt: number | null;
  /** How long a visit lasts after its last look (the page says so). */
  visitMinutes: number;
  /** The newest row id considered: a look and "mark as seen" send it back. */
  latestId: number;
  total: number;
  /** True when there were more rows than were read. */
  more: boolean;
  groups: { group: ChangeGroup; count: number; items: FeedItem[] }[];
}

export interface ForMe {
  networkId: string;
  needsMe: NeedsMeItem[];
  due: DueItem[];
  changes: Changes;
  /** The bell's count: what needs me. */
  count: number;
}

function changeGroup(item: FeedItem): ChangeGroup {
  const g: ActivityGroup =
    item.kind.startsWith('comment.') && !['comment.hidden', 'comment.restored'].includes(item.kind)
      ? commentGroup(item.data.subjectType)
      : groupOfKind(item.kind);
  return g === 'goals' || g === 'ledger' || g === 'commitments' || g === 'notes' ? g : 'other';
}

export async function needsMe(q: Queryable, actor: Actor, networkId: string, now: number, prefs: Prefs) {
  const ctx = { q, actor, networkId, now, today: todayOf(now) };
  const lists = await Promise.all(NEEDS_ME_SOURCES.filter((s) => prefs[s.kind] !== 'off').map((s) => s.list(ctx)));
  return lists.flat();
}

export async function dueForMe(q: Queryable, actor: Actor, networkId: string, now: number): Promise<DueItem[]> {
  const m = liveMembership(actor, networkId);
  if (!m?.organisationId) return [];
  const day = todayOf(now);
  const rows = await q.all<{
    id: string;
    goal_id: string;
    title: string;
    due_on: string;
    amount_milli: number | string;
    unit: string;
    status: string;
  }>(
    `SELECT c.id, c.goal_id, g.title, c.due_on, c.amount_milli, c.unit, c.status
       FROM commitments c JOIN goals g ON g.id = c.goal_id
      WHERE c.organisation_id = ? AND c.network_id = ? AND c.status IN ('proposed', 'awaiting_home_approval', 'committed')
        AND c.due_on <= ?
      ORDER BY c.due_on LIMIT 100`,
    [m.organisationId, networkId, addDays(day, DUE_SOON_DAYS)],
  );
  return rows.map((r) => ({
    id: r.id,
    goalId: r.goal_id,
    goalTitle: r.title,
    dueOn: r.due_on,
    overdue: r.due_on < day,
    amount: fromMilli(r.amount_milli),
    unit: r.unit,
    status: r.status,
    href: `/networks/${networkId}/commitments/${r.id}`,
  }));
}

/** The marker: the last activity row the person has seen in the network (0 and null when never). */
export async function seenMarker(q: Queryable, userId: string, networkId: string) {
  const r = await q.get<{ activity_id: number | string; seen_at: number | string }>(
    'SELECT activity_id, seen_at FROM seen_markers WHERE user_id = ? AND network_id = ?',
    [userId, networkId],
  );
  return r ? { activityId: Number(r.activity_id), seenAt: Number(r.seen_at) } : null;
}

export async function changesFor(
  db: Db,
  actor: Actor,
  networkId: string,
  now: number,
  opts: { read?: number } = {},
): Promise<Changes> {
  const visit = await visitView(db, actor.userId, networkId, now);
  const read = opts.read ?? CHANGES_READ;
  // Up to the newest row read now, so that a look sends back exactly what the page showed.
  const page = await listFeedPage(db, actor, networkId, {
    afterId: visit.sinceId,
    beforeId: visit.latestId + 1,
    notActorId: actor.userId,
    limit: read,
  });
  const groups = new Map<ChangeGroup, FeedItem[]>();
  for (const item of page.items) {
    const g = changeGroup(item);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(item);
  }
  return {
    sinceId: visit.sinceId,
    lastVisitAt: visit.lastVisitAt,
    visitMinutes: visitWindowMs() / 60_000,
    latestId: visit.latestId,
    total: page.items.length,
    more: page.full,
    groups: CHANGE_GROUPS.filter((g) => groups.has(g)).map((g) => ({
      group: g,
      count: groups.get(g)!.length,
      items: groups.get(g)!.slice(0, PER_GROUP),
    })),
  };
}

export async function getForMe(db: Db, actor: Actor, networkId: string, now = Date.now()): Promise<ForMe> {
  requireMember(actor, networkId);
  const prefs = await loadPrefs(db, actor.userId);
  const [items, due, changes] = await Promise.all([
    needsMe(db, actor, networkId, now, prefs),
    dueForMe(db, actor, networkId, now),
    prefs.changes === 'off'
      ? Promise.resolve<Changes>({
          sinceId: 0,
          lastVisitAt: null,
          visitMinutes: visitWindowMs() / 60_000,
          latestId: 0,
          total: 0,
          more: false,
          groups: [],
        })
      : changesFor(db, actor, networkId, now),
  ]);
  return { networkId, needsMe: items, due, changes, count: items.length };
}

/** The bell: how many things need me in this network. */
export async function forMeCount(db: Db, actor: Actor, networkId: string, now = Date.now()): Promise<number> {
  requireMember(actor, networkId);
  return (await needsMe(db, actor, networkId, now, await loadPrefs(db, actor.userId))).length;
}

/** "For me" across every network I am a member of (the start page after sign-in). */
export async function getForMeAcross(db: Db, userId: string, now = Date.now()) {
  const networks = await listMyNetworks(db, userId);
  const prefs = await loadPrefs(db, userId);
  return Promise.all(
    networks.map(async (n) => {
      const actor = await loadActor(db, userId, n.id);
      if (!liveMembership(actor, n.id)) return null;
      const [items, due, changes] = await Promise.all([
        needsMe(db, actor, n.id, now, prefs),
        dueForMe(db, actor, n.id, now),
        prefs.changes === 'off' ? Promise.resolve(null) : changesFor(db, actor, n.id, now, { read: 100 }),
      ]);
      return {
        networkId: n.id,
        networkName: n.name,
        needsMe: items.slice(0, 5),
        needsMeCount: items.length,
        dueCount: due.length,
        overdueCount: due.filter((d) => d.overdue).length,
        changesCount: changes?.total ?? 0,
        changesMore: changes?.more ?? false,
      };
    }),
  ).then((rows) => rows.filter((r) => r !== null));
}
