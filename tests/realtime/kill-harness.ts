/**
 * kill -9 durability: the realtime server runs as a child process
 * (`node --import tsx server/index.ts`, SQLite in a temp DATA_DIR); a real
 * y-websocket writer with `ack=1` writes continuously; the server is killed
 * with SIGKILL at random moments and restarted. After every kill the SQLite
 * file is read directly: every acknowledged update must be there.
 *
 * Used by tests/realtime/kill.test.ts (25 kills) and `npm run chaos` (100).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { migrate, openDb, type Db } from '@/lib/db';
import { MESSAGE_ACCESS, MESSAGE_ACK } from '@/lib/realtime/protocol';
import { DocStore } from '@/server/persistence';
import { createWorld, sessionCookie, waitFor, wsClass } from './fixtures';
import { freePort, startRealtimeProcess, stopProcess } from './process';

export interface ChaosResult {
  kills: number;
  /** Kills after which an acknowledged update was missing from the database. */
  lossEvents: number;
  /** Highest acknowledged clock at the end, and what the database held. */
  finalAcked: number;
  finalStored: number;
  acksReceived: number;
  /**
   * Forward-first: kills after which a read-only observer had seen changes of
   * the writer that were not stored (never acknowledged), how many such
   * changes (clock units) in total, and how many of them were stored again
   * after the restart through the author's resend (its SyncStep2 on reconnect).
   */
  seenNotStoredEvents: number;
  seenNotStored: number;
  cameBack: number;
}

