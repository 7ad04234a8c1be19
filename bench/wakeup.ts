/**
 * `npm run bench:wakeup`: how fast a committed change reaches the processes
 * that must act on it, on the real app (a production build served by
 * `next start` plus the realtime process, SQLite, no Redis: the embedded
 * default of `npm start`, started by tests/helpers/app-server.ts).
 *
 * 1. Revocation → socket close: browser A holds a websocket (ticket from
 *    POST /api/realtime/ticket); browser B of the same person posts
 *    /api/account/sign-out-everywhere. Measured from B sending the request to
 *    A's socket receiving the close frame (4401).
 * 2. An activity entry → another browser: an observer holds the network's
 *    change feed (SSE, /api/networks/:id/events); a representative posts a
 *    goal. Measured from the POST being sent to the observer receiving the
 *    row's event.
 *
 * Both include the HTTP request that makes the change. Prints p50/p95/p99/max
 * and writes bench/results/wakeup-<date>.json. Env: WAKEUP_N (default 200);
 * WAKEUP_MODE=scale runs the same on PostgreSQL (a fresh database on
 * TEST_DATABASE_URL's server, dropped afterwards) with Redis (TEST_REDIS_URL):
 * the wake-up travels over Redis pub/sub instead of the loopback nudge.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import WebSocket from 'ws';
import { ApiClient, uniqueEmail } from '../tests/helpers/api-client';
import { startApp, ROOT } from '../tests/helpers/app-server';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../tests/helpers/services';

const N = Number(process.env.WAKEUP_N ?? 200);

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    n: s.length,
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s[s.length - 1]),
  };
}

async function person(url: string, name: string): Promise<{ c: ApiClient; email: string; password: string }> {
  const c = new ApiClient(url);
  const email = uniqueEmail(name.toLowerCase());
  const password = `pw-${name}-Netzwerk-2026!`;
  await c.signUpAndSignIn({ email, password, name });
  return { c, email, password };
}

function must<T extends { status: number; text?: string }>(r: T, status: number, what: string): T {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${r.text ?? ''}`);
  return r;
}

const scale = process.env.WAKEUP_MODE === 'scale';

/** Scale mode: a fresh PostgreSQL database (and a function that drops it). */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new URL(TEST_DATABASE_URL);
  const name = `nwr_wakeup_${process.pid}_${Date.now()}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function main() {
  const database = scale ? await freshDatabase() : null;
  const app = await startApp(database ? { env: { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL } } : {});
  try {
    const manager = await person(app.url, 'Manager');
    const net = must(
      await manager.c.post('/api/networks', { name: `Wake-up ${Date.now()}`, purpose: 'Benchmark' }),
      201,
      'create network',
    );
    const networkId: string = net.json.network?.id ?? net.json.id;
    const doc = `commons.${networkId}`;

    // 1. Revocation → socket close
    const revocation: number[] = [];
    const signOutRoundTrip: number[] = [];
    for (let i = 0; i < N; i++) {
      const a = new ApiClient(app.url);
      await a.signIn(manager.email, manager.password);
      const b = new ApiClient(app.url);
      await b.signIn(manager.email, manager.password);
      const t = must(await a.post('/api/realtime/ticket', { doc }), 200, 'ticket');
      const ws = new WebSocket(`${t.json.url}/${doc}?ticket=${encodeURIComponent(t.json.ticket)}`, {
        origin: app.url,
      });
      await new Promise<void>((resolve, reject) => {
        ws.once('message', () => resolve());
        ws.once('error', reject);
        ws.once('close', (code) => reject(new Error(`closed before sync: ${code}`)));
      });
      ws.removeAllListeners('close');
      const closed = new Promise<{ code: number; at: number }>((resolve) =>
        ws.once('close', (code) => resolve({ code, at: performance.now() })),
      );
      const t0 = performance.now();
      const res = await b.post('/api/account/sign-out-everywhere');
      signOutRoundTrip.push(performance.now() - t0);
      must(res, 200, 'sign out everywhere');
      const c = await closed;
      if (c.code !== 4401) throw new Error(`socket closed with ${c.code}, expected 4401`);
      revocation.push(c.at - t0);
    }

    // 2. An activity entry → another browser (the observer's change feed)
    // The manager's earlier sessions were all ended above: a fresh one writes.
    const writer = new ApiClient(app.url);
    await writer.signIn(manager.email, manager.password);
    const observer = await person(app.url, 'Observer');
    const inv = must(await writer.post(`/api/networks/${networkId}/invitations`, { role: 'observer' }), 201, 'invite');
    must(await observer.c.post(`/api/invitations/${inv.json.token}/accept`), 200, 'accept');

    const ctrl = new AbortController();
    const res = await observer.c.raw(`/api/networks/${networkId}/events`, { signal: ctrl.signal });
    if (res.status !== 200) throw new Error(`events: ${res.status}`);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const seen = new Map<string, number>();
    const waiters = new Map<string, (at: number) => void>();
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (event.includes('event: ready')) ready();
          const m = /"title":"(wake-[0-9]+)"/.exec(event);
          if (m) {
            seen.set(m[1], at);
            waiters.get(m[1])?.(at);
          }
        }
      }
    })();
    await isReady;
    const entry: number[] = [];
    const postRoundTrip: number[] = [];
    for (let i = 0; i < N; i++) {
      const title = `wake-${i}`;
      const arrived = new Promise<number>((resolve) => {
        const at = seen.get(title);
        if (at !== undefined) resolve(at);
        else waiters.set(title, resolve);
      });
      const t0 = performance.now();
      const r = await writer.post(`/api/networks/${networkId}/goals`, { title });
      postRoundTrip.push(performance.now() - t0);
      must(r, 201, 'create goal');
      entry.push((await arrived) - t0);
    }
    ctrl.abort();

    const result = {
      when: new Date().toISOString(),
      setup: scale
        ? 'scale mode: next start + realtime process, PostgreSQL, Redis (wake-up over Redis pub/sub)'
        : 'npm start topology: next start + realtime process, SQLite, no Redis (loopback wake-up)',
      n: N,
      revocationToSocketCloseMs: summary(revocation),
      signOutRequestRoundTripMs: summary(signOutRoundTrip),
      entryToOtherBrowserMs: summary(entry),
      createGoalRoundTripMs: summary(postRoundTrip),
    };
    console.log(JSON.stringify(result, null, 2));
    const dir = path.join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `wakeup-${scale ? 'scale-' : ''}${result.when.slice(0, 19).replace(/:/g, '-')}.json`),
      JSON.stringify(result, null, 2),
    );
  } finally {
    await app.stop();
    await database?.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
