/**
 * Scale mode: two realtime instances on one database exchange updates and
 * awareness over Redis; they converge after the subscriber connection drops;
 * compaction by either instance never loses the other's rows.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import type { RealtimeServer } from '@/server/server';
import { available, freshPostgres, TEST_REDIS_URL } from '../helpers/services';
import { client, createWorld, startServer, storedDoc, synced, waitFor, type Client, type World } from './fixtures';

const enabled = (await available('redis')) && (await available('postgres'));

const textOf = (d: Y.Doc) => d.getXmlFragment('notes').toString();
const insert = (d: Y.Doc, s: string) => d.getXmlFragment('notes').push([new Y.XmlText(s)]);

// Generous per-test time: these tests start two servers and run while the
// integration project builds the app on the same two cores (it timed out once
// at 30 s under that load; alone each takes well under a second).
describe.skipIf(!enabled)('two realtime instances over Redis', { timeout: 90_000 }, () => {
  let db: Db & { drop(): Promise<void> };
  let one: RealtimeServer;
  let two: RealtimeServer;
  let world: World;
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await freshPostgres();
    world = await createWorld(db);
    const prefix = `nwr:test:${crypto.randomUUID()}:`;
    const opts = { redisUrl: TEST_REDIS_URL, redisPrefix: prefix, limits: { compactEvery: 10 } };
    one = await startServer(db, opts);
    two = await startServer(db, opts);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  it('forwards updates and awareness between clients on different instances', async () => {
    const a = await client(one, world.users.repA, world.docs.commons);
    const b = await client(two, world.users.repB, world.docs.commons);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    insert(a.doc, 'via-one');
    insert(b.doc, 'via-two');
    await waitFor(() => [a, b].every((c) => textOf(c.doc).includes('via-one') && textOf(c.doc).includes('via-two')));
    a.provider.awareness.setLocalStateField('cursor', 1);
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Person repA');
  });

  it('keeps every row when both instances write and compact', async () => {
    const a = await client(one, world.users.repA, world.docs.orgA);
    const b = await client(two, world.users.repB, world.docs.orgA);
    const a2 = await client(two, world.users.repA, world.docs.orgA);
    clients.push(a, b, a2);
    await Promise.all([synced(a), synced(b), synced(a2)]);
    for (let i = 0; i < 60; i++) {
      insert(a.doc, `a${i};`);
      insert(a2.doc, `h${i};`);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(() => textOf(b.doc).includes('a59;') && textOf(b.doc).includes('h59;'));
    // Forward-first: what b has seen is stored by each instance's next group commit.
    await waitFor(async () => {
      const stored = textOf(await storedDoc(db, world.docs.orgA));
      return Array.from({ length: 60 }, (_, i) => [`a${i};`, `h${i};`]).every(
        ([x, y]) => stored.includes(x) && stored.includes(y),
      );
    });
    const stored = textOf(await storedDoc(db, world.docs.orgA));
    for (let i = 0; i < 60; i++) expect(stored).toContain(`h${i};`);
    const snap = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM yjs_snapshots WHERE doc = ?', [
      world.docs.orgA,
    ]);
    expect(Number(snap?.n)).toBe(1);
  });

  it('converges after the subscriber connection to Redis was lost', async () => {
    const a = await client(one, world.users.repA, world.docs.homeA);
    const b = await client(two, world.users.homeA, world.docs.homeA);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    two.bus!.sub.disconnect(true); // drops and reconnects
    insert(a.doc, 'while-redis-away');
    await waitFor(() => textOf(b.doc).includes('while-redis-away'), 30_000, 'resync after reconnect');
  });
});
