import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, splitStatements, type Db } from '@/lib/db';
import { migrations } from '@/lib/db/migrations';
import { toPgPlaceholders } from '@/lib/db/postgres';
import { available, freshPostgres, freshSqlite } from '../helpers/services';

type Fresh = Db & { drop(): Promise<void> };

/** The data layer's contract: the same behaviour on SQLite and on PostgreSQL. */
function dataLayerContract(name: string, open: () => Promise<Fresh>) {
  describe(`data layer on ${name}`, () => {
    let db: Fresh;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('applies every migration once and records it', async () => {
      const rows = await db.all<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id).sort((a, b) => a - b));
      expect(await migrate(db)).toEqual([]);
    });

    it('round-trips text, numbers, millisecond times, null and bytes', async () => {
      await db.exec(
        'CREATE TABLE IF NOT EXISTS contract_values (id TEXT PRIMARY KEY, n INTEGER, t BIGINT, s TEXT, b ' +
          (db.dialect === 'sqlite' ? 'BLOB' : 'BYTEA') +
          ')',
      );
      const now = Date.now();
      await db.run('INSERT INTO contract_values (id, n, t, s, b) VALUES (?, ?, ?, ?, ?)', [
        'a',
        42,
        now,
        null,
        new Uint8Array([0, 1, 255]),
      ]);
      const row = await db.get<{ n: number; t: number; s: string | null; b: Buffer }>(
        'SELECT n, t, s, b FROM contract_values WHERE id = ?',
        ['a'],
      );
      expect(row?.n).toBe(42);
      expect(row?.t).toBe(now);
      expect(row?.s).toBeNull();
      expect([...(row?.b ?? [])]).toEqual([0, 1, 255]);
    });

    it('counts come back as numbers', async () => {
      const row = await db.get<{ c: number }>('SELECT COUNT(*) AS c FROM contract_values');
      expect(row?.c).toBe(1);
    });

    it('reports changed rows', async () => {
      const r = await db.run('UPDATE contract_values SET n = n + 1 WHERE id = ?', ['a']);
      expect(r.changes).toBe(1);
      expect((await db.run('UPDATE contract_values SET n = 0 WHERE id = ?', ['missing'])).changes).toBe(0);
    });

    it('rolls a failed transaction back whole', async () => {
      await expect(
        db.tx(async (q) => {
          await q.run('INSERT INTO contract_values (id, n) VALUES (?, ?)', ['b', 1]);
          await q.run('INSERT INTO contract_values (id, n) VALUES (?, ?)', ['b', 2]); // duplicate key
        }),
      ).rejects.toThrow();
      expect(await db.get('SELECT id FROM contract_values WHERE id = ?', ['b'])).toBeUndefined();
    });

    it('keeps other statements out of an open transaction', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const inTx = db.tx(async (q) => {
        await q.run('INSERT INTO contract_values (id, n) VALUES (?, ?)', ['c', 1]);
        await gate;
        throw new Error('abort');
      });
      // A write outside the transaction, issued while it is open, must not be rolled back with it.
      const outside = db.run('INSERT INTO contract_values (id, n) VALUES (?, ?)', ['d', 1]);
      release();
      await expect(inTx).rejects.toThrow('abort');
      await outside;
      expect(await db.get('SELECT id FROM contract_values WHERE id = ?', ['c'])).toBeUndefined();
      expect(await db.get('SELECT id FROM contract_values WHERE id = ?', ['d'])).toBeDefined();
    });

    it('gives append-only logs increasing ids', async () => {
      for (let i = 0; i < 3; i++)
        await db.run('INSERT INTO activity (kind, created_at) VALUES (?, ?)', ['contract.test', i]);
      const ids = (
        await db.all<{ id: number }>("SELECT id FROM activity WHERE kind = 'contract.test' ORDER BY created_at")
      ).map((r) => r.id);
      expect(ids).toHaveLength(3);
      expect(ids[0]).toBeLessThan(ids[1]);
      expect(ids[1]).toBeLessThan(ids[2]);
    });

    it('enforces the unique organisation name per network', async () => {
      const now = Date.now();
      await db.run('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)', [
        'u1',
        'u1@example.org',
        'U',
        'x',
        now,
      ]);
      await db.run('INSERT INTO networks (id, name, created_by, created_at) VALUES (?, ?, ?, ?)', [
        'n1',
        'N',
        'u1',
        now,
      ]);
      const insert = (id: string) =>
        db.run(
          'INSERT INTO organisations (id, network_id, name, name_key, kind, created_at, status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [id, 'n1', 'Verein', 'verein', 'ngo', now, now],
        );
      await insert('o1');
      await expect(insert('o2')).rejects.toThrow();
    });
  });
}

describe('data layer helpers', () => {
  it('translates placeholders for PostgreSQL but not inside quotes', () => {
    expect(toPgPlaceholders('SELECT ? , \'?\' , "a?", ?')).toBe('SELECT $1 , \'?\' , "a?", $2');
  });
  it('splits migration scripts into statements without comments', () => {
    expect(splitStatements('CREATE TABLE a (x INTEGER); -- note\nCREATE INDEX i ON a(x);\n')).toEqual([
      'CREATE TABLE a (x INTEGER)',
      'CREATE INDEX i ON a(x)',
    ]);
  });
});

dataLayerContract('SQLite', freshSqlite);
const pgAvailable = await available('postgres');
describe.skipIf(!pgAvailable)('PostgreSQL', () => {
  dataLayerContract('PostgreSQL', freshPostgres);
});
