/**
 * Cooperation at size: a network with 1,000 goals, 20,000 ledger entries and
 * 2,000 commitments (scripts/generate-large-network.ts).
 *
 * 1. Server time: the board, ledger, balances, organisation page, the
 *    "Home and network" view and commitment queries, run in process against SQLite and (when running)
 *    PostgreSQL, median and worst of several runs.
 * 2. Time to content in Chromium against the real production app: from
 *    navigation start until the page shows its content (goal list, ledger
 *    rows, balances), signed in as a representative.
 * 3. Navigation in Chromium: for each entry of the network navigation, and
 *    for a goal card → its goal page, the time from the click to the first
 *    visible feedback (the entry marked current, the shell's progress bar, the
 *    loading skeleton or the new page's <h1>, whichever comes first) and to
 *    the new page's content
 *    (bench/lib/page-timing.ts, timeClick).
 * Results are appended to docs/benchmarks-cooperation.md. The goals: every
 * page shows content within 1 s here, and every click shows feedback within
 * 100 ms.
 *
 *   npx tsx bench/cooperation.ts
 *     COOP_BENCH_RUNS=5                       runs per case (after one warm-up)
 *     COOP_BENCH_PARTS=server,pages,navigation  which parts to run (default all three)
 *     COOP_BENCH_BROWSER=0                    skips Chromium (pages and navigation)
 *   npx tsx bench/cooperation.ts --help     (only some pages, no server times, print instead of appending)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { timeClick, timePage, type ClickTiming } from './lib/page-timing';
import { NETWORK_NAV } from '../app/networks/[networkId]/_shell/nav';
import { translator } from '../lib/i18n';
import { migrate, openDb, type Db } from '../lib/db';
import { getBalances } from '../lib/ledger/get-balances';
import { listCommitments } from '../lib/commitments/list-commitments';
import { listEntries } from '../lib/ledger/list-entries';
import { listGoals } from '../lib/goals/list-goals';
import { getOrganisationOverview } from '../lib/organisations/get-organisation-overview';
import { getHomeView } from '../lib/mandates/get-home-view';
import { addHomeData } from './lib/home-data';
import { loadActor } from '../lib/policies/load-actor';
import { addDays, today } from '../lib/core/dates';
import { getManagementMandate } from '../lib/management/get-management-mandate';
import { listReadinessChecks } from '../lib/readiness/list-checks';
import { reportDocument } from '../lib/report/document';
import { getBoardReport } from '../lib/report/get-board-report';
import { reportPdf } from '../lib/report/pdf';
import { getForMe, getForMeAcross } from '../lib/for-me/get-for-me';
import { listActivityLog } from '../lib/activity/activity-log';
import { addFollowUpLoad } from './lib/follow-up-load';
import { runMonthlyHealthSnapshots } from '../lib/health/snapshots';
import { generateLargeNetwork, type GeneratedNetwork } from '../scripts/generate-large-network';
import { ApiClient } from '../tests/helpers/api-client';
import { startApp } from '../tests/helpers/app-server';
import { addReadinessLoad } from './lib/readiness-load';
import { available, freshPostgres } from '../tests/helpers/services';

const USAGE = `npx tsx bench/cooperation.ts [--pages=ledger,home] [--browser-only] [--no-append]
  --pages=a,b     only the Chromium pages whose name contains one of these words (the PDF download: "pdf")
  --browser-only  skip the in-process server times (SQLite and PostgreSQL)
  --no-append     print the results instead of appending them to docs/benchmarks-cooperation.md
  env: COOP_BENCH_RUNS (default 5), COOP_BENCH_BROWSER=0 (skip Chromium)`;
const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const PAGES = args
  .find((a) => a.startsWith('--pages='))
  ?.slice('--pages='.length)
  .split(',')
  .map((w) => w.trim().toLowerCase())
  .filter(Boolean);
const wanted = (name: string) => !PAGES || PAGES.some((w) => name.toLowerCase().includes(w));
const BROWSER_ONLY = args.includes('--browser-only');
const NO_APPEND = args.includes('--no-append');
const RUNS = Number(process.env.COOP_BENCH_RUNS ?? 5);
const PARTS = new Set((process.env.COOP_BENCH_PARTS ?? 'server,pages,navigation').split(',').map((p) => p.trim()));
/** The goal for the first visible answer to a click (issue 9). */
const FEEDBACK_GOAL_MS = 100;
const OUT = path.join(import.meta.dirname, '..', 'docs', 'benchmarks-cooperation.md');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timeIt(fn: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await fn(); // warm-up (statement caches, page cache)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), max: Math.max(...times) };
}

