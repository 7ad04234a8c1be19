/**
 * A structure-aware fuzzer for the realtime server (issue 7): it generates
 * valid y-protocols frames and Yjs updates and mutates them at every level
 * (frame bytes, varints, update structs and references, delete sets,
 * awareness entries), sends them over real sockets to a real server process
 * (`node --import tsx server/index.ts`, SQLite in a temp DATA_DIR), as
 * writers and as readers, and after every batch checks that
 *
 * - the process lives (and /health answers),
 * - its RSS stays under a bound,
 * - an honest y-websocket writer's change reaches an honest reader
 *   (convergence time recorded),
 * - every document touched so far loads from storage (snapshot + log, read
 *   directly from the SQLite file) and the result encodes and loads again.
 *
 * Seeded: each worker draws from its own generator derived from `seed`, so a
 * run is replayed with the same `seed` and `frames` (the interleaving of the
 * workers' sockets is up to the OS; what each worker sends is not).
 *
 * Used by tests/realtime/fuzz.test.ts (a short run in `npm test`) and
 * `npm run fuzz` (scripts/fuzz-realtime.ts: the long run).
 */
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { migrate, openDb, type Db } from '@/lib/db';
import { checkLoadable } from '@/lib/realtime/loadable';
import { createWorld, ORIGIN, sessionCookie, waitFor, wsClass, type World } from './fixtures';
import { freePort, realtimeHealthy, startRealtimeProcess } from './process';

export interface FuzzOptions {
  seed: number;
  /** Frames to send in total. */
  frames: number;
  /** Frames between two health checks. */
  batch?: number;
  /** Concurrent fuzzing sockets. */
  workers?: number;
  /** Stop after the batch running at this many minutes (the result says how many frames were sent). */
  minutes?: number;
  /** Fail when the server's RSS exceeds this. */
  maxRssBytes?: number;
  /** Fail when the honest client needs longer than this to see a change. */
  convergeTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface FuzzResult {
  seed: number;
  framesSent: number;
  batches: number;
  connections: number;
  crashes: number;
  /** Documents that did not load from storage (with the reason). */
  unloadable: string[];
  peakRssBytes: number;
  convergeMs: { p50: number; max: number };
  /** Closes seen by the fuzzing sockets, by code. */
  closes: Record<string, number>;
  elapsedMs: number;
  /** Everything that went wrong (empty when the run passed). */
  failures: string[];
}

/** mulberry32: small, fast, seeded. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- frames

const frame = (...parts: ((e: encoding.Encoder) => void)[]) => {
  const e = encoding.createEncoder();
  for (const p of parts) p(e);
  return encoding.toUint8Array(e);
};
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b);
const syncFrame = (sub: number, payload: Uint8Array) => frame(uint(0), uint(sub), bytes(payload));

type Struct = Y.Item | Y.GC | Y.Skip;

/** Encodes structs (grouped by client, in the order given) and a delete set as a V1 update, as given: no checks. */
function encodeStructs(structs: Struct[], ds: [number, number, number][] = []): Uint8Array {
  const enc = new Y.UpdateEncoderV1();
  const groups: Struct[][] = [];
  for (const s of structs) {
    const last = groups[groups.length - 1];
    if (last && last[0].id.client === s.id.client) last.push(s);
    else groups.push([s]);
  }
  encoding.writeVarUint(enc.restEncoder, groups.length);
  for (const g of groups) {
    encoding.writeVarUint(enc.restEncoder, g.length);
    enc.writeClient(g[0].id.client);
    encoding.writeVarUint(enc.restEncoder, g[0].id.clock);
    for (const s of g) s.write(enc, 0);
  }
  const byClient = new Map<number, [number, number][]>();
  for (const [client, clock, len] of ds) {
    const l = byClient.get(client) ?? [];
    l.push([clock, len]);
    byClient.set(client, l);
  }
  encoding.writeVarUint(enc.restEncoder, byClient.size);
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(enc.restEncoder, client);
    encoding.writeVarUint(enc.restEncoder, ranges.length);
    for (const [clock, len] of ranges) {
      enc.writeDsClock(clock);
      enc.writeDsLen(len);
    }
  }
  return enc.toUint8Array();
}

