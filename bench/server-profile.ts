/**
 * Server time per page, without a browser: starts the production app on the 20,000-entry network (as
 * bench/page-profile.ts), signs in and requests each page's HTML, one after another, several times: time to the
 * first byte and to the last byte. Also two API requests every page makes after it loads (the bell's
 * count, the
 * ledger's units), so their cost on the server is visible.
 *
 *   npx tsx bench/server-profile.ts        (SERVER_PROFILE_RUNS=5; SERVER_PROFILE_CPU=/tmp/dir writes CPU profiles)
 */
import path from 'node:path';
import { migrate, openDb } from '../lib/db';
import { runMonthlyHealthSnapshots } from '../lib/health/snapshots';
import { generateLargeNetwork } from '../scripts/generate-large-network';
import { ApiClient } from '../tests/helpers/api-client';
import { startApp } from '../tests/helpers/app-server';
import { addFollowUpLoad } from './lib/follow-up-load';
import { addHomeData } from './lib/home-data';
import { addReadinessLoad } from './lib/readiness-load';

const RUNS = Number(process.env.SERVER_PROFILE_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const CPU = process.env.SERVER_PROFILE_CPU; // a folder: the web process writes a V8 CPU profile there
const app = await startApp(CPU ? { env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${CPU}` } } : {});
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
  const cookie = api.cookieHeader();
  const base = `/networks/${g.networkId}`;
  const org = g.representatives[0].organisationId;
  const cases: [string, string][] = [
    ['goal board', `${base}/goals`],
    ['ledger', `${base}/ledger`],
    ['organisation page', `${base}/organisations/${org}/cooperation`],
    ['commitments', `${base}/commitments`],
    ['goal page', `${base}/goals/${goalId}`],
    ['people', `${base}/people`],
    ['home and network', `${base}/organisations/${org}/home`],
    ['Netzwerk-Check', `${base}/organisations/${org}/readiness`],
    ['report', `${base}/organisations/${org}/report`],
    ['management mandate', `${base}/management`],
    ['for me', `${base}/for-me`],
    ['activity', `${base}/activity`],
    ['overview', base],
    ['health', `${base}/health`],
    ['signed-in /account', `/account`],
    ['api for-me/count', `/api/networks/${g.networkId}/for-me/count`],
    ['api ledger/units', `/api/networks/${g.networkId}/ledger/units`],
  ];
  console.log(`${'request'.padEnd(30)} ttfb(med/max)  total(med/max)  kB`);
  for (const [name, url] of cases) {
    const ttfb: number[] = [];
    const total: number[] = [];
    let size = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      const res = await fetch(app.url + url, { headers: { cookie }, redirect: 'manual' });
      const t1 = performance.now();
      const body = await res.arrayBuffer();
      const t2 = performance.now();
      if (res.status !== 200) console.log(`  ${name}: HTTP ${res.status}`);
      if (i === 0) continue;
      ttfb.push(t1 - t0);
      total.push(t2 - t0);
      size = body.byteLength;
    }
    const f = (xs: number[]) =>
      `${median(xs).toFixed(0).padStart(5)}/${Math.max(...xs)
        .toFixed(0)
        .padStart(5)}`;
    console.log(`${name.padEnd(30)} ${f(ttfb)}    ${f(total)}   ${(size / 1024).toFixed(0)}`);
  }
  if (process.env.PROFILE_KEEP === '1') {
    console.log(`kept running: ${app.url} cookie: ${cookie}`);
    await new Promise(() => {});
  }
} finally {
  await app.stop();
}
process.exit(0);
