/**
 * The realtime server's safety-net poll for server-written changes
 * (`DocStore.serverWritesSince`, every 5 s on the event loop) reads only the
 * server's rows through the partial index of migration 020, however long the
 * log of client updates has grown: on SQLite and PostgreSQL, the query plan
 * uses the index, and the answer is right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { SERVER_ORIGIN } from '@/lib/realtime/doc-storage';
import { DocStore, SERVER_WRITES_SINCE } from '@/server/persistence';
import { available, freshPostgres, freshSqlite } from '../helpers/services';

const CLIENT_ROWS = 20_000;

const backends: [string, () => Promise<Db & { drop(): Promise<void> }>, boolean][] = [
  ['SQLite', freshSqlite, true],
  ['PostgreSQL', freshPostgres, await available('postgres')],
];

for (const [label, fresh, enabled] of backends) {
  describe.skipIf(!enabled)(`the server-write poll on ${label}`, () => {
    let db: Db & { drop(): Promise<void> };
    const serverIds: Record<string, number> = {};

    beforeAll(async () => {
      db = await fresh();
      const now = Date.now();
      const data = new Uint8Array([0, 0]);
      // A long log of client updates (origin NULL) in ten documents, and two server-written rows among them.
      await db.tx(async (q) => {
        for (let from = 0; from < CLIENT_ROWS; from += 500) {
          const rows = Array.from({ length: 500 }, (_, k) => [`doc-${(from + k) % 10}`, data, now]);
          await q.run(
            `INSERT INTO yjs_updates (doc, data, created_at) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
            rows.flat(),
          );
          if (from === 5_000 || from === 15_000) {
            const doc = from === 5_000 ? 'doc-3' : 'doc-7';
            const row = await q.get<{ id: number }>(
              'INSERT INTO yjs_updates (doc, data, created_at, origin) VALUES (?, ?, ?, ?) RETURNING id',
              [doc, data, now, SERVER_ORIGIN],
            );
            serverIds[doc] = Number(row!.id);
          }
        }
      });
      if (db.dialect === 'postgres') await db.exec('ANALYZE yjs_updates');
    }, 120_000);
    afterAll(async () => {
      await db?.drop();
    });

    it('answers with the documents that have server-written rows after the watermark', async () => {
      const store = new DocStore(db);
      expect(serverIds['doc-3']).toBeGreaterThan(0);
      const all = await store.serverWritesSince(0);
      expect(all.docs.sort()).toEqual(['doc-3', 'doc-7']);
      expect(all.upto).toBe(serverIds['doc-7']);
      const later = await store.serverWritesSince(serverIds['doc-3']);
      expect(later).toEqual({ docs: ['doc-7'], upto: serverIds['doc-7'] });
      expect(await store.serverWritesSince(serverIds['doc-7'])).toEqual({ docs: [], upto: serverIds['doc-7'] });
    });

    it('reads the partial index, not the log of client updates', async () => {
      if (db.dialect === 'sqlite') {
        const plan = await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${SERVER_WRITES_SINCE}`, [SERVER_ORIGIN, 0]);
        const text = plan.map((p) => p.detail).join('\n');
        expect(text).toContain('USING INDEX yjs_updates_server_writes');
        expect(text).not.toMatch(/\bSCAN yjs_updates\b/);
      } else {
        const plan = await db.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${SERVER_WRITES_SINCE}`, [SERVER_ORIGIN, 0]);
        const text = plan.map((p) => p['QUERY PLAN']).join('\n');
        expect(text).toContain('yjs_updates_server_writes');
        expect(text).not.toContain('Seq Scan on yjs_updates');
      }
    });
  });
}