const ROOTS = ['notes', 'goals', 'profile', 'minutes', 'evil\n[realtime] forged'];

/** Generates frames for one connection; `shadow` follows what the server sent. */
export class Generator {
  constructor(
    private readonly rand: () => number,
    private readonly shadow: Y.Doc,
  ) {}

  private int(n: number): number {
    return Math.floor(this.rand() * n);
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  private chance(p: number): boolean {
    return this.rand() < p;
  }

  /** A random existing id in the shadow (or a made-up one). */
  private someId(): Y.ID {
    const clients = [...(this.shadow.store.clients as Map<number, Struct[]>).entries()];
    if (!clients.length || this.chance(0.1)) return Y.createID(this.int(1000), this.int(100));
    const [client, structs] = this.pick(clients);
    const last = structs[structs.length - 1];
    const end = last.id.clock + last.length;
    return Y.createID(client, this.chance(0.1) ? end + this.int(3) : this.int(Math.max(1, end)));
  }

  /** A valid edit of the shadow (it is applied there: the server accepts it). */
  validEdit(): Uint8Array | null {
    let out: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (out = u);
    this.shadow.once('update', capture);
    const d = this.shadow;
    const notes = d.getXmlFragment('notes');
    const goals = d.getMap<unknown>('goals');
    const r = this.rand();
    try {
      // One transaction: one update (the server refuses the second of two if the first is never sent).
      d.transact(() => this.edit(r, notes, goals));
    } finally {
      this.shadow.off('update', capture);
    }
    return out;
  }

  private edit(r: number, notes: Y.XmlFragment, goals: Y.Map<unknown>): void {
    {
      if (r < 0.25 || notes.length === 0) {
        const p = new Y.XmlElement(this.pick(['paragraph', 'heading', 'bullet_list']));
        p.insert(0, [new Y.XmlText(this.pick(['Hallo', 'x', 'Ziel ', '']) + this.int(100))]);
        notes.insert(this.int(notes.length + 1), [p]);
      } else if (r < 0.5) {
        const p = notes.get(this.int(notes.length));
        const t = p instanceof Y.XmlElement ? p.get(0) : null;
        if (t instanceof Y.XmlText) {
          if (this.chance(0.6)) t.insert(this.int(t.length + 1), 'abc'.slice(this.int(3)) || 'q');
          else if (t.length > 0) t.delete(this.int(t.length), 1);
          if (this.chance(0.2) && t.length > 1) t.format(0, 1, { bold: this.chance(0.5) ? true : null });
        }
      } else if (r < 0.65) {
        if (notes.length > 0) notes.delete(this.int(notes.length), 1);
      } else if (r < 0.85) {
        const inner = new Y.Map<unknown>();
        inner.set('title', 'g' + this.int(50));
        if (this.chance(0.5)) inner.set('list', Y.Array.from([1, 'zwei', { drei: 3 }]));
        goals.set('g' + this.int(10), inner);
      } else {
        goals.delete('g' + this.int(10));
      }
    }
  }

  /** A small valid update built on nothing (a fresh client), as structs to mutate. */
  private freshStructs(): { structs: Struct[]; client: number } {
    const d = new Y.Doc();
    const notes = d.getXmlFragment('notes');
    const t = new Y.XmlText('abc');
    notes.push([new Y.XmlElement('paragraph')]);
    (notes.get(0) as Y.XmlElement).insert(0, [t]);
    t.insert(1, 'zz');
    d.getMap('goals').set('k', 'v');
    const { structs } = Y.decodeUpdate(Y.encodeStateAsUpdate(d));
    d.destroy();
    return { structs: structs as Struct[], client: d.clientID };
  }

  /** A struct-level mutation of a valid update: references, lengths, clocks, parents, delete sets. */
  mutatedUpdate(): Uint8Array {
    const { structs, client } = this.freshStructs();
    const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
    const it = this.pick(items);
    const ds: [number, number, number][] = [];
    switch (this.int(16)) {
      case 0: // origin is itself (issue 7, defect 1)
        it.origin = it.id;
        break;
      case 1: // origin / right origin / parent somewhere in the document or made up
        it.origin = this.someId();
        break;
      case 2:
        it.rightOrigin = this.someId();
        break;
      case 3:
        it.origin = null;
        it.rightOrigin = null;
        it.parent = this.someId() as never;
        break;
      case 4: // zero-length GC (issue 7, defect 2) or empty contents
        structs.push(new Y.GC(Y.createID(client, structs.length + 100), 0));
        return encodeStructs([new Y.GC(Y.createID(this.int(1000), 0), 0)]);
      case 5:
        it.content = this.pick([new Y.ContentString(''), new Y.ContentDeleted(0), new Y.ContentAny([])]);
        break;
      case 6: // a gap or an overlap in the clocks
        it.id = Y.createID(it.id.client, it.id.clock + this.pick([-1, 1, 5, 1e9]));
        break;
      case 7: // a forward reference within the same client
        it.origin = Y.createID(client, it.id.clock + it.length + this.int(4));
        break;
      case 8: {
        // a cycle across two clients
        const a = new Y.Item(
          Y.createID(11, 0),
          null,
          Y.createID(12, 0),
          null,
          null,
          null,
          null,
          new Y.ContentString('a'),
        );
        const b = new Y.Item(
          Y.createID(12, 0),
          null,
          Y.createID(11, 0),
          null,
          null,
          null,
          null,
          new Y.ContentString('b'),
        );
        return encodeStructs([a, b]);
      }
      case 9: // delete sets: empty, huge, beyond the state, many
        ds.push([client, this.int(10), this.pick([0, 1, 3, 1e9, 2 ** 40])]);
        if (this.chance(0.3)) for (let i = 0; i < 2000; i++) ds.push([this.int(5), i * 2, 1]);
        break;
      case 10: // a skip
        structs.splice(1, 0, new Y.Skip(Y.createID(client, 1), this.pick([0, 1, 1e6])));
        break;
      case 11: // an unknown root, a long key, a root name with control characters
        it.origin = null;
        it.rightOrigin = null;
        it.parent = this.pick(ROOTS) as never;
        it.parentSub = this.chance(0.5) ? 'k'.repeat(this.pick([1, 2000])) : null;
        break;
      case 12: // a huge deleted run
        it.content = new Y.ContentDeleted(this.pick([1e6, 2 ** 31, 2 ** 52]));
        break;
      case 13: {
        // deep nesting through parents in the update
        const chain: Struct[] = [];
        let parent: string | Y.ID = 'goals';
        for (let i = 0; i < 40; i++) {
          const item: Y.Item = new Y.Item(
            Y.createID(client, i),
            null,
            null,
            null,
            null,
            parent as never,
            'k',
            new Y.ContentType(new Y.Map()),
          );
          chain.push(item);
          parent = item.id;
        }
        return encodeStructs(chain);
      }
      case 14: // the same struct twice
        structs.push(it);
        break;
      default: // parent pointing at a non-type item of the update
        if (items.length > 1) {
          it.origin = null;
          it.rightOrigin = null;
          it.parent = items[0].id as never;
        }
    }
    try {
      return encodeStructs(structs, ds);
    } catch {
      return encodeStructs([new Y.GC(Y.createID(1, 0), 0)]);
    }
  }

  /** Byte-level mutations of a valid update. */
  mutatedBytes(u: Uint8Array): Uint8Array {
    const m = Array.from(u);
    const n = 1 + this.int(4);
    for (let i = 0; i < n; i++) {
      const at = this.int(m.length + 1);
      switch (this.int(5)) {
        case 0:
          m[Math.min(at, m.length - 1)] = this.int(256);
          break;
        case 1:
          m.splice(at, 0, this.int(256));
          break;
        case 2:
          m.splice(at, 1);
          break;
        case 3:
          m.length = Math.max(0, at);
          break;
        default:
          m.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0x0f);
      }
    }
    return Uint8Array.from(m);
  }

