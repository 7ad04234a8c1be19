/**
 * The realtime server: HTTP (`/health`, `/metrics`) and the websocket upgrade
 * on one port. `startRealtime` is used by `server/index.ts` and by the tests
 * (in process, port 0).
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Db } from '../lib/db/types';
import type { DocName } from '../lib/docs/names';
import { CLOSE, CLOSE_REASON, type CloseCode } from '../lib/realtime/close-codes';
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
import { lockedPartsByDoc } from '../lib/documents/records';
import { RedisBus } from './redis-bus';
import { EditTally } from '../lib/meetings/edit-tally';
import { SAFETY_AUTOCHECKPOINT_PAGES, startCheckpointer } from './checkpointer';
import { startCommitWriter } from './commit-writer';
import { DecodeGuard } from './decode-guard';
import { GroupCommit } from './group-commit';
import { DocStore } from './persistence';
import { Connection, DEFAULT_LIMITS, Room, TokenBucket, type Identity, type Limits, type RoomHost } from './room';

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
  /** Where log lines go (default: the console). Lines are already sanitised. */
  logSink?: (level: 'info' | 'warn' | 'error', line: string) => void;
  /** TRUST_PROXY=1: the client address is the first X-Forwarded-For entry (for the per-address socket cap). */
  trustProxy?: boolean;
  /**
   * SQLite file: commit on a worker thread (server/commit-writer.ts). 'auto' (the default): only when this
   * process may run on more than one core; on one core the thread competes with the event loop for it.
   */
  commitThread?: boolean | 'auto';
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
  /** SyncStep1 answers sent, and how many were encoded (not from the per-room cache). */
  syncAnswers: number;
  syncEncodings: number;
}

const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#be185d', '#0e7490', '#4d7c0f'];

/** A raw upgrade socket's error listener (a function of its own: see the 'upgrade' handler). */
function destroySocket(this: Duplex): void {
  this.destroy();
}

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
  const sink =
    opts.logSink ??
    ((level: 'info' | 'warn' | 'error', line: string) => {
      if (level === 'error') console.error(line);
      else if (level === 'warn') console.warn(line);
      else console.log(line);
    });
  // Messages and errors can carry client-sent text (root names, reasons): one line each, control characters escaped.
  const log: RoomHost['log'] = (level, msg, extra) => {
    if (levels[level] < minLevel) return;
    sink(level, `[realtime] ${logSafe(msg)}${extra === undefined ? '' : ` ${logSafe(describe(extra))}`}`);
  };
  const store = new DocStore(opts.db);
  const commits = new GroupCommit(store, (msg, err) => log('error', msg, err), limits.commitDelayMs);
  const checkpointer = startCheckpointer(opts.db, log);
  store.writer = startCommitWriter(opts.db, log, {
    enabled: commitThreadWanted(opts.commitThread ?? 'auto'),
    autocheckpointPages: SAFETY_AUTOCHECKPOINT_PAGES,
  });
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
  const counters = { syncAnswers: 0, syncEncodings: 0 };
  const edits = new EditTally(opts.db);
  const host: RoomHost = {
    counters,
    bus,
    store,
    commits,
    limits,
    decodeGuard,
    log,
    countClose,
    async lockedParts(doc) {
      return (await lockedPartsByDoc(opts.db, [doc])).get(doc) ?? [];
    },
    onClosed(room) {
      if (rooms.get(room.name) === room) rooms.delete(room.name);
    },
    onEdit(room, conn, grown) {
      if (room.docName.kind === 'meeting') edits.add(room.docName, conn.userId, grown);
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
      ...counters,
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
    // No closure here may capture `req`: V8 keeps one context per scope, so a listener that lives as long as the
    // socket (this one) would keep the whole upgrade request (headers, cookie, URL) alive with it: 1,580 bytes per
    // open socket in a heap snapshot of 500.
    socket.on('error', destroySocket);
    if (closing) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, onUpgraded);
  });
  const onUpgraded = (ws: WebSocket, req: http.IncomingMessage) => void onSocket(ws, req);

  /** Open sockets per person and per address (the caps in Limits). */
  const perUser = new Map<string, number>();
  /** Each person's update-byte budget, shared by their sockets (dropped by the minutely purge once they have none). */
  const userBytes = new Map<string, TokenBucket>();
  const perAddress = new Map<string, number>();
  const release = (map: Map<string, number>, key: string) => {
    const n = (map.get(key) ?? 1) - 1;
    if (n <= 0) map.delete(key);
    else map.set(key, n);
  };
  const addressOf = (req: http.IncomingMessage): string => {
    if (opts.trustProxy) {
      const fwd = req.headers['x-forwarded-for'];
      // As on the web side (lib/env.ts TRUST_PROXY): the first entry is the client's address.
      const first = (Array.isArray(fwd) ? fwd[0] : (fwd ?? '')).split(',')[0]?.trim();
      if (first) return first;
    }
    return req.socket.remoteAddress ?? 'unknown';
  };
  const refuse = (ws: WebSocket, code: CloseCode, reason: string = CLOSE_REASON[code]) => {
    countClose(code);
    ws.close(code, reason);
  };

  async function onSocket(ws: WebSocket, req: http.IncomingMessage): Promise<void> {
    ws.on('error', () => ws.terminate());
    const address = addressOf(req);
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    ws.once('close', () => release(perAddress, address));
    if (perAddress.get(address)! > limits.maxConnectionsPerAddress) {
      log('warn', `refused connection: more than ${limits.maxConnectionsPerAddress} sockets from ${address}`);
      return refuse(ws, CLOSE.TOO_MANY_CONNECTIONS);
    }
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
      const userCount = (perUser.get(a.userId) ?? 0) + 1;
      if (userCount > limits.maxConnectionsPerUser) {
        log('warn', `refused connection: more than ${limits.maxConnectionsPerUser} sockets of person ${a.userId}`);
        return refuse(ws, CLOSE.TOO_MANY_CONNECTIONS);
      }
      perUser.set(a.userId, userCount);
      let bytes = userBytes.get(a.userId);
      if (!bytes)
        userBytes.set(a.userId, (bytes = new TokenBucket(limits.updateBytesBurst, limits.updateBytesPerSecond)));
      // The budget outlives the person's last socket until the next purge (reconnecting does not refill it).
      ws.once('close', () => release(perUser, a.userId));
      const identity = await loadIdentity(opts.db, a.userId, a.doc.networkId);
      if (ws.readyState !== ws.OPEN) return;
      if (closing) {
        ws.close(CLOSE.SERVICE_RESTART, CLOSE_REASON[CLOSE.SERVICE_RESTART]);
        return;
      }
      const r = await acquire(a.docName, a.doc);
      if (ws.readyState !== ws.OPEN) return;
      conn = new Connection(
        ws,
        a.userId,
        a.access,
        a.wantsAck,
        identity,
        limits,
        limits.maxBufferedBytes,
        countClose,
        bytes,
      );
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
  const serverWrites = await watchServerWrites(opts.db, store, rooms, wake, opts.pollMs ?? SAFETY_POLL_MS, log);

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

  // Per-person update budgets of people with no socket left are dropped once a minute. Expired tickets are
  // purged by the job runner (lib/jobs/schedule.ts), not here.
  const purge = setInterval(() => {
    for (const id of userBytes.keys()) if (!perUser.has(id)) userBytes.delete(id);
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
      watcher.stop();
      serverWrites.stop();
      clearInterval(purge);
      server.close();
      await Promise.all([...rooms.values()].map((r) => r.unload(CLOSE.SERVICE_RESTART)));
      commits.close();
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
      await store.writer?.stop();
      await checkpointer.stop();
      await edits.stop();
      await decodeGuard.close();
      await watcher.stopped();
      if (ownsTransport && wakeTransport) await wake.detach(wakeTransport);
      await bus?.close();
    },
  };
}

