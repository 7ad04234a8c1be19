/**
 * Issue 8 §3 with real processes, as in the embedded default: the realtime
 * server is its own process (`server/index.ts`, SQLite in a temp DATA_DIR); this
 * test process plays the web process: `writeDocument` commits into the same
 * SQLite file and nudges the realtime process over the signed loopback
 * channel. The change reaches two connected clients, survives kill -9 and a
 * restart, and a change written while the realtime process is down is there
 * when it comes back.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ActivityWake, activityWake, LoopbackWakeTransport, setActivityWake, wakeToken } from '@/lib/activity/wake';
import { migrate, openDb, type Db } from '@/lib/db';
import { writeDocument } from '@/lib/realtime/server-write';
import { createWorld, SECRET, sessionCookie, waitFor, wsClass, type World } from './fixtures';
import { freePort, startRealtimeProcess, stopProcess } from './process';

const textOf = (d: Y.Doc) => d.getXmlFragment('notes').toString();
const count = (text: string, needle: string) => text.split(needle).length - 1;
const paragraph = (s: string) => (d: Y.Doc) => {
  const t = new Y.XmlText();
  t.insert(0, s);
  d.getXmlFragment('notes').push([t]);
};

describe('server-written changes with a realtime process', { timeout: 120_000 }, () => {
  let dir: string;
  let db: Db;
  let world: World;
  let port: number;
  let child: ChildProcess | null = null;
  const providers: WebsocketProvider[] = [];
  let previous: ActivityWake;

  const start = async () => {
    child = await startRealtimeProcess({ dataDir: dir, port, stderr: 'inherit', label: 'realtime health' });
  };
  const kill = async () => {
    const c = child;
    if (!c) return;
    await stopProcess(c, 'SIGKILL');
    child = null;
  };
  const connect = async (userId: string) => {
    const doc = new Y.Doc();
    const p = new WebsocketProvider(`ws://127.0.0.1:${port}`, world.docs.commons, doc, {
      disableBc: true,
      maxBackoffTime: 300,
      WebSocketPolyfill: wsClass({ cookie: await sessionCookie(userId) }) as never,
    });
    providers.push(p);
    await waitFor(() => p.synced, 20_000, 'synced');
    return doc;
  };
  const write = (text: string) =>
    writeDocument(
      world.docs.commons,
      paragraph(text),
      { actorId: world.users.manager, networkId: world.networkId, reason: 'process test' },
      { db },
    );

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-server-write-'));
    db = openDb({ sqliteFile: path.join(dir, 'netzwerkraum.sqlite') });
    await migrate(db);
    world = await createWorld(db);
    port = await freePort();
    previous = activityWake();
    // The embedded default's channel from the web process to the realtime process.
    setActivityWake(new ActivityWake(new LoopbackWakeTransport(port, wakeToken(SECRET))));
    await start();
  });
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await kill();
    await activityWake().close();
    if (previous) setActivityWake(previous);
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reaches two clients over the loopback nudge, survives kill -9, and a write while it is down is kept', async () => {
    const a = await connect(world.users.repA);
    const b = await connect(world.users.repB);
    const started = Date.now();
    await write('from-the-web-process');
    await waitFor(() => [a, b].every((d) => textOf(d).includes('from-the-web-process')), 4000, 'both clients');
    // Woken by the nudge, not found by the 5 s safety-net poll.
    expect(Date.now() - started).toBeLessThan(4000);

    await kill();
    await write('while-it-was-down');
    await start();
    const c = await connect(world.users.observer);
    expect(count(textOf(c), 'from-the-web-process')).toBe(1);
    expect(count(textOf(c), 'while-it-was-down')).toBe(1);
    // The clients that were connected reconnect and get both as well, once.
    await waitFor(() => textOf(a).includes('while-it-was-down') && textOf(b).includes('while-it-was-down'), 20_000);
    expect(count(textOf(a), 'from-the-web-process')).toBe(1);
  });
});