  stateVector(): Uint8Array {
    switch (this.int(4)) {
      case 0:
        return Y.encodeStateVector(new Y.Doc());
      case 1:
        return Y.encodeStateVector(this.shadow);
      case 2: {
        const m = new Map<number, number>();
        for (let i = 0; i < this.int(50); i++) m.set(this.int(2 ** 32), this.int(2 ** 40));
        return Y.encodeStateVector(m);
      }
      default:
        return frame(uint(this.pick([1, 1000, 2 ** 31])), uint(1), uint(2));
    }
  }

  awareness(): Uint8Array {
    const n = this.pick([0, 1, 1, 2, 30]);
    const own = this.shadow.clientID;
    return frame(
      uint(1),
      bytes(
        frame(uint(n), (e) => {
          for (let i = 0; i < n; i++) {
            encoding.writeVarUint(e, this.chance(0.6) ? own : this.int(2 ** 32));
            encoding.writeVarUint(e, this.int(1000));
            encoding.writeVarString(
              e,
              this.pick([
                JSON.stringify({ cursor: this.int(100), user: { name: 'Admin' } }),
                'null',
                '{not json',
                JSON.stringify({ pad: 'x'.repeat(this.pick([10, 3000])) }),
                '[1,2]',
                '"\u2028\n"',
              ]),
            );
          }
        }),
      ),
    );
  }

