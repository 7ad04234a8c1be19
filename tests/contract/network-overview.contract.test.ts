import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { createCommitment } from '@/lib/commitments/create-commitment';
import { addDays, today } from '@/lib/core/dates';
import { createGoal } from '@/lib/goals/create-goal';
import { rateGoal } from '@/lib/goals/rate-goal';
import { recordEntry } from '@/lib/ledger/record-entry';
import { respondEntry } from '@/lib/ledger/respond-entry';
import { getNetworkOverview } from '@/lib/networks/get-network-overview';
import { seedNetwork, type SeededNetwork } from '@/tests/helpers/seed-network';
import { available, freshPostgres, freshSqlite } from '../helpers/services';
import { refused } from './refused';

type Fresh = Db & { drop(): Promise<void> };

/**
 * The network home as an overview: "waiting for you" holds exactly the entries
 * this person may answer (never those their own organisation recorded), pilot
 * reviews that have come; overdue and due-soon commitments; the spread of the
 * organisations' ratings per goal. Strangers get nothing.
 */
function overviewContract(name: string, open: () => Promise<Fresh>) {
  describe(`network overview on ${name}`, () => {
    let db: Fresh;
    let n: SeededNetwork;
    const day = today();

    beforeAll(async () => {
      db = await open();
      n = await seedNetwork(db);
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('says that nothing waits and nothing is due in a new network', async () => {
      const o = await getNetworkOverview(db, n.actors.repA, n.networkId);
      expect(o).toMatchObject({ toConfirmTotal: 0, overdueTotal: 0, dueSoonTotal: 0, goalsTotal: 0 });
      expect(o.goalReviewsDue).toEqual([]);
      expect(o.myOrganisationId).toBe(n.orgs.a);
    });

    it('lists an entry for the organisation that must confirm it, not for the one that recorded it', async () => {
      const entry = await recordEntry(db, n.actors.repA, n.networkId, {
        organisationId: n.orgs.a,
        kind: 'give',
        partnerOrganisationId: n.orgs.b,
        unit: 'hours',
        amount: 3,
        date: day,
        description: 'Workshop',
      });
      const forB = await getNetworkOverview(db, n.actors.repB, n.networkId);
      expect(forB.toConfirmTotal).toBe(1);
      expect(forB.toConfirm[0]).toMatchObject({
        id: entry.id,
        giverOrgId: n.orgs.a,
        receiverOrgId: n.orgs.b,
        amount: 3,
      });
      for (const other of [n.actors.repA, n.actors.repC, n.actors.observer, n.actors.homeA]) {
        expect((await getNetworkOverview(db, other, n.networkId)).toConfirmTotal).toBe(0);
      }
      await respondEntry(db, n.actors.repB, n.networkId, entry.id, { response: 'confirm' });
      expect((await getNetworkOverview(db, n.actors.repB, n.networkId)).toConfirmTotal).toBe(0);
    });

    it('shows overdue and due-soon commitments, and the spread of ratings per goal', async () => {
      const goal = await createGoal(db, n.actors.repA, n.networkId, {
        title: 'Shared rooms',
        organisationIds: [n.orgs.a, n.orgs.b],
      });
      await createCommitment(db, n.actors.repA, n.networkId, {
        organisationId: n.orgs.a,
        goalId: goal.id,
        unit: 'hours',
        amount: 5,
        dueOn: addDays(day, 3),
        commit: true,
      });
      const late = await createCommitment(db, n.actors.repB, n.networkId, {
        organisationId: n.orgs.b,
        goalId: goal.id,
        unit: 'hours',
        amount: 2,
        dueOn: addDays(day, 1),
        commit: true,
      });
      // Time passes: the second one is now overdue (the API refuses a due date in the past).
      await db.run('UPDATE commitments SET due_on = ? WHERE id = ?', [addDays(day, -2), late.id]);
      await rateGoal(db, n.actors.repA, n.networkId, goal.id, {
        organisationId: n.orgs.a,
        attractive: 5,
        concrete: 2,
        flexible: 3,
      });
      await rateGoal(db, n.actors.repB, n.networkId, goal.id, {
        organisationId: n.orgs.b,
        attractive: 4,
        concrete: 2,
        flexible: 5,
      });
      const o = await getNetworkOverview(db, n.actors.observer, n.networkId);
      expect(o.overdueTotal).toBe(1);
      expect(o.overdue[0]).toMatchObject({ id: late.id, organisationId: n.orgs.b, isOverdue: true });
      expect(o.dueSoonTotal).toBe(1);
      expect(o.dueSoon[0]).toMatchObject({ organisationId: n.orgs.a, amount: 5 });
      const g = o.goals.find((x) => x.id === goal.id)!;
      expect(g.ratings).toEqual({ count: 2, attractive: [4, 5], concrete: [2, 2], flexible: [3, 5] });
    });

    it('lists a pilot goal whose review date has come', async () => {
      const pilot = await createGoal(db, n.actors.repA, n.networkId, {
        title: 'Pilot lunch club',
        status: 'pilot',
        reviewOn: addDays(day, 2),
        organisationIds: [n.orgs.a],
      });
      expect((await getNetworkOverview(db, n.actors.repA, n.networkId)).goalReviewsDue).toEqual([]);
      await db.run('UPDATE goals SET review_on = ? WHERE id = ?', [addDays(day, -1), pilot.id]);
      const due = (await getNetworkOverview(db, n.actors.repA, n.networkId)).goalReviewsDue;
      expect(due.map((g) => g.id)).toEqual([pilot.id]);
    });

    it('is refused to a person outside the network', async () => {
      await refused(getNetworkOverview(db, n.actors.outsider, n.networkId), 404, 'errors.notFound');
    });
  });
}

overviewContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  overviewContract('PostgreSQL', freshPostgres);
});
