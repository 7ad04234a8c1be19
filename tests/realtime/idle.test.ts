/**
 * The y-websocket 3.1 client drops a connection after 30 s without any
 * message. A lone client in an idle room must stay connected: the server
 * sends something periodically. This takes ~40 s on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import type { RealtimeServer } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import { client, createWorld, startServer, synced, type World } from './fixtures';

describe('a lone idle client', () => {
  let db: Db & { drop(): Promise<void> };
  let server: RealtimeServer;
  let world: World;

  beforeAll(async () => {
    db = await freshSqlite();
    world = await createWorld(db);
    server = await startServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('stays connected for more than 35 seconds without reconnecting', async () => {
    const c = await client(server, world.users.repA, world.docs.commons);
    await synced(c);
    let disconnects = 0;
    c.provider.on('status', ({ status }) => {
      if (status === 'disconnected') disconnects++;
    });
    const firstSocket = c.provider.ws;
    await new Promise((r) => setTimeout(r, 38_000));
    expect(disconnects).toBe(0);
    expect(c.closeCodes).toEqual([]);
    expect(c.provider.ws).toBe(firstSocket);
    expect(c.provider.wsconnected).toBe(true);
    c.destroy();
  }, 120_000);
});
