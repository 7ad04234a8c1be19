/**
 * Issue 8 §3: a command writes into a collaborative document
 * (`writeDocument`, lib/realtime/server-write.ts). Real sockets, a real
 * realtime server in process: the change reaches the connected clients and
 * survives a restart; with the room loaded nowhere it is applied on the next
 * load; a room loading at the same moment gets it exactly once; a lost
 * wake-up is caught up before compaction and by the safety-net poll; the
 * embedded default's loopback nudge wakes the room.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ActivityWake, activityWake, LoopbackWakeTransport, setActivityWake, wakeToken } from '@/lib/activity/wake';
import type { Db } from '@/lib/db';
import { writeDocument } from '@/lib/realtime/server-write';
import type { RealtimeServer } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import {
  client,
  createWorld,
  SECRET,
  startServer,
  storedDoc,
  synced,
  waitFor,
  type Client,
  type World,
} from './fixtures';

const textOf = (d: Y.Doc) => d.getXmlFragment('notes').toString();
const count = (text: string, needle: string) => text.split(needle).length - 1;
const paragraph = (s: string) => (d: Y.Doc) => {
  const t = new Y.XmlText();
  t.insert(0, s);
  d.getXmlFragment('notes').push([t]);
};

describe('server-written document changes', { timeout: 60_000 }, () => {
  let db: Db & { drop(): Promise<void> };
  let world: World;
  let server: RealtimeServer | null = null;
  const clients: Client[] = [];
  const meta = () => ({ actorId: world.users.manager, networkId: world.networkId, reason: 'test' });
  const write = (doc: string, text: string) => writeDocument(doc, paragraph(text), meta(), { db });

  beforeAll(async () => {
    db = await freshSqlite();
    world = await createWorld(db);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
    server = null;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('reaches two connected clients, is stored once with its activity row, and survives a restart', async () => {
    server = await startServer(db, { pollMs: 60_000 });
    const a = await client(server, world.users.repA, world.docs.commons);
    const b = await client(server, world.users.repB, world.docs.commons);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    paragraph('from-a')(a.doc);
    await waitFor(() => textOf(b.doc).includes('from-a'));

    await write(world.docs.commons, 'from-server');
    await waitFor(() => [a, b].every((c) => textOf(c.doc).includes('from-server')), 5000, 'both clients');
    expect(count(textOf(a.doc), 'from-server')).toBe(1);
    const rows = await db.all<{ origin: string | null }>(
      "SELECT origin FROM yjs_updates WHERE doc = ? AND origin = 'server'",
      [world.docs.commons],
    );
    expect(rows).toHaveLength(1);
    const act = await db.get<{ actor_id: string; subject_id: string; data: string }>(
      "SELECT actor_id, subject_id, data FROM activity WHERE kind = 'document.written' ORDER BY id DESC",
    );
    expect(act).toMatchObject({ actor_id: world.users.manager, subject_id: world.docs.commons });
    expect(JSON.parse(act!.data)).toMatchObject({ doc: world.docs.commons, reason: 'test' });

    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    server = await startServer(db, { pollMs: 60_000 });
    const c = await client(server, world.users.repA, world.docs.commons);
    clients.push(c);
    await synced(c);
    expect(count(textOf(c.doc), 'from-server')).toBe(1);
    expect(count(textOf(c.doc), 'from-a')).toBe(1);
  });

  it('is applied on the next load when no room holds the document', async () => {
    await write(world.docs.orgA, 'while-unloaded');
    server = await startServer(db, { pollMs: 60_000 });
    expect(server.rooms.has(world.docs.orgA)).toBe(false);
    const c = await client(server, world.users.repA, world.docs.orgA);
    clients.push(c);
    await synced(c);
    expect(count(textOf(c.doc), 'while-unloaded')).toBe(1);
  });

  it('gets into a room that loads at the same moment exactly once', async () => {
    server = await startServer(db, { pollMs: 60_000, limits: { idleUnloadMs: 20 } });
    for (let i = 0; i < 12; i++) {
      const c = await client(server, world.users.repB, world.docs.homeB, { connect: false });
      const text = `race-${i}-`;
      // Stagger the write against the room's load by a few milliseconds each round.
      c.provider.connect();
      await new Promise((r) => setTimeout(r, i % 4));
      await write(world.docs.homeB, text);
      await waitFor(() => textOf(c.doc).includes(text), 5000, `round ${i}`);
      expect(count(textOf(c.doc), text)).toBe(1);
      c.destroy();
      await waitFor(() => !server!.rooms.has(world.docs.homeB), 5000, 'room unloaded');
    }
    const stored = await storedDoc(db, world.docs.homeB);
    for (let i = 0; i < 12; i++) expect(count(textOf(stored), `race-${i}-`)).toBe(1);
  });

  it('is delivered by the safety-net poll when the wake-up was lost', async () => {
    // The server listens on its own bus, which the writer's wake-up never reaches.
    server = await startServer(db, { wake: new ActivityWake(), pollMs: 200 });
    const a = await client(server, world.users.repB, world.docs.commons);
    clients.push(a);
    await synced(a);
    await write(world.docs.commons, 'polled');
    await waitFor(() => textOf(a.doc).includes('polled'), 5000, 'the poll delivered it');
  });

  it('is never compacted away when the wake-up was lost', async () => {
    server = await startServer(db, { wake: new ActivityWake(), pollMs: 60_000, limits: { compactEvery: 3 } });
    const a = await client(server, world.users.repA, world.docs.commons);
    clients.push(a);
    await synced(a);
    await write(world.docs.commons, 'lost-wake');
    // Compaction (after 3 stored client updates) reads the server-written row before it snapshots.
    for (let i = 0; i < 4; i++) paragraph(`after-${i}`)(a.doc);
    await waitFor(() => textOf(a.doc).includes('lost-wake'), 5000, 'compaction read and forwarded it');
    await waitFor(async () => {
      const snap = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM yjs_snapshots WHERE doc = ?', [
        world.docs.commons,
      ]);
      return Number(snap?.n) > 0;
    });
    await server.close();
    server = null;
    const stored = await storedDoc(db, world.docs.commons);
    expect(count(textOf(stored), 'lost-wake')).toBe(1);
  });

  it('wakes the room over the embedded default’s loopback nudge', async () => {
    const own = new ActivityWake();
    server = await startServer(db, { wake: own, pollMs: 60_000 });
    const previous = activityWake();
    setActivityWake(new ActivityWake(new LoopbackWakeTransport(server.port, wakeToken(SECRET))));
    try {
      const a = await client(server, world.users.repA, world.docs.orgA);
      clients.push(a);
      await synced(a);
      await write(world.docs.orgA, 'via-loopback');
      await waitFor(() => textOf(a.doc).includes('via-loopback'), 3000, 'loopback wake-up');
    } finally {
      await activityWake().close();
      setActivityWake(previous);
    }
  });

  it('refuses a change outside the document’s shape and writes nothing', async () => {
    const before = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM yjs_updates');
    await expect(
      writeDocument(world.docs.orgA, (d) => d.getMap('not-a-root').set('x', 1), meta(), { db }),
    ).rejects.toThrow(/refused/);
    await expect(
      writeDocument(
        world.docs.orgA,
        () => {
          throw new Error('the command failed');
        },
        meta(),
        { db },
      ),
    ).rejects.toThrow('the command failed');
    await writeDocument(world.docs.orgA, () => undefined, meta(), { db });
    const after = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM yjs_updates');
    expect(Number(after?.n)).toBe(Number(before?.n));
    await expect(
      writeDocument(world.docs.orgA, paragraph('x'), { ...meta(), networkId: world.otherNetworkId }, { db }),
    ).rejects.toThrow();
  });
});
