import { activityText } from '../activity/words';
import { listFeedPage, type FeedItem } from '../activity/list-feed';
import { addDays, today as todayOf } from '../core/dates';
import type { Db, Queryable } from '../db/types';
import { env } from '../env';
import { isLocale, translator, type Locale } from '../i18n';
import { DEFAULT_TIME_ZONE, isTimeZone, localDateTime } from '../jobs/schedule';
import { enqueue } from '../jobs/outbox';
import { escapeHtml } from '../mail';
import { enqueueMail } from '../mail/queue';
import { liveMembership } from '../policies';
import { loadActor } from '../policies/load-actor';
import { dueForMe, needsMe, seenMarker, CHANGE_GROUPS, type ChangeGroup } from '../for-me/get-for-me';
import { commentGroup, groupOfKind } from '../activity/groups';
import { loadDigestSettings, loadPrefs, type DigestSettings } from './prefs';
import { unsubscribeLink } from './unsubscribe';

/**
 * Email digests (docs/follow-up.md). Every few minutes `digest.due` (the
 * schedule, lib/jobs/schedule.ts) finds the people whose chosen local time has
 * come today (daily) or on their weekday (weekly) and enqueues one
 * `digest.person` job each under the key `digest:<user>:<period>`: however
 * often it runs, a period gets one job. That job gathers, per network the
 * person is still a member of, what is new since their last digest and not
 * seen in the app (their "seen" marker, mentions read), only rows they may see,
 * and — in one transaction with the job's end — enqueues the mail (its own job,
 * sent once, lib/mail/deliver.ts) and moves the digest marks forward. A crash
 * before that commit leaves nothing; after it, the mail goes once. Nothing new:
 * no mail.
 */

const DAY = 86_400_000;
const READ = 200;
const PER_GROUP = 8;

