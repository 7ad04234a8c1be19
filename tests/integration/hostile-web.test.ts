import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_MAX_FAILURES_PER_DAY, ACCOUNT_FREE_FAILURES } from '@/lib/auth/throttle';
import { ApiClient, uniqueEmail } from '../helpers/api-client';
import { client } from '../helpers/app';
import { startApp, type RunningApp } from '../helpers/app-server';

/**
 * The web side against a hostile client (issue 7, defect 8), on the real app:
 * the sign-in throttle and the daily cap per address hold when the attempts
 * come all at once, and the same-origin check of state-changing requests does
 * not take X-Forwarded-Host from a client unless the proxy is trusted.
 */

let n = 0;
/** An address of its own for each test (the app trusts X-Forwarded-For here: TRUST_PROXY=1). */
const address = () => `198.18.${process.pid % 250}.${n++ % 250}`;

/**
 * Sends one sign-in per (email, password) at the same moment: every client
 * first fetches its CSRF token, then all posts leave together. Returns
 * next-auth's answer for each: `CredentialsSignin` (the password was checked)
 * or `throttled` (refused before any check).
 */
async function signInAllAtOnce(attempts: { email: string; password: string }[], from: string): Promise<string[]> {
  const prepared = await Promise.all(
    attempts.map(async (a) => {
      const c = new ApiClient(client().baseUrl, { forwardedFor: from });
      const csrf = await c.get<{ csrfToken: string }>('/api/auth/csrf');
      expect(csrf.status).toBe(200);
      return { c, a, csrfToken: csrf.json.csrfToken };
    }),
  );
  const answers = await Promise.all(
    prepared.map(async ({ c, a, csrfToken }) => {
      const res = await c.raw('/api/auth/callback/credentials', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          csrfToken,
          email: a.email,
          password: a.password,
          callbackUrl: c.baseUrl + '/',
        }).toString(),
      });
      await res.arrayBuffer();
      return new URL(res.headers.get('location') ?? '/', c.baseUrl).searchParams.get('error') ?? 'signed-in';
    }),
  );
  return answers;
}

const count = (answers: string[], what: string) => answers.filter((a) => a === what).length;

describe('sign-in throttling under parallel requests', () => {
  it(`30 wrong passwords at once for one account: ${ACCOUNT_FREE_FAILURES} are checked, the rest refused unchecked`, async () => {
    const email = uniqueEmail('parallel');
    const password = 'pw-Parallel-Richtig-2026!';
    const from = address();
    expect((await client().signUp({ email, password, name: 'Paula Parallel' })).status).toBe(201);
    const answers = await signInAllAtOnce(
      Array.from({ length: 30 }, (_, i) => ({ email, password: `falsch-${i}` })),
      from,
    );
    expect(count(answers, 'CredentialsSignin')).toBe(ACCOUNT_FREE_FAILURES);
    expect(count(answers, 'throttled')).toBe(30 - ACCOUNT_FREE_FAILURES);
    // The right password from there now waits too; from elsewhere the person still gets in.
    expect(await new ApiClient(client().baseUrl, { forwardedFor: from }).signIn(email, password)).toMatchObject({
      ok: false,
      error: 'throttled',
    });
    expect((await new ApiClient(client().baseUrl, { forwardedFor: address() }).signIn(email, password)).ok).toBe(true);
  });

  it(`120 attempts at once from one address: at most ${ADDRESS_MAX_FAILURES_PER_DAY} a day are checked`, async () => {
    const from = address();
    const answers = await signInAllAtOnce(
      Array.from({ length: 120 }, () => ({ email: uniqueEmail('spray'), password: 'wrong-password' })),
      from,
    );
    expect(count(answers, 'CredentialsSignin')).toBe(ADDRESS_MAX_FAILURES_PER_DAY);
    expect(count(answers, 'throttled')).toBe(120 - ADDRESS_MAX_FAILURES_PER_DAY);
    const next = await signInAllAtOnce([{ email: uniqueEmail('spray'), password: 'wrong-password' }], from);
    expect(next).toEqual(['throttled']);
  });
});

describe('the same-origin check behind no proxy (TRUST_PROXY=0)', () => {
  let untrusted: RunningApp;
  beforeAll(async () => {
    untrusted = await startApp({ env: { TRUST_PROXY: '0' } });
  }, 180_000);
  afterAll(async () => {
    await untrusted?.stop();
  });

  const signUp = (headers: Record<string, string>, email = uniqueEmail('origin')) =>
    new ApiClient(untrusted.url).post(
      '/api/account/signup',
      { email, password: 'pw-Origin-Test-2026!', name: 'Olli Origin' },
      headers,
    );

  it('a foreign Origin is refused even when X-Forwarded-Host names it (403, nothing written)', async () => {
    const email = uniqueEmail('origin');
    const evil = await signUp(
      { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
      email,
    );
    expect(evil.status, evil.text).toBe(403);
    expect(evil.json.error.code).toBe('bad_origin');
    // Nothing was written: the same address signs up afresh from our own origin.
    expect((await signUp({}, email)).status).toBe(201);
  });

  it('our own Origin is still accepted (with or without a forwarded host)', async () => {
    expect((await signUp({})).status).toBe(201);
    expect((await signUp({ 'x-forwarded-host': 'evil.example' })).status).toBe(201);
  });
});
