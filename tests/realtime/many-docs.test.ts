/**
 * 10,000 documents opened, written and closed: every room unloads, and
 * timers, sockets and heap return to their baseline.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import type { RealtimeServer } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import { createWorld, raw, sessionCookie, startServer, storedDoc, waitFor, type World } from './fixtures';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function handles(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const h of process.getActiveResourcesInfo()) out[h] = (out[h] ?? 0) + 1;
  return out;
}

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage().heapUsed;
}

describe('realtime server with many documents', () => {
  let db: Db & { drop(): Promise<void> };
  let server: RealtimeServer;
  let world: World;
  let cookie: string;

  beforeAll(async () => {
    db = await freshSqlite();
    world = await createWorld(db);
    server = await startServer(db, { limits: { idleUnloadMs: 0 } });
    cookie = await sessionCookie(world.users.repA);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  /** Opens a document, writes one update to it, waits for the write to be stored, closes. */
  async function touch(name: string): Promise<void> {
    const r = raw(server, name, { headers: { cookie } });
    await r.opened;
    await waitFor(() => r.frames.length > 0, 60_000, 'first frame');
    const d = new Y.Doc();
    d.getXmlFragment('notes').push([new Y.XmlText('x')]);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(d));
    r.send(encoding.toUint8Array(e));
    d.destroy();
    r.ws.close();
    await r.closed;
  }

  /**
   * `count` fresh networks in which repA represents an organisation: each has a
   * commons document repA may write (a meeting document, which any UUID used to
   * name, exists only for a meeting that exists).
   */
  async function freshDocs(count: number): Promise<string[]> {
    const now = Date.now();
    const names: string[] = [];
    await db.tx(async (q) => {
      for (let i = 0; i < count; i++) {
        const net = crypto.randomUUID();
        const org = crypto.randomUUID();
        await q.run('INSERT INTO networks (id, name, created_by, created_at) VALUES (?, ?, ?, ?)', [
          net,
          `N${i}`,
          world.users.manager,
          now,
        ]);
        await q.run(
          'INSERT INTO organisations (id, network_id, name, name_key, kind, created_at, status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [org, net, `O${i}`, `o${i}`, 'ngo', now, now],
        );
        await q.run(
          'INSERT INTO memberships (id, network_id, user_id, role, organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          [crypto.randomUUID(), net, world.users.repA, 'representative', org, now],
        );
        names.push(`commons.${net}`);
      }
    });
    return names;
  }

  async function run(count: number): Promise<string[]> {
    const names = await freshDocs(count);
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < names.length) await touch(names[next++]);
      }),
    );
    await waitFor(() => server.rooms.size === 0, 120_000, 'all rooms unloaded');
    return names;
  }

  it('keeps no upgrade request alive with an open socket (headers, cookie and URL are dropped after admission)', async () => {
    // v8.queryObjects runs a full collection and counts what is still reachable.
    const requests = () => v8.queryObjects(http.IncomingMessage, { format: 'count' }) as number;
    const [name] = await freshDocs(1);
    const before = requests();
    const open = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const r = raw(server, name, { headers: { cookie } });
        await r.opened;
        await waitFor(() => r.frames.length > 0, 20_000, 'first frame');
        return r;
      }),
    );
    expect(server.metrics().connections).toBe(40);
    // (Each client holds nothing either: the ws client drops its upgrade response.)
    expect(requests() - before).toBeLessThan(5);
    for (const r of open) r.ws.close();
    await Promise.all(open.map((r) => r.closed));
    await waitFor(() => server.rooms.size === 0, 20_000, 'room unloaded');
  });

  it('returns timers, sockets and heap to baseline after 10,000 documents opened and closed', async () => {
    await run(300); // warm up (JIT, pools, caches)
    const baseHandles = handles();
    const baseHeap = await settledHeap();

    const names = await run(10_000);
    expect(server.metrics()).toMatchObject({ docs: 0, connections: 0 });
    const afterHeap = await settledHeap();
    await waitFor(
      () => {
        const h = handles();
        return Object.keys({ ...h, ...baseHandles }).every((k) => (h[k] ?? 0) <= (baseHandles[k] ?? 0));
      },
      30_000,
      `handles back to baseline ${JSON.stringify(baseHandles)}`,
    );
    expect(afterHeap - baseHeap).toBeLessThan(32 * 1024 * 1024);
    // The writes were stored (and compacted on unload).
    for (const name of [names[0], names[4999], names[9999]]) {
      expect((await storedDoc(db, name)).getXmlFragment('notes').length).toBe(1);
    }
  }, 900_000);
});