/** ISO weekday (1 Monday … 7 Sunday) of a calendar date. */
function weekdayOf(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The digest period a person is due for at `now`, or null. */
export function duePeriod(s: DigestSettings, now: number): string | null {
  if (s.frequency === 'off') return null;
  const local = localDateTime(now, isTimeZone(s.timeZone) ? s.timeZone : DEFAULT_TIME_ZONE);
  if (local.time < s.sendAt) return null;
  if (s.frequency === 'weekly') return weekdayOf(local.date) === s.weekday ? `weekly:${local.date}` : null;
  return `daily:${local.date}`;
}

/** `digest.due`: enqueues the digests due at `now` (one job per person and period). Returns how many are new. */
export async function enqueueDueDigests(db: Db, now: number): Promise<number> {
  const people = await db.all<{ user_id: string }>(
    `SELECT DISTINCT m.user_id FROM memberships m
       LEFT JOIN organisations o ON o.id = m.organisation_id
      WHERE m.removed_at IS NULL AND (o.status IS NULL OR o.status <> 'left')`,
  );
  let added = 0;
  for (const p of people) {
    const period = duePeriod(await loadDigestSettings(db, p.user_id), now);
    if (!period) continue;
    // `now` is the digest's moment (a test clock may set it); the job itself is due at once.
    const fresh = await enqueue(
      db,
      'digest.person',
      { userId: p.user_id, period, now },
      {
        key: `digest:${p.user_id}:${period}`,
      },
    );
    if (fresh) added++;
  }
  return added;
}

interface DigestLine {
  text: string;
  href: string;
}

interface NetworkDigest {
  networkId: string;
  name: string;
  needs: DigestLine[];
  due: DigestLine[];
  changes: { group: ChangeGroup; total: number; lines: DigestLine[] }[];
  mentionIds: string[];
  latestId: number;
}

function changeGroupOf(item: FeedItem): ChangeGroup {
  const g =
    item.kind.startsWith('comment.') && !['comment.hidden', 'comment.restored'].includes(item.kind)
      ? commentGroup(item.data.subjectType)
      : groupOfKind(item.kind);
  return g === 'goals' || g === 'ledger' || g === 'commitments' || g === 'notes' ? g : 'other';
}

/** What one person's digest holds at `now` (empty networks left out). */
export async function buildDigest(db: Db, userId: string, locale: Locale, now: number, frequency: 'daily' | 'weekly') {
  const t = translator(locale);
  const prefs = await loadPrefs(db, userId);
  // A first digest (no marks yet) looks back a week (weekly: two); after that, each starts where the last ended.
  const window = frequency === 'weekly' ? 14 * DAY : 7 * DAY;
  const networks = await db.all<{ id: string; name: string }>(
    `SELECT n.id, n.name FROM memberships m JOIN networks n ON n.id = m.network_id
       LEFT JOIN organisations o ON o.id = m.organisation_id
      WHERE m.user_id = ? AND m.removed_at IS NULL AND (o.status IS NULL OR o.status <> 'left') ORDER BY n.name`,
    [userId],
  );
  const out: NetworkDigest[] = [];
  for (const n of networks) {
    const actor = await loadActor(db, userId, n.id);
    if (!liveMembership(actor, n.id)) continue; // left: nothing of it
    const mark = await db.get<{ activity_id: number | string; sent_at: number | string }>(
      'SELECT activity_id, sent_at FROM digest_marks WHERE user_id = ? AND network_id = ?',
      [userId, n.id],
    );
    const seen = await seenMarker(db, userId, n.id);
    const lastSent = mark ? Number(mark.sent_at) : now - window;
    const latest = await db.get<{ id: number | string | null }>(
      'SELECT MAX(id) AS id FROM activity WHERE network_id = ?',
      [n.id],
    );
    const latestId = Number(latest?.id ?? 0);
    let sinceId = Math.max(mark ? Number(mark.activity_id) : 0, seen?.activityId ?? 0);
    if (!mark && !seen) {
      const start = await db.get<{ id: number | string | null }>(
        'SELECT MIN(id) AS id FROM activity WHERE network_id = ? AND created_at >= ?',
        [n.id, now - window],
      );
      sinceId = start?.id === null || start?.id === undefined ? latestId : Number(start.id) - 1;
    }
    const abs = (href: string) => `${env().appUrl}${href}`;

    // What needs me: mentions not read and not mailed yet; other sources' items that arose since the last digest.
    const items = await needsMe(db, actor, n.id, now, prefs);
    const mentionRows =
      prefs.mention === 'digest'
        ? await db.all<{ id: string }>(
            "SELECT id FROM notifications WHERE user_id = ? AND network_id = ? AND kind = 'mention' AND read_at IS NULL AND emailed_at IS NULL",
            [userId, n.id],
          )
        : [];
    const mentionIds = new Set(mentionRows.map((r) => r.id));
    const needs = items
      .filter((i) =>
        i.source === 'mention'
          ? mentionIds.has(i.id)
          : prefs[kindOf(i.source)] === 'digest' && i.at > lastSent && i.at <= now,
      )
      .map((i) => ({ text: t(i.key, i.values), href: abs(i.href) }));

    // What is due: my organisation's commitments that came within two days (or overdue) since the last digest.
    const lastDay = todayOf(lastSent);
    const due =
      prefs.due === 'digest'
        ? (await dueForMe(db, actor, n.id, now))
            .filter((d) => d.dueOn > addDays(lastDay, 2) && d.dueOn <= addDays(todayOf(now), 2))
            .map((d) => ({
              text: t(d.overdue ? 'followUp.due.overdue' : 'followUp.due.soon', { title: d.goalTitle, date: d.dueOn }),
              href: abs(d.href),
            }))
        : [];

    // What changed, since the later of my last digest and my "seen" marker, without my own doings and without
    // comments whose mention of me I have already seen or been sent.
    const changes: NetworkDigest['changes'] = [];
    if (prefs.changes === 'digest' && latestId > sinceId) {
      const page = await listFeedPage(db, actor, n.id, {
        afterId: sinceId,
        beforeId: Number.MAX_SAFE_INTEGER,
        notActorId: userId,
        limit: READ,
      });
      const known = new Set(
        (
          await db.all<{ comment_id: string }>(
            "SELECT comment_id FROM notifications WHERE user_id = ? AND network_id = ? AND kind = 'mention' AND (read_at IS NOT NULL OR emailed_at IS NOT NULL)",
            [userId, n.id],
          )
        ).map((r) => r.comment_id),
      );
      const byGroup = new Map<ChangeGroup, FeedItem[]>();
      for (const item of page.items) {
        if (item.kind.startsWith('comment.') && known.has(String(item.data.commentId))) continue;
        const g = changeGroupOf(item);
        if (!byGroup.has(g)) byGroup.set(g, []);
        byGroup.get(g)!.push(item);
      }
      for (const g of CHANGE_GROUPS) {
        const list = byGroup.get(g);
        if (!list) continue;
        changes.push({
          group: g,
          total: list.length,
          lines: list.slice(0, PER_GROUP).map((item) => ({
            text: activityText(t, item),
            href: abs(item.words.href ?? `/networks/${n.id}`),
          })),
        });
      }
    }
    if (needs.length || due.length || changes.length)
      out.push({ networkId: n.id, name: n.name, needs, due, changes, mentionIds: [...mentionIds], latestId });
    else out.push({ networkId: n.id, name: n.name, needs: [], due: [], changes: [], mentionIds: [], latestId });
  }
  return out;
}

function kindOf(source: string): 'mention' | 'confirmation' | 'pilotReview' | 'due' | 'changes' {
  return source === 'mention' || source === 'confirmation' || source === 'pilotReview' ? source : 'changes';
}

const isEmpty = (d: NetworkDigest) => !d.needs.length && !d.due.length && !d.changes.length;

/** Renders the digest mail (plain text and HTML) in the person's language. */
export function renderDigest(
  locale: Locale,
  name: string,
  digests: NetworkDigest[],
  links: { settings: string; unsubscribe: string },
  frequency: 'daily' | 'weekly',
) {
  const t = translator(locale);
  const count = digests.reduce(
    (s, d) => s + d.needs.length + d.due.length + d.changes.reduce((a, c) => a + c.total, 0),
    0,
  );
  const subject = t('followUp.digest.subject', { frequency, count });
  const text: string[] = [t('followUp.digest.greeting', { name }), '', t('followUp.digest.lead', { frequency }), ''];
  const html: string[] = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;color:#1c1917;max-width:40rem">',
    `<p>${escapeHtml(t('followUp.digest.greeting', { name }))}</p>`,
    `<p>${escapeHtml(t('followUp.digest.lead', { frequency }))}</p>`,
  ];
  const section = (title: string, lines: DigestLine[], more = 0) => {
    text.push(title);
    for (const l of lines) text.push(`- ${l.text}`, `  ${l.href}`);
    if (more > 0) text.push(`  ${t('followUp.digest.more', { count: more })}`);
    text.push('');
    html.push(`<h3 style="font-size:15px;margin:16px 0 4px">${escapeHtml(title)}</h3><ul>`);
    for (const l of lines) html.push(`<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></li>`);
    html.push('</ul>');
    if (more > 0) html.push(`<p style="color:#57534e">${escapeHtml(t('followUp.digest.more', { count: more }))}</p>`);
  };
  for (const d of digests.filter((x) => !isEmpty(x))) {
    const forMe = `${env().appUrl}/networks/${d.networkId}/for-me`;
    text.push(`== ${d.name} ==`, '');
    html.push(`<h2 style="font-size:18px;margin-top:24px">${escapeHtml(d.name)}</h2>`);
    if (d.needs.length) section(t('followUp.needsMe.title'), d.needs);
    if (d.due.length) section(t('followUp.due.title'), d.due);
    for (const c of d.changes) section(t(`followUp.group.${c.group}`), c.lines, c.total - c.lines.length);
    text.push(`${t('followUp.digest.open')}: ${forMe}`, '');
    html.push(`<p><a href="${escapeHtml(forMe)}">${escapeHtml(t('followUp.digest.open'))}</a></p>`);
  }
  text.push(
    '--',
    `${t('followUp.mail.settings')}: ${links.settings}`,
    `${t('followUp.digest.unsubscribe')}: ${links.unsubscribe}`,
  );
  html.push(
    '<hr><p style="color:#57534e;font-size:13px">',
    `<a href="${escapeHtml(links.settings)}">${escapeHtml(t('followUp.mail.settings'))}</a> · `,
    `<a href="${escapeHtml(links.unsubscribe)}">${escapeHtml(t('followUp.digest.unsubscribe'))}</a></p></body></html>`,
  );
  return { subject, text: text.join('\n'), html: html.join('\n') };
}

