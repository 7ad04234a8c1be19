import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { getBalances } from '@/lib/ledger/get-balances';
import { listCommitments } from '@/lib/commitments/list-commitments';
import { listEntries } from '@/lib/ledger/list-entries';
import { listGoals } from '@/lib/goals/list-goals';
import { loadActor } from '@/lib/policies/load-actor';
import { generateLargeNetwork } from '@/scripts/generate-large-network';
import { available, freshPostgres, freshSqlite } from '../helpers/services';

type Fresh = Db & { drop(): Promise<void> };

/** The large-network generator writes a network the cooperation commands read as they read any other. */
function generatorContract(name: string, open: () => Promise<Fresh>) {
  describe(`large-network generator on ${name}`, () => {
    const dbs: Fresh[] = [];
    afterAll(async () => {
      for (const db of dbs) await db.drop();
    });

    it('makes the asked-for goals, entries and commitments, readable through the commands', async () => {
      const db = await open();
      dbs.push(db);
      const g = await generateLargeNetwork(db, { goals: 60, entries: 400, commitments: 50, orgs: 6, seed: 7 });
      const rep = await loadActor(db, g.representatives[0].id, g.networkId);
      expect(rep.membership?.role).toBe('representative');
      expect((await listGoals(db, rep, g.networkId)).total).toBe(60);
      expect((await listEntries(db, rep, g.networkId)).total).toBe(400);
      expect((await listCommitments(db, rep, g.networkId)).total).toBe(50);
      const confirmed = await db.get<{ s: number | string }>(
        `SELECT SUM(amount_milli) AS s FROM ledger_entries WHERE network_id = ? AND status = 'confirmed' AND giver_org_id IS NOT NULL`,
        [g.networkId],
      );
      const bal = await getBalances(db, rep, g.networkId);
      const given = bal.organisations
        .filter((o) => o.organisationId !== null)
        .reduce((a, o) => a + o.given.confirmed, 0);
      expect(Math.round(given * 1000)).toBe(Number(confirmed?.s));
      const delivered = await listCommitments(db, rep, g.networkId, { view: 'delivered', limit: 500 });
      for (const c of delivered.commitments) expect(c.evidenceEntryIds.length).toBe(1);
    });
  });
}

generatorContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  generatorContract('PostgreSQL', freshPostgres);
});
