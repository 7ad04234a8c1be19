/**
 * Issue 12 §5, document locks over the socket: while a part is locked the
 * realtime server refuses every update touching it, from everyone (a stock
 * y-websocket client that ignores any UI: closed with 4423, nothing stored),
 * readers still read, other parts stay writable; the lock ends by itself at
 * its end time, and an unlock frees it at once.
 */
import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { lockDocument, unlockDocument } from '@/lib/documents';
import { loadActor } from '@/lib/policies/load-actor';
import { CLOSE } from '@/lib/realtime/close-codes';
import type { RealtimeServer } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import { client, createWorld, startServer, storedDoc, synced, waitFor, type Client, type World } from './fixtures';

const textOf = (d: Y.Doc) => d.getXmlFragment('notes').toString();
const paragraph = (d: Y.Doc, s: string) => {
  const t = new Y.XmlText();
  t.insert(0, s);
  d.getXmlFragment('notes').push([t]);
};

describe('document locks on the socket', { timeout: 60_000 }, () => {
  let db: Db & { drop(): Promise<void> };
  let world: World;
  let server: RealtimeServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await freshSqlite();
    world = await createWorld(db);
    server = await startServer(db, { pollMs: 60_000 });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const lock = async (part: string, endsAt: number) =>
    lockDocument(db, await loadActor(db, world.users.manager, world.networkId), world.networkId, {
      doc: world.docs.commons,
      part,
      reason: 'Agreed wording',
      endsAt,
    });

  it('refuses a stock client’s update to the locked part (4423, nothing stored); readers read; the rest stays writable', async () => {
    const writer = await client(server, world.users.repA, world.docs.commons);
    const reader = await client(server, world.users.observer, world.docs.commons);
    clients.push(writer, reader);
    await Promise.all([synced(writer), synced(reader)]);
    paragraph(writer.doc, 'before-lock');
    await waitFor(() => textOf(reader.doc).includes('before-lock'));
    // Forwarded at once, stored within the commit window: counted below only once it is stored.
    await waitFor(async () => textOf(await storedDoc(db, world.docs.commons)).includes('before-lock'));

    const l = await lock('notes', Date.now() + 60_000);
    expect(l).toMatchObject({ part: 'notes', active: true, reason: 'Agreed wording' });
    const before = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM yjs_updates WHERE doc = ?', [
      world.docs.commons,
    ]);
    // A room learns of the lock from its activity row's wake-up (in process here).
    await waitFor(async () => {
      const probe = await client(server, world.users.repB, world.docs.commons);
      clients.push(probe);
      await synced(probe);
      paragraph(probe.doc, 'probe');
      await waitFor(() => probe.closeCodes.length > 0 || textOf(reader.doc).includes('probe'), 3000);
      return probe.closeCodes.includes(CLOSE.DOCUMENT_LOCKED);
    }, 5000);

    paragraph(writer.doc, 'while-locked');
    await waitFor(() => writer.closeCodes.includes(CLOSE.DOCUMENT_LOCKED), 5000, 'the writer told');
    // The stock client stops reconnecting on 44xx: it does not resend the refused change in a loop.
    expect(writer.provider.shouldConnect === false || !writer.provider.wsconnected).toBe(true);
    expect(textOf(reader.doc)).not.toContain('while-locked');
    const after = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM yjs_updates WHERE doc = ?', [
      world.docs.commons,
    ]);
    expect(Number(after?.n)).toBe(Number(before?.n));
    expect(textOf(await storedDoc(db, world.docs.commons))).not.toContain('while-locked');

    // Managers included: the lock holds for everyone.
    const manager = await client(server, world.users.manager, world.docs.commons);
    clients.push(manager);
    await synced(manager);
    paragraph(manager.doc, 'manager-while-locked');
    await waitFor(() => manager.closeCodes.includes(CLOSE.DOCUMENT_LOCKED), 5000, 'the manager told');
    expect(textOf(reader.doc)).not.toContain('manager-while-locked');

    // Readers still read: a fresh client syncs the document as it is.
    const late = await client(server, world.users.observer, world.docs.commons);
    clients.push(late);
    await synced(late);
    expect(textOf(late.doc)).toContain('before-lock');

    // Another part of the same document stays writable.
    const other = await client(server, world.users.repA, world.docs.commons);
    clients.push(other);
    await synced(other);
    const goalId = crypto.randomUUID();
    other.doc.getMap('goals').set(goalId, new Y.XmlFragment());
    await waitFor(() => late.doc.getMap('goals').has(goalId), 5000, 'the other part written');
    expect(other.closeCodes).toEqual([]);

    await unlockDocument(db, await loadActor(db, world.users.manager, world.networkId), world.networkId, {
      lockId: l.id,
    });
    const again = await client(server, world.users.repA, world.docs.commons);
    clients.push(again);
    await synced(again);
    paragraph(again.doc, 'after-unlock');
    await waitFor(() => textOf(late.doc).includes('after-unlock'), 5000, 'written after the unlock');
    expect(again.closeCodes).toEqual([]);
  });

  it('ends by itself at its end time', async () => {
    await lock('notes', Date.now() + 1500);
    const c = await client(server, world.users.repA, world.docs.commons);
    const r = await client(server, world.users.observer, world.docs.commons);
    clients.push(c, r);
    await Promise.all([synced(c), synced(r)]);
    const lockRow = await db.get<{ ends_at: number }>('SELECT ends_at FROM document_locks ORDER BY locked_at DESC');
    await new Promise((res) => setTimeout(res, Math.max(0, Number(lockRow!.ends_at) - Date.now() + 50)));
    paragraph(c.doc, 'after-the-end');
    await waitFor(() => textOf(r.doc).includes('after-the-end'), 5000, 'written after the end time');
    expect(c.closeCodes).toEqual([]);
  });
});