/**
 * `digest.person`: gathers and, if anything is new, enqueues one person's
 * digest; the mail, the marks and the job's end commit together (`finish`).
 */
export async function runPersonDigest(
  db: Db,
  input: { userId: string; period: string; now: number },
  finish: (fn: (q: Queryable) => Promise<void>) => Promise<void>,
): Promise<'sent' | 'empty' | 'off'> {
  const user = await db.get<{ email: string; name: string; locale: string }>(
    'SELECT email, name, locale FROM users WHERE id = ?',
    [input.userId],
  );
  const settings = await loadDigestSettings(db, input.userId);
  if (!user || settings.frequency === 'off') {
    await finish(async () => undefined);
    return 'off';
  }
  const locale: Locale = isLocale(user.locale) ? user.locale : 'en';
  const digests = await buildDigest(db, input.userId, locale, input.now, settings.frequency);
  const filled = digests.filter((d) => !isEmpty(d));
  const links = {
    settings: `${env().appUrl}/account#notifications`,
    unsubscribe: unsubscribeLink(input.userId, 'digest', input.now),
  };
  await finish(async (q) => {
    if (filled.length) {
      const mail = renderDigest(locale, user.name, filled, links, settings.frequency === 'weekly' ? 'weekly' : 'daily');
      await enqueueMail(
        q,
        {
          to: user.email,
          ...mail,
          headers: {
            'List-Unsubscribe': `<${links.unsubscribe}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        },
        { key: `digest:${input.userId}:${input.period}` },
      );
      for (const d of filled)
        for (const id of d.mentionIds)
          await q.run('UPDATE notifications SET emailed_at = ? WHERE id = ? AND emailed_at IS NULL', [input.now, id]);
    }
    for (const d of digests) {
      await q.run(
        `INSERT INTO digest_marks (user_id, network_id, activity_id, sent_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, network_id) DO UPDATE SET activity_id = excluded.activity_id, sent_at = excluded.sent_at`,
        [input.userId, d.networkId, d.latestId, input.now],
      );
    }
  });
  return filled.length ? 'sent' : 'empty';
}
