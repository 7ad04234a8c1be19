/**
 * Large client updates are decoded in a worker within a time budget before
 * the event loop touches them: a decode that takes too long refuses that
 * update and closes only its socket; honest large updates still apply, in
 * order with what the same client sends after them.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { CLOSE } from '@/lib/realtime/close-codes';
import { DecodeGuard } from '@/server/decode-guard';
import type { RealtimeServer } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import { client, createWorld, raw, startServer, storedDoc, synced, ticket, waitFor, type World } from './fixtures';

const textOf = (d: Y.Doc) => d.getXmlFragment('notes').toString();
const insert = (d: Y.Doc, s: string) => {
  const t = new Y.XmlText();
  t.insert(0, s);
  d.getXmlFragment('notes').push([t]);
};
const syncUpdate = (u: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, u);
  return encoding.toUint8Array(e);
};
const quiet = () => undefined;

describe('the decode budget for large updates', () => {
  it('says ok for a decodable update, undecodable for garbage, and timeout when the budget is spent', async () => {
    const doc = new Y.Doc();
    insert(doc, 'x'.repeat(100_000));
    const update = Y.encodeStateAsUpdate(doc);
    const guard = new DecodeGuard(10_000, quiet);
    const none = new DecodeGuard(0, quiet);
    try {
      expect(await guard.check(update)).toBe('ok');
      expect(await guard.check(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]))).toBe('undecodable');
      expect(await none.check(update)).toBe('timeout');
      // A spent worker is replaced: the next check works again.
      expect(await guard.check(update)).toBe('ok');
    } finally {
      await guard.close();
      await none.close();
    }
  });
});

describe('the decode worker between checks', () => {
  it('ends after the idle time and starts again for the next check', async () => {
    const doc = new Y.Doc();
    insert(doc, 'y'.repeat(50_000));
    const update = Y.encodeStateAsUpdate(doc);
    const guard = new DecodeGuard(10_000, quiet, 200);
    try {
      expect(guard.running).toBe(false);
      expect(await guard.check(update)).toBe('ok');
      expect(guard.running).toBe(true);
      // A check within the idle time keeps the same worker.
      await new Promise((r) => setTimeout(r, 100));
      expect(await guard.checkLoadable(update, 10_000)).toBeNull();
      expect(guard.running).toBe(true);
      await waitFor(() => !guard.running, 3_000);
      expect(await guard.check(update)).toBe('ok');
      expect(guard.running).toBe(true);
    } finally {
      await guard.close();
    }
    expect(guard.running).toBe(false);
  });
});

describe('a realtime server with a decode budget', () => {
  let db: Db & { drop(): Promise<void> };
  let world: World;
  let server: RealtimeServer;
  let strict: RealtimeServer;

  beforeAll(async () => {
    db = await freshSqlite();
    world = await createWorld(db);
    server = await startServer(db, { limits: { decodeInlineMaxBytes: 1024 } });
    strict = await startServer(db, { limits: { decodeInlineMaxBytes: 1024, decodeBudgetMs: 0 } });
  });
  afterAll(async () => {
    await server?.close();
    await strict?.close();
    await db?.drop();
  });

  it('applies a large update after the worker decoded it, and what the same client sent after it, in order', async () => {
    const a = await client(server, world.users.repA, world.docs.commons);
    const b = await client(server, world.users.repB, world.docs.commons);
    try {
      await Promise.all([synced(a), synced(b)]);
      const big = `big-${'y'.repeat(200_000)}`;
      insert(a.doc, big);
      insert(a.doc, 'after-the-big-one');
      await waitFor(() => textOf(b.doc).includes('after-the-big-one'), 30_000, 'both updates reach b');
      expect(textOf(b.doc).indexOf(big)).toBeLessThan(textOf(b.doc).indexOf('after-the-big-one'));
      await waitFor(async () => textOf(await storedDoc(db, world.docs.commons)).includes('after-the-big-one'));
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('refuses a large update whose decoding exceeds the budget, closing only that socket', async () => {
    const doc = world.docs.commons;
    const r = raw(strict, `${doc}?ticket=${await ticket(db, world.users.repA, doc)}`);
    await r.opened;
    await waitFor(() => r.frames.length > 0, 20_000, 'initial sync');
    const big = new Y.Doc();
    insert(big, `too-slow-${'z'.repeat(100_000)}`);
    r.send(syncUpdate(Y.encodeStateAsUpdate(big)));
    expect((await r.closed).code).toBe(CLOSE.UPDATE_REJECTED);
    expect(textOf(await storedDoc(db, doc))).not.toContain('too-slow-');

    // The server and small updates carry on.
    const a = await client(strict, world.users.repA, doc);
    const b = await client(strict, world.users.repB, doc);
    try {
      await Promise.all([synced(a), synced(b)]);
      insert(a.doc, 'still-alive');
      await waitFor(() => textOf(b.doc).includes('still-alive'), 20_000, 'small updates still flow');
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});
