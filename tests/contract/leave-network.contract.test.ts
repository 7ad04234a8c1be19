import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import {
  acceptInvitation,
  createInvitation,
  createNetwork,
  createOrganisation,
  leaveNetwork,
  listMyNetworks,
} from '@/lib/networks';
import { ForbiddenError } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';
import { available, freshPostgres, freshSqlite } from '../helpers/services';

type Fresh = Db & { drop(): Promise<void> };

/** Resolves to the status and key of the refusal a promise rejects with (fails if it resolves). */
async function refusal(p: Promise<unknown>): Promise<{ status: number; key: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, key: err.key };
    if (err instanceof ForbiddenError) return { status: err.notFound ? 404 : 403, key: 'forbidden' };
    throw err;
  }
  throw new Error('expected a refusal, but the command succeeded');
}

/** Leaving a network yourself, the same on every database we support. */
function leaveContract(name: string, open: () => Promise<Fresh>) {
  describe(`leaving a network on ${name}`, () => {
    let db: Fresh;

    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await db?.drop();
    });

    async function user(label: string) {
      const id = randomUUID();
      await db.run('INSERT INTO users (id, email, name, password_hash, locale, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        id,
        `${label}-${id.slice(0, 8)}@example.org`,
        label,
        'x',
        'en',
        Date.now(),
      ]);
      return id;
    }
    const actor = (userId: string, networkId: string) => loadActor(db, userId, networkId);

    async function setup() {
      const manager = await user('manager');
      const net = await createNetwork(db, { userId: manager, membership: null }, { name: 'Netz', purpose: '' });
      const org = await createOrganisation(db, await actor(manager, net.id), net.id, { name: 'Verein', kind: 'ngo' });
      const join = async (role: 'representative' | 'observer' | 'manager', organisationId: string | null) => {
        const person = await user(role);
        const inv = await createInvitation(
          db,
          await actor(manager, net.id),
          net.id,
          { role, organisationId },
          { appUrl: 'http://app.test' },
        );
        await acceptInvitation(db, { userId: person, membership: null }, inv.token);
        return person;
      };
      return { manager, net, org, join };
    }

    it('a member leaves: the row stays with removed_at, one member.removed row (left), access gone', async () => {
      const { net, org, join } = await setup();
      const rep = await join('representative', org.id);
      const res = await leaveNetwork(db, await actor(rep, net.id), net.id, 1_000_000);
      expect(res).toEqual({ networkId: net.id, userId: rep, leftAt: 1_000_000 });
      expect((await actor(rep, net.id)).membership).toBeNull();
      expect(await listMyNetworks(db, rep)).toEqual([]);
      const row = await db.get<{ removed_at: number | string }>(
        'SELECT removed_at FROM memberships WHERE network_id = ? AND user_id = ?',
        [net.id, rep],
      );
      expect(Number(row?.removed_at)).toBe(1_000_000);
      const acts = await db.all<{ kind: string; actor_id: string; subject_id: string; data: string }>(
        "SELECT kind, actor_id, subject_id, data FROM activity WHERE network_id = ? AND kind = 'member.removed'",
        [net.id],
      );
      expect(acts).toHaveLength(1);
      expect(acts[0]).toMatchObject({ actor_id: rep, subject_id: rep });
      expect(JSON.parse(acts[0].data)).toMatchObject({ role: 'representative', organisationId: org.id, left: true });
      // The organisation stays although its last person left.
      const status = await db.get<{ status: string }>('SELECT status FROM organisations WHERE id = ?', [org.id]);
      expect(status?.status).toBe('active');
      // Leaving again, or as a stranger: not found.
      expect(await refusal(leaveNetwork(db, await actor(rep, net.id), net.id))).toMatchObject({ status: 404 });
      expect(await refusal(leaveNetwork(db, await actor(await user('x'), net.id), net.id))).toMatchObject({
        status: 404,
      });
    });

    it('the last network manager cannot leave (409) and nothing is written', async () => {
      const { manager, net, join } = await setup();
      await join('observer', null);
      const before = await db.all('SELECT id FROM activity WHERE network_id = ?', [net.id]);
      expect(await refusal(leaveNetwork(db, await actor(manager, net.id), net.id))).toEqual({
        status: 409,
        key: 'networks.errors.lastManagerLeave',
      });
      expect((await actor(manager, net.id)).membership?.role).toBe('manager');
      expect(await db.all('SELECT id FROM activity WHERE network_id = ?', [net.id])).toHaveLength(before.length);
    });

    it('two managers leaving at the same moment: exactly one goes, one manager stays', async () => {
      const { manager, net, join } = await setup();
      const second = await join('manager', null);
      const [a1, a2] = [await actor(manager, net.id), await actor(second, net.id)];
      const results = await Promise.allSettled([leaveNetwork(db, a1, net.id), leaveNetwork(db, a2, net.id)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((rejected.reason as AppError).status).toBe(409);
      const managers = await db.get<{ n: number | string }>(
        "SELECT COUNT(*) AS n FROM memberships WHERE network_id = ? AND role = 'manager' AND removed_at IS NULL",
        [net.id],
      );
      expect(Number(managers?.n)).toBe(1);
    });
  });
}

leaveContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  leaveContract('PostgreSQL', freshPostgres);
});