/**
 * Changes commands wrote into documents (`writeDocument`, lib/realtime/server-write.ts)
 * and document locks (lib/documents): the room that holds the document is woken
 * by the `document.written` / `document.locked` / `document.unlocked` activity
 * row (in process, loopback nudge or Redis), and, as a safety net for a lost
 * wake-up, by a poll every `pollMs` (server-written log rows; the locks in force).
 */
async function watchServerWrites(
  db: Db,
  store: DocStore,
  rooms: Map<string, Room>,
  wake: ActivityWake,
  pollMs: number,
  log: RoomHost['log'],
): Promise<{ stop(): void }> {
  const unsubscribe = wake.subscribe((signal) => {
    if (!signal.subjectId) return;
    if (signal.kind === 'document.written') rooms.get(signal.subjectId)?.ring();
    else if (signal.kind === 'document.locked' || signal.kind === 'document.unlocked') {
      rooms
        .get(signal.subjectId)
        ?.refreshLocks()
        .catch((err) => log('warn', 'reading document locks failed', err));
    }
  });
  let watermark = await store.maxLogId();
  let busy = false;
  const poll = setInterval(() => {
    if (busy) return;
    busy = true;
    store
      .serverWritesSince(watermark)
      .then(async ({ docs, upto }) => {
        watermark = upto;
        for (const doc of docs) rooms.get(doc)?.ring();
        if (!rooms.size) return;
        const epochs = new Map([...rooms].map(([name, room]) => [name, room.locksEpoch]));
        const locks = await lockedPartsByDoc(db);
        for (const [name, room] of rooms) {
          const epoch = epochs.get(name);
          if (epoch !== undefined) room.setLocks(locks.get(name) ?? [], epoch);
        }
      })
      .catch((err) => log('warn', 'polling for server-written changes failed', err))
      .finally(() => (busy = false));
  }, pollMs);
  poll.unref();
  return {
    stop() {
      unsubscribe();
      clearInterval(poll);
    },
  };
}

/**
 * Whether the group commit gets its own thread. A thread helps only if it can run beside the event loop: on a
 * process held to one core (taskset, a one-CPU container) the woken commit thread takes that core from the
 * event loop in the middle of a turn. Measured on the benchmark's pinned core (2×10, time from a frame's
 * arrival to its first forward): p99 0.61 ms without the thread, 1.20 ms with it (docs/realtime.md).
 */
export function commitThreadWanted(setting: boolean | 'auto', cores = os.availableParallelism()): boolean {
  return setting === 'auto' ? cores > 1 : setting;
}

/**
 * One log line from text that may hold client-sent bytes: control characters
 * (newlines included), DEL, C1 controls, line/paragraph separators and bidi
 * overrides are escaped as \xNN / \uNNNN, and the line is capped.
 */
export function logSafe(text: string, max = 2000): string {
  const capped = text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return capped.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function describe(extra: unknown): string {
  if (extra instanceof Error) return extra.stack ?? `${extra.name}: ${extra.message}`;
  if (typeof extra === 'string') return extra;
  try {
    return JSON.stringify(extra) ?? String(extra);
  } catch {
    return String(extra);
  }
}