async function serverTimes(db: Db, g: GeneratedNetwork) {
  const rep = await loadActor(db, g.representatives[0].id, g.networkId);
  const org = g.representatives[0].organisationId;
  const n = g.networkId;
  const cases: [string, () => Promise<unknown>][] = [
    ['goal board, first page (recently changed)', () => listGoals(db, rep, n, {})],
    [
      'goal board, status + organisation + 2 search words',
      () => listGoals(db, rep, n, { status: 'active', organisationId: org, q: 'pool north', sort: 'target_asc' }),
    ],
    ['goal board, page 40 by target date', () => listGoals(db, rep, n, { sort: 'target_asc', offset: 780, limit: 20 })],
    ['ledger, first page', () => listEntries(db, rep, n, { limit: 25 })],
    [
      'ledger, one organisation, one unit, page 10',
      () => listEntries(db, rep, n, { organisationId: org, unit: 'hours', limit: 25, offset: 225 }),
    ],
    ['balances, whole network', () => getBalances(db, rep, n, {})],
    ['balances, one organisation (with months)', () => getBalances(db, rep, n, { organisationId: org })],
    ['organisation page (ratings, partners, commitments, activity)', () => getOrganisationOverview(db, rep, n, org)],
    [
      'home and network (gave/got, promised vs capacity and mandate, ratings, approvals)',
      () => getHomeView(db, rep, n, org),
    ],
    ['commitments overdue', () => listCommitments(db, rep, n, { view: 'overdue' })],
    ['for me (needs me, due, what changed in 14 days)', () => getForMe(db, rep, n)],
    ['for me across networks', () => getForMeAcross(db, rep.userId)],
    ['activity log, first page', () => listActivityLog(db, rep, n, {})],
    [
      'activity log, ledger kinds of one organisation',
      () => listActivityLog(db, rep, n, { group: 'ledger', organisationId: org }),
    ],
    [
      'commitments due soon, one organisation',
      () => listCommitments(db, rep, n, { view: 'due_soon', organisationId: org }),
    ],
    ['Netzwerk-Check (24 checks, trend)', () => listReadinessChecks(db, rep, n, org)],
    ['report for the home board, this year', () => getBoardReport(db, rep, n, org)],
    [
      'report for the home board, five years',
      () => getBoardReport(db, rep, n, org, { from: addDays(today(), -5 * 365), to: today() }),
    ],
    [
      'report as PDF (query + document + pdfkit), this year',
      async () => reportPdf(reportDocument(await getBoardReport(db, rep, n, org), 'de'), 'de'),
    ],
    ['management mandate (3 versions)', () => getManagementMandate(db, rep, n)],
  ];
  const rows: string[] = [];
  for (const [name, fn] of cases) {
    const r = await timeIt(fn);
    rows.push(`| ${name} | ${ms(r.median)} | ${ms(r.max)} |`);
    console.log(`  ${name}: median ${ms(r.median)}, max ${ms(r.max)}`);
  }
  return rows;
}

/** Content that tells a page has arrived, for the sections that have a list (others: their <h1>, no skeleton). */
const NAV_CONTENT: Record<string, string> = {
  goals: '[data-testid="goal-list"] li',
  ledger: '[data-testid="ledger-table"] tbody tr',
  commitments: '[data-testid="commitment-list"] li, main p.text-stone-700',
  people: '[data-testid="member"]',
  activity: '[data-testid="activity-list"] li',
};
/** Time to look at a page before the next click (Next prefetches the visible links meanwhile). */
const SETTLE_MS = 1_000;

