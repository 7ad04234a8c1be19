/**
 * Ours in the benchmark: a fresh SQLite database in bench/tmp with one bench
 * user; every room is a network the user manages (so `commons.<id>` is
 * writable); every connection gets a fresh single-use ticket, like a browser,
 * except the mass-connection scenario, which uses the session cookie.
 */
import crypto from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { migrate, openDb } from '../../lib/db';
import { createNetwork } from '../../lib/networks/create-network';
import { mintTicket } from '../../lib/realtime/tickets';
import type { Endpoint, System } from './clients';
import { startServer, type ServerHandle } from './procs';

export const ORIGIN = 'http://127.0.0.1:3140';

export interface OursSetup {
  dir: string;
  file: string;
  secret: string;
  userId: string;
  db: ReturnType<typeof openDb>;
  cookie: string;
}

/** A fresh database with the bench user (no password sign-in: tickets and a minted session cookie). */
export async function prepareOurs(tag = 'ours'): Promise<OursSetup> {
  const dir = path.resolve('bench/tmp', `${tag}-${Date.now()}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bench.sqlite');
  const db = openDb({ sqliteFile: file });
  await migrate(db);
  const userId = crypto.randomUUID();
  await db.run(
    'INSERT INTO users (id, email, name, password_hash, locale, session_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [userId, `bench-${userId}@example.invalid`, 'Bench', 'no-password', 'en', 1, Date.now()],
  );
  const secret = crypto.randomBytes(32).toString('base64url');
  const jwt = await encode({ token: { uid: userId, sv: 1, name: 'Bench' }, secret, maxAge: 24 * 3600 });
  return { dir, file, secret, userId, db, cookie: `next-auth.session-token=${jwt}` };
}

export function oursSystem(
  setup: OursSetup,
  server: ServerHandle,
): System & { massEndpoint(room: string): Promise<Endpoint> } {
  const base = `ws://127.0.0.1:${server.port}`;
  return {
    name: 'ours',
    protocol: 'y-websocket',
    async makeRooms(count) {
      const rooms: string[] = [];
      for (let i = 0; i < count; i++) {
        const network = await createNetwork(
          setup.db,
          { userId: setup.userId, membership: null },
          { name: `Bench ${i}`, purpose: '' },
        );
        rooms.push(`commons.${network.id}`);
      }
      return rooms;
    },
    async endpoint(room) {
      const t = await mintTicket(setup.db, setup.userId, { doc: room });
      return { base, params: { ticket: t.ticket }, headers: { origin: ORIGIN } };
    },
    async massEndpoint() {
      return { base, params: {}, headers: { origin: ORIGIN, cookie: setup.cookie } };
    },
  };
}

export async function startOursServer(
  setup: OursSetup,
  name = 'ours',
  env: Record<string, string> = {},
): Promise<ServerHandle> {
  return startServer(name, 'bench/servers/ours.ts', {
    BENCH_DB: setup.file,
    BENCH_SECRET: setup.secret,
    BENCH_ORIGIN: ORIGIN,
    ...env,
  });
}

export async function startOurs() {
  const setup = await prepareOurs();
  const server = await startOursServer(setup);
  return {
    sys: oursSystem(setup, server),
    server,
    cleanup: async () => {
      await setup.db.close();
      rmSync(setup.dir, { recursive: true, force: true });
    },
  };
}

export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Does a Redis server answer PING at BENCH_REDIS_URL (within a second)? */
export function redisReachable(url = BENCH_REDIS_URL): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

/** One handle over two server processes: CPU summed, event-loop delay and memory of the worse one. */
function bothHandles(a: ServerHandle, b: ServerHandle): ServerHandle {
  return {
    name: `${a.name}+${b.name}`,
    port: b.port,
    child: b.child,
    extra: {},
    async request<T>(type: 'metrics' | 'gc' | 'resetDelay') {
      const [x] = await Promise.all([a.request<T>(type), b.request<T>(type)]);
      return x;
    },
    async metrics() {
      const [x, y] = await Promise.all([a.metrics(), b.metrics()]);
      return {
        rss: x.rss + y.rss,
        heapUsed: x.heapUsed + y.heapUsed,
        cpuUserUs: x.cpuUserUs + y.cpuUserUs,
        cpuSystemUs: x.cpuSystemUs + y.cpuSystemUs,
        eventLoopDelayP50Ms: Math.max(x.eventLoopDelayP50Ms, y.eventLoopDelayP50Ms),
        eventLoopDelayP99Ms: Math.max(x.eventLoopDelayP99Ms, y.eventLoopDelayP99Ms),
        eventLoopDelayMaxMs: Math.max(x.eventLoopDelayMaxMs, y.eventLoopDelayMaxMs),
      };
    },
    async stop() {
      await Promise.all([a.stop(), b.stop()]);
    },
    async kill() {
      await Promise.all([a.kill(), b.kill()]);
    },
  };
}

/**
 * Two instances of ours (A and B) on the same SQLite database, in scale mode
 * over Redis: each room's writer connects to A, its observers to B, so every
 * update goes A → storage → Redis → B → observers.
 */
export async function startOursRedis() {
  const setup = await prepareOurs('ours-redis');
  const env = { BENCH_REDIS_URL, BENCH_REDIS_PREFIX: `nwr:bench:${process.pid}:${Date.now()}:` };
  const a = await startOursServer(setup, 'ours-A', env);
  const b = await startOursServer(setup, 'ours-B', env).catch(async (err) => {
    await a.stop();
    throw err;
  });
  const server = bothHandles(a, b);
  const sysA = oursSystem(setup, a);
  const sysB = oursSystem(setup, b);
  return {
    sys: { ...sysB, name: 'ours-redis' as const, writerEndpoint: sysA.endpoint },
    server,
    cleanup: async () => {
      await setup.db.close();
      rmSync(setup.dir, { recursive: true, force: true });
    },
  };
}
