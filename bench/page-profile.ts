/**
 * Where a page's time goes (a tool for finding slow pages, not a benchmark of record): starts the production
 * app on the 20,000-entry network of bench/cooperation.ts (with health snapshots), signs in as the first
 * representative and, per page, prints the browser's own milestones from navigation start — first byte of the
 * HTML, last byte, DOMContentLoaded, content visible (seen in the page, at the frame it is painted in), load —
 * and, for one run, every request the page made with its start and end (a waterfall: chunks, fonts, fetches
 * after hydration, the change feed).
 *
 *   npx tsx bench/page-profile.ts            (PROFILE_PAGES=regex picks pages by name; PROFILE_RUNS=5;
 *                                             PROFILE_WATERFALL=0 leaves the waterfall out;
 *                                             PROFILE_KEEP=1 keeps the app running afterwards and prints its address)
 */
import path from 'node:path';
import { chromium, type Request } from '@playwright/test';
import { migrate, openDb } from '../lib/db';
import { runMonthlyHealthSnapshots } from '../lib/health/snapshots';
import { generateLargeNetwork } from '../scripts/generate-large-network';
import { ApiClient } from '../tests/helpers/api-client';
import { startApp } from '../tests/helpers/app-server';
import { addFollowUpLoad } from './lib/follow-up-load';
import { addHomeData } from './lib/home-data';
import { contentProbe } from './lib/page-timing';
import { addReadinessLoad } from './lib/readiness-load';

const RUNS = Number(process.env.PROFILE_RUNS ?? 5);
const FILTER = new RegExp(process.env.PROFILE_PAGES ?? '.', 'i');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '   –' : String(Math.round(n)).padStart(5));