  /** Frame-level garbage. */
  garbage(): Uint8Array | string {
    switch (this.int(8)) {
      case 0:
        return Uint8Array.from({ length: this.int(40) }, () => this.int(256));
      case 1:
        return new Uint8Array([0x80, 0x00, 0x00, 0x01, 0x00]); // padded type
      case 2:
        return frame(uint(this.pick([2, 4, 7, 100, 2 ** 30])));
      case 3:
        return new Uint8Array([0, 0, 5, 0]); // length beyond frame
      case 4:
        return 'text frame';
      case 5:
        return new Uint8Array(0);
      case 6:
        return frame(uint(3), uint(0)); // trailing byte
      default:
        return frame(uint(0), uint(this.pick([3, 9, 2 ** 20])), bytes(new Uint8Array([0, 0])));
    }
  }

  private syncRequests = 0;
  /**
   * A frame the server accepts without closing (valid edits, well-formed
   * awareness, a few sync requests): long-lived sockets mix these with the
   * hostile ones, so most frames reach a socket that has a document loaded.
   */
  nextBenign(): Uint8Array {
    const r = this.rand();
    if (r < 0.6) {
      const u = this.validEdit();
      if (u) return syncFrame(2, u);
    }
    if (r < 0.9) {
      const own = this.shadow.clientID;
      const state = JSON.stringify({ cursor: { anchor: this.int(100), head: this.int(100) }, user: { name: 'x' } });
      return frame(
        uint(1),
        bytes(frame(uint(1), uint(own), uint(1 + this.int(1e6)), (e) => encoding.writeVarString(e, state))),
      );
    }
    if (this.syncRequests++ < 6) {
      return this.chance(0.5) ? syncFrame(0, Y.encodeStateVector(this.shadow)) : frame(uint(3));
    }
    return syncFrame(2, new Uint8Array([0, 0]));
  }

  /** The next frame for a writer or a reader. */
  next(): Uint8Array | string {
    const r = this.rand();
    if (r < 0.3) {
      const u = this.validEdit();
      return u ? syncFrame(this.chance(0.9) ? 2 : 1, u) : frame(uint(3));
    }
    if (r < 0.5) return syncFrame(this.chance(0.8) ? 2 : 1, this.mutatedUpdate());
    if (r < 0.62) {
      const u = this.validEdit() ?? this.mutatedUpdate();
      return syncFrame(2, this.mutatedBytes(u));
    }
    if (r < 0.67) return syncFrame(0, this.stateVector());
    if (r < 0.8) return this.awareness();
    if (r < 0.83) return frame(uint(3));
    if (r < 0.9)
      return syncFrame(
        2,
        Uint8Array.from({ length: this.int(64) }, () => this.int(256)),
      );
    return this.garbage();
  }
}

