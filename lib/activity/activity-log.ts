import { z } from 'zod';
import type { Db } from '../db/types';
import { env } from '../env';
import { csvCell } from '../core/csv';
import type { Format } from '../i18n';
import { requireMember, type Actor } from '../policies';
import { ACTIVITY_GROUPS, groupOfKind, kindsOfGroup, type ActivityGroup } from './groups';
import { listFeedPage, type FeedFilter, type FeedItem } from './list-feed';
import { activityText } from './words';

/**
 * The network's activity feed as a page, which is also the audit log (issue 12
 * section 6): filters by organisation, kind group, person and period, newest
 * first, paged by id; only rows the viewer may see (the catalog's visibility
 * rule, `lib/policies/activity.ts`), and the CSV export with the same filters
 * and the same rule.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const ZActivityFilter = z.object({
  organisationId: z.uuid().optional(),
  group: z.enum(ACTIVITY_GROUPS).optional(),
  personId: z.uuid().optional(),
  /** From this calendar day (UTC midnight) … */
  from: day.optional(),
  /** … up to and including this one. */
  to: day.optional(),
  /** Older than this id (the next page). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActivityFilter = z.output<typeof ZActivityFilter>;

function feedFilter(f: Partial<ActivityFilter>): FeedFilter {
  return {
    organisationId: f.organisationId,
    kinds: f.group ? kindsOfGroup(f.group as ActivityGroup) : undefined,
    actorId: f.personId,
    from: f.from ? Date.parse(`${f.from}T00:00:00Z`) : undefined,
    to: f.to ? Date.parse(`${f.to}T00:00:00Z`) + 86_400_000 : undefined,
  };
}

/** Reads pages until `limit` visible rows are found (or the log ends, or 20 pages were read). */
async function collect(db: Db, actor: Actor, networkId: string, f: Partial<ActivityFilter>, limit: number) {
  const items: FeedItem[] = [];
  let before = f.before ?? Number.MAX_SAFE_INTEGER;
  let more = true;
  for (let pages = 0; pages < 20 && items.length < limit && more; pages++) {
    const page = await listFeedPage(db, actor, networkId, { ...feedFilter(f), beforeId: before, limit: 500 });
    items.push(...page.items);
    more = page.full;
    if (page.lastId !== null) before = page.lastId;
  }
  const shown = items.slice(0, limit);
  const next = shown.length === limit && (more || items.length > limit) ? shown[shown.length - 1].id : null;
  return { items: shown, nextBefore: next };
}

export async function listActivityLog(db: Db, actor: Actor, networkId: string, filter: Partial<ActivityFilter>) {
  requireMember(actor, networkId);
  const f = ZActivityFilter.parse(filter);
  const { items, nextBefore } = await collect(db, actor, networkId, f, f.limit);
  return { items: items.map((i) => ({ ...i, group: groupOfKind(i.kind) })), nextBefore };
}

export const ACTIVITY_CSV_MAX = 50_000;

/** The filtered activity as CSV: when (ISO, UTC), who, kind group, what (in the reader's words), link. */
export async function exportActivityCsv(
  db: Db,
  actor: Actor,
  networkId: string,
  filter: Partial<ActivityFilter>,
  t: (key: string, values?: Record<string, string | number>) => string,
  _f?: Format,
): Promise<string> {
  requireMember(actor, networkId);
  const f = ZActivityFilter.parse({ ...filter, limit: 200 });
  const lines = [
    [
      'followUp.activity.when',
      'followUp.activity.who',
      'followUp.activity.kind',
      'followUp.activity.what',
      'followUp.activity.link',
    ]
      .map((k) => csvCell(t(k)))
      .join(','),
  ];
  let before: number | undefined = f.before;
  let count = 0;
  for (;;) {
    const page = await listFeedPage(db, actor, networkId, {
      ...feedFilter(f),
      beforeId: before ?? Number.MAX_SAFE_INTEGER,
      limit: 500,
    });
    for (const item of page.items) {
      if (count >= ACTIVITY_CSV_MAX) break;
      lines.push(
        [
          new Date(item.createdAt).toISOString(),
          item.actorName ?? '',
          t(`followUp.group.${groupOfKind(item.kind)}`),
          activityText(t, item),
          item.words.href ? `${env().appUrl}${item.words.href}` : '',
        ]
          .map(csvCell)
          .join(','),
      );
      count++;
    }
    if (!page.full || page.lastId === null || count >= ACTIVITY_CSV_MAX) break;
    before = page.lastId;
  }
  return `${lines.join('\r\n')}\r\n`;
}
