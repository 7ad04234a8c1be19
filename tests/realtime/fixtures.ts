/**
 * Fixtures for the realtime tests: a network with two organisations and
 * people in every role, written directly with SQL; tickets minted through
 * the real lib function; session cookies signed like next-auth's; a real
 * server in process (port 0); real y-websocket clients and raw ws clients.
 */
import crypto from 'node:crypto';
import { encode } from 'next-auth/jwt';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { record } from '@/lib/activity/record';
import type { Db } from '@/lib/db';
import type { Role } from '@/lib/policies';
import { mintTicket } from '@/lib/realtime/tickets';
import { startRealtime, type RealtimeOptions, type RealtimeServer } from '@/server/server';

export const ORIGIN = 'http://app.test';
export const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export interface World {
  networkId: string;
  otherNetworkId: string;
  orgA: string;
  orgB: string;
  users: {
    manager: string;
    repA: string;
    homeA: string;
    repB: string;
    homeB: string;
    observer: string;
    stranger: string;
  };
  docs: { commons: string; orgA: string; homeA: string; homeB: string; otherCommons: string };
}

const uuid = () => crypto.randomUUID();

export async function createWorld(db: Db): Promise<World> {
  const now = Date.now();
  const users = {
    manager: uuid(),
    repA: uuid(),
    homeA: uuid(),
    repB: uuid(),
    homeB: uuid(),
    observer: uuid(),
    stranger: uuid(),
  };
  const networkId = uuid();
  const otherNetworkId = uuid();
  const orgA = uuid();
  const orgB = uuid();
  await db.tx(async (q) => {
    for (const [key, id] of Object.entries(users)) {
      await q.run(
        'INSERT INTO users (id, email, name, password_hash, locale, session_version, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)',
        [id, `${key}-${id.slice(0, 8)}@example.org`, `Person ${key}`, 'x', 'en', now],
      );
    }
    for (const net of [networkId, otherNetworkId]) {
      await q.run('INSERT INTO networks (id, name, created_by, created_at) VALUES (?, ?, ?, ?)', [
        net,
        `Network ${net.slice(0, 4)}`,
        users.manager,
        now,
      ]);
    }
    for (const [id, name] of [
      [orgA, 'Verein A'],
      [orgB, 'Verein B'],
    ]) {
      await q.run(
        'INSERT INTO organisations (id, network_id, name, name_key, kind, created_at, status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [id, networkId, name, name.toLowerCase(), 'ngo', now, now],
      );
    }
    const member = (userId: string, role: string, org: string | null) =>
      q.run(
        'INSERT INTO memberships (id, network_id, user_id, role, organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [uuid(), networkId, userId, role, org, now],
      );
    await member(users.manager, 'manager', null);
    await member(users.repA, 'representative', orgA);
    await member(users.homeA, 'home_member', orgA);
    await member(users.repB, 'representative', orgB);
    await member(users.homeB, 'home_member', orgB);
    await member(users.observer, 'observer', null);
  });
  return {
    networkId,
    otherNetworkId,
    orgA,
    orgB,
    users,
    docs: {
      commons: `commons.${networkId}`,
      orgA: `org.${networkId}.${orgA}`,
      homeA: `home.${networkId}.${orgA}`,
      homeB: `home.${networkId}.${orgB}`,
      otherCommons: `commons.${otherNetworkId}`,
    },
  };
}

/** Records an access change the way the networks engineer does: the change plus an activity row. */
export async function removeMember(db: Db, networkId: string, userId: string): Promise<void> {
  await db.tx(async (q) => {
    await q.run('UPDATE memberships SET removed_at = ? WHERE network_id = ? AND user_id = ?', [
      Date.now(),
      networkId,
      userId,
    ]);
    const m = await q.get<{ role: Role }>('SELECT role FROM memberships WHERE network_id = ? AND user_id = ?', [
      networkId,
      userId,
    ]);
    await record(q, {
      networkId,
      actorId: null,
      kind: 'member.removed',
      subjectId: userId,
      data: { role: m?.role ?? 'observer', left: false },
    });
  });
}