export async function runKillChaos(opts: {
  kills: number;
  log?: (line: string) => void;
  rand?: () => number;
}): Promise<ChaosResult> {
  const log = opts.log ?? (() => undefined);
  const rand = opts.rand ?? Math.random;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-chaos-'));
  const file = path.join(dir, 'netzwerkraum.sqlite');
  const setup = openDb({ sqliteFile: file });
  await migrate(setup);
  const world = await createWorld(setup);
  await setup.close();
  const docName = world.docs.commons;
  const port = await freePort();

  let child: ChildProcess | null = null;
  const start = async () => {
    child = await startRealtimeProcess({
      dataDir: dir,
      port,
      stderr: (d) => log(`[server] ${d.trim()}`),
    });
  };
  const kill = async () => {
    const c = child;
    if (!c) return;
    await stopProcess(c, 'SIGKILL');
    child = null;
  };

  const doc = new Y.Doc();
  let acked = 0;
  let acksReceived = 0;
  let lossEvents = 0;
  let seenNotStoredEvents = 0;
  let seenNotStored = 0;
  let cameBack = 0;
  let writer: WebsocketProvider | null = null;
  let observer: WebsocketProvider | null = null;
  const observed = new Y.Doc();
  let ticker: NodeJS.Timeout | null = null;
  const text = doc.getXmlFragment('notes');
  const db: Db = openDb({ sqliteFile: file });
  try {
    await start();
    writer = new WebsocketProvider(`ws://127.0.0.1:${port}`, docName, doc, {
      params: { ack: '1' },
      disableBc: true,
      maxBackoffTime: 300,
      WebSocketPolyfill: wsClass({ cookie: await sessionCookie(world.users.repA) }) as never,
    });
    writer.messageHandlers[MESSAGE_ACK] = (_enc, dec) => {
      decoding.readVarUint(dec);
      const sv = Y.decodeStateVector(decoding.readVarUint8Array(dec));
      acksReceived++;
      acked = Math.max(acked, sv.get(doc.clientID) ?? 0);
    };
    writer.messageHandlers[MESSAGE_ACCESS] = () => undefined;
    // A read-only observer: what it has seen of the writer's changes (forwarded before they are stored).
    observer = new WebsocketProvider(`ws://127.0.0.1:${port}`, docName, observed, {
      disableBc: true,
      maxBackoffTime: 300,
      WebSocketPolyfill: wsClass({ cookie: await sessionCookie(world.users.observer) }) as never,
    });
    const line = new Y.XmlText();
    text.push([line]);
    let n = 0;
    ticker = setInterval(() => {
      line.insert(line.length, String(n++ % 10));
    }, 2);

    for (let i = 1; i <= opts.kills; i++) {
      const t0 = Date.now();
      await waitFor(() => writer!.synced, 60_000, 'writer synced');
      const t1 = Date.now();
      const before = acksReceived;
      // Usually after some acks, sometimes right away: kills land at random moments.
      if (rand() < 0.8) await waitFor(() => acksReceived > before, 60_000, 'an ack');
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 150)));
      await kill();
      const t2 = Date.now();
      const ackedAtKill = acked;
      const seenAtKill = Y.getState(observed.store, doc.clientID);
      const have = await storedClock(db, docName, doc.clientID);
      if (have < ackedAtKill) {
        lossEvents++;
        log(`kill ${i}: LOST acknowledged updates (acked ${ackedAtKill}, stored ${have})`);
      } else log(`kill ${i}: ok (acked ${ackedAtKill}, seen ${seenAtKill}, stored ${have})`);
      await start();
      if (seenAtKill > have) {
        // Seen by the observer, never acknowledged, lost with the process: the author sends it again.
        seenNotStoredEvents++;
        seenNotStored += seenAtKill - have;
        try {
          await waitFor(async () => (await storedClock(db, docName, doc.clientID)) >= seenAtKill, 60_000, 'resend');
          cameBack += seenAtKill - have;
          log(`kill ${i}: ${seenAtKill - have} seen but unacknowledged changes stored again through the resend`);
        } catch {
          log(`kill ${i}: seen but unacknowledged changes did NOT come back`);
        }
      }
      log(`kill ${i}: sync ${t1 - t0} ms, run ${t2 - t1} ms, restart ${Date.now() - t2} ms`);
    }
    clearInterval(ticker);
    ticker = null;
    const local = Y.getState(doc.store, doc.clientID);
    await waitFor(() => acked >= local, 60_000, 'final acknowledgement');
    const finalStored = await storedClock(db, docName, doc.clientID);
    return {
      kills: opts.kills,
      lossEvents,
      finalAcked: acked,
      finalStored,
      acksReceived,
      seenNotStoredEvents,
      seenNotStored,
      cameBack,
    };
  } finally {
    if (ticker) clearInterval(ticker);
    writer?.destroy();
    observer?.destroy();
    observed.destroy();
    doc.destroy();
    await kill();
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The writer's clock in what storage holds. */
async function storedClock(db: Db, docName: string, client: number): Promise<number> {
  const stored = new Y.Doc();
  await new DocStore(db).load(docName, stored, { kind: 'load' });
  const have = Y.getState(stored.store, client);
  stored.destroy();
  return have;
}

export interface ShutdownResult {
  exitCode: number | null;
  closeCodes: number[];
  acked: number;
  stored: number;
}

/**
 * Graceful shutdown: while a writer writes, SIGTERM the server. It must flush,
 * close the socket with 1012 (the client reconnects later) and exit 0; every
 * acknowledged update is stored.
 */
export async function runGracefulShutdown(): Promise<ShutdownResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-term-'));
  const file = path.join(dir, 'netzwerkraum.sqlite');
  const setup = openDb({ sqliteFile: file });
  await migrate(setup);
  const world = await createWorld(setup);
  await setup.close();
  const port = await freePort();
  let child: ChildProcess | null = null;
  const doc = new Y.Doc();
  let writer: WebsocketProvider | null = null;
  let ticker: NodeJS.Timeout | null = null;
  try {
    child = await startRealtimeProcess({ dataDir: dir, port });
    writer = new WebsocketProvider(`ws://127.0.0.1:${port}`, world.docs.commons, doc, {
      params: { ack: '1' },
      disableBc: true,
      WebSocketPolyfill: wsClass({ cookie: await sessionCookie(world.users.repA) }) as never,
    });
    const closeCodes: number[] = [];
    writer.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code);
    });
    let acked = 0;
    writer.messageHandlers[MESSAGE_ACCESS] = () => undefined;
    writer.messageHandlers[MESSAGE_ACK] = (_enc, dec) => {
      decoding.readVarUint(dec);
      acked = Math.max(acked, Y.decodeStateVector(decoding.readVarUint8Array(dec)).get(doc.clientID) ?? 0);
    };
    await waitFor(() => writer!.synced, 60_000, 'writer synced');
    const line = new Y.XmlText();
    doc.getXmlFragment('notes').push([line]);
    ticker = setInterval(() => line.insert(line.length, 'x'), 1);
    await waitFor(() => acked > 200, 60_000, 'some acknowledged writes');
    const exitCode = await stopProcess(child, 'SIGTERM');
    clearInterval(ticker);
    ticker = null;
    await waitFor(() => closeCodes.length > 0, 30_000, 'close seen by the writer');
    const db = openDb({ sqliteFile: file });
    const stored = new Y.Doc();
    await new DocStore(db).load(world.docs.commons, stored, { kind: 'load' });
    const result = { exitCode, closeCodes, acked, stored: Y.getState(stored.store, doc.clientID) };
    await db.close();
    return result;
  } finally {
    if (ticker) clearInterval(ticker);
    writer?.destroy();
    doc.destroy();
    if (child) await stopProcess(child, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
