/**
 * `npm run screens`: pictures of the product. Starts the real app (production
 * build, web + realtime, its own free ports and a fresh DATA_DIR), seeds the
 * demo network, and renders every page at 1366×900 (laptop) and 390×844
 * (phone), in German and English, as full-page PNGs into docs/screens/
 * (`<page>.<de|en>.<laptop|phone>.png`). On every picture it also runs axe
 * (WCAG 2.1 A/AA) and checks that nothing is wider than the screen; the
 * summary lists any finding, and the exit code is non-zero when there is one.
 *
 *   npm run screens                 # everything (about 3 minutes after a build)
 *   npm run screens -- goals ledger # only pages whose name contains one of the words
 *
 * Every page of the product has a picture (compare with `find app -name page.tsx`); besides the demo, the
 * script makes a meeting that is being held (live, with a proposal open), a password reset link (through the
 * real mail) and an unsubscribe link. Judgement of each page: docs/screens/README.md.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import { openDb, migrate } from '../lib/db';
import { unsubscribeToken } from '../lib/notifications/unsubscribe';
import { linksIn } from '../tests/helpers/smtp-sink';
import { DEMO_PASSWORD, seedDemo } from '../lib/demo/demo-network';
import { ApiClient } from '../tests/helpers/api-client';
import { startApp, ROOT } from '../tests/helpers/app-server';

const OUT = path.join(ROOT, 'docs', 'screens');
const SIZES = { laptop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;
const LOCALES = ['de', 'en'] as const;
type Who = 'anonymous' | 'manager' | 'representative';

/** Who sees each page: a manager (Sabine Hofer), a representative (Lena Bauer, Jugendzentrum), or nobody signed in. */
const PEOPLE: Record<Exclude<Who, 'anonymous'>, string> = {
  manager: 'sabine.hofer@example.org',
  representative: 'lena.bauer@example.org',
};

interface Shot {
  name: string;
  who: Who;
  path: string;
  /** Waits for what makes the page complete (besides the load event). */
  ready?: (page: Page) => Promise<void>;
}