export async function changeRole(db: Db, networkId: string, userId: string, role: Role, org: string | null) {
  await db.tx(async (q) => {
    const m = await q.get<{ role: Role; organisation_id: string | null }>(
      'SELECT role, organisation_id FROM memberships WHERE network_id = ? AND user_id = ?',
      [networkId, userId],
    );
    await q.run('UPDATE memberships SET role = ?, organisation_id = ? WHERE network_id = ? AND user_id = ?', [
      role,
      org,
      networkId,
      userId,
    ]);
    await record(q, {
      networkId,
      actorId: null,
      kind: 'member.role_changed',
      subjectId: userId,
      data: { from: m?.role ?? role, to: role, fromOrganisationId: m?.organisation_id ?? null, organisationId: org },
    });
  });
}

export async function ticket(db: Db, userId: string, doc: string): Promise<string> {
  return (await mintTicket(db, userId, { doc })).ticket;
}

/** A next-auth session cookie for `userId`, signed like the web app signs it. */
export async function sessionCookie(userId: string, sv = 1): Promise<string> {
  const token = await encode({ token: { uid: userId, sv, name: 'x' }, secret: SECRET, maxAge: 3600 });
  return `next-auth.session-token=${token}`;
}

export async function startServer(db: Db, opts: Partial<RealtimeOptions> = {}): Promise<RealtimeServer> {
  return startRealtime({
    db,
    port: 0,
    host: '127.0.0.1',
    allowedOrigins: new Set([ORIGIN]),
    secret: SECRET,
    logLevel: 'silent',
    ...opts,
  });
}

/** A WebSocket class for y-websocket that sends our Origin (and optionally a cookie). */
export function wsClass(headers: Record<string, string> = {}): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { origin: ORIGIN, headers });
    }
  } as unknown as typeof WebSocket;
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closeCodes: number[];
  destroy(): void;
}

/**
 * A real y-websocket client. Authenticates with the session cookie, so it can
 * reconnect on its own (tickets are single-use); `ticket` uses one instead.
 */
export async function client(
  server: RealtimeServer,
  userId: string,
  docName: string,
  opts: { ack?: boolean; ticket?: string; doc?: Y.Doc; connect?: boolean } = {},
): Promise<Client> {
  const doc = opts.doc ?? new Y.Doc();
  const params: Record<string, string> = {};
  if (opts.ticket) params.ticket = opts.ticket;
  if (opts.ack) params.ack = '1';
  const headers: Record<string, string> = opts.ticket ? {} : { cookie: await sessionCookie(userId) };
  const provider = new WebsocketProvider(server.url, docName, doc, {
    params,
    disableBc: true,
    WebSocketPolyfill: wsClass(headers) as never,
    connect: opts.connect ?? true,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function synced(c: Client, timeout = 20_000): Promise<void> {
  return waitFor(() => c.provider.synced, timeout, 'client synced');
}

/** Polls `cond` until true (no fixed sleeps as assertions). */
export async function waitFor(
  cond: () => boolean | Promise<boolean>,
  timeout = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface Raw {
  ws: WebSocket;
  /** Every byte received, in order. */
  frames: Buffer[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  closeInfo: { code: number; reason: string } | null;
  send(data: Uint8Array): void;
}

/** A raw websocket client that records everything it receives. */
export function raw(
  server: RealtimeServer,
  path: string,
  opts: { origin?: string | null; headers?: Record<string, string>; maxPayload?: number } = {},
): Raw {
  const origin = opts.origin === undefined ? ORIGIN : opts.origin;
  const ws = new WebSocket(`${server.url}/${path}`, {
    ...(origin !== null ? { origin } : {}),
    headers: opts.headers,
    maxPayload: opts.maxPayload ?? 256 * 1024 * 1024,
  });
  const frames: Buffer[] = [];
  const r: Raw = {
    ws,
    frames,
    closeInfo: null,
    opened: new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    }),
    closed: new Promise((resolve) => {
      ws.once('close', (code, reason) => {
        r.closeInfo = { code, reason: reason.toString() };
        resolve(r.closeInfo);
      });
    }),
    send(data) {
      ws.send(data);
    },
  };
  ws.on('error', () => undefined);
  ws.on('message', (data) => frames.push(Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer)));
  return r;
}

/** Rows in the update log + snapshot for a document, loaded into a fresh Y.Doc. */
export async function storedDoc(db: Db, name: string): Promise<Y.Doc> {
  const { DocStore } = await import('@/server/persistence');
  const doc = new Y.Doc();
  await new DocStore(db).load(name, doc, { kind: 'load' });
  return doc;
}