// ---------------------------------------------------------------- the run

interface Epoch {
  world: World;
  docs: { name: string; writer: string; reader: string }[];
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const batch = opts.batch ?? 2000;
  const workers = opts.workers ?? 6;
  const maxRss = opts.maxRssBytes ?? 1536 * 1024 * 1024;
  const convergeTimeout = opts.convergeTimeoutMs ?? 10_000;
  const result: FuzzResult = {
    seed: opts.seed,
    framesSent: 0,
    batches: 0,
    connections: 0,
    crashes: 0,
    unloadable: [],
    peakRssBytes: 0,
    convergeMs: { p50: 0, max: 0 },
    closes: {},
    elapsedMs: 0,
    failures: [],
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-fuzz-'));
  const file = path.join(dir, 'netzwerkraum.sqlite');
  // A fresh set of documents every `perEpoch` frames keeps documents (and each reconnect's sync) small.
  const perEpoch = 5_000;
  const epochCount = Math.max(1, Math.min(400, Math.ceil(opts.frames / perEpoch)));
  const setup = openDb({ sqliteFile: file });
  await migrate(setup);
  const epochs: Epoch[] = [];
  for (let i = 0; i < epochCount; i++) {
    const world = await createWorld(setup);
    epochs.push({
      world,
      docs: [
        { name: world.docs.commons, writer: world.users.repA, reader: world.users.observer },
        { name: world.docs.orgA, writer: world.users.repA, reader: world.users.repB },
        { name: world.docs.homeA, writer: world.users.homeA, reader: world.users.homeA },
      ],
    });
  }
  await setup.close();
  const port = await freePort();
  const stderr: string[] = [];
  let child: ChildProcess | null = null;
  const spawnServer = async () => {
    child = await startRealtimeProcess({
      dataDir: dir,
      port,
      env: { REALTIME_MAX_SOCKETS_PER_USER: '1000', REALTIME_MAX_SOCKETS_PER_ADDRESS: '10000' },
      stderr: (d) => {
        stderr.push(d);
        if (stderr.length > 200) stderr.splice(0, 100);
      },
      label: 'fuzz server health',
    });
  };
  await spawnServer();
  const db: Db = openDb({ sqliteFile: file });
  const cookies = new Map<string, string>();
  const cookieOf = async (userId: string) => {
    let c = cookies.get(userId);
    if (!c) cookies.set(userId, (c = await sessionCookie(userId)));
    return c;
  };
  const converge: number[] = [];
  const touched = new Set<string>();
  /** Last frames per worker, dumped when something fails. */
  const recent: string[][] = Array.from({ length: workers }, () => []);
  let epochIndex = 0;

  // Honest clients for the current epoch: a writer and a reader on its commons document.
  let honest: { w: WebsocketProvider; r: WebsocketProvider; wd: Y.Doc; rd: Y.Doc } | null = null;
  const openHonest = async (ep: Epoch) => {
    closeHonest();
    const wd = new Y.Doc();
    const rd = new Y.Doc();
    const mk = async (d: Y.Doc, user: string) =>
      new WebsocketProvider(`ws://127.0.0.1:${port}`, ep.world.docs.commons, d, {
        disableBc: true,
        maxBackoffTime: 500,
        WebSocketPolyfill: wsClass({ cookie: await cookieOf(user) }) as never,
      });
    honest = { w: await mk(wd, ep.world.users.repB), r: await mk(rd, ep.world.users.manager), wd, rd };
  };
  const closeHonest = () => {
    if (!honest) return;
    honest.w.destroy();
    honest.r.destroy();
    honest.wd.destroy();
    honest.rd.destroy();
    honest = null;
  };

  const fail = (what: string) => {
    result.failures.push(what);
    log(`FAIL: ${what}`);
    for (const [i, frames] of recent.entries()) if (frames.length) log(`worker ${i} last frames: ${frames.join(' ')}`);
    if (stderr.length) log(`server stderr (last lines):\n${stderr.join('').slice(-4000)}`);
  };

  /** One fuzzing socket: connect as a writer or reader, send up to `quota` frames, close. */
  const oneConnection = async (w: number, rand: () => number, quota: number): Promise<number> => {
    const ep = epochs[epochIndex];
    const target = ep.docs[Math.floor(rand() * ep.docs.length)];
    const asReader = rand() < 0.25;
    touched.add(target.name);
    const ws = new WebSocket(`ws://127.0.0.1:${port}/${target.name}`, {
      origin: ORIGIN,
      headers: { cookie: await cookieOf(asReader ? target.reader : target.writer) },
      maxPayload: 64 * 1024 * 1024,
    });
    result.connections++;
    const shadow = new Y.Doc();
    const gen = new Generator(rand, shadow);
    let closed = false;
    // Some sockets follow the document (to make edits that build on it); the others edit from scratch.
    const follow = rand() < 0.4;
    ws.on('error', () => undefined);
    ws.on('message', (data: Buffer) => {
      // Follow the document: SyncStep2 and updates from the server go into the shadow.
      if (follow && data[0] === 0 && (data[1] === 1 || data[1] === 2)) {
        try {
          const dec = new Uint8Array(data.buffer, data.byteOffset, data.length);
          let pos = 2;
          let len = 0;
          let shift = 1;
          for (;;) {
            const b = dec[pos++];
            len += (b & 0x7f) * shift;
            if (b < 0x80) break;
            shift *= 128;
          }
          Y.applyUpdate(shadow, dec.subarray(pos, pos + len), 'server');
        } catch {
          /* the server's frames are checked by the honest client */
        }
      }
    });
    const closedP = new Promise<void>((resolve) =>
      ws.once('close', (code) => {
        closed = true;
        result.closes[code] = (result.closes[code] ?? 0) + 1;
        resolve();
      }),
    );
    const opened = await new Promise<boolean>((resolve) => {
      ws.once('open', () => resolve(true));
      ws.once('close', () => resolve(false));
    });
    let sent = 0;
    if (opened) {
      // Usually ask for the document first (like a client); sometimes start fuzzing at once.
      if (rand() < 0.7) {
        ws.send(syncFrame(0, Y.encodeStateVector(shadow)));
        sent++;
        await new Promise((r) => setTimeout(r, 5));
      }
      // Most sockets send benign frames and one hostile frame at a random point; some send only hostile ones.
      const hostileOnly = rand() < 0.3;
      const hostileAt = Math.floor(rand() * quota);
      while (sent < quota && !closed && ws.readyState === ws.OPEN) {
        const f = hostileOnly || sent === hostileAt || rand() < 0.03 ? gen.next() : gen.nextBenign();
        const r = recent[w];
        r.push(typeof f === 'string' ? `text:${f}` : Buffer.from(f).toString('hex').slice(0, 400));
        if (r.length > 8) r.shift();
        ws.send(f);
        sent++;
        if (ws.bufferedAmount > 1024 * 1024 || sent % 16 === 0) await new Promise((res) => setTimeout(res, 1));
      }
      if (!closed) ws.close();
    }
    await Promise.race([closedP, new Promise((r) => setTimeout(r, 3000))]);
    if (!closed) ws.terminate();
    shadow.destroy();
    return sent;
  };

  /** Checks after a batch: process, RSS, convergence, every touched document loads. */
  const checkBatch = async () => {
    const c = child as ChildProcess | null;
    if (!c || c.exitCode !== null || c.signalCode !== null) {
      result.crashes++;
      fail(`server process died (exit ${c?.exitCode}, signal ${c?.signalCode})`);
      await spawnServer();
      return;
    }
    if (!(await realtimeHealthy(port))) {
      await new Promise((r) => setTimeout(r, 2000));
      if (!(await realtimeHealthy(port))) fail('/health did not answer');
    }
    try {
      const m = (await (await fetch(`http://127.0.0.1:${port}/metrics`)).json()) as { rss: number };
      result.peakRssBytes = Math.max(result.peakRssBytes, m.rss);
      if (m.rss > maxRss) fail(`RSS ${Math.round(m.rss / 2 ** 20)} MiB over the bound`);
    } catch (err) {
      fail(`/metrics failed: ${(err as Error).message}`);
    }
    if (!honest) await openHonest(epochs[epochIndex]);
    const h = honest!;
    try {
      await waitFor(() => h.w.synced && h.r.synced, 30_000, 'honest clients synced');
      const marker = crypto.randomUUID();
      const t0 = performance.now();
      h.wd.getMap<unknown>('goals').set(`honest-${marker}`, marker);
      await waitFor(() => h.rd.getMap('goals').get(`honest-${marker}`) === marker, convergeTimeout, 'honest reader');
      converge.push(performance.now() - t0);
    } catch (err) {
      fail(`honest client did not converge: ${(err as Error).message}`);
      closeHonest();
    }
    for (const name of touched) {
      const reason = await reload(db, name);
      if (reason) {
        result.unloadable.push(`${name}: ${reason}`);
        fail(`${name} does not load from storage: ${reason}`);
      }
    }
    touched.clear();
  };

  try {
    let nextCheck = batch;
    const rands = Array.from({ length: workers }, (_, i) => prng((opts.seed * 7919 + i * 104729) >>> 0));
    let stop = false;
    await openHonest(epochs[0]);
    while (result.framesSent < opts.frames && !stop) {
      // Run the workers until the next check point, then check.
      const target = Math.min(nextCheck, opts.frames);
      await Promise.all(
        Array.from({ length: workers }, async (_, w) => {
          while (result.framesSent < target) {
            const quota = Math.min(target - result.framesSent, 20 + Math.floor(rands[w]() * 200));
            if (quota <= 0) break;
            result.framesSent += await oneConnection(w, rands[w], quota);
          }
        }),
      );
      result.batches++;
      await checkBatch();
      nextCheck += batch;
      const ep = Math.min(epochCount - 1, Math.floor(result.framesSent / perEpoch));
      if (ep !== epochIndex) {
        epochIndex = ep;
        await openHonest(epochs[ep]);
      }
      log(
        `batch ${result.batches}: ${result.framesSent} frames, ${result.connections} sockets, ` +
          `peak RSS ${Math.round(result.peakRssBytes / 2 ** 20)} MiB, converge last ${Math.round(converge[converge.length - 1] ?? -1)} ms, ` +
          `crashes ${result.crashes}, failures ${result.failures.length}`,
      );
      if (result.failures.length > 20) stop = true;
      if (opts.minutes !== undefined && Date.now() - started > opts.minutes * 60_000) stop = true;
    }
  } finally {
    closeHonest();
    const sorted = [...converge].sort((a, b) => a - b);
    result.convergeMs = {
      p50: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
      max: Math.round(sorted[sorted.length - 1] ?? 0),
    };
    const c = child as ChildProcess | null;
    if (c && c.exitCode === null && c.signalCode === null) {
      const exited = new Promise<void>((r) => c.once('exit', () => r()));
      c.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    }
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    result.elapsedMs = Date.now() - started;
  }
  return result;
}

/** Loads a document from the SQLite file as a fresh server would (no recovery): null when it loads. */
async function reload(db: Db, name: string): Promise<string | null> {
  // One read transaction: a compaction in between would otherwise leave a gap.
  const { snap, rows } = await db.tx(async (q) => ({
    snap: await q.get<{ data: Uint8Array }>('SELECT data FROM yjs_snapshots WHERE doc = ?', [name]),
    rows: await q.all<{ data: Uint8Array }>('SELECT data FROM yjs_updates WHERE doc = ? ORDER BY id', [name]),
  }));
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (snap) Y.applyUpdate(doc, new Uint8Array(snap.data));
      for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.data));
    });
    const store = doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
    if (store.pendingStructs || store.pendingDs) return 'changes left pending';
    return checkLoadable(Y.encodeStateAsUpdate(doc));
  } catch (err) {
    return `load threw: ${(err as Error).message}`;
  } finally {
    doc.destroy();
  }
}