function navRow(name: string, runs: ClickTiming[]): string {
  const feedback = runs.map((r) => r.feedback);
  const content = runs.map((r) => r.content);
  const kinds = new Map<string, number>();
  for (const r of runs) kinds.set(r.by, (kinds.get(r.by) ?? 0) + 1);
  const first = [...kinds].map(([k, n]) => `${k} ${n}`).join(', ');
  const ok =
    Math.max(...feedback) <= FEEDBACK_GOAL_MS ? 'yes' : median(feedback) <= FEEDBACK_GOAL_MS ? 'median only' : 'no';
  console.log(
    `  ${name}: feedback median ${ms(median(feedback))}, max ${ms(Math.max(...feedback))} (${first}); content median ${ms(median(content))}, max ${ms(Math.max(...content))}`,
  );
  return `| ${name} | ${ms(median(feedback))} | ${ms(Math.max(...feedback))} | ${first} | ${ms(median(content))} | ${ms(Math.max(...content))} | ${ok} |`;
}

/**
 * Clicks through the network navigation (each entry from the one before it; the overview last, from the
 * activity page) RUNS times after one warm-up round, then a goal card on the goal board → its goal page.
 */
async function navigationTimes(page: Page, appUrl: string, base: string, orgId: string): Promise<string[]> {
  const t = translator('en');
  const navLink = (p: string) => `[data-testid="network-nav"] ul a[href="${base}${p}"]`;
  await page.goto(appUrl + base);
  await page.locator('main h1').first().waitFor({ timeout: 60_000 });
  const order = [...NETWORK_NAV.slice(1), NETWORK_NAV[0]];
  const times = new Map<string, ClickTiming[]>(order.map((e) => [e.id, []]));
  for (let round = 0; round <= RUNS; round++) {
    for (const entry of order) {
      await page.waitForTimeout(SETTLE_MS);
      const link = navLink(entry.path);
      const r = await timeClick(page, () => page.locator(link).click(), {
        markSelector: `${link}[aria-current="page"], ${link}:has([data-pending])`,
        contentSelector: NAV_CONTENT[entry.id],
      });
      if (round > 0) times.get(entry.id)!.push(r);
    }
  }
  const rows = order.map((e) => navRow(t(e.label), times.get(e.id)!));
  // A goal card on the board → the goal page (the board is reached through the navigation, not timed).
  const card: ClickTiming[] = [];
  for (let round = 0; round <= RUNS; round++) {
    await page.locator(navLink('/goals')).click();
    await page.locator(NAV_CONTENT.goals).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(SETTLE_MS);
    const r = await timeClick(page, () => page.locator('[data-testid="goal-list"] li a').first().click(), {
      contentSelector: '[data-testid="goal-why"]',
    });
    if (round > 0) card.push(r);
  }
  rows.push(navRow('goal card → goal page', card));
  // An organisation in the list → its page (the list is reached through the navigation, not timed).
  const org: ClickTiming[] = [];
  for (let round = 0; round <= RUNS; round++) {
    await page.locator(navLink('/organisations')).click();
    await page.locator(`main a[href="${base}/organisations/${orgId}"]`).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(SETTLE_MS);
    const r = await timeClick(
      page,
      () => page.locator(`main a[href="${base}/organisations/${orgId}"]`).first().click(),
      {},
    );
    if (round > 0) org.push(r);
  }
  rows.push(navRow('organisation in the list → its page', org));
  return rows;
}

