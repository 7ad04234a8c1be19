/**
 * Issue 7 leftovers: the updates a room accepts in one event-loop turn go to
 * each observer as one message (merged), and never back to their author.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { MESSAGE_SYNC, SYNC_STEP1, SYNC_UPDATE } from '@/lib/realtime/protocol';
import type { RealtimeServer } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import { client, createWorld, raw, sessionCookie, startServer, synced, waitFor, type World } from './fixtures';

const syncUpdate = (u: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_UPDATE);
  encoding.writeVarUint8Array(e, u);
  return encoding.toUint8Array(e);
};
const syncStep1 = (doc: Y.Doc) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_STEP1);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  return encoding.toUint8Array(e);
};
/** The sync updates among received frames. */
const updatesIn = (frames: Buffer[]) =>
  frames.flatMap((f) => {
    const d = decoding.createDecoder(new Uint8Array(f));
    if (decoding.readVarUint(d) !== MESSAGE_SYNC || decoding.readVarUint(d) !== SYNC_UPDATE) return [];
    return [decoding.readVarUint8Array(d)];
  });

describe('fan-out per event-loop turn', { timeout: 60_000 }, () => {
  let db: Db & { drop(): Promise<void> };
  let world: World;
  let server: RealtimeServer;

  beforeAll(async () => {
    db = await freshSqlite();
    world = await createWorld(db);
    server = await startServer(db, { pollMs: 60_000 });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('sends a burst of one turn to an observer as one merged message, and nothing back to the writer', async () => {
    const observer = await client(server, world.users.observer, world.docs.commons);
    await synced(observer);
    const writer = raw(server, world.docs.commons, { headers: { cookie: await sessionCookie(world.users.repA) } });
    await writer.opened;
    const source = new Y.Doc();
    writer.send(syncStep1(source));
    await waitFor(() => writer.frames.length >= 2);
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 20; i++) source.getXmlFragment('notes').push([new Y.XmlText(`burst-${i}`)]);
    const watcher = raw(server, world.docs.commons, { headers: { cookie: await sessionCookie(world.users.repB) } });
    await watcher.opened;
    watcher.send(syncStep1(new Y.Doc()));
    await waitFor(() => watcher.frames.length >= 2);
    const before = watcher.frames.length;
    const writerBefore = writer.frames.length;
    // All twenty frames in one write: the server reads them in one turn.
    const socket = (writer.ws as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
    socket.cork();
    for (const u of updates) writer.send(syncUpdate(u));
    socket.uncork();
    await waitFor(() => observer.doc.getXmlFragment('notes').toString().includes('burst-19'));
    await waitFor(() => updatesIn(watcher.frames.slice(before)).length > 0);
    await new Promise((r) => setTimeout(r, 200));
    const got = updatesIn(watcher.frames.slice(before));
    expect(got.length).toBeLessThan(updates.length);
    const check = new Y.Doc();
    for (const u of got) Y.applyUpdate(check, u);
    expect(check.getXmlFragment('notes').length).toBe(20);
    expect(updatesIn(writer.frames.slice(writerBefore))).toEqual([]);
    writer.ws.close();
    watcher.ws.close();
    observer.destroy();
  });
});
