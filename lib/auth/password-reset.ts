import { hashToken, newToken } from '../core/tokens';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { isLocale, t } from '../i18n';
import { enqueueMail } from '../mail/queue';
import { record } from '../activity/record';
import { endSessions } from './session-version';
import { hashPassword } from './password';
import type { ResetPasswordInput } from './schemas';
import { clearAccountThrottle, hitLimit } from './throttle';

/** A reset link works once, for one hour. */
export const RESET_TOKEN_TTL_MS = 60 * 60_000;
/** Reset requests per address per hour, and per email per hour (no mail bombing). */
export const RESET_REQUESTS_PER_ADDRESS_PER_HOUR = 10;
export const RESET_REQUESTS_PER_EMAIL_PER_HOUR = 3;

/**
 * Starts a password reset. Anyone may call it (signed out). The answer is the
 * same whether or not an account exists (no account enumeration); only when
 * it exists, a single-use token (32 random bytes; the database keeps its
 * sha256) is emailed as `${appUrl}/reset-password/<token>`, in the person's
 * language: the mail is enqueued in the transaction that stores the token and
 * sent by the job runner.
 *
 * Too many requests from one address in an hour: 429. Too many for one email:
 * silently no further mail (a 429 there would tell that the account exists…
 * it would not, but the quiet answer is simpler and equally safe).
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; address: string; appUrl: string },
  opts: { now?: number } = {},
): Promise<void> {
  const now = opts.now ?? Date.now();
  const allowed = await hitLimit(
    db,
    `reset-ip:${input.address}`,
    RESET_REQUESTS_PER_ADDRESS_PER_HOUR,
    60 * 60_000,
    now,
  );
  if (!allowed) throw new AppError(429, 'errors.rateLimited', { seconds: 3600 });
  const user = await db.get<{ id: string; name: string; locale: string }>(
    'SELECT id, name, locale FROM users WHERE email = ?',
    [input.email],
  );
  if (!user) return;
  if (!(await hitLimit(db, `reset-mail:${input.email}`, RESET_REQUESTS_PER_EMAIL_PER_HOUR, 60 * 60_000, now))) return;

  const { token, hash } = newToken();
  const locale = isLocale(user.locale) ? user.locale : 'en';
  const link = `${input.appUrl.replace(/\/$/, '')}/reset-password/${token}`;
  await db.tx(async (q) => {
    await q.run('INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
      hash,
      user.id,
      now,
      now + RESET_TOKEN_TTL_MS,
    ]);
    await record(q, {
      networkId: null,
      actorId: user.id,
      kind: 'account.passwordResetRequested',
      subjectId: user.id,
      data: {},
      at: now,
    });
    // Sent by the job runner after the commit (docs/jobs.md); the outbox drops the link once it is sent.
    await enqueueMail(
      q,
      {
        to: input.email,
        subject: t(locale, 'auth.forgot.mailSubject'),
        text: t(locale, 'auth.forgot.mailText', { name: user.name, link }),
      },
      { key: `password-reset:${hash}`, now },
    );
  });
}

/** Is this reset token usable now (exists, unused, not expired)? For the reset page. */
export async function isResetTokenValid(db: Db, token: string, now = Date.now()): Promise<boolean> {
  const row = await db.get(
    'SELECT token_hash FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
    [hashToken(token), now],
  );
  return !!row;
}

/**
 * Sets a new password with an emailed token. Anyone holding the token may call
 * it. The token is used up (and every other open token of that person too),
 * `session_version` is bumped (every session ends) and the sign-in throttle
 * of that email is cleared, all in one transaction. An expired, used or
 * unknown token: 410 with `auth.reset.invalidToken`.
 */
export async function resetPassword(db: Db, input: ResetPasswordInput, now = Date.now()): Promise<void> {
  const tokenHash = hashToken(input.token);
  const found = await db.get<{ user_id: string }>(
    'SELECT user_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
    [tokenHash, now],
  );
  if (!found) throw new AppError(410, 'auth.reset.invalidToken');
  const passwordHash = await hashPassword(input.password);
  await db.tx(async (q) => {
    // The conditional UPDATE decides a race between two uses of one token.
    const used = await q.run(
      'UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
      [now, tokenHash, now],
    );
    if (used.changes !== 1) throw new AppError(410, 'auth.reset.invalidToken');
    await q.run('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [now, found.user_id]);
    await q.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, found.user_id]);
    await endSessions(q, found.user_id, 'account.passwordReset', now);
    const user = await q.get<{ email: string }>('SELECT email FROM users WHERE id = ?', [found.user_id]);
    if (user) await clearAccountThrottle(q, user.email);
  });
}
