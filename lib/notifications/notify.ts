import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/types';
import { env } from '../env';
import { isLocale, translator } from '../i18n';
import { enqueueMail } from '../mail/queue';
import { escapeHtml } from '../mail';
import { liveMembership, type Actor } from '../policies';
import { loadActor } from '../policies/load-actor';
import { commentSubject, type CommentSubjectInfo } from '../comments/subjects';
import { toHtml, toPlainText } from '../comments/markdown';
import { loadPrefs } from './prefs';
import { unsubscribeLink } from './unsubscribe';
// Registers the `agenda_item` comment subject (the meetings area owns it).
import '../meetings/agenda-comments';

export interface MentionInput {
  networkId: string;
  actor: Actor;
  commentId: string;
  subjectType: string;
  subjectId: string;
  subject: CommentSubjectInfo;
  userIds: string[];
  body: string;
  now: number;
}

/**
 * Notifies the people a comment mentions, inside the comment's transaction:
 * only live members of the network who may see the subject, never the author,
 * each once per comment (an edit notifies only the newly mentioned). By the
 * person's choice for mentions: a notification in the app ("for me", the
 * bell), plus a mail at once (enqueued here, sent once by the job runner) or a
 * line in their next digest; "off" records nothing. Returns who was notified.
 */
export async function notifyMentions(q: Queryable, m: MentionInput): Promise<string[]> {
  const notified: string[] = [];
  const type = commentSubject(m.subjectType);
  for (const userId of m.userIds.slice(0, 50)) {
    if (userId === m.actor.userId) continue;
    const them = await loadActor(q, userId, m.networkId);
    if (!liveMembership(them, m.networkId) || !type?.maySee(them, m.subject)) continue;
    const added = await q.run(
      'INSERT INTO comment_mentions (comment_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
      [m.commentId, userId],
    );
    if (added.changes === 0) continue;
    notified.push(userId);
    const channel = (await loadPrefs(q, userId)).mention;
    if (channel === 'off') continue;
    const href = `/networks/${m.networkId}${m.subject.path}#comment-${m.commentId}`;
    await q.run(
      `INSERT INTO notifications (id, user_id, network_id, kind, actor_id, subject_type, subject_id, comment_id, href, created_at, emailed_at)
       VALUES (?, ?, ?, 'mention', ?, ?, ?, ?, ?, ?, ?)`,
      [
        randomUUID(),
        userId,
        m.networkId,
        m.actor.userId,
        m.subjectType,
        m.subjectId,
        m.commentId,
        href,
        m.now,
        channel === 'email' ? m.now : null,
      ],
    );
    if (channel === 'email') await mailMention(q, m, userId, href);
  }
  return notified;
}

async function mailMention(q: Queryable, m: MentionInput, userId: string, href: string) {
  const who = await q.get<{ email: string; locale: string; name: string }>(
    'SELECT email, locale, name FROM users WHERE id = ?',
    [userId],
  );
  const author = await q.get<{ name: string }>('SELECT name FROM users WHERE id = ?', [m.actor.userId]);
  const net = await q.get<{ name: string }>('SELECT name FROM networks WHERE id = ?', [m.networkId]);
  if (!who) return;
  const locale = isLocale(who.locale) ? who.locale : 'en';
  const t = translator(locale);
  const app = env().appUrl;
  const values = {
    actor: author?.name ?? t('activity.someone'),
    network: net?.name ?? '',
    subjectType: m.subjectType,
    title: m.subject.title,
  };
  const settings = `${app}/account#notifications`;
  const text = [
    t('followUp.mail.mention.lead', values),
    '',
    toPlainText(m.body),
    '',
    `${t('followUp.mail.open')}: ${app}${href}`,
    '',
    `${t('followUp.mail.settings')}: ${settings}`,
  ].join('\n');
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(t('followUp.mail.mention.lead', values))}</p>
<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px">${toHtml(m.body)}</blockquote>
<p><a href="${escapeHtml(app + href)}">${escapeHtml(t('followUp.mail.open'))}</a></p>
<p style="color:#555;font-size:13px"><a href="${escapeHtml(settings)}">${escapeHtml(t('followUp.mail.settings'))}</a></p>
</body></html>`;
  const unsubscribe = unsubscribeLink(userId, 'mention');
  await enqueueMail(
    q,
    {
      to: who.email,
      subject: t('followUp.mail.mention.subject', values),
      text,
      html,
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    },
    { key: `mention:${m.commentId}:${userId}`, networkId: m.networkId, now: m.now },
  );
}
