/**
 * Network health at size (`npm run bench:health`): the 20,000-entry network of
 * scripts/generate-large-network.ts (30 organisations, 1,000 goals, 2,000
 * commitments over two years).
 *
 * 1. Server time, in process, SQLite and (when running) PostgreSQL: the health
 *    read of the last twelve months live (every month computed from the
 *    ledger), the monthly snapshot job over the whole history (24 months), one
 *    snapshot, and the health read again with the snapshots kept; median and
 *    worst of several runs.
 * 2. Time to content in Chromium against the real production app (SQLite,
 *    snapshots taken): from navigation start until the structure verdict and
 *    the map's table are on screen, signed in as a representative.
 *
 * Results are appended to docs/benchmarks-health.md. Goal: the page shows its
 * content within 1 s.
 *
 *   npx tsx bench/health.ts      (HEALTH_BENCH_BROWSER=0 skips Chromium; HEALTH_BENCH_RUNS=5;
 *                                 HEALTH_BENCH_SCREENSHOT=file.png keeps a picture of the page)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { timePage } from './lib/page-timing';
import { migrate, openDb, type Db } from '../lib/db';
import { getHealth } from '../lib/health/get-health';
import { runMonthlyHealthSnapshots, takeHealthSnapshot } from '../lib/health/snapshots';
import { loadActor } from '../lib/policies/load-actor';
import { generateLargeNetwork, type GeneratedNetwork } from '../scripts/generate-large-network';
import { ApiClient } from '../tests/helpers/api-client';
import { startApp } from '../tests/helpers/app-server';
import { available, freshPostgres } from '../tests/helpers/services';

const RUNS = Number(process.env.HEALTH_BENCH_RUNS ?? 5);
const OUT = path.join(import.meta.dirname, '..', 'docs', 'benchmarks-health.md');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timeIt(fn: () => Promise<unknown>, warm = true): Promise<{ median: number; max: number }> {
  if (warm) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), max: Math.max(...times) };
}

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

async function serverTimes(db: Db, g: GeneratedNetwork): Promise<string[]> {
  const rep = await loadActor(db, g.representatives[0].id, g.networkId);
  const n = g.networkId;
  const rows: string[] = [];
  const row = (name: string, r: { median: number; max: number }) => {
    rows.push(`| ${name} | ${ms(r.median)} | ${ms(r.max)} |`);
    console.log(`  ${name}: median ${ms(r.median)}, max ${ms(r.max)}`);
  };
  row(
    'health read, last 12 months, live (no snapshots)',
    await timeIt(() => getHealth(db, rep, n, {}, { useSnapshots: false, cache: false })),
  );
  row(
    'health read, 2 years in hours, live',
    await timeIt(() =>
      getHealth(db, rep, n, { unit: 'hours', from: twoYearsAgo() }, { useSnapshots: false, cache: false }),
    ),
  );
  row('one snapshot (last month)', await timeIt(() => takeHealthSnapshot(db, n, lastMonth())));
  await db.run('DELETE FROM health_snapshots WHERE network_id = ?', [n]);
  const job = performance.now();
  const taken = await runMonthlyHealthSnapshots(db, new Date());
  const jobMs = performance.now() - job;
  rows.push(`| monthly snapshot job, first run (${taken.taken} months) | ${ms(jobMs)} | – |`);
  console.log(`  monthly job: ${taken.taken} snapshots in ${ms(jobMs)}`);
  row('monthly snapshot job, nothing new', await timeIt(() => runMonthlyHealthSnapshots(db, new Date())));
  row('health read, last 12 months, with snapshots', await timeIt(() => getHealth(db, rep, n, {}, { cache: false })));
  row(
    'health read, 2 years in hours, with snapshots',
    await timeIt(() => getHealth(db, rep, n, { unit: 'hours', from: twoYearsAgo() }, { cache: false })),
  );
  // What the page reads when nothing changed since the last read (lib/health/get-health.ts keeps the figures).
  row(
    'health read, last 12 months, kept figures (nothing written since)',
    await timeIt(() => getHealth(db, rep, n, {})),
  );
  return rows;
}

function twoYearsAgo() {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - 2);
  return d.toISOString().slice(0, 10);
}

async function browserTimes(): Promise<string[]> {
  const app = await startApp();
  try {
    const db = openDb({ sqliteFile: path.join(app.dataDir, 'netzwerkraum.sqlite') });
    await migrate(db);
    const g = await generateLargeNetwork(db);
    await runMonthlyHealthSnapshots(db, new Date());
    await db.close();
    const api = new ApiClient(app.url);
    let signed: Awaited<ReturnType<ApiClient['signIn']>> | null = null;
    for (let attempt = 1; attempt <= 3 && !signed?.ok; attempt++) {
      signed = await api
        .signIn(g.representatives[0].email, g.password)
        .catch((err: Error) => ({ ok: false, status: 0, error: err.message }));
    }
    if (!signed?.ok) throw new Error(`sign-in failed: ${signed?.error}\n${app.errorLines().join('\n')}`);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    const rows: string[] = [];
    try {
      const context = await browser.newContext({ locale: 'en-GB' });
      await context.addCookies(api.playwrightCookies());
      const page = await context.newPage();
      const url = `${app.url}/networks/${g.networkId}/health`;
      const pages: [string, string][] = [
        ['health page: verdict and map table', '[data-testid="map-flows"] tbody tr'],
        ['health page: charts drawn', '[data-testid="horizon-chart"] svg[data-chart-surface]'],
      ];
      for (const [name, selector] of pages) {
        const { content, loaded } = await timePage(page, url, selector, RUNS);
        rows.push(`| ${name} | ${ms(median(content))} | ${ms(Math.max(...content))} | ${ms(median(loaded))} |`);
        console.log(`  ${name}: content median ${ms(median(content))}, max ${ms(Math.max(...content))}`);
      }
      const state = await page.getByTestId('exchange-map').getAttribute('data-state');
      rows.push('', `The exchange map's state after loading: \`${state}\`.`);
      if (process.env.HEALTH_BENCH_SCREENSHOT)
        await page.screenshot({ path: process.env.HEALTH_BENCH_SCREENSHOT, fullPage: true });
    } finally {
      await browser.close();
    }
    return rows;
  } finally {
    await app.stop();
  }
}

const lines: string[] = [];
lines.push(`\n## Run ${new Date().toISOString()}\n`);
lines.push(
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}, Node ${process.version}. ${RUNS} runs each after one warm-up.\n`,
);

for (const backend of ['SQLite', 'PostgreSQL'] as const) {
  let db: (Db & { drop?: () => Promise<void> }) | null = null;
  if (backend === 'SQLite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'health-bench-'));
    db = openDb({ sqliteFile: path.join(dir, 'bench.sqlite') });
    await migrate(db);
    Object.assign(db, { drop: async () => (await db!.close(), fs.rmSync(dir, { recursive: true, force: true })) });
  } else if (await available('postgres')) {
    db = await freshPostgres();
  } else {
    lines.push('PostgreSQL was not running: no PostgreSQL figures in this run.\n');
    continue;
  }
  console.log(`${backend}: generating…`);
  const t0 = performance.now();
  const g = await generateLargeNetwork(db);
  const genMs = performance.now() - t0;
  lines.push(
    `### Server time, ${backend} (in process; ${g.counts.organisations} organisations, ${g.counts.entries} entries, ${g.counts.commitments} commitments; generated in ${(genMs / 1000).toFixed(1)} s)\n`,
  );
  lines.push('| step | median | max |', '|---|---|---|', ...(await serverTimes(db, g)), '');
  await db.drop?.();
}

if (process.env.HEALTH_BENCH_BROWSER !== '0' && (await available('chromium'))) {
  console.log('Chromium: starting the production app…');
  lines.push(
    '### Time to content in Chromium (production build, SQLite, snapshots kept, signed in as a representative; navigation start → content visible, and → load event)\n',
  );
  lines.push(
    '| page | content visible, median | content visible, max | fully loaded, median |',
    '|---|---|---|---|',
    ...(await browserTimes()),
    '',
  );
}

if (!fs.existsSync(OUT)) {
  fs.writeFileSync(
    OUT,
    '# Health benchmarks\n\nMade by `npm run bench:health` (bench/health.ts; see its header). Each run is appended below. Goal: the health page shows its content within 1 s on the 20,000-entry network; the snapshot job’s time is recorded.\n',
  );
}
fs.appendFileSync(OUT, lines.join('\n') + '\n');
console.log(`appended to ${OUT}`);
process.exit(0);