async function browserTimes(): Promise<{ pages: string[]; navigation: string[] }> {
  const app = await startApp();
  try {
    const db = openDb({ sqliteFile: path.join(app.dataDir, 'netzwerkraum.sqlite') });
    await migrate(db);
    const g = await generateLargeNetwork(db);
    await addHomeData(db, g);
    await addReadinessLoad(db, g);
    await addFollowUpLoad(db, g);
    // The health page reads past months from the monthly snapshots, as in production (the job keeps them).
    await runMonthlyHealthSnapshots(db, new Date());
    const goalId = (await db.get<{ id: string }>('SELECT id FROM goals WHERE network_id = ? LIMIT 1', [g.networkId]))!
      .id;
    await db.close();
    const api = new ApiClient(app.url);
    let signed: Awaited<ReturnType<ApiClient['signIn']>> | null = null;
    for (let attempt = 1; attempt <= 3 && !signed?.ok; attempt++) {
      // A kept-alive socket the server already closed fails once; try again on a fresh one.
      signed = await api
        .signIn(g.representatives[0].email, g.password)
        .catch((err: Error) => ({ ok: false, status: 0, error: err.message }));
    }
    if (!signed?.ok) throw new Error(`sign-in failed: ${signed?.error}\n${app.errorLines().join('\n')}`);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const rows: string[] = [];
    const navigation: string[] = [];
    try {
      const context = await browser.newContext({ locale: 'en-GB' });
      await context.addCookies(api.playwrightCookies());
      const page = await context.newPage();
      const base = `/networks/${g.networkId}`;
      if (PARTS.has('navigation')) {
        const navPage = await context.newPage();
        await navPage.setViewportSize({ width: 1366, height: 900 });
        navigation.push(...(await navigationTimes(navPage, app.url, base, g.representatives[0].organisationId)));
        await navPage.close();
      }
      if (PARTS.has('pages')) {
        const pages: [string, string, string][] = [
          ['goal board', `${base}/goals`, '[data-testid="goal-list"] li'],
          ['ledger (entries)', `${base}/ledger`, '[data-testid="ledger-table"] tbody tr'],
          ['ledger (balances)', `${base}/ledger`, '[data-testid="balances-table"] tbody tr'],
          [
            'organisation page',
            `${base}/organisations/${g.representatives[0].organisationId}/cooperation`,
            '[data-testid="balances-table"] tbody tr',
          ],
          [
            'commitments (open, overdue first)',
            `${base}/commitments`,
            '[data-testid="commitment-list"] li, main p.text-stone-700',
          ],
          ['goal page', `${base}/goals/${goalId}`, '[data-testid="goal-why"]'],
          ['people', `${base}/people`, '[data-testid="member"]'],
          [
            'home and network (its own people)',
            `${base}/organisations/${g.representatives[0].organisationId}/home`,
            '[data-testid="home-exchange-units"] li',
          ],
          [
            'Netzwerk-Check (24 checks)',
            `${base}/organisations/${g.representatives[0].organisationId}/readiness`,
            '[data-testid="readiness-trend-table"] tbody tr',
          ],
          [
            'report for the home board',
            `${base}/organisations/${g.representatives[0].organisationId}/report`,
            '[data-testid="report-section-ledger"] table tbody tr',
          ],
          ['management mandate', `${base}/management`, '[data-testid="management-mandate"]'],
          ['for me', `${base}/for-me`, '#changes h3'],
          ['activity', `${base}/activity`, '[data-testid="activity-list"] li'],
          ['health (verdict and map table)', `${base}/health`, '[data-testid="map-flows"] tbody tr'],
          ['health (charts drawn)', `${base}/health`, '[data-testid="horizon-chart"] svg[data-chart-surface]'],
        ];
        for (const [name, url, selector] of pages.filter(([name]) => wanted(name))) {
          const { content, loaded } = await timePage(page, app.url + url, selector, RUNS);
          rows.push(`| ${name} | ${ms(median(content))} | ${ms(Math.max(...content))} | ${ms(median(loaded))} |`);
          console.log(`  ${name}: content median ${ms(median(content))}, max ${ms(Math.max(...content))}`);
        }
        // The PDF report as a download: request → last byte (the server makes it with pdfkit).
        const pdfUrl = `/api/networks/${g.networkId}/organisations/${g.representatives[0].organisationId}/report?format=pdf`;
        const pdfTimes: number[] = [];
        for (let i = 0; wanted('report PDF download') && i <= RUNS; i++) {
          const t0 = performance.now();
          const res = await api.get(pdfUrl);
          if (res.status !== 200) throw new Error(`report PDF: ${res.status} ${res.text.slice(0, 200)}`);
          if (i > 0) pdfTimes.push(performance.now() - t0); // the first is the warm-up
        }
        if (pdfTimes.length) {
          rows.push(
            `| report PDF download (HTTP, whole file) | ${ms(median(pdfTimes))} | ${ms(Math.max(...pdfTimes))} | — |`,
          );
          console.log(`  report PDF: median ${ms(median(pdfTimes))}, max ${ms(Math.max(...pdfTimes))}`);
        }
      }
    } finally {
      await browser.close();
    }
    return { pages: rows, navigation };
  } finally {
    await app.stop();
  }
}