const log = (msg: string) => process.stdout.write(`[screens] ${msg}\n`);

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  log('starting the app (builds it first when the sources changed)…');
  // One session secret for the app and this script, so the script can sign an unsubscribe link as a mail would.
  const secret = crypto.randomBytes(32).toString('base64url');
  process.env.NEXTAUTH_SECRET = secret;
  const app = await startApp({ env: { LOG_LEVEL: 'warn', NEXTAUTH_SECRET: secret } });
  let browser: Browser | undefined;
  const findings: string[] = [];
  try {
    const db = openDb({ sqliteFile: path.join(app.dataDir, 'netzwerkraum.sqlite') });
    await migrate(db);
    const { networkId } = await seedDemo(db);
    await db.close();
    if (!networkId) throw new Error('the demo network was not seeded (the database already had accounts)');
    log(`app at ${app.url}, demo network ${networkId}`);

    const clients: Partial<Record<Who, ApiClient>> = {};
    for (const [who, email] of Object.entries(PEOPLE) as [Exclude<Who, 'anonymous'>, string][]) {
      const c = new ApiClient(app.url);
      const res = await c.signIn(email, DEMO_PASSWORD);
      if (!res.ok) throw new Error(`signing in as ${email} failed`);
      clients[who] = c;
    }
    const manager = clients.manager!;
    const home = (await manager.get(`/api/networks/${networkId}`)).json;
    const orgs: { id: string; name: string }[] = home.organisations;
    const lenaOrg = home.people.find((p: { name: string }) => p.name === 'Lena Bauer').organisationId as string;
    const otherOrg = orgs.find((o) => o.id !== lenaOrg)!.id;
    const goals = (await manager.get(`/api/networks/${networkId}/goals?limit=50`)).json.goals as {
      id: string;
      description: string;
    }[];
    const goal = goals[0];
    const invite = await manager.post(`/api/networks/${networkId}/invitations`, {
      role: 'representative',
      organisationId: otherOrg,
    });
    if (invite.status !== 201) throw new Error(`creating an invitation failed: ${invite.text}`);

    const meetings = (await manager.get(`/api/networks/${networkId}/meetings`)).json as {
      upcoming: { id: string }[];
      past: { id: string }[];
    };
    // A meeting being held right now (the demo has none: it would stay "live" for ever): scheduled in a few
    // minutes, started by the manager, with the youth centre present and a proposal open for voices.
    const liveMeeting = await manager.post(`/api/networks/${networkId}/meetings`, {
      title: 'Sondertreffen Sprachtreff / Extra meeting: language meet-up',
      startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
      durationMinutes: 60,
      place: 'Volkshochschule, Raum 2',
      organisationIds: orgs.map((o) => o.id),
    });
    if (liveMeeting.status !== 201) throw new Error(`scheduling the live meeting failed: ${liveMeeting.text}`);
    const liveId = liveMeeting.json.meeting.id as string;
    for (const body of [{ action: 'start' }, { action: 'attendance', organisationId: lenaOrg, attended: true }]) {
      const res = await manager.post(`/api/networks/${networkId}/meetings/${liveId}/state`, body);
      if (res.status !== 200) throw new Error(`moving the live meeting on failed: ${res.text}`);
    }
    const proposal = await manager.post(`/api/networks/${networkId}/meetings/${liveId}/decisions`, {
      title: 'Sprachtreff jeden Dienstag / Language meet-up every Tuesday',
      body: 'Ab Februar in der Volkshochschule, 18–19:30 Uhr. / From February at the adult education centre, 6–7.30 pm.',
      method: 'consent',
      closesAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    });
    if (proposal.status !== 201) throw new Error(`proposing in the live meeting failed: ${proposal.text}`);

    const commitments = (await manager.get(`/api/networks/${networkId}/commitments?limit=50`)).json.commitments as {
      id: string;
      status: string;
    }[];
    const commitment = commitments.find((c) => c.status === 'delivered') ?? commitments[0];
    const entries = (await manager.get(`/api/networks/${networkId}/ledger?limit=50`)).json.entries as {
      id: string;
      status: string;
    }[];
    const entry = entries.find((e) => e.status === 'disputed') ?? entries[0];

    // A password reset link, as the mail brings it; an unsubscribe link, as a digest would carry it.
    const reset = await new ApiClient(app.url).post('/api/account/password-reset', { email: PEOPLE.representative });
    if (reset.status >= 300) throw new Error(`asking for a reset link failed: ${reset.text}`);
    const resetMail = await app.smtp.waitFor(
      (m) => m.to === PEOPLE.representative && linksIn(m).some((l) => l.includes('/reset-password/')),
    );
    const resetPath = new URL(linksIn(resetMail).find((l) => l.includes('/reset-password/'))!).pathname;
    const lenaId = (await clients.representative!.session())?.user?.id;
    if (!lenaId) throw new Error('no session for the representative');
    const unsubscribePath = `/unsubscribe/${unsubscribeToken(lenaId, 'digest')}`;
    const base = `/networks/${networkId}`;
    const live = async (page: Page) => {
      await page.locator('[data-live-state="live"]').waitFor({ timeout: 20_000 });
    };
    /** Live, and every shared document on the page has connected (not "Connecting…" in the picture). */
    const liveDocs = async (page: Page) => {
      await live(page);
      await page.waitForFunction(
        () => {
          const lines = [...document.querySelectorAll('[role="status"][data-status]')];
          return (
            lines.length > 0 && lines.every((l) => !['connecting', 'syncing'].includes(l.getAttribute('data-status')!))
          );
        },
        undefined,
        { timeout: 20_000 },
      );
    };
    const all: Shot[] = [
      { name: 'landing', who: 'anonymous', path: '/' },
      { name: 'sign-in', who: 'anonymous', path: '/signin' },
      { name: 'sign-up', who: 'anonymous', path: '/signup' },
      { name: 'forgot-password', who: 'anonymous', path: '/forgot-password' },
      { name: 'reset-password', who: 'anonymous', path: resetPath },
      { name: 'invitation', who: 'anonymous', path: `/invite/${invite.json.token}` },
      { name: 'unsubscribe', who: 'anonymous', path: unsubscribePath },
      { name: 'not-found', who: 'anonymous', path: '/no-such-page' },
      { name: 'networks', who: 'representative', path: '/networks' },
      { name: 'network-overview', who: 'representative', path: base, ready: live },
      { name: 'for-me', who: 'representative', path: `${base}/for-me`, ready: live },
      { name: 'goals', who: 'representative', path: `${base}/goals`, ready: live },
      { name: 'goal', who: 'representative', path: `${base}/goals/${goal.id}`, ready: liveDocs },
      { name: 'ledger', who: 'representative', path: `${base}/ledger`, ready: live },
      ...(entry
        ? [{ name: 'ledger-entry', who: 'representative' as const, path: `${base}/ledger/${entry.id}`, ready: live }]
        : []),
      { name: 'commitments', who: 'representative', path: `${base}/commitments`, ready: live },
      ...(commitment
        ? [
            {
              name: 'commitment',
              who: 'representative' as const,
              path: `${base}/commitments/${commitment.id}`,
              ready: live,
            },
          ]
        : []),
      { name: 'notes', who: 'representative', path: `${base}/notes`, ready: liveDocs },
      { name: 'meetings', who: 'representative', path: `${base}/meetings`, ready: live },
      ...(meetings.past[0]
        ? [
            {
              name: 'meeting-past',
              who: 'representative' as const,
              path: `${base}/meetings/${meetings.past[0].id}`,
              ready: liveDocs,
            },
          ]
        : []),
      ...(meetings.upcoming[0]
        ? [
            {
              name: 'meeting-upcoming',
              who: 'manager' as const,
              path: `${base}/meetings/${meetings.upcoming[0].id}`,
              ready: liveDocs,
            },
          ]
        : []),
      { name: 'meeting-live', who: 'representative', path: `${base}/meetings/${liveId}`, ready: liveDocs },
      { name: 'health', who: 'representative', path: `${base}/health`, ready: live },
      { name: 'activity', who: 'representative', path: `${base}/activity`, ready: live },
      { name: 'management', who: 'representative', path: `${base}/management`, ready: live },
      { name: 'organisations', who: 'manager', path: `${base}/organisations`, ready: live },
      { name: 'organisation', who: 'representative', path: `${base}/organisations/${otherOrg}`, ready: live },
      {
        name: 'organisation-cooperation',
        who: 'representative',
        path: `${base}/organisations/${lenaOrg}/cooperation`,
        ready: live,
      },
      {
        name: 'organisation-home-notes',
        who: 'representative',
        path: `${base}/organisations/${lenaOrg}/home`,
        ready: liveDocs,
      },
      {
        name: 'organisation-readiness',
        who: 'representative',
        path: `${base}/organisations/${lenaOrg}/readiness`,
        ready: live,
      },
      { name: 'organisation-report', who: 'representative', path: `${base}/organisations/${lenaOrg}/report` },
      { name: 'people', who: 'manager', path: `${base}/people`, ready: live },
      { name: 'network-settings', who: 'manager', path: `${base}/settings`, ready: live },
      { name: 'network-not-found', who: 'representative', path: `${base}/no-such-part`, ready: live },
      { name: 'account', who: 'representative', path: '/account' },
    ];
    const shots = all.filter((s) => only.length === 0 || only.some((w) => s.name.includes(w)));

    fs.mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
    const started = Date.now();
    for (const locale of LOCALES) {
      for (const [size, viewport] of Object.entries(SIZES)) {
        const contexts = new Map<Who, BrowserContext>();
        for (const shot of shots) {
          let context = contexts.get(shot.who);
          if (!context) {
            context = await browser.newContext({
              viewport,
              deviceScaleFactor: 1,
              locale: locale === 'de' ? 'de-AT' : 'en-GB',
              timezoneId: 'Europe/Vienna',
              isMobile: size === 'phone',
              hasTouch: size === 'phone',
            });
            const client = shot.who === 'anonymous' ? undefined : clients[shot.who];
            await context.addCookies([
              ...(client ? client.playwrightCookies() : []),
              // The language choice of this browser wins over the account's (app/_lib/locale.ts).
              { name: 'nwr-locale', value: locale, url: app.url },
            ]);
            contexts.set(shot.who, context);
          }
          const page = await context.newPage();
          const consoleErrors: string[] = [];
          page.on('console', (m) => {
            if (m.type() === 'error') consoleErrors.push(m.text());
          });
          await page.goto(`${app.url}${shot.path}`, { waitUntil: 'load' });
          const notReady = await (shot.ready?.(page) ?? Promise.resolve()).then(
            () => null,
            (err: Error) => `not ready: ${err.message.split('\n')[0]}`,
          );
          await page.waitForTimeout(400); // fonts, transitions, late data
          const file = `${shot.name}.${locale}.${size}.png`;
          await page.screenshot({ path: path.join(OUT, file), fullPage: true });
          const tooWide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          const { violations } = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze();
          const problems = [
            ...(notReady ? [notReady] : []),
            ...(tooWide > 0 ? [`${tooWide} px wider than the screen`] : []),
            ...violations.map((v) => `axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
            ...consoleErrors.filter((e) => !/Failed to load resource.*404/.test(e)).map((e) => `console: ${e}`),
          ];
          for (const p of problems) findings.push(`${file}: ${p}`);
          log(`${file}${problems.length ? `  ← ${problems.length} finding(s)` : ''}`);
          await page.close();
        }
        for (const c of contexts.values()) await c.close();
      }
    }
    log(`${shots.length * 4} pictures in ${Math.round((Date.now() - started) / 1000)} s into docs/screens/`);
  } finally {
    await browser?.close();
    await app.stop();
  }
  if (findings.length) {
    log(`${findings.length} finding(s):\n  ${findings.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    log('no findings: axe clean and no page wider than its screen');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
