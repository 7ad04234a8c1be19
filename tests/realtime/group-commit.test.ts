/**
 * The group commit's synchronous SQLite fast path (`SqliteDb.txSync`,
 * `DocStore.appendManySync`) against real SQLite and, for the async
 * path, PostgreSQL: a participant is only told "done" once its updates are
 * in the database, whichever path ran; a busy connection falls back to the
 * queued transaction instead of slipping into it; a failed transaction
 * stores nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDb, type Db } from '@/lib/db';
import { GroupCommit, type CommitParticipant, type CommitWork } from '@/server/group-commit';
import { DocStore } from '@/server/persistence';
import { available, freshPostgres, freshSqlite } from '../helpers/services';

type TestDb = Db & { drop(): Promise<void> };

const stored = async (db: Db, doc: string) =>
  Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM yjs_updates WHERE doc = ?', [doc]))?.n ?? 0);

/** A participant that hands over `updates` once and records what it saw when told the outcome. */
function participant(db: Db, name: string, updates: Uint8Array[]) {
  const seen: { lastId?: number; storedAtDone?: Promise<number>; error?: unknown } = {};
  let given = false;
  let resolve!: () => void;
  const settled = new Promise<void>((r) => (resolve = r));
  const p: CommitParticipant = {
    name,
    take(): CommitWork | null {
      if (given) return null;
      given = true;
      return {
        updates,
        done(lastId) {
          seen.lastId = lastId;
          // Counted through the data layer: if the rows were not committed yet this would not see them.
          seen.storedAtDone = stored(db, name);
          resolve();
        },
        failed(err) {
          seen.error = err;
          resolve();
        },
      };
    },
  };
  return { p, seen, settled };
}

const u = (n: number) => Uint8Array.from([n, 0, 0]);

