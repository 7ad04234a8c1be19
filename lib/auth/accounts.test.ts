import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite } from '@/tests/helpers/services';
import { startSmtpSink, linksIn, type SmtpSink } from '@/tests/helpers/smtp-sink';
import { hashToken } from '../core/tokens';
import type { Db } from '../db/types';
import { resetEnvCache } from '../env';
import { AppError } from '../errors';
import { JobRunner } from '../jobs/runner';
import { changePassword } from './change-password';
import { verifyPassword } from './password';
import {
  isResetTokenValid,
  requestPasswordReset,
  resetPassword,
  RESET_REQUESTS_PER_ADDRESS_PER_HOUR,
  RESET_TOKEN_TTL_MS,
} from './password-reset';
import { setLocale } from './set-locale';
import { signOutEverywhere } from './sign-out-everywhere';
import { signUp } from './sign-up';
import { checkThrottle, recordFailure } from './throttle';

let db: Db & { drop(): Promise<void> };
let smtp: SmtpSink;
/** Reset mails are enqueued by the command and sent by the job runner (docs/jobs.md). */
let jobs: JobRunner;
const APP = 'http://netz.test:3000';
let n = 0;
const email = () => `acc${n++}-${process.pid}@example.org`;
const addr = () => `192.0.2.${n++}`;

async function user(id: string) {
  return db.get<{ email: string; name: string; locale: string; session_version: number; password_hash: string }>(
    'SELECT * FROM users WHERE id = ?',
    [id],
  );
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  db = await freshSqlite();
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  jobs = new JobRunner(db, { schedule: [], log: () => {} });
});
afterAll(async () => {
  await db?.drop();
  await smtp?.close();
  delete process.env.SMTP_URL;
  resetEnvCache();
});

