import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { freshSqlite } from '@/tests/helpers/services';
import { getManagementMandate } from '../management/get-management-mandate';
import { loadActor } from '../policies/load-actor';
import { latestReadinessSummary, listReadinessChecks } from '../readiness/list-checks';
import { getBoardReport } from '../report/get-board-report';
import { seedDemo } from './demo-network';

describe('the demo’s Netzwerk-Checks, management mandate and report', () => {
  let db: Db & { drop(): Promise<void> };
  let networkId: string;
  const actor = async (email: string) => {
    const u = await db.get<{ id: string }>('SELECT id FROM users WHERE email = ?', [email]);
    return loadActor(db, u!.id, networkId);
  };
  beforeAll(async () => {
    db = await freshSqlite();
    networkId = (await seedDemo(db)).networkId!;
  });
  afterAll(async () => db?.drop());

  it('the youth centre has two checks with a trend; the adult education centre shares its summary', async () => {
    const markus = await actor('markus.steiner@example.org');
    const page = await listReadinessChecks(db, markus, networkId, markus.membership!.organisationId!);
    expect(page.trend.points.map((p) => p.verdict)).toEqual(['against', 'caution']);
    const lena = await actor('lena.bauer@example.org');
    const vhs = (await db.get<{ organisation_id: string }>(
      `SELECT m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'petra.wimmer@example.org'`,
    ))!.organisation_id;
    expect(await latestReadinessSummary(db, { networkId, organisationId: vhs, viewer: lena })).toMatchObject({
      verdict: 'invest',
      shared: true,
    });
  });

  it('the management mandate is in its second version and ends within the warning window', async () => {
    const { current, history } = await getManagementMandate(db, await actor('lena.bauer@example.org'), networkId);
    expect(history).toHaveLength(2);
    expect(current).toMatchObject({ version: 2, state: 'expiring', daysLeft: 21 });
  });

  it('the youth centre’s report has given and received, commitments and goals', async () => {
    const emre = await actor('emre.yilmaz@example.org');
    const r = await getBoardReport(db, emre, networkId, emre.membership!.organisationId!);
    expect(r.goals.length).toBeGreaterThan(0);
    expect(r.ledger.perUnit.length + r.commitments.total).toBeGreaterThan(0);
    expect(r.readiness?.verdict).toBe('caution');
  });
});
