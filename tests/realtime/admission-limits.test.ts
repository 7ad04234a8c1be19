/**
 * Issue 7, defects 6 and 7: meeting documents are refused unless their
 * meeting exists (issue 12); sockets per person and per address are capped; client-sent text
 * reaches the log as one line with its control characters escaped.
 */
import crypto from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { CLOSE } from '@/lib/realtime/close-codes';
import { MESSAGE_ACK } from '@/lib/realtime/protocol';
import { mintTicket } from '@/lib/realtime/tickets';
import type { RealtimeServer } from '@/server/server';
import { logSafe } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import { createWorld, raw, sessionCookie, startServer, storedDoc, ticket, waitFor, type World } from './fixtures';

describe('admission limits and log hygiene', () => {
  let db: Db & { drop(): Promise<void> };
  let server: RealtimeServer;
  let world: World;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await freshSqlite();
    world = await createWorld(db);
    server = await startServer(db, {
      logLevel: 'info',
      logSink: (_level, line) => lines.push(line),
      limits: { maxConnectionsPerUser: 3, maxConnectionsPerAddress: 6 },
    });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('refuses documents of meetings that do not exist with 4404 (no ticket either) and stores nothing for them', async () => {
    const name = `meeting.${world.networkId}.${crypto.randomUUID()}`;
    await expect(mintTicket(db, world.users.manager, { doc: name })).rejects.toMatchObject({ status: 404 });
    await expect(mintTicket(db, world.users.manager, { doc: name })).rejects.toBeInstanceOf(AppError);
    const r = raw(server, name, { headers: { cookie: await sessionCookie(world.users.manager) } });
    await r.opened;
    const closed = await r.closed;
    expect(closed).toEqual({ code: CLOSE.UNKNOWN_DOCUMENT, reason: 'no such meeting' });
    expect(r.frames).toEqual([]);
    expect(server.rooms.has(name)).toBe(false);
    expect(await db.get('SELECT 1 AS x FROM yjs_updates WHERE doc = ?', [name])).toBeUndefined();
  });

  it('caps sockets per person (4429) and frees a slot when one closes', async () => {
    const cookie = await sessionCookie(world.users.repA);
    const open = [];
    for (let i = 0; i < 3; i++) {
      const r = raw(server, world.docs.commons, { headers: { cookie } });
      await r.opened;
      await waitFor(() => r.frames.length > 0, 20_000, 'admitted');
      open.push(r);
    }
    const fourth = raw(server, world.docs.orgA, { headers: { cookie } });
    expect((await fourth.closed).code).toBe(CLOSE.TOO_MANY_CONNECTIONS);
    // Another person is not affected.
    const other = raw(server, world.docs.commons, { headers: { cookie: await sessionCookie(world.users.repB) } });
    await waitFor(() => other.frames.length > 0, 20_000, 'other person admitted');
    open[0].ws.close();
    await open[0].closed;
    const again = raw(server, world.docs.commons, { headers: { cookie } });
    await waitFor(() => again.frames.length > 0 || again.closeInfo !== null, 20_000, 'admitted again');
    expect(again.closeInfo).toBeNull();
    for (const r of [...open, other, again]) r.ws.close();
    await Promise.all([...open, other, again].map((r) => r.closed));
  });

  it('caps sockets per address (4429) before authenticating', async () => {
    const people = [world.users.repA, world.users.repB, world.users.homeA, world.users.homeB, world.users.observer];
    const open = [];
    for (const [i, id] of [...people, world.users.manager].entries()) {
      const r = raw(server, world.docs.commons, { headers: { cookie: await sessionCookie(id) } });
      await r.opened;
      await waitFor(() => r.frames.length > 0, 20_000, `socket ${i} admitted`);
      open.push(r);
    }
    const seventh = raw(server, world.docs.commons, { headers: { cookie: await sessionCookie(world.users.repA) } });
    expect((await seventh.closed).code).toBe(CLOSE.TOO_MANY_CONNECTIONS);
    for (const r of open) r.ws.close();
    await Promise.all(open.map((r) => r.closed));
  });

  it('closes a writer whose updates exceed its byte budget (4003); the updates before that are stored', async () => {
    const r = raw(server, `${world.docs.orgA}?ack=1&ticket=${await ticket(db, world.users.repA, world.docs.orgA)}`);
    await r.opened;
    await waitFor(() => r.frames.length > 0, 20_000, 'admitted');
    const acks = () => r.frames.filter((f) => f[0] === MESSAGE_ACK).length;
    const author = new Y.Doc();
    const updates: Uint8Array[] = [];
    author.on('update', (u: Uint8Array) => updates.push(u));
    // 600 KiB each, one after the other (each acknowledged): the seventh passes the 4 MiB burst.
    for (let i = 0; i < 10; i++) author.getMap('notes').set(`blob${i}`, new Uint8Array(600 * 1024).fill(i));
    lines.length = 0;
    let accepted = 0;
    for (const u of updates) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, u);
      const before = acks();
      r.send(encoding.toUint8Array(e));
      await waitFor(() => acks() > before || r.closeInfo !== null, 20_000, 'ack or close');
      if (r.closeInfo) break;
      accepted++;
    }
    expect((await r.closed).code).toBe(CLOSE.RATE_LIMITED);
    expect(accepted).toBeGreaterThanOrEqual(6);
    expect(accepted).toBeLessThan(10);
    expect(lines.some((l) => l.includes('byte budget'))).toBe(true);
    const stored = (await storedDoc(db, world.docs.orgA)).getMap('notes');
    expect(stored.has(`blob${accepted - 1}`)).toBe(true);
    expect(stored.has(`blob${accepted}`)).toBe(false);
  });

  it('logs a client-sent root name with a newline as one line, escaped', async () => {
    const d = new Y.Doc();
    d.getMap('notes\n[realtime] forged\u2028ok').set('x', 1);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(d));
    const r = raw(server, `${world.docs.commons}?ticket=${await ticket(db, world.users.repA, world.docs.commons)}`);
    await r.opened;
    await waitFor(() => r.frames.length > 0, 20_000, 'admitted');
    lines.length = 0;
    r.send(encoding.toUint8Array(e));
    expect((await r.closed).code).toBe(CLOSE.UPDATE_REJECTED);
    const refused = lines.find((l) => l.includes('unknown root'));
    expect(refused).toBeDefined();
    expect(refused).toContain('notes\\x0a[realtime] forged');
    expect(refused).toContain('\\u2028');
    for (const l of lines) expect(l).not.toMatch(/[\n\r\u2028]/);
    expect(lines.some((l) => l.startsWith('[realtime] forged'))).toBe(false);
    expect((await storedDoc(db, world.docs.commons)).share.size).toBe(0);
    expect(logSafe('a\u001b[31mred\u202eb')).toBe('a\\x1b[31mred\\u202eb');
  });
});
