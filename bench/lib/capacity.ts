/**
 * Capacity: how many connections a server holds (each synced, then still open
 * after a hold period), memory per connection, and memory per room.
 */
import * as Y from 'yjs';
import type { ServerHandle } from './procs';
import { openRaw, updateFrame, type RawConn, type System } from './clients';
import { pool, sleep } from './stats';

export interface ConnectionsResult {
  target: number;
  held: number;
  failures: number;
  rssBaseMb: number;
  rssPerConnKb: number;
  heapPerConnKb: number;
  rampSeconds: number;
}

/** Opens up to `target` synced connections spread over `roomCount` rooms, holds them `holdMs`, counts survivors. */
export async function runConnections(
  sys: System,
  server: ServerHandle,
  o: { target: number; roomCount: number; holdMs: number; timeLimitMs: number },
): Promise<ConnectionsResult> {
  const deadline = Date.now() + o.timeLimitMs;
  const rooms = await sys.makeRooms(o.roomCount);
  await server.request('gc');
  const base = await server.metrics();
  const conns: RawConn[] = [];
  let failures = 0;
  const t0 = Date.now();
  const batch = 500;
  try {
    for (let done = 0; done < o.target && Date.now() < deadline; done += batch) {
      const n = Math.min(batch, o.target - done);
      const before = failures;
      await pool(
        Array.from({ length: n }, (_, i) => done + i),
        100,
        async (i) => {
          if (Date.now() > deadline) return;
          const room = rooms[i % rooms.length];
          try {
            const ep = sys.massEndpoint ? await sys.massEndpoint(room) : await sys.endpoint(room);
            conns.push(await openRaw(sys, room, ep, null, 60_000));
          } catch {
            failures++;
          }
        },
      );
      if (failures - before > n / 2) break; // the server stopped accepting: no point hammering on
    }
    const rampSeconds = (Date.now() - t0) / 1000;
    await sleep(o.holdMs);
    const held = conns.filter((c) => c.isOpen()).length;
    await server.request('gc');
    const after = await server.metrics();
    return {
      target: o.target,
      held,
      failures,
      rssBaseMb: base.rss / 2 ** 20,
      rssPerConnKb: held ? (after.rss - base.rss) / held / 1024 : NaN,
      heapPerConnKb: held ? (after.heapUsed - base.heapUsed) / held / 1024 : NaN,
      rampSeconds,
    };
  } finally {
    for (const c of conns) c.close();
    await sleep(1_000);
  }
}

export interface RoomsResult {
  rooms: number;
  opened: number;
  rssPerRoomKb: number;
  heapPerRoomKb: number;
}

/** Opens `count` rooms, each with one connection that writes ~1 KB of text; memory per room (incl. its connection). */
export async function runRooms(
  sys: System,
  server: ServerHandle,
  o: { count: number; timeLimitMs: number },
): Promise<RoomsResult> {
  const deadline = Date.now() + o.timeLimitMs;
  const rooms = await sys.makeRooms(o.count);
  await server.request('gc');
  const base = await server.metrics();
  const conns: RawConn[] = [];
  try {
    await pool(rooms, 50, async (room) => {
      if (Date.now() > deadline) return;
      try {
        const c = await openRaw(sys, room, await sys.endpoint(room), null);
        const d = new Y.Doc();
        d.getText('notes').insert(0, 'Gemeinsame Notizen — shared notes. '.repeat(30));
        c.send(updateFrame(sys.protocol, room, Y.encodeStateAsUpdate(d)));
        conns.push(c);
      } catch {
        /* counted as not opened */
      }
    });
    await sleep(2_000);
    await server.request('gc');
    const after = await server.metrics();
    const opened = conns.filter((c) => c.isOpen()).length;
    return {
      rooms: o.count,
      opened,
      rssPerRoomKb: opened ? (after.rss - base.rss) / opened / 1024 : NaN,
      heapPerRoomKb: opened ? (after.heapUsed - base.heapUsed) / opened / 1024 : NaN,
    };
  } finally {
    for (const c of conns) c.close();
    await sleep(1_000);
  }
}
