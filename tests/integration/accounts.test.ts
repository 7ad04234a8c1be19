import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/api-client';
import { app, client } from '../helpers/app';
import { linksIn } from '../helpers/smtp-sink';

/**
 * Accounts against the real app (production build, next-auth, SQLite, SMTP
 * sink). The app runs with TRUST_PROXY=1, so each client's `forwardedFor` is
 * its address; every test uses its own addresses and emails.
 */
const PASSWORD = 'ein langes Passwort 2026';
let octet = 0;
const address = () => `10.77.${Math.floor(octet / 250)}.${(octet++ % 250) + 1}`;

async function signedIn(opts: { locale?: 'en' | 'de' } = {}) {
  const email = uniqueEmail('acct');
  const api = client({ forwardedFor: address() });
  await api.signUpAndSignIn({ email, password: PASSWORD, name: 'Account Person', locale: opts.locale });
  return { api, email };
}

describe('signing up', () => {
  it('refuses bad input with one message per field, in English', async () => {
    const res = await client({ locale: 'en' }).post('/api/account/signup', {
      email: 'not-an-email',
      password: 'short',
      name: '',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_input');
    expect(res.json.error.fields).toEqual({
      email: 'Please enter a valid email address, such as name@example.org.',
      password: 'The password must have at least 10 characters.',
      name: 'Please enter your name.',
    });
  });

  it('refuses bad input in German for a German-speaking browser', async () => {
    const res = await client({ locale: 'de-DE,de;q=0.9' }).post('/api/account/signup', {
      email: uniqueEmail('de'),
      password: 'nurbuchstaben',
      name: 'Grete',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.fields.password).toBe(
      'Das Passwort darf nicht nur aus Buchstaben bestehen: Fügen Sie eine Ziffer, ein Leerzeichen oder ein Sonderzeichen hinzu.',
    );
    expect(res.json.error.message).toMatch(/^Bitte prüfen Sie Ihre Eingabe/);
  });

  it('refuses a second account for the same email (any case) with 409 and creates nothing', async () => {
    const email = uniqueEmail('dup');
    const api = client({ locale: 'en' });
    expect((await api.signUp({ email, password: PASSWORD, name: 'First' })).status).toBe(201);
    const again = await api.signUp({ email: email.toUpperCase(), password: 'anderes Passwort 3', name: 'Second' });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('An account with this email address already exists. Please sign in instead.');
    // The first password still works; the second was never stored.
    expect((await client({ forwardedFor: address() }).signIn(email, PASSWORD)).ok).toBe(true);
    expect((await client({ forwardedFor: address() }).signIn(email, 'anderes Passwort 3')).ok).toBe(false);
  });

  it('refuses a request from another site (Origin check) with 403', async () => {
    const res = await client().post(
      '/api/account/signup',
      { email: uniqueEmail('evil'), password: PASSWORD, name: 'Evil' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('bad_origin');
  });
});

describe('signing in and out', () => {
  it('signs in with the right password, shows the account, and signs out', async () => {
    const { api, email } = await signedIn({ locale: 'de' });
    const me = await api.get('/api/account');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ email, name: 'Account Person', locale: 'de' });
    await api.signOut();
    expect((await api.get('/api/account')).status).toBe(401);
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const { email } = await signedIn();
    const wrong = await client({ forwardedFor: address() }).signIn(email, 'falsches Passwort 1');
    const unknown = await client({ forwardedFor: address() }).signIn(uniqueEmail('nobody'), 'falsches Passwort 1');
    expect(wrong).toEqual({ ok: false, status: unknown.status, error: 'CredentialsSignin' });
    expect(unknown.error).toBe('CredentialsSignin');
  });
});

describe('sign-in throttling', () => {
  it('refuses the sixth attempt after five failures even with the right password; another address is not affected', async () => {
    const email = uniqueEmail('throttle');
    const where = address();
    const api = client({ forwardedFor: where });
    expect((await api.signUp({ email, password: PASSWORD, name: 'T' })).status).toBe(201);
    for (let i = 0; i < 5; i++) {
      expect((await api.signIn(email, `falsch ${i} Passwort`)).error).toBe('CredentialsSignin');
    }
    const sixth = await api.signIn(email, PASSWORD);
    expect(sixth).toMatchObject({ ok: false, error: 'throttled' });
    expect(api.sessionToken()).toBeUndefined();

    const elsewhere = client({ forwardedFor: address() });
    expect((await elsewhere.signIn(email, PASSWORD)).ok).toBe(true);
  });
});

describe('changing the password and signing out everywhere', () => {
  it('a password change ends another session of the same person (401 there), and only the new password works', async () => {
    const { api: laptop, email } = await signedIn();
    const phone = client({ forwardedFor: address() });
    expect((await phone.signIn(email, PASSWORD)).ok).toBe(true);
    expect((await phone.get('/api/account')).status).toBe(200);

    const wrong = await laptop.post('/api/account/password', {
      currentPassword: 'nicht das Passwort 1',
      newPassword: 'neues Passwort 2027',
    });
    expect(wrong.status).toBe(400);
    expect((await phone.get('/api/account')).status).toBe(200);

    const changed = await laptop.post('/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'neues Passwort 2027',
    });
    expect(changed.status).toBe(200);
    expect((await phone.get('/api/account')).status).toBe(401);
    expect(await phone.session()).toBeNull();

    expect((await client({ forwardedFor: address() }).signIn(email, PASSWORD)).ok).toBe(false);
    expect((await client({ forwardedFor: address() }).signIn(email, 'neues Passwort 2027')).ok).toBe(true);
  });

  it('"sign out everywhere" ends every session', async () => {
    const { api: a, email } = await signedIn();
    const b = client({ forwardedFor: address() });
    expect((await b.signIn(email, PASSWORD)).ok).toBe(true);
    expect((await a.post('/api/account/sign-out-everywhere', {})).status).toBe(200);
    expect((await a.get('/api/account')).status).toBe(401);
    expect((await b.get('/api/account')).status).toBe(401);
  });
});

describe('the interface language', () => {
  it('signed out, is remembered in a year-long SameSite=Lax cookie only', async () => {
    const api = client({ locale: 'en' });
    const res = await api.post('/api/account/locale', { locale: 'de' });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('nwr-locale='))!;
    expect(cookie).toMatch(/^nwr-locale=de;/);
    expect(cookie).toMatch(/Max-Age=31536000/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    // The choice wins over the browser's Accept-Language.
    const refused = await api.post('/api/account/signup', { email: 'x', password: 'y', name: '' });
    expect(refused.json.error.message).toMatch(/^Bitte prüfen Sie Ihre Eingabe/);
  });

  it('signed in, is also saved on the account', async () => {
    const { api } = await signedIn({ locale: 'en' });
    expect((await api.post('/api/account/locale', { locale: 'de' })).status).toBe(200);
    expect((await api.get('/api/account')).json.locale).toBe('de');
  });
});

describe('resetting a forgotten password', () => {
  it('answers the same for an unknown email and sends nothing', async () => {
    const { smtp } = app();
    const nobody = uniqueEmail('nobody');
    const res = await client({ forwardedFor: address() }).post('/api/account/password-reset', { email: nobody });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    const { email } = await signedIn();
    const known = await client({ forwardedFor: address() }).post('/api/account/password-reset', { email });
    expect(known.status).toBe(200);
    expect(known.json).toEqual(res.json);
    await smtp.waitFor((m) => m.to === email);
    expect(smtp.messages().some((m) => m.to === nobody)).toBe(false);
  });

  it('the emailed link sets a new password once, ends every session, and then no longer works', async () => {
    const { smtp, url } = app();
    const { api: session, email } = await signedIn({ locale: 'de' });
    const anon = client({ forwardedFor: address() });
    expect((await anon.post('/api/account/password-reset', { email })).status).toBe(200);
    const mail = await smtp.waitFor((m) => m.to === email);
    expect(mail.subject).toBe('Ihr Netzwerkraum-Passwort zurücksetzen');
    const link = linksIn(mail).find((l) => l.includes('/reset-password/'))!;
    const token = new URL(link).pathname.split('/').pop()!;

    const page = await anon.get(new URL(link).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="password"');

    const weak = await anon.post('/api/account/password-reset/confirm', { token, password: 'kurz' });
    expect(weak.status).toBe(400);
    const done = await anon.post('/api/account/password-reset/confirm', { token, password: 'zurückgesetzt 2028' });
    expect(done.status).toBe(200);
    expect((await session.get('/api/account')).status).toBe(401);
    expect((await client({ forwardedFor: address() }).signIn(email, 'zurückgesetzt 2028')).ok).toBe(true);

    const reused = await client({ locale: 'en' }).post('/api/account/password-reset/confirm', {
      token,
      password: 'noch ein Passwort 9',
    });
    expect(reused.status).toBe(410);
    expect(reused.json.error.message).toMatch(/^This reset link is not valid/);
    const usedPage = await client({ locale: 'en' }).get(`/reset-password/${token}`);
    expect(usedPage.text).toContain('This reset link is not valid');
    expect(url).toBeTruthy();
  });
});

describe('security headers', () => {
  it('pages carry a strict CSP with a fresh nonce that Next puts on its scripts, and the usual headers', async () => {
    const first = await client().get('/signin');
    const second = await client().get('/signin');
    expect(first.status).toBe(200);
    const csp = first.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).not.toContain('unsafe-eval');
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(csp).toContain(d);
    }
    expect(csp).toMatch(new RegExp(`connect-src [^;]*${app().realtimeUrl.replace(/[.:/]/g, '\\$&')}`));
    const scripts = [...first.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(first.headers.get('permissions-policy')).toContain('camera=()');
  });
});
