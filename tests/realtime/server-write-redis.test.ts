/**
 * Issue 8 §3 in scale mode: two realtime instances on PostgreSQL and Redis.
 * A command in a third party (the web process: its own wake-up bus over
 * Redis) writes into a document held by both instances; clients on each see
 * it once; a room loaded on neither applies it on its next load.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ActivityWake, activityWake, RedisWakeTransport, setActivityWake } from '@/lib/activity/wake';
import type { Db } from '@/lib/db';
import { writeDocument } from '@/lib/realtime/server-write';
import { lockDocument } from '@/lib/documents';
import { loadActor } from '@/lib/policies/load-actor';
import { CLOSE } from '@/lib/realtime/close-codes';
import type { RealtimeServer } from '@/server/server';
import { available, freshPostgres, TEST_REDIS_URL } from '../helpers/services';
import { client, createWorld, startServer, synced, waitFor, type Client, type World } from './fixtures';

const enabled = (await available('redis')) && (await available('postgres'));
const textOf = (d: Y.Doc) => d.getXmlFragment('notes').toString();
const count = (text: string, needle: string) => text.split(needle).length - 1;
const paragraph = (s: string) => (d: Y.Doc) => {
  const t = new Y.XmlText();
  t.insert(0, s);
  d.getXmlFragment('notes').push([t]);
};

describe.skipIf(!enabled)('server-written changes over Redis', { timeout: 90_000 }, () => {
  let db: Db & { drop(): Promise<void> };
  let world: World;
  let one: RealtimeServer;
  let two: RealtimeServer;
  const clients: Client[] = [];
  const wakes: ActivityWake[] = [];
  let previous: ActivityWake;

  beforeAll(async () => {
    db = await freshPostgres();
    world = await createWorld(db);
    const prefix = `nwr:test:${crypto.randomUUID()}:`;
    const channel = `${prefix}activity`;
    // Each process has its own wake-up bus; only Redis connects them (the poll is off: 60 s).
    const bus = () => {
      const w = new ActivityWake(new RedisWakeTransport(TEST_REDIS_URL, channel));
      wakes.push(w);
      return w;
    };
    const opts = { redisUrl: TEST_REDIS_URL, redisPrefix: prefix, pollMs: 60_000 };
    one = await startServer(db, { ...opts, wake: bus() });
    two = await startServer(db, { ...opts, wake: bus() });
    previous = activityWake();
    setActivityWake(bus());
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one?.close();
    await two?.close();
    for (const w of wakes) await w.close();
    if (previous) setActivityWake(previous);
    await db?.drop();
  });

  it('reaches clients on both instances once', async () => {
    const a = await client(one, world.users.repA, world.docs.commons);
    const b = await client(two, world.users.repB, world.docs.commons);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    // The instances' subscriptions to the wake-up channel are live once a client's own change went round.
    paragraph('warm-up')(a.doc);
    await waitFor(() => textOf(b.doc).includes('warm-up'));
    await Promise.all(
      wakes.slice(0, 2).map((w) => (w as unknown as { transport: RedisWakeTransport }).transport.subscribed),
    );
    await writeDocument(
      world.docs.commons,
      paragraph('over-redis'),
      {
        actorId: world.users.manager,
        networkId: world.networkId,
        reason: 'test',
      },
      { db },
    );
    await waitFor(() => [a, b].every((c) => textOf(c.doc).includes('over-redis')), 5000, 'both instances');
    await new Promise((r) => setTimeout(r, 200));
    expect(count(textOf(a.doc), 'over-redis')).toBe(1);
    expect(count(textOf(b.doc), 'over-redis')).toBe(1);
  });

  it('is applied on the next load when no instance holds the room', async () => {
    await writeDocument(
      world.docs.orgA,
      paragraph('nobody-held-it'),
      {
        actorId: world.users.manager,
        networkId: world.networkId,
        reason: 'test',
      },
      { db },
    );
    const c = await client(two, world.users.repA, world.docs.orgA);
    clients.push(c);
    await synced(c);
    expect(count(textOf(c.doc), 'nobody-held-it')).toBe(1);
  });

  it('a lock set in another process reaches both instances over Redis: writes are refused on each', async () => {
    const a = await client(one, world.users.repA, world.docs.commons);
    const b = await client(two, world.users.repB, world.docs.commons);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    await lockDocument(db, await loadActor(db, world.users.manager, world.networkId), world.networkId, {
      doc: world.docs.commons,
      part: 'notes',
      reason: 'Agreed',
      endsAt: Date.now() + 60_000,
    });
    // The rooms learn of it from the lock's activity row over Redis (the poll is off): give it a moment.
    await new Promise((r) => setTimeout(r, 500));
    paragraph('refused-on-two')(b.doc);
    await waitFor(() => b.closeCodes.includes(CLOSE.DOCUMENT_LOCKED), 5000, 'refused on instance two');
    paragraph('refused-on-one')(a.doc);
    await waitFor(() => a.closeCodes.includes(CLOSE.DOCUMENT_LOCKED), 5000, 'refused on instance one');
    const rows = await db.all<{ n: number }>(
      'SELECT COUNT(*) AS n FROM yjs_updates WHERE doc = ? AND origin IS NULL AND created_at > ?',
      [world.docs.commons, Date.now() - 400],
    );
    expect(Number(rows[0].n)).toBe(0);
  });
});
