import { record } from '../activity/record';
import { hashToken, newToken } from '../core/tokens';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { t, type Locale } from '../i18n';
import { requireMember, type Actor } from '../policies';
import { meetingPolicy } from '../policies/meeting';
import { calendar, type IcsDayEvent, type IcsTimedEvent } from './ics';
import { loadMeeting, meetingRecord, type MeetingRow } from './records';

/**
 * Calendars: each meeting as an .ics download, and a person's own iCal feed
 * (the meetings of every network they belong to, their organisation's open
 * commitments on their due dates, the pilot reviews it takes part in) behind
 * a secret address. Only the address's sha256 is kept; renewing it revokes
 * the old one, which then answers 410 with words saying so.
 */

const UID_HOST = 'netzwerkraum';

function meetingEvent(r: MeetingRow, timeZone: string, appUrl: string, locale: Locale): IcsTimedEvent {
  const url = `${appUrl}/networks/${r.network_id}/meetings/${r.id}`;
  const description = [
    r.online_url ? `${t(locale, 'meetings.ics.online')}: ${r.online_url}` : '',
    `${t(locale, 'meetings.ics.agenda')}: ${url}`,
    r.status === 'cancelled' && r.cancel_reason ? `${t(locale, 'meetings.ics.cancelled')}: ${r.cancel_reason}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    uid: `meeting-${r.id}@${UID_HOST}`,
    sequence: Number(r.sequence),
    start: Number(r.starts_at),
    end: Number(r.ends_at),
    timeZone,
    summary: r.title,
    description,
    location: r.place || r.online_url,
    url,
    status: r.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    updated: Number(r.updated_at),
  };
}

/** One meeting as an .ics file (every member may download it). */
export async function meetingIcs(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  appUrl: string,
  locale: Locale,
) {
  requireMember(actor, networkId);
  const m = await loadMeeting(db, networkId, meetingId);
  meetingPolicy.authorize(actor, 'read', meetingRecord(m));
  return {
    filename: `meeting-${m.row.starts_at ? new Date(Number(m.row.starts_at)).toISOString().slice(0, 10) : ''}.ics`,
    body: calendar({ name: m.row.title, timed: [meetingEvent(m.row, m.timeZone, appUrl, locale)] }),
  };
}

/** Whether the person has a live feed address (its secret is shown only when made). */
export async function feedStatus(db: Db, userId: string) {
  const row = await db.get<{ created_at: number | string }>(
    'SELECT created_at FROM calendar_feeds WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC',
    [userId],
  );
  return { active: !!row, createdAt: row ? Number(row.created_at) : null };
}

/** Makes a new secret feed address; the old one stops working at once. Returns the secret once. */
export async function renewFeed(db: Db, userId: string, now = Date.now()) {
  const { token, hash } = newToken();
  await db.tx(async (q) => {
    await q.run('UPDATE calendar_feeds SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [now, userId]);
    await q.run('INSERT INTO calendar_feeds (token_hash, user_id, created_at) VALUES (?, ?, ?)', [hash, userId, now]);
    await record(q, {
      networkId: null,
      actorId: userId,
      kind: 'calendar.feed_renewed',
      subjectId: userId,
      data: {},
      at: now,
    });
  });
  return { token, createdAt: now };
}

/** Revokes the person's feed address (no new one). */
export async function revokeFeed(db: Db, userId: string, now = Date.now()) {
  await db.tx(async (q) => {
    const r = await q.run('UPDATE calendar_feeds SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [
      now,
      userId,
    ]);
    if (r.changes)
      await record(q, {
        networkId: null,
        actorId: userId,
        kind: 'calendar.feed_revoked',
        subjectId: userId,
        data: {},
        at: now,
      });
  });
  return { active: false };
}

/**
 * The feed behind a secret: 404 for an unknown secret, 410 for a revoked one
 * (in the owner's language), else the calendar in the owner's language.
 */
export async function readFeed(db: Db, token: string, appUrl: string, now = Date.now()) {
  const row =
    token.length >= 20 && token.length <= 100
      ? await db.get<{ user_id: string; revoked_at: number | string | null; locale: Locale; name: string }>(
          `SELECT f.user_id, f.revoked_at, u.locale, u.name FROM calendar_feeds f JOIN users u ON u.id = f.user_id
            WHERE f.token_hash = ?`,
          [hashToken(token)],
        )
      : undefined;
  if (!row) throw new AppError(404, 'meetings.errors.feedUnknown');
  const locale: Locale = row.locale === 'de' ? 'de' : 'en';
  if (row.revoked_at !== null) return { revoked: true as const, locale };
  const memberships = await db.all<{
    network_id: string;
    organisation_id: string | null;
    time_zone: string;
    name: string;
  }>(
    `SELECT m.network_id, m.organisation_id, n.time_zone, n.name FROM memberships m JOIN networks n ON n.id = m.network_id
      LEFT JOIN organisations o ON o.id = m.organisation_id
      WHERE m.user_id = ? AND m.removed_at IS NULL AND (o.status IS NULL OR o.status <> 'left')`,
    [row.user_id],
  );
  const timed: IcsTimedEvent[] = [];
  const days: IcsDayEvent[] = [];
  const since = now - 90 * 86_400_000;
  for (const ms of memberships) {
    const meetings = await db.all<MeetingRow>(
      'SELECT * FROM meetings WHERE network_id = ? AND ends_at >= ? ORDER BY starts_at',
      [ms.network_id, since],
    );
    for (const r of meetings) timed.push(meetingEvent(r, ms.time_zone, appUrl, locale));
    if (!ms.organisation_id) continue;
    const commitments = await db.all<{
      id: string;
      due_on: string;
      goal_id: string;
      title: string;
      note: string;
      updated_at: number | string;
    }>(
      `SELECT c.id, c.due_on, c.goal_id, g.title, c.note, c.updated_at FROM commitments c JOIN goals g ON g.id = c.goal_id
        WHERE c.network_id = ? AND c.organisation_id = ? AND c.status IN ('proposed', 'awaiting_home_approval', 'committed')`,
      [ms.network_id, ms.organisation_id],
    );
    for (const c of commitments)
      days.push({
        uid: `commitment-${c.id}@${UID_HOST}`,
        date: c.due_on,
        summary: t(locale, 'meetings.ics.commitmentDue', { goal: c.title }),
        description: c.note,
        url: `${appUrl}/networks/${ms.network_id}/goals/${c.goal_id}`,
        updated: Number(c.updated_at),
      });
    const pilots = await db.all<{ id: string; review_on: string; title: string; updated_at: number | string }>(
      `SELECT g.id, g.review_on, g.title, g.updated_at FROM goals g JOIN goal_organisations go ON go.goal_id = g.id
        WHERE g.network_id = ? AND go.organisation_id = ? AND g.status = 'pilot' AND g.review_on IS NOT NULL`,
      [ms.network_id, ms.organisation_id],
    );
    for (const g of pilots)
      days.push({
        uid: `pilot-goal-${g.id}@${UID_HOST}`,
        date: g.review_on,
        summary: t(locale, 'meetings.ics.pilotReview', { title: g.title }),
        url: `${appUrl}/networks/${ms.network_id}/goals/${g.id}`,
        updated: Number(g.updated_at),
      });
    const pilotCommitments = await db.all<{
      id: string;
      pilot_review_on: string;
      goal_id: string;
      title: string;
      updated_at: number | string;
    }>(
      `SELECT c.id, c.pilot_review_on, c.goal_id, g.title, c.updated_at FROM commitments c JOIN goals g ON g.id = c.goal_id
        WHERE c.network_id = ? AND c.organisation_id = ? AND c.pilot_review_on IS NOT NULL
          AND c.status IN ('proposed', 'awaiting_home_approval', 'committed')`,
      [ms.network_id, ms.organisation_id],
    );
    for (const c of pilotCommitments)
      days.push({
        uid: `pilot-commitment-${c.id}@${UID_HOST}`,
        date: c.pilot_review_on,
        summary: t(locale, 'meetings.ics.pilotCommitmentReview', { title: c.title }),
        url: `${appUrl}/networks/${ms.network_id}/goals/${c.goal_id}`,
        updated: Number(c.updated_at),
      });
  }
  return {
    revoked: false as const,
    locale,
    body: calendar({ name: t(locale, 'meetings.ics.feedName', { name: row.name }), timed, days, now }),
  };
}
