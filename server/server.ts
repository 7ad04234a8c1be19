/**
 * The realtime server: HTTP (`/health`, `/metrics`) and the websocket upgrade
 * on one port. `startRealtime` is used by `server/index.ts` and by the tests
 * (in process, port 0).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Db } from '../lib/db/types';
import type { DocName } from '../lib/docs/names';
import { CLOSE, CLOSE_REASON } from '../lib/realtime/close-codes';
import { purgeTickets } from '../lib/realtime/tickets';
import { admit, type AuthConfig } from './auth';
import {
  activityWake,
  RedisWakeTransport,
  WAKE_CHANNEL,
  WAKE_HEADER,
  WAKE_PATH,
  wakeTokenValid,
  ZActivitySignal,
  type ActivityWake,
} from '../lib/activity/wake';
import { PermissionWatcher, SAFETY_POLL_MS } from './permissions';
import { RedisBus } from './redis-bus';
import { startCheckpointer } from './checkpointer';
import { DecodeGuard } from './decode-guard';
import { GroupCommit } from './group-commit';
import { DocStore } from './persistence';
import { Connection, DEFAULT_LIMITS, Room, type Identity, type Limits, type RoomHost } from './room';

export interface RealtimeOptions {
  db: Db;
  port?: number;
  host?: string;
  allowedOrigins: ReadonlySet<string>;
  /** next-auth secret for cookie sessions. */
  secret?: string;
  limits?: Partial<Limits>;
  /** The permission watcher's safety-net poll (it is woken after each commit; default SAFETY_POLL_MS). */
  pollMs?: number;
  /** The activity wake-up bus (default: the process's, `lib/activity/wake.ts`). */
  wake?: ActivityWake;
  /** Scale mode: `redis://…` to exchange updates and awareness with other instances. */
  redisUrl?: string;
  /** Channel prefix (tests use their own). */
  redisPrefix?: string;
  /** 'silent' for tests that provoke errors on purpose. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}

export interface RealtimeServer {
  port: number;
  url: string;
  rooms: Map<string, Room>;
  /** Scale mode only. */
  bus: RedisBus | null;
  metrics(): Metrics;
  /** Graceful stop: flush, close sockets with 1012, free everything. */
  close(): Promise<void>;
}

export interface Metrics {
  connections: number;
  docs: number;
  rss: number;
  heapUsed: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  updatesStored: number;
  pendingWrites: number;
  uptimeS: number;
  /** Closes the server initiated, by close code. */
  closes: Record<string, number>;
}

const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#be185d', '#0e7490', '#4d7c0f'];

