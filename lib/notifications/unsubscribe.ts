import crypto from 'node:crypto';
import { authSecret } from '../auth/secret';
import type { Queryable } from '../db/types';
import { env } from '../env';
import { loadDigestSettings, saveDigest, NOTIFICATION_KINDS, type NotificationKind } from './prefs';

/**
 * Unsubscribe links that work without signing in: a token naming the person,
 * what they unsubscribe from (the digest, or mails at once of one kind) and
 * until when it is valid, signed with HMAC-SHA256 under a key derived from the
 * session secret. Tampered, foreign or expired tokens are refused (the page
 * says so clearly); nothing is stored, so the link in every mail works until
 * it expires (90 days).
 */
export const UNSUBSCRIBE_DAYS = 90;
export type UnsubscribeTopic = 'digest' | NotificationKind;

const key = () => crypto.createHmac('sha256', authSecret()).update('nwr:unsubscribe:v1').digest();
const sign = (payload: string) => crypto.createHmac('sha256', key()).update(payload).digest('base64url');

export function unsubscribeToken(userId: string, topic: UnsubscribeTopic, now = Date.now()): string {
  const payload = `${userId}.${topic}.${Math.floor((now + UNSUBSCRIBE_DAYS * 86_400_000) / 1000)}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(payload)}`;
}

export function unsubscribeLink(userId: string, topic: UnsubscribeTopic, now = Date.now()): string {
  return `${env().appUrl}/unsubscribe/${unsubscribeToken(userId, topic, now)}`;
}

export type TokenCheck =
  | { ok: true; userId: string; topic: UnsubscribeTopic; expiresAt: number }
  | { ok: false; reason: 'invalid' | 'expired' };

export function checkUnsubscribeToken(token: string, now = Date.now()): TokenCheck {
  const [encoded, mac, extra] = token.split('.');
  if (!encoded || !mac || extra !== undefined || token.length > 400) return { ok: false, reason: 'invalid' };
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const want = Buffer.from(sign(payload));
  const got = Buffer.from(mac);
  if (want.length !== got.length || !crypto.timingSafeEqual(want, got)) return { ok: false, reason: 'invalid' };
  const [userId, topic, exp] = payload.split('.');
  if (!userId || !(topic === 'digest' || topic in NOTIFICATION_KINDS) || !/^\d+$/.test(exp ?? ''))
    return { ok: false, reason: 'invalid' };
  const expiresAt = Number(exp) * 1000;
  if (expiresAt < now) return { ok: false, reason: 'expired' };
  return { ok: true, userId, topic: topic as UnsubscribeTopic, expiresAt };
}

/** Applies a valid token: the digest off, or mails of that kind kept in the app only. Idempotent. */
export async function unsubscribe(q: Queryable, token: string, now = Date.now()): Promise<TokenCheck> {
  const check = checkUnsubscribeToken(token, now);
  if (!check.ok) return check;
  const user = await q.get<{ id: string }>('SELECT id FROM users WHERE id = ?', [check.userId]);
  if (!user) return { ok: false, reason: 'invalid' };
  if (check.topic === 'digest') {
    const d = await loadDigestSettings(q, check.userId);
    await saveDigest(q, check.userId, { ...d, frequency: 'off' });
  } else {
    await q.run(
      `INSERT INTO notification_prefs (user_id, kind, channel) VALUES (?, ?, 'app')
       ON CONFLICT (user_id, kind) DO UPDATE SET channel = 'app'`,
      [check.userId, check.topic],
    );
  }
  return check;
}
