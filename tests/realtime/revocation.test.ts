/**
 * Revocation over real sockets: "sign out everywhere", a password change and a
 * password reset close that person's sockets on every realtime instance, and
 * tickets minted before no longer admit. The permission watcher's safety-net
 * poll is set to a minute here, so every close below comes from the wake-up
 * after the commit (in process, over the loopback nudge, over Redis).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  activityWake,
  ActivityWake,
  LoopbackWakeTransport,
  RedisWakeTransport,
  setActivityWake,
  WAKE_HEADER,
  WAKE_PATH,
  wakeToken,
} from '@/lib/activity/wake';
import { changePassword } from '@/lib/auth/change-password';
import { hashPassword } from '@/lib/auth/password';
import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere';
import type { Db } from '@/lib/db';
import { CLOSE } from '@/lib/realtime/close-codes';
import { MESSAGE_ACK } from '@/lib/realtime/protocol';
import type { RealtimeServer } from '@/server/server';
import { available, freshPostgres, freshSqlite, TEST_REDIS_URL } from '../helpers/services';
import {
  client,
  createWorld,
  raw,
  SECRET,
  startServer,
  storedDoc,
  synced,
  ticket,
  waitFor,
  type Client,
  type Raw,
} from './fixtures';

const NO_POLL = 60_000;
const textOf = (d: Y.Doc) => d.getXmlFragment('notes').toString();
const insert = (d: Y.Doc, s: string) => d.getXmlFragment('notes').push([new Y.XmlText(s)]);

function updateFrame(text: string): Uint8Array {
  const d = new Y.Doc();
  insert(d, text);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // sync
  encoding.writeVarUint(e, 2); // update
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(d));
  return encoding.toUint8Array(e);
}

const acks = (r: Raw) => r.frames.filter((f) => f[0] === MESSAGE_ACK).length;

describe('revocation in one process (the wake-up is synchronous with the commit)', () => {
  let db: Db & { drop(): Promise<void> };
  let server: RealtimeServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await freshSqlite();
    server = await startServer(db, { pollMs: NO_POLL });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('a socket opened before "sign out everywhere" is closed and its later writes are not stored', async () => {
    const world = await createWorld(db);
    const t = await ticket(db, world.users.homeA, world.docs.homeA);
    const r = raw(server, `${world.docs.homeA}?ticket=${t}&ack=1`);
    await r.opened;
    // Before: this socket's writes are stored (so the check below could see one).
    r.send(updateFrame('before-sign-out'));
    await waitFor(() => acks(r) >= 1, 20_000, 'ack before sign-out');
    // Another person, signed in elsewhere, keeps writing the same document.
    const colleague = await client(server, world.users.repA, world.docs.homeA);
    clients.push(colleague);
    await synced(colleague);

    await signOutEverywhere(db, { userId: world.users.homeA });
    r.send(updateFrame('after-sign-out'));

    expect((await r.closed).code).toBe(CLOSE.UNAUTHENTICATED);
    // A marker written after the attempt reaches storage: the attempt had its chance and was not stored.
    insert(colleague.doc, 'colleague-after');
    await waitFor(async () => textOf(await storedDoc(db, world.docs.homeA)).includes('colleague-after'));
    const stored = textOf(await storedDoc(db, world.docs.homeA));
    expect(stored).toContain('before-sign-out');
    expect(stored).not.toContain('after-sign-out');
    expect(acks(r)).toBe(1);
    // The colleague's socket stays open.
    expect(colleague.closeCodes).toEqual([]);
  });

  it('a ticket minted before a password change no longer admits; one minted after does', async () => {
    const world = await createWorld(db);
    await db.run('UPDATE users SET password_hash = ? WHERE id = ?', [
      await hashPassword('old password 1'),
      world.users.repB,
    ]);
    const before = await ticket(db, world.users.repB, world.docs.commons);
    const open = raw(server, `${world.docs.commons}?ticket=${await ticket(db, world.users.repB, world.docs.commons)}`);
    await waitFor(() => open.frames.length > 0, 20_000, 'first sync');

    await changePassword(
      db,
      { userId: world.users.repB },
      { currentPassword: 'old password 1', newPassword: 'new password 2' },
    );

    expect((await open.closed).code).toBe(CLOSE.UNAUTHENTICATED);
    const refused = raw(server, `${world.docs.commons}?ticket=${before}`);
    expect((await refused.closed).code).toBe(CLOSE.UNAUTHENTICATED);
    expect(refused.frames.length).toBe(0);

    const after = raw(server, `${world.docs.commons}?ticket=${await ticket(db, world.users.repB, world.docs.commons)}`);
    await waitFor(() => after.frames.length > 0, 20_000, 'sync with a fresh ticket');
    expect(after.closeInfo).toBeNull();
    after.ws.close();
  });

  it("closes only that person's sockets, in every room", async () => {
    const world = await createWorld(db);
    const mine = [
      raw(server, `${world.docs.commons}?ticket=${await ticket(db, world.users.repA, world.docs.commons)}`),
      raw(server, `${world.docs.orgA}?ticket=${await ticket(db, world.users.repA, world.docs.orgA)}`),
      raw(server, `${world.docs.homeA}?ticket=${await ticket(db, world.users.repA, world.docs.homeA)}`),
    ];
    const other = raw(server, `${world.docs.commons}?ticket=${await ticket(db, world.users.repB, world.docs.commons)}`);
    for (const r of [...mine, other]) await waitFor(() => r.frames.length > 0, 20_000, 'sync');
    await signOutEverywhere(db, { userId: world.users.repA });
    for (const r of mine) expect((await r.closed).code).toBe(CLOSE.UNAUTHENTICATED);
    expect(other.closeInfo).toBeNull();
    other.ws.close();
  });
});

describe('revocation across processes: the loopback nudge of the embedded default', () => {
  let db: Db & { drop(): Promise<void> };
  let server: RealtimeServer;
  let previous: ActivityWake;

  beforeAll(async () => {
    db = await freshSqlite();
    // The realtime side has its own bus (as in its own process) ...
    server = await startServer(db, { pollMs: NO_POLL, wake: new ActivityWake() });
    // ... and the "web" side reaches it only through the nudge.
    previous = activityWake();
    setActivityWake(new ActivityWake(new LoopbackWakeTransport(server.port, wakeToken(SECRET))));
  });
  afterAll(async () => {
    await activityWake().close();
    setActivityWake(previous);
    await server?.close();
    await db?.drop();
  });

  it('a sign-out committed by another process closes the socket', async () => {
    const world = await createWorld(db);
    const r = raw(server, `${world.docs.homeB}?ticket=${await ticket(db, world.users.homeB, world.docs.homeB)}`);
    await waitFor(() => r.frames.length > 0, 20_000, 'sync');
    await signOutEverywhere(db, { userId: world.users.homeB });
    expect((await r.closed).code).toBe(CLOSE.UNAUTHENTICATED);
  });

  it('refuses a nudge without the token, and one that is not a signal', async () => {
    const post = (headers: Record<string, string>, body: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: server.port, path: WAKE_PATH, method: 'POST', headers },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const signal = JSON.stringify({ id: 1, networkId: null, kind: 'x', subjectId: 'u', access: 'sessions' });
    expect(await post({}, signal)).toBe(403);
    expect(await post({ [WAKE_HEADER]: 'wrong' }, signal)).toBe(403);
    expect(await post({ [WAKE_HEADER]: wakeToken(SECRET) }, '{"id":"nope"}')).toBe(400);
    expect(await post({ [WAKE_HEADER]: wakeToken(SECRET) }, signal)).toBe(204);
  });
});

const redisEnabled = (await available('redis')) && (await available('postgres'));

describe.skipIf(!redisEnabled)('revocation on every instance over Redis', { timeout: 90_000 }, () => {
  let db: Db & { drop(): Promise<void> };
  let one: RealtimeServer;
  let two: RealtimeServer;
  let previous: ActivityWake;
  const wakes: ActivityWake[] = [];

  beforeAll(async () => {
    db = await freshPostgres();
    const channel = `nwr:test:activity:${crypto.randomUUID()}`;
    const transports: RedisWakeTransport[] = [];
    const bus = () => {
      const t = new RedisWakeTransport(TEST_REDIS_URL, channel);
      transports.push(t);
      const w = new ActivityWake(t);
      wakes.push(w);
      return w;
    };
    one = await startServer(db, { pollMs: NO_POLL, wake: bus() });
    two = await startServer(db, { pollMs: NO_POLL, wake: bus() });
    previous = activityWake();
    setActivityWake(bus());
    // Both instances' subscriptions are live before the test publishes.
    await Promise.all(transports.slice(0, 2).map((t) => t.subscribed));
  });
  afterAll(async () => {
    setActivityWake(previous);
    await one?.close();
    await two?.close();
    for (const w of wakes) await w.close();
    await db?.drop();
  });

  it('a password change closes that person’s sockets on both instances', async () => {
    const world = await createWorld(db);
    await db.run('UPDATE users SET password_hash = ? WHERE id = ?', [
      await hashPassword('old password 1'),
      world.users.repA,
    ]);
    const a = raw(one, `${world.docs.commons}?ticket=${await ticket(db, world.users.repA, world.docs.commons)}`);
    const b = raw(two, `${world.docs.orgA}?ticket=${await ticket(db, world.users.repA, world.docs.orgA)}`);
    for (const r of [a, b]) await waitFor(() => r.frames.length > 0, 20_000, 'sync');
    await changePassword(
      db,
      { userId: world.users.repA },
      { currentPassword: 'old password 1', newPassword: 'new password 2' },
    );
    expect((await a.closed).code).toBe(CLOSE.UNAUTHENTICATED);
    expect((await b.closed).code).toBe(CLOSE.UNAUTHENTICATED);
  });
});
