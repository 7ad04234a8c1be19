import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { decisionTimes } from '@/lib/mandates/decision-times';
import { getHomeView } from '@/lib/mandates/get-home-view';
import { loadActor } from '@/lib/policies/load-actor';
import { freshSqlite } from '@/tests/helpers/services';
import { seedDemo } from './demo-network';

describe('the demo network shows mandates and home decisions', () => {
  let db: Db & { drop(): Promise<void> };
  let networkId: string;
  const orgOf = async (email: string) =>
    (await db.get<{ organisation_id: string; user_id: string }>(
      'SELECT m.organisation_id, m.user_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ? AND m.network_id = ?',
      [email, networkId],
    ))!;
  beforeAll(async () => {
    db = await freshSqlite();
    networkId = (await seedDemo(db)).networkId!;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('three organisations gave mandates; one commitment waits, three were decided (one declined)', async () => {
    expect(Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM mandates'))!.n)).toBe(3);
    const rows = await db.all<{ status: string }>('SELECT status FROM home_approvals ORDER BY status');
    expect(rows.map((r) => r.status)).toEqual(['approved', 'approved', 'declined', 'open', 'open']);
    const approvalDays = await db.get<{ d: number }>('SELECT approval_days AS d FROM networks WHERE id = ?', [
      networkId,
    ]);
    expect(Number(approvalDays?.d)).toBe(7);
  });

  it('one gift in the ledger waits for the library’s home, in both languages, visible to every member', async () => {
    const julia = await orgOf('julia.pichler@example.org');
    const entry = await db.get<{ id: string; status: string; description: string; amount_milli: number }>(
      "SELECT id, status, description, amount_milli FROM ledger_entries WHERE status = 'awaiting_home_approval'",
    );
    expect(entry).toMatchObject({ status: 'awaiting_home_approval', amount_milli: 8000 });
    expect(entry!.description).toMatch(/Bibliothekarinnen.*librarians/);
    const view = await getHomeView(db, await loadActor(db, julia.user_id, networkId), networkId, julia.organisation_id);
    expect(view.approvals.find((a) => a.entryId === entry!.id)).toMatchObject({
      reasons: ['perCommitment'],
      amount: 8,
    });
  });

  it('the youth centre’s decision path is measured and its home view shows capacity, mandate and the waiting request', async () => {
    const markus = await orgOf('markus.steiner@example.org');
    const dt = await decisionTimes(db, { networkId, organisationId: markus.organisation_id });
    expect(dt).toMatchObject({ decided: 1, open: 1, medianMs: 6 * 24 * 3_600_000 });
    const view = await getHomeView(
      db,
      await loadActor(db, markus.user_id, networkId),
      networkId,
      markus.organisation_id,
    );
    expect(view.approvals).toHaveLength(1);
    expect(view.approvals[0].reasons).toEqual(['perCommitment']);
    const hours = view.promised.find((p) => p.unit === 'hours')!;
    expect(hours.capacity).toBe(40);
    expect(hours.mandates[0].perPeriod).toBe(30);
    expect(view.exchange.units.length).toBeGreaterThan(0);
  });
});