const app = await startApp();
try {
  const db = openDb({ sqliteFile: path.join(app.dataDir, 'netzwerkraum.sqlite') });
  await migrate(db);
  const g = await generateLargeNetwork(db);
  await addHomeData(db, g);
  await addReadinessLoad(db, g);
  await addFollowUpLoad(db, g);
  await runMonthlyHealthSnapshots(db, new Date());
  const goalId = (await db.get<{ id: string }>('SELECT id FROM goals WHERE network_id = ? LIMIT 1', [g.networkId]))!.id;
  await db.close();
  const api = new ApiClient(app.url);
  let signed: Awaited<ReturnType<ApiClient['signIn']>> | null = null;
  for (let attempt = 1; attempt <= 3 && !signed?.ok; attempt++)
    signed = await api
      .signIn(g.representatives[0].email, g.password)
      .catch((err: Error) => ({ ok: false, status: 0, error: err.message }));
  if (!signed?.ok) throw new Error(`sign-in failed: ${signed?.error}`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addCookies(api.playwrightCookies());
  const page = await context.newPage();
  const base = `/networks/${g.networkId}`;
  const org = g.representatives[0].organisationId;
  const pages: [string, string, string][] = [
    ['goal board', `${base}/goals`, '[data-testid="goal-list"] li'],
    ['ledger (entries)', `${base}/ledger`, '[data-testid="ledger-table"] tbody tr'],
    ['ledger (balances)', `${base}/ledger`, '[data-testid="balances-table"] tbody tr'],
    ['organisation page', `${base}/organisations/${org}/cooperation`, '[data-testid="balances-table"] tbody tr'],
    ['commitments', `${base}/commitments`, '[data-testid="commitment-list"] li, main p.text-stone-700'],
    ['goal page', `${base}/goals/${goalId}`, '[data-testid="goal-why"]'],
    ['people', `${base}/people`, '[data-testid="member"]'],
    ['home and network', `${base}/organisations/${org}/home`, '[data-testid="home-exchange-units"] li'],
    ['Netzwerk-Check', `${base}/organisations/${org}/readiness`, '[data-testid="readiness-trend-table"] tbody tr'],
    ['report', `${base}/organisations/${org}/report`, '[data-testid="report-section-ledger"] table tbody tr'],
    ['management mandate', `${base}/management`, '[data-testid="management-mandate"]'],
    ['for me', `${base}/for-me`, '#changes h3'],
    ['activity', `${base}/activity`, '[data-testid="activity-list"] li'],
    ['overview', base, 'main h1'],
    ['health (map table)', `${base}/health`, '[data-testid="map-flows"] tbody tr'],
    ['health (charts)', `${base}/health`, '[data-testid="horizon-chart"] svg[data-chart-surface]'],
  ];
  for (const [, , selector] of pages) await page.addInitScript(contentProbe(selector));

  console.log(
    `app ${app.url}; logs ${app.logDir}\n${'page'.padEnd(20)} ttfb  html   dcl content(page) content(pw) load  html-kB js-kB reqs`,
  );
  for (const [name, url, selector] of pages) {
    if (!FILTER.test(name)) continue;
    const rows: Record<string, number>[] = [];
    let waterfall: string[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const requests: Request[] = [];
      const onReq = (req: Request) => requests.push(req);
      page.on('request', onReq);
      const t0 = performance.now();
      await page.goto(app.url + url, { waitUntil: 'commit' });
      await page.locator(selector).first().waitFor({ timeout: 60_000 });
      const pw = performance.now() - t0;
      await page.waitForLoadState('load');
      await page.waitForTimeout(400); // fetches after hydration, the change feed
      page.off('request', onReq);
      const m = await page.evaluate((s) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const w = window as unknown as { __nwrSeen: Record<string, number> };
        return {
          origin: performance.timeOrigin,
          ttfb: nav.responseStart,
          html: nav.responseEnd,
          dcl: nav.domContentLoadedEventEnd,
          load: nav.loadEventStart,
          content: w.__nwrSeen[s],
          htmlKB: nav.encodedBodySize / 1024,
        };
      }, selector);
      let jsKB = 0;
      const lines: string[] = [];
      for (const req of requests) {
        const t = req.timing();
        // The change feed never ends: only finished responses have a size.
        const done = t.responseEnd >= 0 && req.resourceType() !== 'eventsource';
        const res = done ? await req.response().catch(() => null) : null;
        const size = res ? ((await res.body().catch(() => Buffer.alloc(0))).length ?? 0) : 0;
        if (req.resourceType() === 'script') jsKB += size / 1024;
        const start = t.startTime - m.origin;
        const end = t.responseEnd >= 0 ? start + t.responseEnd : NaN;
        lines.push(
          `    ${r(start)} → ${r(end)}  ${req.resourceType().padEnd(10)} ${(size / 1024).toFixed(1).padStart(6)} kB  ${req
            .url()
            .replace(app.url, '')
            .replace(g.networkId, ':n')
            .slice(0, 110)}`,
        );
      }
      if (i === 0) continue; // warm-up
      rows.push({ ...m, pw, jsKB, reqs: requests.length });
      waterfall = lines;
    }
    const med = (k: string) => median(rows.map((x) => x[k]));
    const max = (k: string) => Math.max(...rows.map((x) => x[k]));
    console.log(
      `${name.padEnd(20)}${r(med('ttfb'))}${r(med('html'))}${r(med('dcl'))} ${r(med('content'))}/${r(max('content'))} ${r(
        med('pw'),
      )}/${r(max('pw'))}${r(med('load'))}  ${med('htmlKB').toFixed(0).padStart(6)} ${med('jsKB')
        .toFixed(0)
        .padStart(5)} ${r(med('reqs'))}`,
    );
    if (process.env.PROFILE_WATERFALL !== '0') console.log(waterfall.join('\n'));
  }
  await browser.close();
  if (process.env.PROFILE_KEEP === '1') {
    console.log(`kept running: ${app.url} (Ctrl-C stops)`);
    await new Promise(() => {});
  }
} finally {
  await app.stop();
}
process.exit(0);
