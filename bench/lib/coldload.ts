/**
 * Cold load and stored bytes.
 *
 * Cold load: a document made of N single-character updates (typing) is put into
 * each system's own storage, the server process is started fresh, and a real
 * client connects; the time runs from connect until the client's text has all N
 * characters (not the `sync` event). "log" = the N updates as stored one by one;
 * "snapshot" = the same document compacted into one state.
 *
 * Bytes per update: a real client types U characters through the live server,
 * then the storage growth is divided by U.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import * as Y from 'yjs';
import { DocStore } from '../../server/persistence';
import { DEFAULT_LIMITS } from '../../server/room';

/** The server compacts after this many appended rows (server/room.ts). */
const COMPACT_EVERY = DEFAULT_LIMITS.compactEvery;
import type { SystemName } from './clients';
import { openReal, type System } from './clients';
import { oursSystem, prepareOurs, startOursServer } from './ours';
import { startServer, type ServerHandle } from './procs';
import { hocuspocusSystem, referenceSystem } from './systems';
import { aggregate, sleep, waitFor } from './stats';

export interface ColdLoadRow {
  system: SystemName;
  updates: number;
  storedAs: 'log' | 'kept' | 'snapshot';
  loadMs: ReturnType<typeof aggregate>;
  bytesPerUpdate: number;
  storedBytes: number;
}

/**
 * N single-character updates of an edited (not just appended) text: inserts at
 * seeded random positions, every tenth update a deletion. Random positions keep
 * Yjs from merging the items, so the snapshot is realistic rather than a best case.
 * Returns the final text length, which the loading client must reach.
 */
function typedUpdates(n: number): { updates: Uint8Array[]; doc: Y.Doc; length: number } {
  const doc = new Y.Doc();
  const text = doc.getText('notes');
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  let seed = 0x9e3779b9 ^ n;
  const random = () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return seed / 2 ** 32;
  };
  const alphabet = 'abcdefghijklmnopqrstuvwxyz ';
  for (let i = 0; i < n; i++) {
    const len = text.length;
    if (i % 10 === 9 && len > 0) text.delete(Math.floor(random() * len), 1);
    else text.insert(Math.floor(random() * (len + 1)), alphabet[i % alphabet.length]);
  }
  return { updates, doc, length: text.length };
}

/** Connects a real client and returns ms until its text has `length` characters. */
async function timeLoad(sys: System, room: string, length: number): Promise<number> {
  const ep = await sys.endpoint(room);
  const t0 = performance.now();
  const c = await openReal(sys, room, ep, 120_000);
  const ok = await waitFor(() => c.text.length >= length, 120_000, 1);
  const ms = performance.now() - t0;
  c.destroy();
  if (!ok) throw new Error(`${sys.name}: content incomplete after cold load (${c.text.length}/${length})`);
  return ms;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    const s = statSync(p);
    total += s.isDirectory() ? dirBytes(p) : s.size;
  }
  return total;
}