describe('SqliteDb.txSync', () => {
  let db: TestDb | null = null;
  afterEach(async () => {
    await db?.drop();
    db = null;
  });

  it('runs at once on an idle connection, refuses (null) while another operation holds it, rolls back on a throw', async () => {
    db = await freshSqlite();
    const sqlite = db as unknown as SqliteDb;
    const insert = "INSERT INTO yjs_updates (doc, data, created_at) VALUES ('d', ?, 1)";

    expect(sqlite.txSync((q) => q.run(insert, [u(1)]).changes)).toEqual({ value: 1 });

    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    let leave!: () => void;
    const open = db.tx(async (q) => {
      await q.run(insert, [u(2)]);
      inside();
      await new Promise<void>((r) => (leave = r));
    });
    await entered;
    // A transaction is open and waiting: the fast path must not slip into it.
    expect(sqlite.txSync((q) => q.run(insert, [u(3)]))).toBeNull();
    leave();
    await open;

    expect(() =>
      sqlite.txSync((q) => {
        q.run(insert, [u(4)]);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(await stored(db, 'd')).toBe(2);
    // And the connection is usable afterwards, by both paths.
    expect(sqlite.txSync((q) => q.get<{ n: number }>('SELECT COUNT(*) AS n FROM yjs_updates')?.n)).toEqual({
      value: 2,
    });
  });
});

const backends: [string, () => Promise<TestDb>, boolean][] = [
  ['SQLite', freshSqlite, true],
  ['PostgreSQL', freshPostgres, await available('postgres')],
];

for (const [label, makeDb, enabled] of backends) {
  describe.skipIf(!enabled)(`group commit on ${label}`, () => {
    let db: TestDb | null = null;
    afterEach(async () => {
      await db?.drop();
      db = null;
    });

    it('tells every room "done" only after its updates are stored, in one commit per turn', async () => {
      db = await makeDb();
      const commits = new GroupCommit(new DocStore(db), () => undefined);
      const a = participant(db, 'commons.a', [u(1), u(2)]);
      const b = participant(db, 'commons.b', [u(3)]);
      commits.mark(a.p);
      commits.mark(b.p);
      await Promise.all([a.settled, b.settled]);
      expect(await a.seen.storedAtDone).toBe(2);
      expect(await b.seen.storedAtDone).toBe(1);
      expect(a.seen.lastId).toBeGreaterThan(0);
      expect(b.seen.lastId).toBeGreaterThan(a.seen.lastId!);
    });

    it('collects the updates of a commit window into one transaction; urgent work does not wait for the window', async () => {
      db = await makeDb();
      // Counts the transactions (the synchronous and the queued path).
      class CountingStore extends DocStore {
        transactions = 0;
        override appendManySync(batches: Parameters<DocStore['appendManySync']>[0]) {
          const ids = super.appendManySync(batches);
          if (ids) this.transactions++;
          return ids;
        }
        override async appendMany(batches: Parameters<DocStore['appendMany']>[0]) {
          this.transactions++;
          return super.appendMany(batches);
        }
      }
      const store = new CountingStore(db);
      const commits = new GroupCommit(store, () => undefined, 60);
      const a = participant(db, 'commons.w1', [u(1)]);
      const b = participant(db, 'commons.w2', [u(2)]);
      commits.mark(a.p);
      await new Promise((r) => setTimeout(r, 20));
      // Inside the window: nothing is stored or acknowledged yet.
      expect(a.seen.lastId).toBeUndefined();
      expect(await stored(db, 'commons.w1')).toBe(0);
      commits.mark(b.p);
      await Promise.all([a.settled, b.settled]);
      expect(await a.seen.storedAtDone).toBe(1);
      expect(await b.seen.storedAtDone).toBe(1);
      expect(store.transactions).toBe(1);

      // A window of a minute: an urgent mark (a sync answer, an unload) commits at the end of the turn, and takes
      // along what waits in the window.
      const slow = new GroupCommit(store, () => undefined, 60_000);
      const c = participant(db, 'commons.w3', [u(3)]);
      const d = participant(db, 'commons.w4', [u(4)]);
      slow.mark(c.p);
      slow.mark(d.p, true);
      const started = Date.now();
      await Promise.all([c.settled, d.settled]);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await c.seen.storedAtDone).toBe(1);
      expect(await d.seen.storedAtDone).toBe(1);
      expect(store.transactions).toBe(2);
      slow.close();
    });

    it('waits for a transaction that holds the connection, then stores before "done"', async () => {
      db = await makeDb();
      const commits = new GroupCommit(new DocStore(db), () => undefined);
      let leave!: () => void;
      let inside!: () => void;
      const entered = new Promise<void>((r) => (inside = r));
      const open = db.tx(async (q) => {
        await q.get('SELECT 1 AS one');
        inside();
        await new Promise<void>((r) => (leave = r));
      });
      await entered;
      const a = participant(db, 'commons.busy', [u(7)]);
      commits.mark(a.p);
      // Give the commit its turn while the other transaction is still open.
      await new Promise<void>((r) => setImmediate(r));
      await new Promise<void>((r) => setImmediate(r));
      expect(a.seen.lastId).toBeUndefined();
      leave();
      await open;
      await a.settled;
      expect(await a.seen.storedAtDone).toBe(1);
    });

    it('a room whose own transaction fails is failed; the others of the same turn are still stored', async () => {
      db = await makeDb();
      const commits = new GroupCommit(new DocStore(db), () => undefined);
      const good = participant(db, 'commons.good', [u(1)]);
      // NULL data violates NOT NULL: this room's insert fails, in the shared and in its own transaction.
      const bad = participant(db, 'commons.bad', [null as unknown as Uint8Array]);
      commits.mark(good.p);
      commits.mark(bad.p);
      await Promise.all([good.settled, bad.settled]);
      expect(bad.seen.error).toBeDefined();
      expect(bad.seen.lastId).toBeUndefined();
      expect(await stored(db, 'commons.bad')).toBe(0);
      expect(await good.seen.storedAtDone).toBe(1);
    });
  });
}
