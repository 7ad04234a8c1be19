/**
 * The commit thread (server/commit-writer.ts) on a real SQLite file: the
 * group commit hands its batches to a worker thread with its own connection,
 * and a room is told "done" only once the rows are readable through the
 * event loop's connection; a batch the database refuses fails alone (the
 * thread keeps working); when the thread is gone, commits run on the event
 * loop's connection again and nothing is lost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDb, type Db } from '@/lib/db';
import { startCommitWriter } from '@/server/commit-writer';
import { SAFETY_AUTOCHECKPOINT_PAGES } from '@/server/checkpointer';
import { commitThreadWanted } from '@/server/server';
import { GroupCommit, type CommitParticipant } from '@/server/group-commit';
import { DocStore } from '@/server/persistence';

const u = (n: number) => Uint8Array.from([n, 1, 2, 3]);
const rows = async (db: Db, doc: string) =>
  (
    await db.all<{ id: number; data: Uint8Array }>('SELECT id, data FROM yjs_updates WHERE doc = ? ORDER BY id', [doc])
  ).map((r) => ({ id: Number(r.id), first: Buffer.from(r.data)[0] }));

async function until(ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Hands over `updates` once; resolves with the outcome and what the database held at that moment. */
function commitThrough(commits: GroupCommit, db: Db, name: string, updates: Uint8Array[]) {
  return new Promise<{ lastId?: number; storedAtDone?: number; error?: unknown }>((resolve) => {
    let given = false;
    const p: CommitParticipant = {
      name,
      take() {
        if (given) return null;
        given = true;
        return {
          updates,
          done: (lastId) => void rows(db, name).then((r) => resolve({ lastId, storedAtDone: r.length })),
          failed: (error) => resolve({ error }),
        };
      },
    };
    commits.mark(p);
  });
}

describe('the commit thread', () => {
  let dir: string | null = null;
  let db: Db | null = null;
  afterEach(async () => {
    await db?.close();
    db = null;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  async function setup() {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-commit-'));
    db = openDb({ sqliteFile: path.join(dir, 'data.sqlite') });
    await migrate(db);
    const errors: string[] = [];
    const writer = startCommitWriter(db, (_level, msg) => errors.push(msg), {
      autocheckpointPages: SAFETY_AUTOCHECKPOINT_PAGES,
    });
    expect(writer).not.toBeNull();
    await until(() => writer!.usable);
    const store = new DocStore(db);
    store.writer = writer;
    const commits = new GroupCommit(store, (msg) => errors.push(msg));
    return { db, writer: writer!, store, commits, errors };
  }

  it('stores through the thread before "done", in order, and keeps working after a refused batch', async () => {
    const { db, writer, store, commits } = await setup();
    // The event loop's own fast path is not taken while the thread runs.
    expect(store.appendManySync([{ name: 'commons.x', updates: [u(9)] }])).toBeNull();

    const [a, b] = await Promise.all([
      commitThrough(commits, db, 'commons.a', [u(1), u(2), u(3)]),
      commitThrough(commits, db, 'commons.b', [u(4)]),
    ]);
    expect(a.storedAtDone).toBe(3);
    expect(b.storedAtDone).toBe(1);
    const stored = await rows(db, 'commons.a');
    expect(stored.map((r) => r.first)).toEqual([1, 2, 3]);
    expect(a.lastId).toBe(stored[2].id);

    // A batch the database refuses (NOT NULL doc) fails as a whole; nothing of it is stored.
    await expect(
      writer.append(
        [{ name: null as unknown as string, updates: [u(5)] }],
        Date.now(),
        'INSERT INTO yjs_updates (doc, data, created_at) VALUES (?, ?, ?) RETURNING id',
      ),
    ).rejects.toThrow(/NOT NULL/);
    expect(writer.usable).toBe(true);
    const c = await commitThrough(commits, db, 'commons.a', [u(6)]);
    expect(c.storedAtDone).toBe(4);
    await writer.stop();
  });

  it('falls back to the event loop connection when the thread is gone, losing nothing', async () => {
    const { db, writer, store, commits } = await setup();
    const first = await commitThrough(commits, db, 'commons.c', [u(1)]);
    expect(first.storedAtDone).toBe(1);
    await writer.stop();
    expect(writer.usable).toBe(false);
    await expect(writer.append([{ name: 'commons.c', updates: [u(2)] }], Date.now(), 'SELECT 1')).rejects.toThrow(
      /not running/,
    );
    const second = await commitThrough(commits, db, 'commons.c', [u(2), u(3)]);
    expect(second.error).toBeUndefined();
    expect(second.storedAtDone).toBe(3);
    expect(second.lastId).toBeGreaterThan(first.lastId!);
    expect(store.updatesStored).toBe(3);
  });

  it('is not started for an in-memory database or when switched off', async () => {
    const mem = openDb({ sqliteFile: ':memory:' });
    try {
      expect(startCommitWriter(mem, () => undefined, { autocheckpointPages: 1000 })).toBeNull();
    } finally {
      await mem.close();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-commit-'));
    db = openDb({ sqliteFile: path.join(dir, 'data.sqlite') });
    await migrate(db);
    expect(startCommitWriter(db, () => undefined, { enabled: false, autocheckpointPages: 1000 })).toBeNull();
  });

  it('is wanted on its own only when the process may use more than one core', () => {
    expect(commitThreadWanted('auto', 1)).toBe(false);
    expect(commitThreadWanted('auto', 2)).toBe(true);
    expect(commitThreadWanted(true, 1)).toBe(true);
    expect(commitThreadWanted(false, 8)).toBe(false);
  });
});