async function oursCold(sizes: number[], reps: number, log: (...a: unknown[]) => void): Promise<ColdLoadRow[]> {
  const rows: ColdLoadRow[] = [];
  const setup = await prepareOurs('cold');
  try {
    const store = new DocStore(setup.db);
    for (const n of sizes) {
      // A placeholder server only to make the room (a network) and its name.
      const { updates, doc, length } = typedUpdates(n);
      let server = await startOursServer(setup);
      const sys0 = oursSystem(setup, server);
      const [room] = await sys0.makeRooms(1);
      await server.kill();
      let lastId = 0;
      for (let i = 0; i < updates.length; i += 1000) lastId = await store.append(room, updates.slice(i, i + 1000));
      const sizeRow = await setup.db.get<{ bytes: number }>(
        'SELECT SUM(LENGTH(data)) AS bytes FROM yjs_updates WHERE doc = ?',
        [room],
      );
      // "kept": what the running server keeps: it compacts every COMPACT_EVERY appended rows, so at worst
      // a snapshot plus COMPACT_EVERY - 1 rows. "log": all N rows, as if compaction had never run.
      const keptTail = Math.min(n, COMPACT_EVERY - 1);
      const headDoc = new Y.Doc();
      headDoc.transact(() => {
        for (const u of updates.slice(0, n - keptTail)) Y.applyUpdate(headDoc, u);
      });
      const headState = Y.encodeStateAsUpdate(headDoc);
      const headUpto = await setup.db.get<{ id: number }>(
        'SELECT id FROM yjs_updates WHERE doc = ? ORDER BY id LIMIT 1 OFFSET ?',
        [room, n - keptTail - 1],
      );
      const tailBytes = await setup.db.get<{ bytes: number }>(
        'SELECT SUM(LENGTH(data)) AS bytes FROM yjs_updates WHERE doc = ? AND id > ?',
        [room, Number(headUpto?.id ?? 0)],
      );
      for (const storedAs of ['log', 'kept', 'snapshot'] as const) {
        if (storedAs === 'kept') await store.compact(room, headState, Number(headUpto?.id ?? 0));
        if (storedAs === 'snapshot') await store.compact(room, Y.encodeStateAsUpdate(doc), lastId);
        const times: number[] = [];
        for (let r = 0; r < reps; r++) {
          server = await startOursServer(setup);
          times.push(await timeLoad(oursSystem(setup, server), room, length));
          await server.kill(); // no graceful unload: it would compact the log
        }
        const snap = await setup.db.get<{ bytes: number }>(
          'SELECT LENGTH(data) AS bytes FROM yjs_snapshots WHERE doc = ?',
          [room],
        );
        const storedBytes =
          storedAs === 'log'
            ? Number(sizeRow?.bytes ?? 0)
            : storedAs === 'kept'
              ? Number(snap?.bytes ?? 0) + Number(tailBytes?.bytes ?? 0)
              : Number(snap?.bytes ?? 0);
        rows.push({
          system: 'ours',
          updates: n,
          storedAs,
          loadMs: aggregate(times),
          bytesPerUpdate: storedBytes / n,
          storedBytes,
        });
        log(`ours cold load ${n} (${storedAs}): ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      }
    }
  } finally {
    await setup.db.close();
    rmSync(setup.dir, { recursive: true, force: true });
  }
  return rows;
}

async function referenceCold(sizes: number[], reps: number, log: (...a: unknown[]) => void): Promise<ColdLoadRow[]> {
  const rows: ColdLoadRow[] = [];
  // y-leveldb ships no types; the two methods used here are its documented API.
  const { LeveldbPersistence } = (await import('y-leveldb' as string)) as {
    LeveldbPersistence: new (dir: string) => {
      storeUpdate(doc: string, u: Uint8Array): Promise<unknown>;
      destroy(): Promise<void>;
    };
  };
  for (const n of sizes) {
    const dir = path.resolve('bench/tmp', `reference-cold-${Date.now()}-${n}`);
    mkdirSync(dir, { recursive: true });
    try {
      const room = `commons.${crypto.randomUUID()}`;
      const { updates, length } = typedUpdates(n);
      const ldb = new LeveldbPersistence(dir);
      for (const u of updates) await ldb.storeUpdate(room, u);
      await ldb.destroy();
      const logBytes = dirBytes(dir);
      // y-leveldb replays the log on the first load and then trims it into one state: one "log" load only.
      for (const storedAs of ['log', 'snapshot'] as const) {
        const times: number[] = [];
        for (let r = 0; r < (storedAs === 'log' ? 1 : reps); r++) {
          const server: ServerHandle = await startServer('reference', 'bench/servers/reference.ts', {
            YPERSISTENCE: dir,
          });
          times.push(await timeLoad(referenceSystem(server), room, length));
          await sleep(500);
          await server.stop();
        }
        const storedBytes = storedAs === 'log' ? logBytes : dirBytes(dir);
        rows.push({
          system: 'reference',
          updates: n,
          storedAs,
          loadMs: aggregate(times),
          bytesPerUpdate: storedBytes / n,
          storedBytes,
        });
        log(`reference cold load ${n} (${storedAs}): ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

async function hocuspocusCold(sizes: number[], reps: number, log: (...a: unknown[]) => void): Promise<ColdLoadRow[]> {
  const rows: ColdLoadRow[] = [];
  const Database = (await import('better-sqlite3')).default;
  for (const n of sizes) {
    const dir = path.resolve('bench/tmp', `hocuspocus-cold-${Date.now()}-${n}`);
    mkdirSync(dir, { recursive: true });
    try {
      const file = path.join(dir, 'hocus.sqlite');
      const room = `commons.${crypto.randomUUID()}`;
      const { doc, length } = typedUpdates(n);
      const state = Y.encodeStateAsUpdate(doc);
      const db = new Database(file);
      db.exec('CREATE TABLE IF NOT EXISTS docs (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
      db.prepare('INSERT INTO docs (name, data) VALUES (?, ?)').run(room, Buffer.from(state));
      db.close();
      // Hocuspocus stores whole document states, never a log: only "snapshot" exists.
      const times: number[] = [];
      for (let r = 0; r < reps; r++) {
        const server = await startServer('hocuspocus', 'bench/servers/hocuspocus.ts', { HOCUS_SQLITE: file });
        times.push(await timeLoad(hocuspocusSystem(server), room, length));
        await server.kill();
      }
      rows.push({
        system: 'hocuspocus',
        updates: n,
        storedAs: 'snapshot',
        loadMs: aggregate(times),
        bytesPerUpdate: state.length / n,
        storedBytes: state.length,
      });
      log(`hocuspocus cold load ${n} (snapshot): ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

export interface StoredBytesRow {
  system: SystemName;
  updates: number;
  bytesPerUpdate: number;
  note: string;
}

/** Types `u` characters through the live server (one update each) and divides the storage growth by `u`. */
export async function runStoredBytes(
  u: number,
  systems: SystemName[],
  log: (...a: unknown[]) => void,
): Promise<StoredBytesRow[]> {
  const out: StoredBytesRow[] = [];
  const type = async (sys: System, room: string) => {
    const c = await openReal(sys, room, await sys.endpoint(room));
    for (let i = 0; i < u; i++) {
      c.text.insert(i, 'x');
      if (i % 50 === 49) await sleep(20); // ~2,500 keystrokes/s: under every rate limit
    }
    return c;
  };
  if (systems.includes('ours')) {
    const setup = await prepareOurs('bytes');
    const server = await startOursServer(setup);
    try {
      const sys = oursSystem(setup, server);
      const [room] = await sys.makeRooms(1);
      const c = await type(sys, room);
      const count = async () =>
        (await setup.db.get<{ n: number; bytes: number }>(
          'SELECT COUNT(*) AS n, SUM(LENGTH(data)) AS bytes FROM yjs_updates WHERE doc = ?',
          [room],
        )) ?? { n: 0, bytes: 0 };
      const end = Date.now() + 30_000;
      let row = await count();
      while (Number(row.n) < u && Date.now() < end) {
        await sleep(100);
        row = await count();
      }
      c.destroy();
      out.push({
        system: 'ours',
        updates: Number(row.n),
        bytesPerUpdate: Number(row.bytes) / Math.max(1, Number(row.n)),
        note: 'update log rows (data column), before compaction',
      });
    } finally {
      await server.stop();
      await setup.db.close();
      rmSync(setup.dir, { recursive: true, force: true });
    }
  }
  if (systems.includes('reference')) {
    const dir = path.resolve('bench/tmp', `reference-bytes-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    const server = await startServer('reference', 'bench/servers/reference.ts', { YPERSISTENCE: dir });
    try {
      const sys = referenceSystem(server);
      const [room] = await sys.makeRooms(1);
      const before = dirBytes(dir);
      const c = await type(sys, room);
      await sleep(2_000);
      c.destroy();
      out.push({
        system: 'reference',
        updates: u,
        bytesPerUpdate: (dirBytes(dir) - before) / u,
        note: 'LevelDB folder growth (y-leveldb, one entry per update)',
      });
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (systems.includes('hocuspocus')) {
    const dir = path.resolve('bench/tmp', `hocuspocus-bytes-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'hocus.sqlite');
    const server = await startServer('hocuspocus', 'bench/servers/hocuspocus.ts', { HOCUS_SQLITE: file });
    try {
      const sys = hocuspocusSystem(server);
      const [room] = await sys.makeRooms(1);
      const c = await type(sys, room);
      await sleep(4_000); // Hocuspocus stores debounced (2 s)
      c.destroy();
      await sleep(500);
      const Database = (await import('better-sqlite3')).default;
      const db = new Database(file, { readonly: true });
      const row = db.prepare('SELECT LENGTH(data) AS bytes FROM docs WHERE name = ?').get(room) as
        { bytes: number } | undefined;
      db.close();
      out.push({
        system: 'hocuspocus',
        updates: u,
        bytesPerUpdate: (row?.bytes ?? NaN) / u,
        note: 'whole state rewritten on every store (amortised)',
      });
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const r of out) log(`stored bytes ${r.system}: ${r.bytesPerUpdate.toFixed(1)} B/update over ${r.updates}`);
  return out;
}

export async function runColdLoad(
  systems: SystemName[],
  quick: boolean,
  reps: number,
  log: (...a: unknown[]) => void,
): Promise<ColdLoadRow[]> {
  const sizes = quick ? [10_000] : [10_000, 100_000];
  const rows: ColdLoadRow[] = [];
  if (systems.includes('ours')) rows.push(...(await oursCold(sizes, reps, log)));
  if (systems.includes('reference')) rows.push(...(await referenceCold(sizes, reps, log)));
  if (systems.includes('hocuspocus')) rows.push(...(await hocuspocusCold(sizes, reps, log)));
  return rows;
}