const lines: string[] = [];
const stamp = new Date().toISOString();
lines.push(`\n## Run ${stamp}\n`);
lines.push(
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}, Node ${process.version}. ${RUNS} runs each after one warm-up.\n`,
);

for (const backend of PARTS.has('server') && !BROWSER_ONLY ? (['SQLite', 'PostgreSQL'] as const) : []) {
  let db: (Db & { drop?: () => Promise<void> }) | null = null;
  if (backend === 'SQLite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-'));
    db = openDb({ sqliteFile: path.join(dir, 'bench.sqlite') });
    await migrate(db);
    Object.assign(db, { drop: async () => (await db!.close(), fs.rmSync(dir, { recursive: true, force: true })) });
  } else if (await available('postgres')) {
    db = await freshPostgres();
  } else continue;
  console.log(`${backend}: generating…`);
  const t0 = performance.now();
  const g = await generateLargeNetwork(db);
  await addHomeData(db, g);
  await addReadinessLoad(db, g);
  await addFollowUpLoad(db, g);
  const genMs = performance.now() - t0;
  console.log(`${backend}: generated ${JSON.stringify(g.counts)} in ${(genMs / 1000).toFixed(1)} s`);
  lines.push(
    `### Server time, ${backend} (in process; ${g.counts.goals} goals, ${g.counts.entries} entries, ${g.counts.commitments} commitments, ${g.counts.ratings} ratings; generated in ${(genMs / 1000).toFixed(1)} s)\n`,
  );
  lines.push('| query | median | max |', '|---|---|---|', ...(await serverTimes(db, g)), '');
  await db.drop?.();
}

if (
  (PARTS.has('pages') || PARTS.has('navigation')) &&
  process.env.COOP_BENCH_BROWSER !== '0' &&
  (await available('chromium'))
) {
  console.log('Chromium: starting the production app…');
  const browser = await browserTimes();
  if (PARTS.has('pages'))
    lines.push(
      '### Time to content in Chromium (production build, SQLite, signed in as a representative; navigation start → content visible, and → load event)\n',
      '| page | content visible, median | content visible, max | fully loaded, median |',
      '|---|---|---|---|',
      ...browser.pages,
      '',
    );
  if (PARTS.has('navigation'))
    lines.push(
      `### Navigation feedback in Chromium (production build, SQLite, 1366×900, signed in as a representative; click → first visible feedback, and → content; goal ≤ ${FEEDBACK_GOAL_MS} ms feedback)\n`,
      'Feedback is the first animation frame that shows the click was taken: the clicked entry marked as the current place ("current"), the shell\'s progress bar at the top ("progress"), the loading skeleton ("skeleton"), or the new page\'s `<h1>` ("heading"), whichever comes first ("first" counts which one it was per run). Content is the first frame with the new page\'s `<h1>`, no skeleton left, and the page\'s content (rows, list) where it has one. Each navigation entry is clicked from the page before it in the navigation (the overview from the activity page), the goal card from the goal board, the organisation from the list of organisations, each after a second on that page (time for Next to prefetch the visible links).\n',
      '| link | feedback, median | feedback, max | first | content, median | content, max | feedback ≤ 100 ms |',
      '|---|---|---|---|---|---|---|',
      ...browser.navigation,
      '',
    );
}

if (NO_APPEND) {
  console.log(lines.join('\n'));
  process.exit(0);
}
if (!fs.existsSync(OUT)) {
  fs.writeFileSync(
    OUT,
    '# Cooperation benchmarks\n\nMade by `npx tsx bench/cooperation.ts` (see its header). Each run is appended below. Goal: every page shows content within 1 s on this 2-core machine.\n',
  );
}
fs.appendFileSync(OUT, lines.join('\n') + '\n');
console.log(`appended to ${OUT}`);
process.exit(0);
