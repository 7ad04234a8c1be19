/* eslint-disable no-empty-pattern -- Playwright fixtures declare "no dependencies" with an empty pattern. */
import axe, { type Result as AxeResult } from 'axe-core';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { ApiClient, uniqueEmail } from '../helpers/api-client';
import { smtpSinkReader, type SmtpSinkReader } from '../helpers/smtp-sink';

/**
 * Fixtures for end-to-end tests. Import `test` and `expect` from here, not
 * from @playwright/test.
 *
 *   test('a signed-in person sees their networks', async ({ signedInPage, user }) => { … });
 *   const bob = await createUser({ locale: 'de' });
 *   const page = await signedInPageFor(bob);
 */
export interface TestUser {
  email: string;
  password: string;
  name: string;
  locale: 'en' | 'de';
  /** An API client signed in as this user. */
  api: ApiClient;
}

interface Fixtures {
  /** The app's address (also the baseURL of `page.goto('/…')`). */
  appUrl: string;
  /** The app's realtime address (ws://…). */
  realtimeUrl: string;
  /** The mails the app sent. */
  smtp: SmtpSinkReader;
  /** A fresh, signed-out API client. */
  api: ApiClient;
  /** Creates a user through the API (sign-up + sign-in). */
  createUser: (opts?: Partial<Omit<TestUser, 'api'>>) => Promise<TestUser>;
  /** A new browser context + page carrying the user's session cookies (closed after the test). */
  signedInPageFor: (user: TestUser, opts?: { locale?: string }) => Promise<Page>;
  /** A fresh English-speaking user. */
  user: TestUser;
  /** A page signed in as `user`. */
  signedInPage: Page;
  /**
   * With `test.use({ failOnCspViolations: true })`, every page made by `signedInPageFor` is watched: a test
   * fails when the browser reports a Content-Security-Policy violation on any page it visited (console, and
   * the `securitypolicyviolation` event, which names the directive and a sample of what was blocked).
   */
  failOnCspViolations: boolean;
  _requireApp: void;
}

/**
 * Makes `goto` and `reload` return once React has put every streamed section of the page in place. A network page
 * streams its content behind the loading skeleton as `<div hidden id="S:…">` plus a script that moves it in; when
 * the client renders that section itself first (an update reached it before it hydrated), the server's hidden
 * copy stays in the DOM for a moment beside the live one, and a locator finds the same text twice (two CI runs
 * on 2026-11-30 failed on that: "strict mode violation … resolved to 2 elements", one of them hidden).
 */
function settledNavigation(page: Page): Page {
  const settle = () =>
    page
      .waitForFunction(() => !document.querySelector('div[hidden][id*="S:"]'), undefined, { timeout: 15_000 })
      .catch(() => undefined); // best effort: a section that never arrives fails the test's own assertions
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (...args: Parameters<Page['goto']>) => {
    const response = await goto(...args);
    await settle();
    return response;
  };
  page.reload = async (...args: Parameters<Page['reload']>) => {
    const response = await reload(...args);
    await settle();
    return response;
  };
  return page;
}

export const test = base.extend<Fixtures>({
  page: async ({ page }, use) => use(settledNavigation(page)),
  // Runs first for every test: without Chromium (and without REQUIRE_SERVICES=1) the test is skipped loudly.
  _requireApp: [
    async ({}, use, testInfo) => {
      testInfo.skip(!!process.env.NWR_E2E_SKIP, `end-to-end tests skipped: ${process.env.NWR_E2E_SKIP}`);
      if (!process.env.NWR_E2E_URL)
        throw new Error('NWR_E2E_URL is not set: run through `playwright test` (global setup starts the app).');
      await use();
    },
    { auto: true },
  ],
  appUrl: async ({}, use) => use(process.env.NWR_E2E_URL!),
  realtimeUrl: async ({}, use) => use(process.env.NWR_E2E_REALTIME_URL!),
  smtp: async ({}, use) => use(smtpSinkReader(process.env.NWR_E2E_SMTP_DIR!)),
  api: async ({ appUrl }, use) => use(new ApiClient(appUrl)),
  createUser: async ({ appUrl }, use) => {
    await use(async (opts = {}) => {
      const u = {
        email: opts.email ?? uniqueEmail('e2e'),
        password: opts.password ?? `pw-${Math.random().toString(36).slice(2)}-Netz!`,
        name: opts.name ?? 'Test Person',
        locale: opts.locale ?? 'en',
      };
      const api = new ApiClient(appUrl);
      await api.signUpAndSignIn(u);
      return { ...u, api };
    });
  },
  failOnCspViolations: [false, { option: true }],
  signedInPageFor: async ({ browser, failOnCspViolations }, use) => {
    const contexts: BrowserContext[] = [];
    const violations: string[] = [];
    await use(async (user, opts = {}) => {
      const locale = opts.locale ?? (user.locale === 'de' ? 'de-DE' : 'en-GB');
      const context = await browser.newContext({ locale, timezoneId: 'UTC' });
      contexts.push(context);
      await context.addCookies(user.api.playwrightCookies());
      if (failOnCspViolations) await watchCsp(context, violations);
      return settledNavigation(await context.newPage());
    });
    for (const c of contexts) await c.close();
    expect(violations, 'Content-Security-Policy violations reported by the browser').toEqual([]);
  },
  user: async ({ createUser }, use) => use(await createUser()),
  signedInPage: async ({ signedInPageFor, user }, use) => use(await signedInPageFor(user)),
});

export { expect };

const CSP_MARK = '[csp-violation]';

/** Collects every CSP violation any page of `context` reports, with the page's address. */
async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript((mark) => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`${mark} ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}: ${e.sample}`),
    );
  }, CSP_MARK);
  context.on('console', (m) => {
    const text = m.text();
    if (text.startsWith(CSP_MARK) || /Content Security Policy/i.test(text))
      violations.push(`${m.page()?.url() ?? '?'}: ${text}`);
  });
}

/**
 * Fails with a readable list when axe finds WCAG 2.1 A/AA violations on the
 * page as it is now.
 */
export async function expectNoAxeViolations(page: Page, opts: { exclude?: string[] } = {}): Promise<void> {
  // Next streams a page's metadata after its first bytes, and on a client-side
  // navigation the new <title> lands a moment after the new content. Wait for
  // the settled page (a title that never comes still fails here, by name).
  await expect.poll(() => page.title(), { message: `the page ${page.url()} has a non-empty <title>` }).not.toBe('');
  const violations = await axeViolations(page, opts.exclude ?? []);
  const readable = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
  );
  expect(readable, `axe found accessibility violations on ${page.url()}`).toEqual([]);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core in the page itself and returns its WCAG 2.1 A/AA violations. axe's source (≈ 550 KB) is put into a
 * document once: a check after a client-side navigation or a live change reuses it. (@axe-core/playwright evaluated
 * the source twice per check and, by default, finished every check in a new blank page: ≈ 2 s a check, of the
 * suite's ~200 checks. Our pages have no frames, so running in the top document sees all there is.)
 */
async function axeViolations(page: Page, exclude: string[]): Promise<AxeResult[]> {
  const present = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (!present) {
    await page.evaluate(axe.source);
    await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.configure({ allowedOrigins: ['<same_origin>'] }),
    );
  }
  return page.evaluate(
    async ({ exclude, tags }) => {
      const w = window as unknown as { axe: typeof axe };
      const context = exclude.length ? { exclude } : document;
      const results = await w.axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return results.violations;
    },
    { exclude, tags: AXE_TAGS },
  );
}