describe('signing up', () => {
  it('creates the account with an Argon2id hash, the chosen language and an activity row', async () => {
    const e = email();
    const { id } = await signUp(db, { email: e, password: 'a fine password 1', name: 'Ada', locale: 'de' });
    const row = await user(id);
    expect(row).toMatchObject({ email: e, name: 'Ada', locale: 'de', session_version: 1 });
    expect(await verifyPassword(row!.password_hash, 'a fine password 1')).toBe(true);
    const act = await db.get<{ kind: string }>('SELECT kind FROM activity WHERE actor_id = ?', [id]);
    expect(act?.kind).toBe('account.created');
  });

  it('refuses an email that already has an account with 409, also when two sign-ups race', async () => {
    const e = email();
    await signUp(db, { email: e, password: 'a fine password 1', name: 'First' });
    expect((await refusal(signUp(db, { email: e, password: 'another password 2', name: 'Second' }))).status).toBe(409);

    const raced = email();
    const results = await Promise.allSettled([
      signUp(db, { email: raced, password: 'a fine password 1', name: 'A' }),
      signUp(db, { email: raced, password: 'a fine password 1', name: 'B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ status: 409, key: 'auth.signUp.emailTaken' });
    const count = await db.get<{ c: number }>('SELECT COUNT(*) AS c FROM users WHERE email = ?', [raced]);
    expect(Number(count?.c)).toBe(1);
  });
});

describe('changing the password', () => {
  it('needs the current password, stores the new one and ends every session', async () => {
    const { id } = await signUp(db, { email: email(), password: 'old password 1', name: 'C' });
    const wrong = await refusal(
      changePassword(db, { userId: id }, { currentPassword: 'nope nope 1', newPassword: 'new password 2' }),
    );
    expect(wrong).toMatchObject({ status: 400, key: 'account.changePassword.wrongCurrent' });
    expect((await user(id))?.session_version).toBe(1);

    const { sessionVersion } = await changePassword(
      db,
      { userId: id },
      { currentPassword: 'old password 1', newPassword: 'new password 2' },
    );
    expect(sessionVersion).toBe(2);
    const row = await user(id);
    expect(await verifyPassword(row!.password_hash, 'new password 2')).toBe(true);
    expect(await verifyPassword(row!.password_hash, 'old password 1')).toBe(false);
  });

  it('refuses a new password equal to the current one', async () => {
    const { id } = await signUp(db, { email: email(), password: 'same password 1', name: 'D' });
    const err = await refusal(
      changePassword(db, { userId: id }, { currentPassword: 'same password 1', newPassword: 'same password 1' }),
    );
    expect(err.key).toBe('account.changePassword.same');
  });
});

describe('signing out everywhere and the language', () => {
  it('bumps the session version and saves the language', async () => {
    const { id } = await signUp(db, { email: email(), password: 'a fine password 1', name: 'E' });
    await signOutEverywhere(db, { userId: id });
    await setLocale(db, { userId: id }, 'de');
    expect(await user(id)).toMatchObject({ session_version: 2, locale: 'de' });
  });
});

describe('resetting a forgotten password', () => {
  it('answers the same for an unknown email and sends no mail', async () => {
    const before = smtp.messages().length;
    await expect(
      requestPasswordReset(db, { email: 'nobody@example.org', address: addr(), appUrl: APP }),
    ).resolves.toBeUndefined();
    await jobs.runUntilIdle();
    expect(smtp.messages().length).toBe(before);
  });

  it('mails a single-use link in the person’s language, stores only the token’s hash, and the link sets a new password', async () => {
    const e = email();
    const { id } = await signUp(db, { email: e, password: 'old password 1', name: 'Grete <b>', locale: 'de' });
    await requestPasswordReset(db, { email: e, address: addr(), appUrl: APP });
    await jobs.runUntilIdle();
    const mail = await smtp.waitFor((m) => m.to === e);
    expect(mail.subject).toBe('Ihr Netzwerkraum-Passwort zurücksetzen');
    expect(mail.html).toContain('Grete &lt;b&gt;'); // user-provided text is escaped in the HTML part
    const link = linksIn(mail).find((l) => l.startsWith(`${APP}/reset-password/`))!;
    const token = link.slice(`${APP}/reset-password/`.length);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);

    const stored = await db.all<{ token_hash: string }>('SELECT token_hash FROM password_resets WHERE user_id = ?', [
      id,
    ]);
    expect(stored).toEqual([{ token_hash: hashToken(token) }]);
    expect(await isResetTokenValid(db, token)).toBe(true);

    await resetPassword(db, { token, password: 'new password 2' });
    const row = await user(id);
    expect(await verifyPassword(row!.password_hash, 'new password 2')).toBe(true);
    expect(row!.session_version).toBe(2);

    // Used once: a second use is refused and changes nothing.
    expect(await isResetTokenValid(db, token)).toBe(false);
    const again = await refusal(resetPassword(db, { token, password: 'third password 3' }));
    expect(again).toMatchObject({ status: 410, key: 'auth.reset.invalidToken' });
    expect(await verifyPassword((await user(id))!.password_hash, 'new password 2')).toBe(true);
  });

  it('refuses an expired or unknown token', async () => {
    const e = email();
    await signUp(db, { email: e, password: 'old password 1', name: 'H' });
    const t0 = Date.now();
    await requestPasswordReset(db, { email: e, address: addr(), appUrl: APP }, { now: t0 });
    await jobs.runUntilIdle();
    const mail = await smtp.waitFor((m) => m.to === e);
    const token = linksIn(mail)[0].split('/reset-password/')[1];
    const late = t0 + RESET_TOKEN_TTL_MS + 1;
    expect(await isResetTokenValid(db, token, late)).toBe(false);
    expect((await refusal(resetPassword(db, { token, password: 'new password 2' }, late))).status).toBe(410);
    expect((await refusal(resetPassword(db, { token: 'made-up-token', password: 'new password 2' }))).status).toBe(410);
  });

  it('a reset uses up every other open link of that person and clears their sign-in throttle', async () => {
    const e = email();
    await signUp(db, { email: e, password: 'old password 1', name: 'I' });
    const where = addr();
    await requestPasswordReset(db, { email: e, address: where, appUrl: APP });
    await requestPasswordReset(db, { email: e, address: where, appUrl: APP });
    await jobs.runUntilIdle();
    const tokens = smtp
      .messages()
      .filter((m) => m.to === e)
      .map((m) => linksIn(m)[0].split('/reset-password/')[1]);
    expect(tokens).toHaveLength(2);
    for (let i = 0; i < 5; i++) await recordFailure(db, { email: e, address: where }, Date.now());
    expect((await checkThrottle(db, { email: e, address: where }, Date.now())).allowed).toBe(false);

    await resetPassword(db, { token: tokens[1], password: 'new password 2' });
    expect(await isResetTokenValid(db, tokens[0])).toBe(false);
    expect((await checkThrottle(db, { email: e, address: where }, Date.now())).allowed).toBe(true);
  });

  it('limits requests per address (429) and mails per email', async () => {
    const where = addr();
    const now = Date.now();
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS_PER_HOUR; i++) {
      await requestPasswordReset(db, { email: `x${i}@example.org`, address: where, appUrl: APP }, { now });
    }
    const err = await refusal(
      requestPasswordReset(db, { email: 'y@example.org', address: where, appUrl: APP }, { now }),
    );
    expect(err.status).toBe(429);

    const e = email();
    await signUp(db, { email: e, password: 'old password 1', name: 'J' });
    for (let i = 0; i < 5; i++) await requestPasswordReset(db, { email: e, address: addr(), appUrl: APP }, { now });
    // Sending resolves only after the sink has stored the message, so nothing is still in flight.
    await jobs.runUntilIdle();
    expect(smtp.messages().filter((m) => m.to === e)).toHaveLength(3);
  });
});
