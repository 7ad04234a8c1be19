import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import type { Db } from '@/lib/db';
import { available, freshPostgres, freshSqlite } from '@/tests/helpers/services';
import { DEMO_PASSWORD, demoSignIns, isDemoSeeded, seedDemo } from './demo-network';

const suites: [string, () => Promise<Db & { drop(): Promise<void> }>, () => Promise<boolean>][] = [
  ['SQLite', freshSqlite, async () => true],
  ['PostgreSQL', freshPostgres, () => available('postgres')],
];

for (const [name, open, isAvailable] of suites) {
  describe.skipIf(!(await isAvailable()))(`the demo seed on ${name}`, () => {
    let db: Db & { drop(): Promise<void> };
    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('creates one network with four active organisations and thirteen people in their roles', async () => {
      expect(await isDemoSeeded(db)).toBe(false);
      const result = await seedDemo(db);
      expect(result.seeded).toBe(true);
      expect(await isDemoSeeded(db)).toBe(true);

      const networks = await db.all<{ id: string; name: string }>('SELECT id, name FROM networks');
      expect(networks).toHaveLength(1);
      expect(networks[0].name).toBe('Bildungsnetzwerk Wien-Favoriten');
      const orgs = await db.all<{ id: string; status: string }>(
        'SELECT id, status FROM organisations WHERE network_id = ?',
        [networks[0].id],
      );
      expect(orgs).toHaveLength(4);
      expect(orgs.every((o) => o.status === 'active')).toBe(true);

      const members = await db.all<{ email: string; role: string; organisation_id: string | null; locale: string }>(
        `SELECT u.email, u.locale, m.role, m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.network_id = ? AND m.removed_at IS NULL`,
        [networks[0].id],
      );
      expect(members).toHaveLength(13);
      expect(Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM users'))!.n)).toBe(13);
      const managers = members.filter((m) => m.role === 'manager');
      expect(managers).toHaveLength(1);
      expect(managers[0].organisation_id).toBeNull();
      for (const org of orgs) {
        const roles = members
          .filter((m) => m.organisation_id === org.id)
          .map((m) => m.role)
          .sort();
        expect(roles).toEqual(['home_member', 'representative', 'representative']);
      }
      expect(new Set(members.map((m) => m.locale))).toEqual(new Set(['de', 'en']));
    });

    it('lists exactly the seeded people as sign-ins, and the demo password opens their accounts', async () => {
      const rows = await db.all<{ email: string; password_hash: string }>('SELECT email, password_hash FROM users');
      expect(rows.map((r) => r.email).sort()).toEqual(
        demoSignIns()
          .map((s) => s.email)
          .sort(),
      );
      const manager = rows.find((r) => r.email === 'sabine.hofer@example.org')!;
      expect(await verifyPassword(manager.password_hash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(manager.password_hash, 'something-else')).toBe(false);
    });

    it('does nothing when run a second time', async () => {
      const before = await db.all('SELECT id FROM users ORDER BY id');
      const activityBefore = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM activity');
      expect(await seedDemo(db)).toEqual({ seeded: false });
      expect(await db.all('SELECT id FROM users ORDER BY id')).toEqual(before);
      expect(await db.get('SELECT COUNT(*) AS n FROM activity')).toEqual(activityBefore);
      expect(Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM networks'))!.n)).toBe(1);
    });
  });
}

describe('the demo seed on a database people already use', () => {
  it('adds nothing when any account exists', async () => {
    const db = await freshSqlite();
    try {
      await db.run(
        `INSERT INTO users (id, email, name, password_hash, locale, created_at) VALUES ('u1', 'real@example.org', 'Real', 'x', 'de', 1)`,
      );
      expect(await seedDemo(db)).toEqual({ seeded: false });
      expect(await db.all('SELECT id FROM networks')).toEqual([]);
      expect(await isDemoSeeded(db)).toBe(false);
    } finally {
      await db.drop();
    }
  });
});

describe('the README', () => {
  it('lists every demo sign-in and the demo password', async () => {
    const fs = await import('node:fs');
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(DEMO_PASSWORD);
    for (const s of demoSignIns()) {
      const row = readme.split('\n').find((l) => l.includes(`| ${s.email} `));
      expect(row, `README row for ${s.email}`).toBeDefined();
      expect(row).toContain(s.name);
      expect(row).toContain(s.role.replace('_', ' '));
      expect(row).toContain(s.organisation);
    }
  });
});
