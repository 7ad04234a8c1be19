import { z } from 'zod';
import type { Queryable } from '../db/types';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../jobs/schedule';
import { AppError } from '../errors';
import { notificationPrefsPolicy } from '../policies/notification-prefs';
import type { Actor } from '../policies';

/**
 * A person's notification choices: per kind a channel — in the app only,
 * email at once, in the digest, or off — and their digest (daily or weekly at
 * a local time, or none). A missing row is the default. The defaults do not
 * flood: only a mention (someone addresses you by name) is mailed at once;
 * everything else waits for one daily digest, which is not sent at all when
 * nothing is new. "Email at once" is offered only where something happens at
 * one moment (a mention); states that last (an entry waiting, a review due,
 * a commitment due) are in the app and the digest.
 */
export const CHANNELS = ['app', 'email', 'digest', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];

export const NOTIFICATION_KINDS = {
  mention: { channels: ['app', 'email', 'digest', 'off'], default: 'email' },
  confirmation: { channels: ['app', 'digest', 'off'], default: 'digest' },
  pilotReview: { channels: ['app', 'digest', 'off'], default: 'digest' },
  due: { channels: ['app', 'digest', 'off'], default: 'digest' },
  changes: { channels: ['app', 'digest', 'off'], default: 'digest' },
} as const satisfies Record<string, { channels: readonly Channel[]; default: Channel }>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export const FREQUENCIES = ['daily', 'weekly', 'off'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface DigestSettings {
  frequency: Frequency;
  /** Local time HH:MM. */
  sendAt: string;
  /** 1 Monday … 7 Sunday (weekly only). */
  weekday: number;
  timeZone: string;
}

export const DEFAULT_DIGEST: DigestSettings = {
  frequency: 'daily',
  sendAt: '07:00',
  weekday: 1,
  timeZone: DEFAULT_TIME_ZONE,
};

export type Prefs = Record<NotificationKind, Channel>;

export interface NotificationSettings {
  prefs: Prefs;
  digest: DigestSettings;
  /** What each kind may be set to. */
  choices: Record<NotificationKind, readonly Channel[]>;
}

export async function loadPrefs(q: Queryable, userId: string): Promise<Prefs> {
  const rows = await q.all<{ kind: string; channel: string }>(
    'SELECT kind, channel FROM notification_prefs WHERE user_id = ?',
    [userId],
  );
  const prefs = Object.fromEntries(NOTIFICATION_KIND_NAMES.map((k) => [k, NOTIFICATION_KINDS[k].default])) as Prefs;
  for (const r of rows) {
    const k = r.kind as NotificationKind;
    if (k in NOTIFICATION_KINDS && (NOTIFICATION_KINDS[k].channels as readonly string[]).includes(r.channel))
      prefs[k] = r.channel as Channel;
  }
  return prefs;
}

export async function loadDigestSettings(q: Queryable, userId: string): Promise<DigestSettings> {
  const r = await q.get<{ frequency: Frequency; send_at: string; weekday: number; time_zone: string }>(
    'SELECT frequency, send_at, weekday, time_zone FROM digest_settings WHERE user_id = ?',
    [userId],
  );
  if (!r) return { ...DEFAULT_DIGEST };
  return {
    frequency: r.frequency,
    sendAt: r.send_at,
    weekday: Number(r.weekday),
    timeZone: isTimeZone(r.time_zone) ? r.time_zone : DEFAULT_TIME_ZONE,
  };
}

export async function getNotificationSettings(
  q: Queryable,
  actor: Pick<Actor, 'userId'>,
  userId = actor.userId,
): Promise<NotificationSettings> {
  notificationPrefsPolicy.authorize(actor, 'read', userId);
  return {
    prefs: await loadPrefs(q, userId),
    digest: await loadDigestSettings(q, userId),
    choices: Object.fromEntries(
      NOTIFICATION_KIND_NAMES.map((k) => [k, NOTIFICATION_KINDS[k].channels as readonly Channel[]]),
    ) as Record<NotificationKind, readonly Channel[]>,
  };
}

export const ZUpdateNotificationSettings = z
  .object({
    prefs: z
      .partialRecord(z.enum(NOTIFICATION_KIND_NAMES as [NotificationKind, ...NotificationKind[]]), z.enum(CHANNELS))
      .optional(),
    digest: z
      .object({
        frequency: z.enum(FREQUENCIES),
        sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        weekday: z.number().int().min(1).max(7).default(1),
        timeZone: z.string().max(64).refine(isTimeZone).default(DEFAULT_TIME_ZONE),
      })
      .optional(),
  })
  .refine((v) => v.prefs !== undefined || v.digest !== undefined, { message: 'prefs or digest' });
export type UpdateNotificationSettings = z.input<typeof ZUpdateNotificationSettings>;

export async function updateNotificationSettings(
  db: { tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> } & Queryable,
  actor: Pick<Actor, 'userId'>,
  input: UpdateNotificationSettings,
  userId = actor.userId,
): Promise<NotificationSettings> {
  notificationPrefsPolicy.authorize(actor, 'update', userId);
  const parsed = ZUpdateNotificationSettings.safeParse(input);
  if (!parsed.success)
    throw new AppError(400, 'errors.invalidInput', { details: parsed.error.issues[0]?.message ?? '' });
  const data = parsed.data;
  for (const [k, ch] of Object.entries(data.prefs ?? {}) as [NotificationKind, Channel][]) {
    if (!(NOTIFICATION_KINDS[k].channels as readonly Channel[]).includes(ch))
      throw new AppError(400, 'followUp.errors.channelNotOffered');
  }
  await db.tx(async (q) => {
    for (const [k, ch] of Object.entries(data.prefs ?? {}) as [NotificationKind, Channel][]) {
      await q.run(
        `INSERT INTO notification_prefs (user_id, kind, channel) VALUES (?, ?, ?)
         ON CONFLICT (user_id, kind) DO UPDATE SET channel = excluded.channel`,
        [userId, k, ch],
      );
    }
    if (data.digest) await saveDigest(q, userId, data.digest);
  });
  return getNotificationSettings(db, actor, userId);
}

export async function saveDigest(q: Queryable, userId: string, d: DigestSettings): Promise<void> {
  await q.run(
    `INSERT INTO digest_settings (user_id, frequency, send_at, weekday, time_zone, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET frequency = excluded.frequency, send_at = excluded.send_at,
       weekday = excluded.weekday, time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
    [userId, d.frequency, d.sendAt, d.weekday, d.timeZone, Date.now()],
  );
}
