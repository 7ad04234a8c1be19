/**
 * Hostile input: bad frames, oversized messages, malformed and crafted
 * updates, awareness spoofing and floods, slow consumers. Each closes only
 * the offending socket; the process, the document and the other clients carry on.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { CLOSE } from '@/lib/realtime/close-codes';
import type { RealtimeServer } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import {
  client,
  createWorld,
  raw,
  startServer,
  storedDoc,
  synced,
  ticket,
  waitFor,
  type Client,
  type World,
} from './fixtures';

const msg = (...parts: ((e: encoding.Encoder) => void)[]) => {
  const e = encoding.createEncoder();
  for (const p of parts) p(e);
  return encoding.toUint8Array(e);
};
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b);
const syncUpdate = (u: Uint8Array) => msg(uint(0), uint(2), bytes(u));
const awarenessMsg = (entries: { id: number; clock: number; state: string }[]) =>
  msg(
    uint(1),
    bytes(
      msg(uint(entries.length), (e) => {
        for (const x of entries) {
          encoding.writeVarUint(e, x.id);
          encoding.writeVarUint(e, x.clock);
          encoding.writeVarString(e, x.state);
        }
      }),
    ),
  );

const textOf = (d: Y.Doc) => d.getXmlFragment('notes').toString();
const insert = (d: Y.Doc, s: string) => {
  const t = new Y.XmlText();
  t.insert(0, s);
  d.getXmlFragment('notes').push([t]);
};

describe('realtime server under hostile input', () => {
  let db: Db & { drop(): Promise<void> };
  let server: RealtimeServer;
  let world: World;
  let a: Client;
  let b: Client;
  const extra: Client[] = [];

  beforeAll(async () => {
    db = await freshSqlite();
    world = await createWorld(db);
    // The crowd test stands for 80 people with one account: lift the per-person socket cap here.
    server = await startServer(db, { limits: { maxBufferedBytes: 512 * 1024, maxConnectionsPerUser: 1000 } });
    a = await client(server, world.users.repA, world.docs.commons);
    b = await client(server, world.users.repB, world.docs.commons);
    await Promise.all([synced(a), synced(b)]);
  });
  afterEach(() => {
    for (const c of extra.splice(0)) c.destroy();
  });
  afterAll(async () => {
    a?.destroy();
    b?.destroy();
    await server?.close();
    await db?.drop();
  });

  /** The document and the honest clients still work: a fresh marker reaches b and storage. */
  async function stillWorks() {
    const marker = `alive-${Math.random().toString(36).slice(2)}`;
    insert(a.doc, marker);
    await waitFor(() => textOf(b.doc).includes(marker), 20_000, 'honest clients still syncing');
    await waitFor(async () => textOf(await storedDoc(db, world.docs.commons)).includes(marker));
  }

  async function writer(doc = world.docs.commons) {
    const r = raw(server, `${doc}?ticket=${await ticket(db, world.users.repA, doc)}`);
    await r.opened;
    await waitFor(() => r.frames.length > 0, 20_000, 'initial sync');
    return r;
  }

  it('closes with 4400 on a padded varint, trailing bytes, two messages in one frame, unknown types and text frames', async () => {
    const sv = Y.encodeStateVector(new Y.Doc());
    const step1 = msg(uint(0), uint(0), bytes(sv));
    const frames: (Uint8Array | string)[] = [
      new Uint8Array([0x80, 0x00, 0x00, ...bytes2(sv)]), // type 0 written as two bytes
      new Uint8Array([0x00, 0x80, 0x00, ...bytes2(sv)]), // sync sub-type padded
      new Uint8Array([...step1, 0x00]), // trailing byte
      new Uint8Array([...step1, ...step1]), // two messages
      new Uint8Array([...step1, ...awarenessMsg([])]),
      msg(uint(7)), // unknown type
      msg(uint(0), uint(9), bytes(new Uint8Array())), // unknown sync sub-type
      new Uint8Array([0x00, 0x00, 0x05, 0x00]), // length beyond the frame
      new Uint8Array([0x00, 0x00, 0x02, 0x80, 0x00]), // padded varint inside the state vector
      'hello',
    ];
    for (const f of frames) {
      const r = await writer();
      r.ws.send(f);
      expect((await r.closed).code).toBe(CLOSE.PROTOCOL_ERROR);
    }
    await stillWorks();
  });

  it('closes a 1 MiB update with 4002 and 10 and 100 MiB messages with 1009, nothing else', async () => {
    const big = new Y.Doc();
    big.getMap('goals').set('blob', new Uint8Array(1024 * 1024 + 10));
    const r1 = await writer();
    r1.send(syncUpdate(Y.encodeStateAsUpdate(big)));
    expect((await r1.closed).code).toBe(CLOSE.UPDATE_REJECTED);
    for (const mib of [10, 100]) {
      const r = await writer();
      const payload = new Uint8Array(mib * 1024 * 1024);
      payload[0] = 0;
      payload[1] = 2;
      r.ws.send(payload, () => undefined);
      expect((await r.closed).code).toBe(CLOSE.MESSAGE_TOO_BIG);
    }
    const stored = await storedDoc(db, world.docs.commons);
    expect(stored.getMap('goals').has('blob')).toBe(false);
    await stillWorks();
  });

  it('refuses crafted updates (unknown root, deep nesting, huge strings, subdocuments, dangling references, gaps) and stores none', async () => {
    const crafted: [string, Uint8Array][] = [];
    {
      const d = new Y.Doc();
      d.getMap('evil').set('x', 1);
      crafted.push(['unknown root', Y.encodeStateAsUpdate(d)]);
    }
    {
      const d = new Y.Doc();
      d.transact(() => {
        let cur = d.getMap<unknown>('goals');
        for (let i = 0; i < 10_000; i++) {
          const n = new Y.Map<unknown>();
          cur.set('k', n);
          cur = n;
        }
      });
      crafted.push(['10,000 nested maps', Y.encodeStateAsUpdate(d)]);
    }
    {
      const d = new Y.Doc();
      let cur = d.getMap('goals') as Y.Map<unknown>;
      for (let i = 0; i < 40; i++) {
        const n = new Y.Map<unknown>();
        cur.set('k', n);
        cur = n;
      }
      crafted.push(['40 nested maps', Y.encodeStateAsUpdate(d)]);
    }
    {
      const d = new Y.Doc();
      d.getMap('goals').set('s', 'x'.repeat(300_000));
      crafted.push(['300k string', Y.encodeStateAsUpdate(d)]);
    }
    {
      const d = new Y.Doc();
      d.getMap('goals').set('sub', new Y.Doc());
      crafted.push(['subdocument', Y.encodeStateAsUpdate(d)]);
    }
    {
      const base = new Y.Doc();
      insert(base, 'base-never-sent');
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
      (d.getXmlFragment('notes').get(0) as Y.XmlText).insert(2, 'dangling');
      crafted.push(['dangling reference', Y.encodeStateAsUpdate(d, Y.encodeStateVector(base))]);
    }
    {
      const d = new Y.Doc();
      insert(d, 'first-never-sent');
      const sv = Y.encodeStateVector(d);
      insert(d, 'gap-second');
      crafted.push(['gap', Y.encodeStateAsUpdate(d, sv)]);
    }
    for (const [what, update] of crafted) {
      const r = await writer();
      r.send(syncUpdate(update));
      expect((await r.closed).code, what).toBe(CLOSE.UPDATE_REJECTED);
    }
    const stored = await storedDoc(db, world.docs.commons);
    expect(stored.share.has('evil')).toBe(false);
    expect(stored.getMap('goals').size).toBe(0);
    expect(textOf(stored)).not.toContain('dangling');
    expect(textOf(stored)).not.toContain('gap-second');
    // A shallow nested structure is fine.
    const ok = new Y.Doc();
    const inner = new Y.Map<unknown>();
    ok.getMap('goals').set('g1', inner);
    inner.set('title', 'Ziel');
    const r = await writer();
    r.send(syncUpdate(Y.encodeStateAsUpdate(ok)));
    await waitFor(async () => (await storedDoc(db, world.docs.commons)).getMap('goals').has('g1'));
    expect(r.closeInfo).toBeNull();
    r.ws.close();
    await stillWorks();
  });

  it('survives thousands of malformed and random updates, V2 bytes included', async () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const v2 = new Y.Doc();
    insert(v2, 'v2');
    const samples: Uint8Array[] = [
      Y.encodeStateAsUpdateV2(v2),
      new Uint8Array([255, 255, 255, 255, 255, 255, 255, 15]),
    ];
    const valid = Y.encodeStateAsUpdate(v2);
    for (let i = 0; i < 2000; i++) {
      const len = 1 + Math.floor(rand() * 64);
      const u = new Uint8Array(len);
      for (let j = 0; j < len; j++) u[j] = Math.floor(rand() * 256);
      samples.push(u);
      const m = valid.slice();
      m[Math.floor(rand() * m.length)] = Math.floor(rand() * 256);
      samples.push(m);
    }
    let r = await writer();
    for (const s of samples) {
      if (r.closeInfo) r = await writer();
      r.send(syncUpdate(s));
    }
    r.ws.close();
    await stillWorks();
    expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200);
  });

  it('binds awareness to one client id per connection and stamps identity from the database', async () => {
    const observer = await client(server, world.users.observer, world.docs.commons);
    extra.push(observer);
    await synced(observer);
    a.provider.awareness.setLocalStateField('cursor', { at: 1 });
    b.provider.awareness.setLocalStateField('cursor', { at: 2 });
    await waitFor(() => observer.provider.awareness.getStates().size >= 3, 20_000, 'awareness of a and b');

    const attacker = raw(
      server,
      `${world.docs.commons}?ticket=${await ticket(db, world.users.repB, world.docs.commons)}`,
    );
    await attacker.opened;
    const myId = 987654;
    attacker.send(
      awarenessMsg([
        { id: myId, clock: 1, state: JSON.stringify({ user: { name: 'Admin', id: world.users.manager }, cursor: 0 }) },
        { id: a.doc.clientID, clock: 1000, state: JSON.stringify({ user: { name: 'Mallory' } }) },
        { id: b.doc.clientID, clock: 1000, state: 'null' },
      ]),
    );
    // A second message trying other ids only.
    attacker.send(
      awarenessMsg([
        { id: 111, clock: 1, state: '{}' },
        { id: 222, clock: 1, state: '{}' },
      ]),
    );
    await waitFor(() => observer.provider.awareness.getStates().has(myId), 20_000, 'attacker state');
    const states = observer.provider.awareness.getStates();
    expect(states.get(myId)?.user).toEqual({
      id: world.users.repB,
      name: 'Person repB',
      organisation: 'Verein B',
      colour: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    expect(states.get(a.doc.clientID)?.user?.name).toBe('Person repA');
    expect(states.get(b.doc.clientID)).toBeDefined();
    expect(states.has(111)).toBe(false);
    expect(states.has(222)).toBe(false);
    // Oversized state from the attacker's own id is dropped.
    attacker.send(awarenessMsg([{ id: myId, clock: 2, state: JSON.stringify({ pad: 'x'.repeat(4000) }) }]));
    attacker.send(awarenessMsg([{ id: myId, clock: 3, state: JSON.stringify({ mark: 'after' }) }]));
    await waitFor(() => observer.provider.awareness.getStates().get(myId)?.mark === 'after', 20_000, 'after state');
    expect(JSON.stringify([...observer.provider.awareness.getStates().values()])).not.toContain('x'.repeat(4000));
    attacker.ws.close();
    await waitFor(() => !observer.provider.awareness.getStates().has(myId), 20_000, 'attacker state removed on close');
  });

  it('keeps a stock client that echoes the states of 80 others connected, and its own presence flowing', async () => {
    const crowd = [];
    for (let i = 0; i < 80; i++) {
      const r = raw(
        server,
        `${world.docs.commons}?ticket=${await ticket(db, world.users.observer, world.docs.commons)}`,
      );
      crowd.push(r);
      await r.opened;
      r.send(awarenessMsg([{ id: 700_000 + i, clock: 1, state: JSON.stringify({ cursor: i }) }]));
    }
    await waitFor(() => awarenessProtocolStates(server, world.docs.commons).has(700_079), 20_000, 'crowd states');
    const echoing = await client(server, world.users.repA, world.docs.commons);
    extra.push(echoing);
    await synced(echoing);
    await waitFor(() => echoing.provider.awareness.getStates().size >= 80, 20_000, 'crowd received');
    // The crowd moves: every change is echoed back by the stock client.
    for (let round = 2; round < 6; round++) {
      for (let i = 0; i < 80; i++) {
        crowd[i].send(awarenessMsg([{ id: 700_000 + i, clock: round, state: JSON.stringify({ cursor: round }) }]));
      }
    }
    echoing.provider.awareness.setLocalStateField('cursor', 'echo-own');
    await waitFor(
      () =>
        (awarenessProtocolStates(server, world.docs.commons).get(echoing.doc.clientID) as { cursor?: string })
          ?.cursor === 'echo-own',
      20_000,
      'own state through',
    );
    expect(echoing.closeCodes).toEqual([]);
    expect(echoing.provider.wsconnected).toBe(true);
    for (const r of crowd) r.ws.close();
  });

  it('caps an awareness flood: one entry per connection, and far fewer messages forwarded than sent', async () => {
    const watcher = raw(
      server,
      `${world.docs.commons}?ticket=${await ticket(db, world.users.observer, world.docs.commons)}`,
    );
    await watcher.opened;
    await waitFor(() => watcher.frames.length > 0);
    const flooder = raw(
      server,
      `${world.docs.commons}?ticket=${await ticket(db, world.users.repB, world.docs.commons)}`,
    );
    await flooder.opened;
    const before = watcher.frames.length;
    const sent = 1000;
    for (let i = 1; i <= sent; i++) {
      const entries = [{ id: 5555, clock: i, state: JSON.stringify({ i }) }];
      for (let k = 0; k < 20; k++) entries.push({ id: 10_000 + i * 20 + k, clock: 1, state: '{"x":1}' });
      flooder.send(awarenessMsg(entries.slice(0, 21)));
    }
    // A marker after the flood tells us the server has processed all of it.
    flooder.send(syncUpdate(new Uint8Array([0, 0])));
    await stillWorks();
    await waitFor(() => awarenessProtocolStates(server, world.docs.commons).has(5555), 20_000);
    const forwarded = watcher.frames.slice(before).filter((f) => f[0] === 1).length;
    expect(forwarded).toBeLessThan(sent / 2);
    const states = awarenessProtocolStates(server, world.docs.commons);
    expect([...states.keys()].filter((id) => id >= 10_000 && id < 10_000 + 21 * (sent + 1))).toEqual([]);
    flooder.ws.close();
    watcher.ws.close();
  });

  it('closes a connection that sends messages faster than its rate limit (4003)', async () => {
    const r = await writer();
    const query = new Uint8Array([3]);
    for (let i = 0; i < 5000 && !r.closeInfo; i++) r.send(query);
    expect((await r.closed).code).toBe(CLOSE.RATE_LIMITED);
    await stillWorks();
  });

  it('closes a slow consumer (4001) without holding up the others', async () => {
    // Its own server: the writer's byte budget is lifted so that nothing but the
    // slow reader's buffer decides (with the default budget the writer itself
    // would be closed for sending too fast, and the test would depend on its
    // reconnects). The writer and a second reader must stay connected throughout.
    const flood = await startServer(db, {
      limits: { maxBufferedBytes: 512 * 1024, updateBytesBurst: 1024 ** 3, updateBytesPerSecond: 1024 ** 3 },
    });
    const w = await client(flood, world.users.repA, world.docs.commons);
    const reader = await client(flood, world.users.repB, world.docs.commons);
    try {
      await Promise.all([synced(w), synced(reader)]);
      const slow = raw(
        flood,
        `${world.docs.commons}?ticket=${await ticket(db, world.users.observer, world.docs.commons)}`,
      );
      await slow.opened;
      await waitFor(() => slow.frames.length > 0);
      const socket = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
      socket.pause();
      const slowClosed = () => flood.metrics().closes[CLOSE.SLOW_CONSUMER] ?? 0;
      // 200 KB a time: the kernel's socket buffers take some megabytes first, then the server's buffer fills.
      let last = '';
      for (let i = 0; i < 400 && slowClosed() === 0; i++) {
        last = 'y'.repeat(200_000) + i;
        w.doc.getMap('goals').set('bulk', last);
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(slowClosed()).toBe(1);
      // The others were not held up: the last value reaches the second reader.
      await waitFor(() => reader.doc.getMap('goals').get('bulk') === last, 20_000, 'the reader has the last value');
      expect(w.closeCodes).toEqual([]);
      expect(reader.closeCodes).toEqual([]);
      expect(w.provider.wsconnected && reader.provider.wsconnected).toBe(true);
      socket.resume();
      const closed = await slow.closed;
      expect([CLOSE.SLOW_CONSUMER, 1006]).toContain(closed.code);
      w.doc.getMap('goals').delete('bulk');
      await waitFor(() => !reader.doc.getMap('goals').has('bulk'), 20_000, 'the reader sees the delete');
    } finally {
      w.destroy();
      reader.destroy();
      await flood.close();
    }
  });
});

function bytes2(b: Uint8Array): number[] {
  return [...msg(bytes(b))];
}

function awarenessProtocolStates(server: RealtimeServer, doc: string): Map<number, unknown> {
  const room = server.rooms.get(doc);
  return room ? (room.awareness as awarenessProtocol.Awareness).getStates() : new Map();
}
