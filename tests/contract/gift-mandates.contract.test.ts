import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { listFeed } from '@/lib/activity/list-feed';
import { addDays, today } from '@/lib/core/dates';
import { getForMe } from '@/lib/for-me/get-for-me';
import { createGoal } from '@/lib/goals/create-goal';
import { getBalances } from '@/lib/ledger/get-balances';
import { listEntries } from '@/lib/ledger/list-entries';
import { recordEntry, type RecordEntry } from '@/lib/ledger/record-entry';
import { respondEntry } from '@/lib/ledger/respond-entry';
import { correctEntry } from '@/lib/ledger/correct-entry';
import { checkMandate } from '@/lib/mandates/check-mandate';
import { decideGiftApproval } from '@/lib/mandates/decide-home-approval';
import { decisionTimes } from '@/lib/mandates/decision-times';
import { getHomeView } from '@/lib/mandates/get-home-view';
import { listMandates, listMandateVersions } from '@/lib/mandates/list-mandates';
import { createMandate, updateMandate } from '@/lib/mandates/set-mandate';
import { seedNetwork, type SeededNetwork } from '@/tests/helpers/seed-network';
import { available, freshPostgres, freshSqlite } from '../helpers/services';
import { refused } from './refused';

type Fresh = Db & { drop(): Promise<void> };

