/**
 * Issue 7: a document whose stored state does not load is recovered, not
 * lost. The stored log (and snapshot) are poisoned directly in the database
 * (the bytes of defects 1 and 2, garbage, an update depending on a poisoned
 * one); the room still opens with everything that loads, what does not is in
 * yjs_quarantine with its reason, and the recovery is logged once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import type { RealtimeServer } from '@/server/server';
import { available, freshPostgres, freshSqlite } from '../helpers/services';
import { client, createWorld, startServer, storedDoc, synced, waitFor, type World } from './fixtures';

const backends: [string, () => Promise<Db & { drop(): Promise<void> }>, boolean][] = [
  ['SQLite', freshSqlite, true],
  ['PostgreSQL', freshPostgres, await available('postgres')],
];

const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
/** Defect 2's update (a zero-length GC struct) and the snapshot Yjs made of it, which does not load. */
const ZERO_GC = hex('01016000000000');
const ZERO_GC_SNAPSHOT = (() => {
  const d = new Y.Doc();
  Y.applyUpdate(d, ZERO_GC);
  return Y.encodeStateAsUpdate(d);
})();
/** Defect 1's update: an item whose origin is itself. */
const SELF_ORIGIN = hex('01010700840700017800');
/** An item of client 8 inserted after client 7's (poisoned) item: it depends on a quarantined row. */
const DEPENDENT = hex('01010800840700017900');

const textOf = (d: Y.Doc) => d.getXmlFragment('notes').toString();
const paragraph = (d: Y.Doc, s: string) => {
  const t = new Y.XmlText();
  t.insert(0, s);
  d.getXmlFragment('notes').push([t]);
};

for (const [label, makeDb, enabled] of backends) {
  describe.skipIf(!enabled)(`recovering unloadable documents (${label})`, () => {
    let db: Db & { drop(): Promise<void> };
    let server: RealtimeServer;
    let world: World;
    const errors: string[] = [];

    beforeAll(async () => {
      db = await makeDb();
      world = await createWorld(db);
      server = await startServer(db, {
        logLevel: 'error',
        logSink: (level, line) => level === 'error' && errors.push(line),
        limits: { idleUnloadMs: 50 },
      });
    });
    afterAll(async () => {
      await server?.close();
      await db?.drop();
    });

    const append = (doc: string, data: Uint8Array) =>
      db.run('INSERT INTO yjs_updates (doc, data, created_at) VALUES (?, ?, ?)', [doc, data, Date.now()]);

    async function opensWith(doc: string, texts: string[]) {
      const c = await client(server, world.users.repA, doc);
      try {
        await synced(c);
        await waitFor(() => texts.every((t) => textOf(c.doc).includes(t)), 20_000, `content ${texts.join(', ')}`);
        // And it still takes writes.
        paragraph(c.doc, 'after-recovery');
        await waitFor(async () => textOf(await storedDoc(db, doc)).includes('after-recovery'), 20_000, 'stored');
      } finally {
        c.destroy();
      }
      await waitFor(() => !server.rooms.has(doc), 20_000, 'room unloaded');
    }

    it('a poisoned log: the good rows are kept, the poisoned ones and what depends on them are quarantined', async () => {
      const doc = world.docs.commons;
      const author = new Y.Doc();
      const updates: Uint8Array[] = [];
      author.on('update', (u: Uint8Array) => updates.push(u));
      paragraph(author, 'first-good');
      paragraph(author, 'second-good');
      await append(doc, updates[0]);
      await append(doc, ZERO_GC);
      await append(doc, SELF_ORIGIN);
      await append(doc, hex('ff00ff00ff'));
      await append(doc, updates[1]);
      await append(doc, DEPENDENT);

      errors.length = 0;
      await opensWith(doc, ['first-good', 'second-good']);
      const quarantine = await db.all<{ source: string; reason: string }>(
        'SELECT source, reason FROM yjs_quarantine WHERE doc = ? ORDER BY id',
        [doc],
      );
      expect(quarantine.map((q) => q.source)).toEqual(['update', 'update', 'update', 'update']);
      expect(quarantine[0].reason).toMatch(/zero-length struct/);
      expect(quarantine[1].reason).toMatch(/reference to itself/);
      expect(quarantine[3].reason).toMatch(/reference to unknown content/);
      const recovered = errors.filter((l) => l.includes('recovered'));
      expect(recovered).toHaveLength(1);
      expect(recovered[0]).toContain(doc);
      // Storage now loads as it is: opening again recovers nothing more and logs nothing.
      errors.length = 0;
      await opensWith(doc, ['first-good', 'second-good', 'after-recovery']);
      expect(errors.filter((l) => l.includes('recovered'))).toEqual([]);
      const stored = await storedDoc(db, doc);
      expect(textOf(stored)).toContain('second-good');
      for (const client of [0x60, 7, 8]) expect(stored.store.clients.has(client)).toBe(false);
      expect(await db.all('SELECT id FROM yjs_updates WHERE doc = ?', [doc])).toHaveLength(0);
    });

    it('a poisoned snapshot (the one defect 2 left behind): the room opens with the log rows after it', async () => {
      const doc = world.docs.orgA;
      await db.run('INSERT INTO yjs_snapshots (doc, data, upto_id, updated_at) VALUES (?, ?, ?, ?)', [
        doc,
        ZERO_GC_SNAPSHOT,
        0,
        Date.now(),
      ]);
      const author = new Y.Doc();
      paragraph(author, 'after-the-snapshot');
      await append(doc, Y.encodeStateAsUpdate(author));
      errors.length = 0;
      await opensWith(doc, ['after-the-snapshot']);
      const quarantine = await db.all<{ source: string; reason: string }>(
        'SELECT source, reason FROM yjs_quarantine WHERE doc = ?',
        [doc],
      );
      expect(quarantine).toHaveLength(1);
      expect(quarantine[0].source).toBe('snapshot');
      expect(errors.filter((l) => l.includes('recovered'))).toHaveLength(1);
      const stored = await storedDoc(db, doc);
      expect(textOf(stored)).toContain('after-the-snapshot');
    });
  });
}
