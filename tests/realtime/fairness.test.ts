/**
 * Issue 7, defect 3: a reader's burst of SyncStep1 on a large document
 * (0.88 MB, 50,000 characters in 50,000 items) froze the event loop for tens
 * of seconds. Now each answer comes from a per-room cache (one encoding per
 * change of the document) and each connection has a SyncStep1 budget; past it
 * the connection is closed with 4003. An honest pair in another room keeps
 * converging while five readers burst (liveness only: no timing assertions).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { CLOSE } from '@/lib/realtime/close-codes';
import { DEFAULT_LIMITS } from '@/lib/realtime/limits';
import type { RealtimeServer } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import { client, createWorld, raw, sessionCookie, startServer, synced, waitFor, type World } from './fixtures';

const syncStep1Empty = (() => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(e);
})();

describe('fair sharing of the event loop', () => {
  let db: Db & { drop(): Promise<void> };
  let server: RealtimeServer;
  let world: World;

  beforeAll(async () => {
    db = await freshSqlite();
    world = await createWorld(db);
    // The large document: 50,000 one-character items at random places.
    const big = new Y.Doc();
    const t = new Y.XmlText();
    big.getXmlFragment('notes').push([t]);
    let seed = 1;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    big.transact(() => {
      for (let i = 0; i < 50_000; i++) t.insert(Math.floor(rand() * (t.length + 1)), 'x');
    });
    await db.run('INSERT INTO yjs_updates (doc, data, created_at) VALUES (?, ?, ?)', [
      world.docs.commons,
      Y.encodeStateAsUpdate(big),
      Date.now(),
    ]);
    server = await startServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it("answers a reader's SyncStep1 burst from one encoding, closes it past its budget (4003), and other rooms keep converging", async () => {
    const writer = await client(server, world.users.homeA, world.docs.homeA);
    const reader = await client(server, world.users.repA, world.docs.homeA);
    await Promise.all([synced(writer), synced(reader)]);
    const line = new Y.XmlText();
    writer.doc.getXmlFragment('notes').push([line]);

    const before = server.metrics();
    const cookie = await sessionCookie(world.users.observer);
    const bursts = Array.from({ length: 5 }, () => raw(server, world.docs.commons, { headers: { cookie } }));
    await Promise.all(bursts.map((b) => b.opened));
    // The honest writer keeps typing while the readers burst.
    let typed = 0;
    const typing = setInterval(() => line.insert(line.length, String(typed++ % 10)), 20);
    try {
      for (const b of bursts) for (let i = 0; i < 1900; i++) b.send(syncStep1Empty);
      const closes = await Promise.all(bursts.map((b) => b.closed));
      expect(closes.map((c) => c.code)).toEqual(bursts.map(() => CLOSE.RATE_LIMITED));
      await waitFor(() => typed >= 30, 60_000, 'the writer typed on');
      const want = line.toString();
      await waitFor(
        () =>
          (reader.doc.getXmlFragment('notes').get(0) as Y.XmlText | undefined)?.toString().startsWith(want) === true,
        60_000,
        'the honest reader in the other room converged',
      );
    } finally {
      clearInterval(typing);
    }
    for (const b of bursts) {
      const answers = b.frames.filter((f) => f[0] === 0 && f[1] === 1).length;
      expect(answers).toBeLessThanOrEqual(DEFAULT_LIMITS.syncBurst + 1);
    }
    const after = server.metrics();
    const answers = after.syncAnswers - before.syncAnswers;
    const encodings = after.syncEncodings - before.syncEncodings;
    expect(answers).toBeGreaterThanOrEqual(5 * DEFAULT_LIMITS.syncBurst);
    // The large document did not change during the bursts: its answer was encoded once for all of them.
    expect(encodings).toBeLessThanOrEqual(2);
    expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200);
    writer.destroy();
    reader.destroy();
  });
});
