import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/api-client';
import { client } from '../helpers/app';

/**
 * The language saved on the account applies to every signed-in request, in
 * any browser (no cookie yet) and right after a change on another device; it
 * wins over the browser's Accept-Language. Switching while signed in saves it
 * on the account and removes the browser's own cookie, so it cannot go stale.
 */
const PASSWORD = 'Sprache des Kontos 2026';

function htmlLang(html: string): string | undefined {
  return /<html[^>]*\blang="([a-z]+)"/.exec(html)?.[1];
}

async function device(email: string, acceptLanguage: string) {
  const c = client({ locale: acceptLanguage });
  const r = await c.signIn(email, PASSWORD);
  expect(r.ok, r.error).toBe(true);
  return c;
}

describe('the account language', () => {
  it('renders pages and API answers in the account language in a fresh browser, whatever Accept-Language says', async () => {
    const email = uniqueEmail('sprache');
    const signup = await client({ locale: 'en' }).signUp({
      email,
      password: PASSWORD,
      name: 'Dora Deutsch',
      locale: 'de',
    });
    expect(signup.status, signup.text).toBe(201);

    const english = await device(email, 'en-GB,en;q=0.9');
    expect(english.cookie('nwr-locale')).toBeUndefined();
    const page = await english.get('/account', { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(htmlLang(page.text)).toBe('de');
    expect(page.text).toContain('Ihr Konto');
    const refused = await english.post('/api/networks', { name: '' });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toMatch(/^Bitte prüfen Sie Ihre Eingabe/);

    // Signed out, the same browser is back to its Accept-Language.
    const anonymous = await client({ locale: 'en-GB' }).get('/signin', { accept: 'text/html' });
    expect(htmlLang(anonymous.text)).toBe('en');
  });

  it('follows a change made on another device at once; the switch removes the browser’s own cookie', async () => {
    const email = uniqueEmail('geraete');
    expect((await client().signUp({ email, password: PASSWORD, name: 'Gerd Geräte', locale: 'de' })).status).toBe(201);
    const laptop = await device(email, 'de-AT');
    const phone = await device(email, 'de-AT');
    expect(htmlLang((await phone.get('/account', { accept: 'text/html' })).text)).toBe('de');

    const switched = await laptop.post('/api/account/locale', { locale: 'en' });
    expect(switched.status, switched.text).toBe(200);
    const setCookie = switched.headers.getSetCookie().find((c) => c.startsWith('nwr-locale='));
    expect(setCookie).toMatch(/^nwr-locale=;/);
    expect(setCookie).toMatch(/Max-Age=0/i);
    expect((await laptop.get('/api/account')).json.locale).toBe('en');

    // The phone never switched: it follows the account, Accept-Language (German) notwithstanding.
    const phonePage = await phone.get('/account', { accept: 'text/html' });
    expect(htmlLang(phonePage.text)).toBe('en');
    expect(phonePage.text).toContain('Your account');
    expect((await phone.post('/api/networks', { name: '' })).json.error.message).toMatch(/^Please check your input/);
  });

  it('signing out and choosing a language keeps it in the browser (cookie) for the signed-out pages', async () => {
    const email = uniqueEmail('abmelden');
    expect((await client().signUp({ email, password: PASSWORD, name: 'Abe Abmelder', locale: 'de' })).status).toBe(201);
    const browser = await device(email, 'en');
    await browser.signOut();
    const res = await browser.post('/api/account/locale', { locale: 'de' });
    expect(res.headers.getSetCookie().find((c) => c.startsWith('nwr-locale='))).toMatch(/^nwr-locale=de;/);
    expect(htmlLang((await browser.get('/signin', { accept: 'text/html' })).text)).toBe('de');
  });
});
