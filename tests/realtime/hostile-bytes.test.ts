/**
 * Issue 7, defects 1 and 2: the exact frames from the report, sent over a real
 * socket by a signed-in writer after the server's SyncStep1. Neither may kill
 * the process nor get into storage; the document still loads afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { CLOSE } from '@/lib/realtime/close-codes';
import type { RealtimeServer } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import { client, createWorld, raw, startServer, storedDoc, synced, ticket, waitFor, type World } from './fixtures';

const hex = (h: string) => Buffer.from(h, 'hex');
const textOf = (d: Y.Doc) => d.getXmlFragment('notes').toString();

describe('issue 7: frames that killed the server or broke a document', () => {
  let db: Db & { drop(): Promise<void> };
  let server: RealtimeServer;
  let world: World;

  beforeAll(async () => {
    db = await freshSqlite();
    world = await createWorld(db);
    server = await startServer(db, { limits: { idleUnloadMs: 100 } });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  /** A raw writer (home member on their own home document) that has received the server's SyncStep1. */
  async function writer(doc: string) {
    const r = raw(server, `${doc}?ticket=${await ticket(db, world.users.homeA, doc)}`);
    await r.opened;
    await waitFor(() => r.frames.some((f) => f[0] === 0 && f[1] === 0), 20_000, "server's SyncStep1");
    return r;
  }

  /** The process serves: /health answers and an honest writer's change reaches storage and a second client. */
  async function stillServes(doc: string) {
    expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200);
    const a = await client(server, world.users.homeA, doc);
    const b = await client(server, world.users.repA, doc);
    try {
      await Promise.all([synced(a), synced(b)]);
      const marker = `alive-${Math.random().toString(36).slice(2)}`;
      const t = new Y.XmlText();
      t.insert(0, marker);
      a.doc.getXmlFragment('notes').push([t]);
      await waitFor(() => textOf(b.doc).includes(marker), 20_000, 'marker at the second client');
      await waitFor(async () => textOf(await storedDoc(db, doc)).includes(marker), 20_000, 'marker stored');
    } finally {
      a.destroy();
      b.destroy();
    }
  }

  it('defect 1: an item whose origin is itself (00020a01010700840700017800) closes that socket with 4002, nothing else', async () => {
    const doc = world.docs.homeA;
    const r = await writer(doc);
    r.send(hex('00020a01010700840700017800'));
    expect((await r.closed).code).toBe(CLOSE.UPDATE_REJECTED);
    await stillServes(doc);
    const stored = await storedDoc(db, doc);
    expect(stored.store.clients.has(7)).toBe(false);
  });

  it('defect 2: a zero-length GC struct (00020701016000000000) is refused, not stored, and the document reloads after unload and compaction', async () => {
    const doc = world.docs.homeA;
    await stillServes(doc);
    const r = await writer(doc);
    r.send(hex('00020701016000000000'));
    expect((await r.closed).code).toBe(CLOSE.UPDATE_REJECTED);
    // Let the room unload (compacting on the way out), then load it again.
    await waitFor(() => !server.rooms.has(doc), 20_000, 'room unloaded');
    const rows = await db.all<{ data: Uint8Array }>('SELECT data FROM yjs_updates WHERE doc = ?', [doc]);
    const snap = await db.get<{ data: Uint8Array }>('SELECT data FROM yjs_snapshots WHERE doc = ?', [doc]);
    const fresh = new Y.Doc();
    if (snap) Y.applyUpdate(fresh, new Uint8Array(snap.data));
    for (const row of rows) Y.applyUpdate(fresh, new Uint8Array(row.data));
    expect(fresh.store.clients.has(0x60)).toBe(false);
    await stillServes(doc);
  });
});
