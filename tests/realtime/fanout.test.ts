/**
 * Issue 7 leftovers: the updates a room accepts in one event-loop turn go to
 * each observer as one message (merged), and never back to their author; a
 * lone change of new structs goes out as its validated bytes before the
 * server applies it, anything else as the server's own encoding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { MESSAGE_SYNC, SYNC_STEP1, SYNC_UPDATE } from '@/lib/realtime/protocol';
import type { RealtimeServer } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import {
  client,
  createWorld,
  raw,
  sessionCookie,
  startServer,
  storedDoc,
  synced,
  waitFor,
  type World,
} from './fixtures';

const syncUpdate = (u: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_UPDATE);
  encoding.writeVarUint8Array(e, u);
  return encoding.toUint8Array(e);
};
const syncStep2 = (u: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, 1);
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
/** The clock ranges an update carries structs for, per client, and its deleted ranges. */
const covered = (u: Uint8Array) => {
  const { structs, ds } = Y.decodeUpdate(u);
  const ranges = new Map<number, [number, number]>();
  for (const s of structs) {
    const r = ranges.get(s.id.client);
    ranges.set(s.id.client, r ? [r[0], s.id.clock + s.length] : [s.id.clock, s.id.clock + s.length]);
  }
  const deleted = [...ds.clients].flatMap(([client, items]) => items.map((d) => [client, d.clock, d.len]));
  return { structs: [...ranges].sort((a, b) => a[0] - b[0]), deleted };
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

  /** A writer and a watcher (raw sockets, synced) on the commons document, and the source doc the writer edits. */
  async function pair() {
    const writer = raw(server, world.docs.commons, { headers: { cookie: await sessionCookie(world.users.repA) } });
    const watcher = raw(server, world.docs.commons, { headers: { cookie: await sessionCookie(world.users.repB) } });
    await Promise.all([writer.opened, watcher.opened]);
    const source = new Y.Doc();
    writer.send(syncStep1(source));
    watcher.send(syncStep1(new Y.Doc()));
    await waitFor(() => writer.frames.length >= 2 && watcher.frames.length >= 2);
    // The writer's copy starts from what the server holds (the first update frames carry the document).
    for (const u of updatesIn(writer.frames)) Y.applyUpdate(source, u);
    await new Promise((r) => setTimeout(r, 100));
    for (const f of writer.frames) {
      const d = decoding.createDecoder(new Uint8Array(f));
      if (decoding.readVarUint(d) === MESSAGE_SYNC && decoding.readVarUint(d) === 1) {
        Y.applyUpdate(source, decoding.readVarUint8Array(d));
      }
    }
    return { writer, watcher, source };
  }
  const storedHas = async (marker: string) => {
    return (await storedDoc(db, world.docs.commons)).getXmlFragment('notes').toString().includes(marker);
  };

  it('forwards a lone change of new structs as its validated bytes, before applying it; stores its own encoding', async () => {
    const { writer, watcher, source } = await pair();
    const room = server.rooms.get(world.docs.commons)!;
    const watcherConn = [...room.conns].find((c) => c.userId === world.users.repB)!;
    const written = () => (watcherConn.ws as unknown as { _socket: { bytesWritten: number } })._socket.bytesWritten;
    // When the server starts applying the client's change, its frame to the watcher is already written.
    const seenAtApply: number[] = [];
    const beforeApply = (tr: Y.Transaction) => {
      if ((tr.origin as { kind?: string } | null)?.kind === 'client') seenAtApply.push(written());
    };
    room.doc.on('beforeTransaction', beforeApply);
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const writtenBefore = written();
    const before = watcher.frames.length;
    source.getXmlFragment('notes').push([new Y.XmlText('lone-change')]);
    expect(updates).toHaveLength(1);
    writer.send(syncUpdate(updates[0]));
    await waitFor(() => updatesIn(watcher.frames.slice(before)).length > 0);
    room.doc.off('beforeTransaction', beforeApply);
    expect(updatesIn(watcher.frames.slice(before))).toEqual([updates[0]]);
    expect(seenAtApply).toHaveLength(1);
    expect(seenAtApply[0]).toBeGreaterThan(writtenBefore);
    await waitFor(() => storedHas('lone-change'));
    writer.ws.close();
    watcher.ws.close();
  });

  it("forwards a change that repeats known structs, and a SyncStep2, as the server's encoding of what is new", async () => {
    const { writer, watcher, source } = await pair();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getXmlFragment('notes').push([new Y.XmlText('known-part')]);
    writer.send(syncUpdate(updates[0]));
    await waitFor(() => storedHas('known-part'));
    // One update that carries the known change again and a new one: only the new one goes out.
    source.getXmlFragment('notes').push([new Y.XmlText('new-part')]);
    const both = Y.mergeUpdates(updates);
    let before = watcher.frames.length;
    writer.send(syncUpdate(both));
    await waitFor(() => updatesIn(watcher.frames.slice(before)).length > 0);
    let got = updatesIn(watcher.frames.slice(before));
    expect(got).toEqual([updates[1]]);
    expect(got[0]).not.toEqual(both);
    // A SyncStep2 carries new structs and the writer's whole delete set, known deletions included.
    source.getXmlFragment('notes').delete(0, 1);
    before = watcher.frames.length;
    writer.send(syncUpdate(updates[2]));
    await waitFor(() => updatesIn(watcher.frames.slice(before)).length > 0);
    const serverState = Y.encodeStateVector(source);
    source.getXmlFragment('notes').push([new Y.XmlText('step2-part')]);
    const step2 = Y.encodeStateAsUpdate(source, serverState);
    expect(covered(step2).deleted.length).toBeGreaterThan(0);
    before = watcher.frames.length;
    writer.send(syncStep2(step2));
    await waitFor(() => updatesIn(watcher.frames.slice(before)).length > 0);
    got = updatesIn(watcher.frames.slice(before));
    // Only the new text goes out (the server's encoding: no deletions it already had).
    expect(got).toEqual([updates[3]]);
    expect(covered(got[0]).deleted).toEqual([]);
    await waitFor(() => storedHas('step2-part'));
    writer.ws.close();
    watcher.ws.close();
  });
});