function colourFor(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

async function loadIdentity(db: Db, userId: string, networkId: string): Promise<Identity> {
  const row = await db.get<{ name: string; org: string | null }>(
    `SELECT u.name AS name, o.name AS org
       FROM users u
       LEFT JOIN memberships m ON m.user_id = u.id AND m.network_id = ? AND m.removed_at IS NULL
       LEFT JOIN organisations o ON o.id = m.organisation_id
      WHERE u.id = ?`,
    [networkId, userId],
  );
  return { id: userId, name: row?.name ?? '', organisation: row?.org ?? null, colour: colourFor(userId) };
}

export async function startRealtime(opts: RealtimeOptions): Promise<RealtimeServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const levels = { info: 0, warn: 1, error: 2, silent: 3 } as const;
  const minLevel = levels[opts.logLevel ?? 'info'];
  const log: RoomHost['log'] = (level, msg, extra) => {
    if (levels[level] < minLevel) return;
    const line = `[realtime] ${msg}`;
    if (level === 'error') console.error(line, extra ?? '');
    else if (level === 'warn') console.warn(line, extra ?? '');
    else console.log(line);
  };
  const store = new DocStore(opts.db);
  const commits = new GroupCommit(store, (msg, err) => log('error', msg, err));
  const checkpointer = startCheckpointer(opts.db, log);
  const decodeGuard = new DecodeGuard(limits.decodeBudgetMs, log);
  const rooms = new Map<string, Room>();
  const started = Date.now();
  let closing = false;
  const auth: AuthConfig = { allowedOrigins: opts.allowedOrigins, secret: opts.secret };

  const closes: Record<string, number> = {};
  const countClose = (code: number) => {
    closes[code] = (closes[code] ?? 0) + 1;
  };
  const bus = opts.redisUrl
    ? new RedisBus(opts.redisUrl, opts.redisPrefix ?? 'nwr:rt:', log, () => {
        for (const r of rooms.values()) r.resync().catch((err) => log('warn', `resync of ${r.name} failed`, err));
      })
    : null;
  const host: RoomHost = {
    bus,
    store,
    commits,
    limits,
    decodeGuard,
    log,
    countClose,
    onClosed(room) {
      if (rooms.get(room.name) === room) rooms.delete(room.name);
    },
  };

  /** The loaded room for a document; waits for an unloading one to finish first. */
  async function acquire(name: string, doc: DocName): Promise<Room> {
    for (;;) {
      const existing = rooms.get(name);
      if (!existing) break;
      if (existing.state === 'loading' || existing.state === 'ready') return existing;
      await existing.closedPromise;
    }
    const room = new Room(name, doc, host);
    rooms.set(name, room);
    room.ready.catch(() => void room.unload());
    return room;
  }

  const eld = monitorEventLoopDelay({ resolution: 20 });
  eld.enable();

  const metrics = (): Metrics => {
    let connections = 0;
    let pendingWrites = 0;
    for (const r of rooms.values()) {
      connections += r.conns.size;
      pendingWrites += r.pendingWrites;
    }
    const mem = process.memoryUsage();
    return {
      connections,
      docs: rooms.size,
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      eventLoopDelayP99Ms: eld.percentile(99) / 1e6,
      eventLoopDelayMaxMs: eld.max / 1e6,
      updatesStored: store.updatesStored,
      pendingWrites,
      uptimeS: Math.round((Date.now() - started) / 1000),
      closes: { ...closes },
    };
  };

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && path === '/health') {
      const m = metrics();
      return json(closing ? 503 : 200, { ok: !closing, docs: m.docs, connections: m.connections });
    }
    if (req.method === 'GET' && path === '/metrics') return json(200, metrics());
    if (req.method === 'POST' && path === WAKE_PATH) return void receiveWake(req, res);
    res.writeHead(426, { 'content-type': 'text/plain', upgrade: 'websocket' });
    res.end('This is the Netzwerkraum realtime server: connect with a websocket.\n');
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxPayloadBytes,
    perMessageDeflate: false,
  });

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (closing) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => void onSocket(ws, req));
  });

  async function onSocket(ws: WebSocket, req: http.IncomingMessage): Promise<void> {
    ws.on('error', () => ws.terminate());
    // Frames that arrive while we authenticate wait here (bounded).
    const early: Buffer[] = [];
    let earlyOverflow = false;
    let earlyBytes = 0;
    let conn: Connection | null = null;
    let room: Room | null = null;
    ws.on('message', (data, isBinary) => {
      const buf = Buffer.isBuffer(data)
        ? data
        : Array.isArray(data)
          ? Buffer.concat(data)
          : Buffer.from(data as ArrayBuffer);
      if (!isBinary) {
        if (conn) conn.close(CLOSE.PROTOCOL_ERROR);
        else ws.close(CLOSE.PROTOCOL_ERROR, CLOSE_REASON[CLOSE.PROTOCOL_ERROR]);
        return;
      }
      if (conn && room) room.receive(conn, buf);
      else if (early.length < limits.maxPendingMessages && earlyBytes + buf.length <= limits.maxPendingBytes) {
        early.push(buf);
        earlyBytes += buf.length;
      } else earlyOverflow = true;
    });
    const watermark = watcher.watermark;
    try {
      const result = await admit(opts.db, req, auth);
      if (ws.readyState !== ws.OPEN) return;
      if (!result.ok) {
        log('info', `refused connection: ${result.reason}`);
        countClose(result.code);
        ws.close(result.code, result.reason);
        return;
      }
      const a = result.admission;
      const identity = await loadIdentity(opts.db, a.userId, a.doc.networkId);
      if (ws.readyState !== ws.OPEN) return;
      if (closing) {
        ws.close(CLOSE.SERVICE_RESTART, CLOSE_REASON[CLOSE.SERVICE_RESTART]);
        return;
      }
      const r = await acquire(a.docName, a.doc);
      if (ws.readyState !== ws.OPEN) return;
      conn = new Connection(ws, a.userId, a.access, a.wantsAck, identity, limits, limits.maxBufferedBytes, countClose);
      watcher.admitted(conn, a.sessionVersion);
      room = r;
      if (earlyOverflow) {
        conn.close(CLOSE.RATE_LIMITED);
        return;
      }
      r.attach(conn);
      for (const buf of early.splice(0)) r.receive(conn, buf);
      if (watcher.watermark !== watermark) await watcher.recheck(r, conn);
    } catch (err) {
      log('error', 'admitting a connection failed', err);
      if (ws.readyState === ws.OPEN) ws.close(CLOSE.INTERNAL_ERROR, CLOSE_REASON[CLOSE.INTERNAL_ERROR]);
    }
  }

  const wake = opts.wake ?? activityWake();
  // Scale mode: signals from the web instances (and the other realtime instances) arrive over Redis.
  const wakeTransport =
    opts.redisUrl && !opts.wake
      ? new RedisWakeTransport(opts.redisUrl, opts.redisPrefix ? `${opts.redisPrefix}activity` : WAKE_CHANNEL)
      : null;
  const ownsTransport = wakeTransport ? wake.attach(wakeTransport) : false;
  const watcher = new PermissionWatcher(opts.db, rooms, opts.pollMs ?? SAFETY_POLL_MS, log, wake);
  await watcher.start();

  /**
   * The embedded default's wake-up from the web process (lib/activity/wake.ts):
   * a small signed POST on loopback, handed to this process's listeners.
   */
  function receiveWake(req: http.IncomingMessage, res: http.ServerResponse): void {
    const header = req.headers[WAKE_HEADER];
    if (!opts.secret || !wakeTokenValid(typeof header === 'string' ? header : undefined, opts.secret)) {
      req.resume();
      res.writeHead(403).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 2048) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      let parsed: ReturnType<typeof ZActivitySignal.safeParse> | null = null;
      try {
        parsed = ZActivitySignal.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) {
        res.writeHead(400).end();
        return;
      }
      wake.deliver(parsed.data);
      res.writeHead(204).end();
    });
  }

  const purge = setInterval(() => {
    purgeTickets(opts.db).catch((err) => log('warn', 'purging tickets failed', err));
  }, 60_000);
  purge.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostName = opts.host ?? '127.0.0.1';

  return {
    port,
    url: `ws://${hostName.includes(':') ? `[${hostName}]` : hostName}:${port}`,
    rooms,
    bus,
    metrics,
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(purge);
      watcher.stop();
      server.close();
      await Promise.all([...rooms.values()].map((r) => r.unload(CLOSE.SERVICE_RESTART)));
      for (const ws of wss.clients) ws.close(CLOSE.SERVICE_RESTART, CLOSE_REASON[CLOSE.SERVICE_RESTART]);
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          for (const ws of wss.clients) ws.terminate();
          resolve();
        }, 2000);
        const check = () => {
          if (wss.clients.size === 0) {
            clearTimeout(t);
            resolve();
          } else setTimeout(check, 20);
        };
        check();
      });
      wss.close();
      server.closeAllConnections();
      eld.disable();
      await checkpointer.stop();
      await decodeGuard.close();
      await watcher.stopped();
      if (ownsTransport && wakeTransport) await wake.detach(wakeTransport);
      await bus?.close();
    },
  };
}