const count = async (db: Db, table: string) =>
  Number((await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM ${table}`))?.c);

/**
 * Gifts in the ledger held to a mandate, "if the mandate says so" (issue 10):
 * off by default; when on, a gift beyond the mandate waits for home
 * (`awaiting_home_approval`: counted nowhere, the other side cannot answer
 * yet), home members decide through the same flow as for commitments (the
 * first decision counts), and the decision is in the activity log, "for me"
 * and the decision times.
 */
function giftContract(name: string, open: () => Promise<Fresh>) {
  describe(`gifts held to a mandate on ${name}`, () => {
    let db: Fresh;
    let n: SeededNetwork;
    let goal: string;
    let otherGoal: string;
    let mandateId: string;
    const day = today();

    const gift = (amount: number, extra: Partial<RecordEntry> = {}) =>
      recordEntry(db, n.actors.repA, n.networkId, {
        organisationId: n.orgs.a,
        kind: 'give',
        partnerOrganisationId: n.orgs.b,
        unit: 'hours',
        amount,
        date: day,
        goalId: goal,
        description: 'Workshop leaders for the kitchen',
        ...extra,
      });
    const written = async () => [
      await count(db, 'ledger_entries'),
      await count(db, 'home_approvals'),
      await count(db, 'activity'),
    ];
    const balanceOf = async () => {
      const b = await getBalances(db, n.actors.repB, n.networkId, {});
      const a = b.organisations.find((o) => o.organisationId === n.orgs.a && o.unit === 'hours');
      return a?.given ?? { confirmed: 0, pending: 0, pendingReversals: 0 };
    };

    beforeAll(async () => {
      db = await open();
      n = await seedNetwork(db);
      goal = (await createGoal(db, n.actors.repA, n.networkId, { title: 'Kitchen', organisationIds: [n.orgs.a] })).id;
      otherGoal = (await createGoal(db, n.actors.repB, n.networkId, { title: 'Garden', organisationIds: [n.orgs.b] }))
        .id;
      const m = await createMandate(db, n.actors.homeA, n.networkId, {
        organisationId: n.orgs.a,
        validFrom: day,
        validUntil: addDays(day, 90),
        limits: [{ unit: 'hours', perCommitment: 10, perPeriod: 15, period: 'month' }],
        goalIds: [goal],
      });
      mandateId = m.id;
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('a mandate given before (or without the choice) governs commitments only: gifts are recorded as before', async () => {
      const e = await gift(50);
      expect(e.status).toBe('pending');
      expect(e.mandate).toMatchObject({ governed: false, within: true });
      expect(
        await checkMandate(db, n.actors.repA, n.networkId, {
          for: 'gift',
          organisationId: n.orgs.a,
          goalId: goal,
          unit: 'hours',
          amount: 50,
        }),
      ).toMatchObject({ governed: false });
      await correctEntry(db, n.actors.repA, n.networkId, e.id, { reason: 'Only a test' });
    });

    it('home members switch it on: a new version records the choice; a representative cannot', async () => {
      await refused(
        updateMandate(db, n.actors.repA, n.networkId, mandateId, { expectedVersion: 1, coversGifts: true }),
        403,
      );
      const m = await updateMandate(db, n.actors.homeA, n.networkId, mandateId, {
        expectedVersion: 1,
        coversGifts: true,
      });
      expect(m.version).toBe(2);
      const versions = await listMandateVersions(db, n.actors.repA, n.networkId, mandateId);
      const v2 = versions.find((v) => v.version === 2)!;
      expect(v2.changed).toEqual(['coversGifts']);
      expect(v2.snapshot).toMatchObject({ coversGifts: true });
      expect(versions.find((v) => v.version === 1)!.snapshot).toMatchObject({ coversGifts: false });
      // Its people see the choice; another organisation sees only that a mandate exists (disclosure `exists`).
      const own = await listMandates(db, n.actors.repA, n.networkId, { organisationId: n.orgs.a });
      expect(own.mandates[0]).toMatchObject({ coversGifts: true });
      const other = await listMandates(db, n.actors.repB, n.networkId, { organisationId: n.orgs.a });
      expect(other.mandates[0]).not.toHaveProperty('coversGifts');
      expect(JSON.stringify(other)).not.toContain('perCommitment');
    });

    it('within the mandate a gift goes to the other side at once; the representative sees what remains', async () => {
      const ask = (amount: number, goalId: string | null = goal) =>
        checkMandate(db, n.actors.repA, n.networkId, {
          for: 'gift',
          organisationId: n.orgs.a,
          goalId,
          unit: 'hours',
          amount,
        });
      expect(await ask(8)).toMatchObject({ governed: true, within: true, limit: { used: 0, left: 15 } });
      const ok = await gift(8);
      expect(ok.status).toBe('pending');
      expect(ok.mandate).toMatchObject({ within: true, limit: { used: 0, left: 15 } });
      // Gifts count against the gifts of the period, not the commitments: 7 of 15 left.
      expect(await ask(7)).toMatchObject({ within: true, limit: { used: 8, left: 7 } });
      expect(await ask(8)).toMatchObject({ within: false, reasons: ['perPeriod'] });
      expect(await ask(11)).toMatchObject({ within: false, reasons: ['perCommitment', 'perPeriod'] });
      // A gift for another goal, or for no goal, lies outside a mandate that names its goals.
      expect(await ask(1, otherGoal)).toMatchObject({ within: false, reasons: ['goal'] });
      expect(await ask(1, null)).toMatchObject({ within: false, reasons: ['noGoal'] });
      // Something the organisation received is no gift: never held.
      const taken = await recordEntry(db, n.actors.repA, n.networkId, {
        organisationId: n.orgs.a,
        kind: 'take',
        partnerOrganisationId: n.orgs.b,
        unit: 'hours',
        amount: 500,
        date: day,
      });
      expect(taken.status).toBe('pending');
    });

    it('beyond it the gift waits for home: counted nowhere, the other side cannot answer, every member sees it', async () => {
      const before = await balanceOf();
      const big = await gift(15);
      expect(big.status).toBe('awaiting_home_approval');
      expect(big.mandate).toMatchObject({ within: false, reasons: ['perCommitment', 'perPeriod'] });
      expect(await balanceOf()).toEqual(before);
      await refused(respondEntry(db, n.actors.repB, n.networkId, big.id, { response: 'confirm' }), 409);
      await refused(correctEntry(db, n.actors.repA, n.networkId, big.id, { reason: 'Not yet' }), 409);
      const seen = await listEntries(db, n.actors.repC, n.networkId, { status: 'awaiting_home_approval' });
      expect(seen.entries.map((e) => e.id)).toContain(big.id);
      expect(seen.entries[0].abilities).toMatchObject({ approveHome: false, confirm: false });
      const home = await listEntries(db, n.actors.homeA, n.networkId, { status: 'awaiting_home_approval' });
      expect(home.entries[0].abilities).toMatchObject({ approveHome: true, declineHome: true });
      const feed = await listFeed(db, n.actors.repB, n.networkId);
      expect(feed.some((i) => i.kind === 'ledger.home_approval_requested' && i.subjectId === big.id)).toBe(true);
      // Why it went beyond the mandate is home data: in A's home view, never in what B may read.
      const view = await getHomeView(db, n.actors.homeA, n.networkId, n.orgs.a);
      expect(view.approvals.find((a) => a.entryId === big.id)).toMatchObject({
        reasons: ['perCommitment', 'perPeriod'],
        amount: 15,
        unit: 'hours',
      });
      await refused(getHomeView(db, n.actors.repB, n.networkId, n.orgs.a), 404);
      // "For me": A's home members, nobody else.
      const items = async (who: typeof n.actors.homeA) =>
        (await getForMe(db, who, n.networkId)).needsMe.filter((i) => i.key === 'mandates.needs.homeApprovalGift');
      expect(await items(n.actors.homeA)).toHaveLength(1);
      for (const other of [n.actors.repA, n.actors.repB, n.actors.manager]) expect(await items(other)).toEqual([]);
    });

    it('home approves through the same flow: the first decision counts, it goes on to the other side', async () => {
      const big = await gift(14);
      expect(big.status).toBe('awaiting_home_approval');
      const before = await written();
      await refused(decideGiftApproval(db, n.actors.repA, n.networkId, big.id, { decision: 'approve' }), 403);
      await refused(decideGiftApproval(db, n.actors.repB, n.networkId, big.id, { decision: 'approve' }), 403);
      await refused(decideGiftApproval(db, n.actors.manager, n.networkId, big.id, { decision: 'approve' }), 403);
      await refused(decideGiftApproval(db, n.actors.outsider, n.networkId, big.id, { decision: 'approve' }), 404);
      await refused(
        decideGiftApproval(db, n.actors.homeA, n.networkId, big.id, { decision: 'decline', reason: '' }),
        400,
        'errors.invalidInput',
      );
      expect(await written()).toEqual(before);
      const both = await Promise.allSettled([
        decideGiftApproval(db, n.actors.homeA, n.networkId, big.id, { decision: 'approve', reason: 'Fits' }),
        decideGiftApproval(db, n.actors.homeA, n.networkId, big.id, { decision: 'decline', reason: 'Too much' }),
      ]);
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const row = await db.get<{ status: string }>('SELECT status FROM ledger_entries WHERE id = ?', [big.id]);
      const won = (both.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ entry: { status: string } }>)
        .value;
      expect(row?.status).toBe(won.entry.status);
      await refused(
        decideGiftApproval(db, n.actors.homeA, n.networkId, big.id, { decision: 'approve' }),
        409,
        'mandates.errors.alreadyDecided',
      );
      if (row?.status === 'pending') {
        // Approved: the other side confirms as usual, and it counts.
        const confirmed = await respondEntry(db, n.actors.repB, n.networkId, big.id, { response: 'confirm' });
        expect(confirmed.status).toBe('confirmed');
      }
      const feed = await listFeed(db, n.actors.repC, n.networkId);
      expect(feed.some((i) => i.kind.startsWith('ledger.home_') && i.subjectId === big.id)).toBe(true);
    });

    it('home declines with a reason: withdrawn, the reason shown; decision times include gifts', async () => {
      const big = await gift(3, { goalId: otherGoal });
      expect(big.status).toBe('awaiting_home_approval');
      const d = await decideGiftApproval(db, n.actors.homeA, n.networkId, big.id, {
        decision: 'decline',
        reason: 'Not for the garden',
      });
      expect(d.entry).toMatchObject({ status: 'withdrawn', responseComment: 'Not for the garden' });
      await refused(respondEntry(db, n.actors.repB, n.networkId, big.id, { response: 'confirm' }), 409);
      const feed = await listFeed(db, n.actors.repB, n.networkId);
      const declined = feed.find((i) => i.kind === 'ledger.home_declined' && i.subjectId === big.id);
      expect(declined?.data).toMatchObject({ reason: 'Not for the garden', organisationId: n.orgs.a });
      const times = await decisionTimes(db, { networkId: n.networkId, organisationId: n.orgs.a });
      const mine = times.requests.find((r) => r.entryId === big.id);
      expect(mine).toMatchObject({ status: 'declined', unit: 'hours', amount: 3, goalId: otherGoal });
      expect(times.decided).toBeGreaterThanOrEqual(2);
    });

    it('after the mandate expired every gift waits; switching it off lets gifts through again', async () => {
      const m = await updateMandate(db, n.actors.homeA, n.networkId, mandateId, {
        expectedVersion: 2,
        validFrom: addDays(day, -30),
        validUntil: addDays(day, -1),
      });
      expect((await gift(1)).status).toBe('awaiting_home_approval');
      await updateMandate(db, n.actors.homeA, n.networkId, mandateId, {
        expectedVersion: m.version,
        coversGifts: false,
      });
      expect((await gift(1)).status).toBe('pending');
    });
  });
}

giftContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  giftContract('PostgreSQL', freshPostgres);
});
