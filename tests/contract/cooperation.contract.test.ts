import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { getBalances } from '@/lib/ledger/get-balances';
import { commentGoal } from '@/lib/goals/comment-goal';
import { correctEntry } from '@/lib/ledger/correct-entry';
import { createCommitment } from '@/lib/commitments/create-commitment';
import { createGoal } from '@/lib/goals/create-goal';
import { defineUnit } from '@/lib/ledger/define-unit';
import { exportEntriesCsv, LEDGER_CSV_COLUMNS } from '@/lib/ledger/export-entries-csv';
import { listFeed } from '@/lib/activity/list-feed';
import { maySeeActivity } from '@/lib/policies/activity';
import { record } from '@/lib/activity/record';
import { getGoal } from '@/lib/goals/get-goal';
import { listGoalRevisions } from '@/lib/goals/list-goal-revisions';
import { listCommitments } from '@/lib/commitments/list-commitments';
import { listEntries } from '@/lib/ledger/list-entries';
import { listGoals } from '@/lib/goals/list-goals';
import { getOrganisationOverview } from '@/lib/organisations/get-organisation-overview';
import { setOrganisationStatus } from '@/lib/networks/set-organisation-status';
import { rateGoal } from '@/lib/goals/rate-goal';
import { recordEntry } from '@/lib/ledger/record-entry';
import { respondEntry } from '@/lib/ledger/respond-entry';
import { saveGoalText } from '@/lib/goals/save-goal-text';
import { restoreGoalVersion } from '@/lib/goals/restore-goal-version';
import { addDays, today } from '@/lib/core/dates';
import { InputError } from '@/lib/errors';
import { transitionCommitment } from '@/lib/commitments/transition-commitment';
import { updateGoal } from '@/lib/goals/update-goal';
import { seedNetwork, type SeededNetwork } from '@/tests/helpers/seed-network';
import { available, freshPostgres, freshSqlite } from '../helpers/services';
import { refused } from './refused';

type Fresh = Db & { drop(): Promise<void> };

const count = async (db: Db, table: string) =>
  Number((await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM ${table}`))?.c);

function cooperationContract(name: string, open: () => Promise<Fresh>) {
  describe(`cooperation commands on ${name}`, () => {
    let db: Fresh;
    let n: SeededNetwork;
    let other: SeededNetwork;
    const day = today();
    const hours = (amount: number, extra: Record<string, unknown> = {}) => ({
      organisationId: n.orgs.a,
      kind: 'give' as const,
      partnerOrganisationId: n.orgs.b,
      unit: 'hours',
      amount,
      date: day,
      description: 'Workshop facilitation',
      ...extra,
    });

    beforeAll(async () => {
      db = await open();
      n = await seedNetwork(db);
      other = await seedNetwork(db);
    });
    afterAll(async () => {
      await db?.drop();
    });

    describe('shared goals', () => {
      it('a representative creates a goal in which their own organisation takes part, as version 1', async () => {
        const g = await createGoal(db, n.actors.repA, n.networkId, {
          title: 'Shared volunteer pool',
          whyTogether: 'No single member has enough volunteers.',
          targetDate: '2027-06-30',
          organisationIds: [n.orgs.b],
        });
        expect(g.organisationIds.sort()).toEqual([n.orgs.a, n.orgs.b].sort());
        expect(g.status).toBe('proposed');
        const revs = await listGoalRevisions(db, n.actors.observer, n.networkId, g.id);
        expect(revs).toHaveLength(1);
        expect(revs[0]).toMatchObject({ version: 1, actorId: n.users.repA.id });
      });

      it('observers and advisers read goals but cannot create them', async () => {
        await refused(createGoal(db, n.actors.observer, n.networkId, { title: 'Nope nope' }), 403);
        await refused(createGoal(db, n.actors.adviser, n.networkId, { title: 'Nope nope' }), 403);
        await refused(createGoal(db, n.actors.outsider, n.networkId, { title: 'Nope nope' }), 404);
      });

      it('every change of status, target or indicators is kept as a version with who and when', async () => {
        const g = await createGoal(db, n.actors.repA, n.networkId, { title: 'Joint funding bid' });
        await updateGoal(db, n.actors.repA, n.networkId, g.id, {
          status: 'pilot',
          targetDate: '2027-01-31',
          reviewOn: addDays(day, 14),
        });
        await updateGoal(db, n.actors.manager, n.networkId, g.id, {
          indicators: [{ label: 'Partners signed', target: 5, current: 2 }],
        });
        const revs = await listGoalRevisions(db, n.actors.repB, n.networkId, g.id);
        expect(revs.map((r) => r.version)).toEqual([3, 2, 1]);
        expect(revs[1]).toMatchObject({ actorId: n.users.repA.id, changed: ['status', 'targetDate', 'reviewOn'] });
        expect(revs[1].snapshot).toMatchObject({ status: 'pilot', targetDate: '2027-01-31' });
        expect(revs[0]).toMatchObject({ actorId: n.users.manager.id, changed: ['indicators'] });
        expect(revs[0].snapshot.indicators[0]).toMatchObject({ label: 'Partners signed', target: 5, current: 2 });
        expect(revs[2].snapshot.status).toBe('proposed');
      });

      it('a target date in the past is refused and names the field; a new one is kept', async () => {
        const err = await createGoal(db, n.actors.repA, n.networkId, {
          title: 'Yesterday goal',
          targetDate: addDays(today(), -1),
        }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(InputError);
        expect((err as InputError).issues.map((i) => i.path.join('.'))).toEqual(['targetDate']);
        const g = await createGoal(db, n.actors.repA, n.networkId, { title: 'Tomorrow goal', targetDate: today() });
        await refused(
          updateGoal(db, n.actors.repA, n.networkId, g.id, { targetDate: addDays(today(), -3) }),
          400,
          'errors.invalidInput',
        );
        const later = await updateGoal(db, n.actors.repA, n.networkId, g.id, { targetDate: addDays(today(), 3) });
        expect(later.targetDate).toBe(addDays(today(), 3));
      });

      it('a representative of an organisation that does not take part cannot change the goal', async () => {
        const g = await createGoal(db, n.actors.repA, n.networkId, { title: 'Only Alpha' });
        await refused(updateGoal(db, n.actors.repC, n.networkId, g.id, { status: 'active' }), 403);
        expect((await getGoal(db, n.actors.repA, n.networkId, g.id)).goal.status).toBe('proposed');
      });

      it('a change based on an outdated version is refused with 409', async () => {
        const g = await createGoal(db, n.actors.repA, n.networkId, { title: 'Concurrent edit' });
        await updateGoal(db, n.actors.repA, n.networkId, g.id, { expectedVersion: 1, status: 'active' });
        await refused(
          updateGoal(db, n.actors.manager, n.networkId, g.id, { expectedVersion: 1, status: 'dropped' }),
          409,
          'cooperation.errors.goalChanged',
        );
      });

      it('a goal from another network does not exist here', async () => {
        const foreign = await createGoal(db, other.actors.repA, other.networkId, { title: 'Elsewhere' });
        await refused(getGoal(db, n.actors.repA, n.networkId, foreign.id), 404, 'cooperation.errors.goalNotFound');
        await refused(updateGoal(db, n.actors.manager, n.networkId, foreign.id, { status: 'active' }), 404);
        await refused(
          recordEntry(db, n.actors.repA, n.networkId, hours(1, { goalId: foreign.id })),
          404,
          'cooperation.errors.goalNotFound',
        );
      });

      it('restoring an earlier text creates a new version that says which one it restored', async () => {
        const g = await createGoal(db, n.actors.repA, n.networkId, {
          title: 'Text history',
          description: 'first text',
        });
        await saveGoalText(db, n.actors.repB, n.networkId, g.id, { description: 'second text' });
        const restored = await restoreGoalVersion(db, n.actors.repA, n.networkId, g.id, 1);
        expect(restored.version).toBe(3);
        expect(restored.description).toBe('first text');
        const revs = await listGoalRevisions(db, n.actors.repA, n.networkId, g.id);
        expect(revs[0]).toMatchObject({ version: 3, restoredFrom: 1, actorId: n.users.repA.id });
        expect(revs[1].snapshot.description).toBe('second text');
        await refused(saveGoalText(db, n.actors.observer, n.networkId, g.id, { description: 'x' }), 403);
      });

      it('the board filters by status and organisation, searches words and sorts by target date', async () => {
        const net = await seedNetwork(db);
        const mk = (title: string, extra: Record<string, unknown> = {}) =>
          createGoal(db, net.actors.repA, net.networkId, { title, ...extra });
        await mk('Regional food bank network', { targetDate: '2027-03-01', status: 'active' });
        await mk('Food rescue pilot', {
          targetDate: addDays(today(), 30),
          status: 'pilot',
          reviewOn: addDays(today(), 7),
        });
        await createGoal(db, net.actors.repB, net.networkId, {
          title: 'Shared office space',
          targetDate: '2028-01-01',
        });
        const all = await listGoals(db, net.actors.observer, net.networkId, { sort: 'target_asc' });
        expect(all.goals.map((g) => g.title)).toEqual([
          'Food rescue pilot',
          'Regional food bank network',
          'Shared office space',
        ]);
        expect(
          (await listGoals(db, net.actors.observer, net.networkId, { status: 'pilot' })).goals.map((g) => g.title),
        ).toEqual(['Food rescue pilot']);
        expect((await listGoals(db, net.actors.observer, net.networkId, { organisationId: net.orgs.b })).total).toBe(1);
        expect(
          (await listGoals(db, net.actors.observer, net.networkId, { q: 'FOOD bank' })).goals.map((g) => g.title),
        ).toEqual(['Regional food bank network']);
        expect((await listGoals(db, net.actors.observer, net.networkId, { q: '100%' })).total).toBe(0);
        const page = await listGoals(db, net.actors.observer, net.networkId, {
          sort: 'target_desc',
          limit: 1,
          offset: 1,
        });
        expect(page.total).toBe(3);
        expect(page.goals.map((g) => g.title)).toEqual(['Regional food bank network']);
      });

      it('each organisation rates a goal once; rating again changes its one rating', async () => {
        const g = await createGoal(db, n.actors.repA, n.networkId, { title: 'Rated goal' });
        await rateGoal(db, n.actors.repA, n.networkId, g.id, {
          organisationId: n.orgs.a,
          attractive: 5,
          concrete: 4,
          flexible: 4,
        });
        await rateGoal(db, n.actors.homeA, n.networkId, g.id, {
          organisationId: n.orgs.a,
          attractive: 4,
          concrete: 4,
          flexible: 4,
          comment: 'home view',
        });
        await rateGoal(db, n.actors.repB, n.networkId, g.id, {
          organisationId: n.orgs.b,
          attractive: 4,
          concrete: 3,
          flexible: 4,
        });
        await rateGoal(db, n.actors.repC, n.networkId, g.id, {
          organisationId: n.orgs.c,
          attractive: 1,
          concrete: 1,
          flexible: 2,
          comment: 'Too vague',
        });
        const view = await getGoal(db, n.actors.observer, n.networkId, g.id);
        expect(view.ratings).toHaveLength(3);
        expect(view.ratings.find((r) => r.organisationId === n.orgs.a)).toMatchObject({
          attractive: 4,
          comment: 'home view',
        });
        expect(view.spread.scales.attractive).toMatchObject({ min: 1, max: 4, mean: 3 });
        expect(view.spread.mostDivergent?.organisationId).toBe(n.orgs.c);
      });

      it("only an organisation's own people rate for it; managers cannot rate in its name", async () => {
        const g = await createGoal(db, n.actors.repA, n.networkId, { title: 'Guarded rating' });
        const r = { organisationId: n.orgs.b, attractive: 3, concrete: 3, flexible: 3 };
        await refused(rateGoal(db, n.actors.repA, n.networkId, g.id, r), 403);
        await refused(rateGoal(db, n.actors.manager, n.networkId, g.id, r), 403);
        await refused(rateGoal(db, n.actors.adviser, n.networkId, g.id, r), 403);
        await refused(rateGoal(db, n.actors.repB, n.networkId, g.id, { ...r, attractive: 9 }), 400);
        expect((await getGoal(db, n.actors.repA, n.networkId, g.id)).ratings).toHaveLength(0);
      });

      it('advisers comment on goals; observers only read', async () => {
        const g = await createGoal(db, n.actors.repA, n.networkId, { title: 'Commented goal' });
        await commentGoal(db, n.actors.adviser, n.networkId, g.id, { body: 'Consider a pilot first.' });
        await refused(commentGoal(db, n.actors.observer, n.networkId, g.id, { body: 'Hello' }), 403);
        expect((await getGoal(db, n.actors.observer, n.networkId, g.id)).comments.map((c) => c.body)).toEqual([
          'Consider a pilot first.',
        ]);
      });
    });

    describe('the give/take ledger', () => {
      it('A records hours given to B; only after B confirms do they count as confirmed, given and received apart', async () => {
        const net = await seedNetwork(db);
        const e = await recordEntry(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          kind: 'give',
          partnerOrganisationId: net.orgs.b,
          unit: 'hours',
          amount: 7.5,
          date: day,
        });
        expect(e).toMatchObject({ status: 'pending', giverOrgId: net.orgs.a, receiverOrgId: net.orgs.b, amount: 7.5 });
        let bal = await getBalances(db, net.actors.observer, net.networkId);
        const line = (org: string) => bal.organisations.find((o) => o.organisationId === org && o.unit === 'hours');
        expect(line(net.orgs.a)).toMatchObject({
          given: { confirmed: 0, pending: 7.5 },
          received: { confirmed: 0, pending: 0 },
        });
        await respondEntry(db, net.actors.repB, net.networkId, e.id, { response: 'confirm' });
        bal = await getBalances(db, net.actors.observer, net.networkId);
        expect(line(net.orgs.a)).toMatchObject({ given: { confirmed: 7.5, pending: 0 } });
        expect(line(net.orgs.b)).toMatchObject({
          received: { confirmed: 7.5, pending: 0 },
          given: { confirmed: 0, pending: 0 },
        });
        expect(bal.pairs).toMatchObject([
          {
            giverOrgId: net.orgs.a,
            receiverOrgId: net.orgs.b,
            unit: 'hours',
            amounts: { confirmed: 7.5, pending: 0 },
            entries: 1,
          },
        ]);
      });

      it('a "take" entry makes the partner the giver, and the partner confirms it', async () => {
        const e = await recordEntry(db, n.actors.repA, n.networkId, hours(2, { kind: 'take' }));
        expect(e).toMatchObject({ giverOrgId: n.orgs.b, receiverOrgId: n.orgs.a, counterpartyOrgId: n.orgs.b });
        await refused(respondEntry(db, n.actors.repA, n.networkId, e.id, { response: 'confirm' }), 403);
        expect((await respondEntry(db, n.actors.repB, n.networkId, e.id, { response: 'confirm' })).status).toBe(
          'confirmed',
        );
      });

      it('a representative cannot confirm an entry addressed to another organisation', async () => {
        const e = await recordEntry(db, n.actors.repA, n.networkId, hours(3));
        await refused(
          respondEntry(db, n.actors.repC, n.networkId, e.id, { response: 'confirm' }),
          403,
          'cooperation.errors.notAddressedToYou',
        );
        await refused(respondEntry(db, n.actors.repA, n.networkId, e.id, { response: 'confirm' }), 403);
        await refused(respondEntry(db, n.actors.manager, n.networkId, e.id, { response: 'confirm' }), 403);
        expect(
          (await listEntries(db, n.actors.repA, n.networkId, { status: 'confirmed', organisationId: n.orgs.c })).total,
        ).toBe(0);
        const row = await db.get<{ status: string }>('SELECT status FROM ledger_entries WHERE id = ?', [e.id]);
        expect(row?.status).toBe('pending');
      });

      it('confirming twice is refused with 409 and changes nothing', async () => {
        const e = await recordEntry(db, n.actors.repA, n.networkId, hours(1));
        await respondEntry(db, n.actors.repB, n.networkId, e.id, { response: 'confirm', comment: 'thanks' });
        const before = await count(db, 'activity');
        await refused(
          respondEntry(db, n.actors.repB, n.networkId, e.id, { response: 'confirm' }),
          409,
          'cooperation.errors.alreadyAnswered.confirmed',
        );
        await refused(
          respondEntry(db, n.actors.repB, n.networkId, e.id, { response: 'dispute', comment: 'changed my mind' }),
          409,
        );
        expect(await count(db, 'activity')).toBe(before);
      });

      it('a dispute needs a comment', async () => {
        const e = await recordEntry(db, n.actors.repA, n.networkId, hours(1));
        await refused(respondEntry(db, n.actors.repB, n.networkId, e.id, { response: 'dispute' } as never), 400);
      });

      it('bad input is refused with a 4xx and writes nothing', async () => {
        const before = await count(db, 'ledger_entries');
        const activity = await count(db, 'activity');
        await refused(recordEntry(db, n.actors.repA, n.networkId, hours(-3)), 400);
        await refused(recordEntry(db, n.actors.repA, n.networkId, hours(0)), 400);
        await refused(
          recordEntry(db, n.actors.repA, n.networkId, hours(1e9)),
          400,
          'cooperation.errors.amountTooLarge',
        );
        await refused(recordEntry(db, n.actors.repA, n.networkId, hours(1.23456)), 400);
        await refused(
          recordEntry(db, n.actors.repA, n.networkId, hours(1, { unit: 'bitcoins' })),
          400,
          'cooperation.errors.unknownUnit',
        );
        await refused(
          recordEntry(db, n.actors.repA, n.networkId, hours(1, { partnerOrganisationId: n.orgs.a })),
          400,
          'cooperation.errors.selfEntry',
        );
        await refused(recordEntry(db, n.actors.repA, n.networkId, hours(1, { date: '2026-02-30' })), 400);
        await refused(recordEntry(db, n.actors.repA, n.networkId, hours(1, { date: '26.11.2026' })), 400);
        await refused(
          recordEntry(db, n.actors.repA, n.networkId, hours(1, { date: '2999-01-01' })),
          400,
          'cooperation.errors.entryDateRange',
        );
        await refused(
          recordEntry(db, n.actors.repA, n.networkId, hours(1, { partnerOrganisationId: other.orgs.b })),
          400,
          'cooperation.errors.unknownOrganisation',
        );
        await refused(recordEntry(db, n.actors.repA, n.networkId, hours(1, { kind: 'steal' })), 400);
        expect(await count(db, 'ledger_entries')).toBe(before);
        expect(await count(db, 'activity')).toBe(activity);
      });

      it('representatives record only for their own organisation; managers cannot forge entries', async () => {
        await refused(recordEntry(db, n.actors.repB, n.networkId, hours(1)), 403);
        await refused(recordEntry(db, n.actors.manager, n.networkId, hours(1)), 403);
        await refused(recordEntry(db, n.actors.homeA, n.networkId, hours(1)), 403);
        await refused(recordEntry(db, n.actors.observer, n.networkId, hours(1)), 403);
        await refused(recordEntry(db, n.actors.outsider, n.networkId, hours(1)), 404);
      });

      it('an entry to the network as a whole is answered by the network management', async () => {
        const e = await recordEntry(
          db,
          n.actors.repA,
          n.networkId,
          hours(4, { partnerOrganisationId: null, kind: 'share' }),
        );
        expect(e.receiverOrgId).toBeNull();
        await refused(respondEntry(db, n.actors.repB, n.networkId, e.id, { response: 'confirm' }), 403);
        expect((await respondEntry(db, n.actors.manager, n.networkId, e.id, { response: 'confirm' })).status).toBe(
          'confirmed',
        );
      });

      it('a retry with the same idempotency key lands once', async () => {
        const key = `retry-${Math.random().toString(36).slice(2)}`;
        const first = await recordEntry(db, n.actors.repA, n.networkId, hours(2, { idempotencyKey: key }));
        const again = await recordEntry(db, n.actors.repA, n.networkId, hours(2, { idempotencyKey: key }));
        expect(again.id).toBe(first.id);
        expect(again.replayed).toBe(true);
        const rows = await db.all('SELECT id FROM ledger_entries WHERE idempotency_key = ?', [key]);
        expect(rows).toHaveLength(1);
        // The same key from someone else is neither replayed to them nor written twice.
        await refused(
          recordEntry(db, n.actors.repB, n.networkId, {
            ...hours(2),
            organisationId: n.orgs.b,
            partnerOrganisationId: n.orgs.a,
            idempotencyKey: key,
          }),
          409,
        );
      });

      it('concurrent retries with one idempotency key write one entry', async () => {
        const key = `race-${Math.random().toString(36).slice(2)}`;
        const results = await Promise.all(
          [1, 2, 3].map(() => recordEntry(db, n.actors.repA, n.networkId, hours(2, { idempotencyKey: key }))),
        );
        expect(new Set(results.map((r) => r.id)).size).toBe(1);
      });

      it('B disputes an entry and A corrects it by a reversing entry; neither counts any more', async () => {
        const net = await seedNetwork(db);
        const e = await recordEntry(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          kind: 'give',
          partnerOrganisationId: net.orgs.b,
          unit: 'contacts',
          amount: 12,
          date: day,
        });
        const disputed = await respondEntry(db, net.actors.repB, net.networkId, e.id, {
          response: 'dispute',
          comment: 'We got 2 contacts, not 12',
        });
        expect(disputed.status).toBe('disputed');
        await refused(correctEntry(db, net.actors.repB, net.networkId, e.id, { reason: 'not mine' }), 403);
        const rev = await correctEntry(db, net.actors.repA, net.networkId, e.id, { reason: 'Typo: 2, not 12' });
        expect(rev).toMatchObject({ reversesId: e.id, amount: -12, status: 'reversed', giverOrgId: net.orgs.a });
        const list = await listEntries(db, net.actors.repB, net.networkId);
        expect(list.entries.find((x) => x.id === e.id)).toMatchObject({ status: 'reversed', reversedById: rev.id });
        const bal = await getBalances(db, net.actors.repB, net.networkId);
        expect(bal.organisations).toEqual([]);
        await refused(
          correctEntry(db, net.actors.repA, net.networkId, e.id, { reason: 'again' }),
          409,
          'cooperation.errors.alreadyReversed',
        );
        await refused(correctEntry(db, net.actors.repA, net.networkId, rev.id, { reason: 'undo' }), 409);
      });

      it('a confirmed entry is never changed: its correction is a new entry the other side confirms', async () => {
        const net = await seedNetwork(db);
        const e = await recordEntry(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          kind: 'give',
          partnerOrganisationId: net.orgs.b,
          unit: 'money_eur',
          amount: 250,
          date: day,
        });
        await respondEntry(db, net.actors.repB, net.networkId, e.id, { response: 'confirm' });
        const rev = await correctEntry(db, net.actors.repA, net.networkId, e.id, { reason: 'Paid twice by mistake' });
        expect(rev.status).toBe('pending');
        const original = await db.get<{ status: string; amount_milli: number }>(
          'SELECT status, amount_milli FROM ledger_entries WHERE id = ?',
          [e.id],
        );
        expect(original).toMatchObject({ status: 'confirmed', amount_milli: 250_000 });
        let a = (await getBalances(db, net.actors.repA, net.networkId, { organisationId: net.orgs.a }))
          .organisations[0];
        expect(a.given).toEqual({ confirmed: 250, pending: 0, pendingReversals: -250 });
        await respondEntry(db, net.actors.repB, net.networkId, rev.id, { response: 'confirm' });
        a = (await getBalances(db, net.actors.repA, net.networkId, { organisationId: net.orgs.a })).organisations[0];
        expect(a.given).toEqual({ confirmed: 0, pending: 0, pendingReversals: 0 });
      });

      it('after the other side disputes a correction, its recorder withdraws it and may correct the original anew', async () => {
        const net = await seedNetwork(db);
        const e = await recordEntry(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          kind: 'give',
          partnerOrganisationId: net.orgs.b,
          unit: 'hours',
          amount: 5,
          date: day,
        });
        await respondEntry(db, net.actors.repB, net.networkId, e.id, { response: 'confirm' });
        const rev = await correctEntry(db, net.actors.repA, net.networkId, e.id, { reason: 'It was 4 hours' });
        await respondEntry(db, net.actors.repB, net.networkId, rev.id, { response: 'dispute', comment: 'It was 5' });
        await refused(correctEntry(db, net.actors.repA, net.networkId, e.id, { reason: 'again' }), 409);
        const listed = await listEntries(db, net.actors.repA, net.networkId, {});
        expect(listed.entries.find((x) => x.id === rev.id)?.abilities.correct).toBe(true);
        const withdrawn = await correctEntry(db, net.actors.repA, net.networkId, rev.id, { reason: 'Withdrawn' });
        expect(withdrawn).toMatchObject({ status: 'reversed', reversesId: null });
        const again = await correctEntry(db, net.actors.repA, net.networkId, e.id, { reason: 'Counted twice' });
        expect(again).toMatchObject({ status: 'pending', reversesId: e.id, amount: -5 });
      });

      it('a pending reversal never cancels an unrelated pending gift: the two are totalled apart', async () => {
        const net = await seedNetwork(db);
        const entry = (amount: number) =>
          recordEntry(db, net.actors.repA, net.networkId, {
            organisationId: net.orgs.a,
            kind: 'give',
            partnerOrganisationId: net.orgs.b,
            unit: 'hours',
            amount,
            date: day,
          });
        const confirmed = await entry(3);
        await respondEntry(db, net.actors.repB, net.networkId, confirmed.id, { response: 'confirm' });
        await correctEntry(db, net.actors.repA, net.networkId, confirmed.id, { reason: 'It did not happen' });
        await entry(3);
        const bal = await getBalances(db, net.actors.manager, net.networkId, {});
        const a = bal.organisations.find((o) => o.organisationId === net.orgs.a && o.unit === 'hours');
        expect(a?.given).toEqual({ confirmed: 3, pending: 3, pendingReversals: -3 });
        const pair = bal.pairs.find((p) => p.giverOrgId === net.orgs.a && p.unit === 'hours');
        expect(pair?.amounts).toEqual({ confirmed: 3, pending: 3, pendingReversals: -3 });
      });

      it('every ledger action is in the activity log', async () => {
        const net = await seedNetwork(db);
        const e = await recordEntry(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          kind: 'give',
          partnerOrganisationId: net.orgs.b,
          unit: 'hours',
          amount: 1,
          date: day,
        });
        await respondEntry(db, net.actors.repB, net.networkId, e.id, { response: 'confirm' });
        await correctEntry(db, net.actors.repA, net.networkId, e.id, { reason: 'wrong partner' });
        const kinds = (await listFeed(db, net.actors.observer, net.networkId, { afterId: 0 })).map((f) => f.kind);
        expect(kinds).toEqual(['ledger.recorded', 'ledger.confirmed', 'ledger.corrected']);
      });

      it('balances per month, per pair and per unit are aggregated for one organisation', async () => {
        const net = await seedNetwork(db);
        const rec = async (
          actor: keyof SeededNetwork['actors'],
          org: 'a' | 'b' | 'c',
          partner: 'a' | 'b' | 'c',
          unit: string,
          amount: number,
          date: string,
          confirm?: keyof SeededNetwork['actors'],
        ) => {
          const e = await recordEntry(db, net.actors[actor], net.networkId, {
            organisationId: net.orgs[org],
            kind: 'give',
            partnerOrganisationId: net.orgs[partner],
            unit,
            amount,
            date,
          });
          if (confirm) await respondEntry(db, net.actors[confirm], net.networkId, e.id, { response: 'confirm' });
        };
        await rec('repA', 'a', 'b', 'hours', 3, '2026-01-10', 'repB');
        await rec('repA', 'a', 'b', 'hours', 2, '2026-01-20');
        await rec('repA', 'a', 'c', 'hours', 5, '2026-02-01', 'repC');
        await rec('repB', 'b', 'a', 'hours', 4, '2026-02-03', 'repA');
        await rec('repB', 'b', 'a', 'space', 1, '2026-02-03', 'repA');
        const bal = await getBalances(db, net.actors.observer, net.networkId, { organisationId: net.orgs.a });
        const hoursLine = bal.organisations.find((o) => o.unit === 'hours');
        expect(hoursLine).toMatchObject({
          given: { confirmed: 8, pending: 2 },
          received: { confirmed: 4, pending: 0 },
        });
        expect(bal.organisations.find((o) => o.unit === 'space')).toMatchObject({
          received: { confirmed: 1, pending: 0 },
        });
        const ab = bal.pairs.find((p) => p.giverOrgId === net.orgs.a && p.receiverOrgId === net.orgs.b);
        expect(ab).toMatchObject({ amounts: { confirmed: 3, pending: 2 }, entries: 2 });
        expect(bal.overTime.filter((m) => m.unit === 'hours')).toMatchObject([
          {
            month: '2026-01',
            unit: 'hours',
            given: { confirmed: 3, pending: 2 },
            received: { confirmed: 0, pending: 0 },
          },
          {
            month: '2026-02',
            unit: 'hours',
            given: { confirmed: 5, pending: 0 },
            received: { confirmed: 4, pending: 0 },
          },
        ]);
        const pairOnly = await listEntries(db, net.actors.observer, net.networkId, {
          organisationId: net.orgs.a,
          partnerOrganisationId: net.orgs.b,
        });
        expect(pairOnly.total).toBe(4);
      });

      it('the CSV export carries the filtered view with names, and defuses spreadsheet formulas', async () => {
        const net = await seedNetwork(db);
        await recordEntry(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          kind: 'give',
          partnerOrganisationId: net.orgs.b,
          unit: 'hours',
          amount: 1.5,
          date: '2026-03-01',
          description: '=HYPERLINK("x")',
        });
        await recordEntry(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          kind: 'give',
          partnerOrganisationId: net.orgs.c,
          unit: 'space',
          amount: 1,
          date: '2026-03-02',
        });
        const csv = await exportEntriesCsv(db, net.actors.observer, net.networkId, { unit: 'hours' }, (c) => `[${c}]`);
        const lines = csv.trim().split('\r\n');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toBe(LEDGER_CSV_COLUMNS.map((c) => `[${c.key}]`).join(','));
        const cells = Object.fromEntries(LEDGER_CSV_COLUMNS.map((c, i) => [c.key, lines[1].split(',')[i]]));
        expect(cells).toMatchObject({
          giver: 'Alpha Verein',
          receiver: 'Beta Initiative',
          amount: '1.5',
          status: 'pending',
        });
        expect(lines[1]).toContain('Alpha Verein,Beta Initiative,hours,1.5,pending');
        expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
      });

      it("a network's own unit can be used once a manager names it", async () => {
        const net = await seedNetwork(db);
        await refused(
          recordEntry(db, net.actors.repA, net.networkId, {
            organisationId: net.orgs.a,
            kind: 'give',
            partnerOrganisationId: net.orgs.b,
            unit: 'custom:lastenrad-tage',
            amount: 2,
            date: day,
          }),
          400,
        );
        await refused(defineUnit(db, net.actors.repA, net.networkId, { label: 'Lastenrad-Tage' }), 403);
        const u = await defineUnit(db, net.actors.manager, net.networkId, { label: 'Lastenrad-Tage' });
        expect(u.key).toBe('custom:lastenrad-tage');
        await refused(defineUnit(db, net.actors.manager, net.networkId, { label: 'lastenrad tage' }), 409);
        const e = await recordEntry(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          kind: 'give',
          partnerOrganisationId: net.orgs.b,
          unit: u.key,
          amount: 2,
          date: day,
        });
        expect(e.unit).toBe('custom:lastenrad-tage');
      });
    });

    describe('commitments', () => {
      it('A commits hours to a goal and delivers them with a ledger entry as evidence', async () => {
        const g = await createGoal(db, n.actors.repA, n.networkId, {
          title: 'Commitment goal',
          organisationIds: [n.orgs.b],
        });
        const c = await createCommitment(db, n.actors.repA, n.networkId, {
          organisationId: n.orgs.a,
          goalId: g.id,
          unit: 'hours',
          amount: 10,
          dueOn: addDays(day, 30),
          commit: true,
        });
        expect(c).toMatchObject({ status: 'committed', committedBy: n.users.repA.id, isOverdue: false });
        const e = await recordEntry(db, n.actors.repA, n.networkId, hours(10, { goalId: g.id }));
        const foreign = await recordEntry(db, n.actors.repB, n.networkId, {
          ...hours(10),
          organisationId: n.orgs.b,
          partnerOrganisationId: n.orgs.a,
        });
        await refused(
          transitionCommitment(db, n.actors.repA, n.networkId, c.id, {
            action: 'deliver',
            evidenceEntryIds: [foreign.id],
          }),
          400,
          'cooperation.errors.badEvidence',
        );
        await refused(
          transitionCommitment(db, n.actors.repB, n.networkId, c.id, { action: 'deliver', evidenceEntryIds: [e.id] }),
          403,
        );
        // An entry still waiting for the other side's confirmation shows no delivery.
        await refused(
          transitionCommitment(db, n.actors.repA, n.networkId, c.id, { action: 'deliver', evidenceEntryIds: [e.id] }),
          400,
          'cooperation.errors.badEvidence',
        );
        await respondEntry(db, n.actors.repB, n.networkId, e.id, { response: 'confirm' });
        const d = await transitionCommitment(db, n.actors.repA, n.networkId, c.id, {
          action: 'deliver',
          evidenceEntryIds: [e.id],
        });
        expect(d).toMatchObject({ status: 'delivered', evidenceEntryIds: [e.id] });
        const list = await listCommitments(db, n.actors.observer, n.networkId, { goalId: g.id });
        expect(list.commitments[0]).toMatchObject({
          status: 'delivered',
          evidenceEntryIds: [e.id],
          goalTitle: 'Commitment goal',
          committedBy: n.users.repA.id,
          committedByName: expect.stringContaining('repA'),
        });
        await refused(
          transitionCommitment(db, n.actors.repA, n.networkId, c.id, { action: 'withdraw', reason: 'too late' }),
          409,
        );
      });

      it('delivery evidence adds up to the amount or is said to be partial; a reversed evidence entry reopens it', async () => {
        const net = await seedNetwork(db);
        const g = await createGoal(db, net.actors.repA, net.networkId, { title: 'Evidence goal' });
        const commitment = await createCommitment(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          goalId: g.id,
          unit: 'hours',
          amount: 4,
          dueOn: addDays(day, 30),
          commit: true,
        });
        const give = async (amount: number, extra: Record<string, unknown> = {}) => {
          const e = await recordEntry(db, net.actors.repA, net.networkId, {
            organisationId: net.orgs.a,
            kind: 'give',
            partnerOrganisationId: net.orgs.b,
            unit: 'hours',
            amount,
            date: day,
            ...extra,
          });
          await respondEntry(db, net.actors.repB, net.networkId, e.id, { response: 'confirm' });
          return e;
        };
        const one = await give(1);
        const minutes = await recordEntry(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          kind: 'give',
          partnerOrganisationId: net.orgs.b,
          unit: 'contacts',
          amount: 4,
          date: day,
        });
        await respondEntry(db, net.actors.repB, net.networkId, minutes.id, { response: 'confirm' });
        // Another unit proves nothing; one hour of four is not a delivery unless said to be partial.
        await refused(
          transitionCommitment(db, net.actors.repA, net.networkId, commitment.id, {
            action: 'deliver',
            evidenceEntryIds: [minutes.id],
          }),
          400,
          'cooperation.errors.badEvidence',
        );
        await refused(
          transitionCommitment(db, net.actors.repA, net.networkId, commitment.id, {
            action: 'deliver',
            evidenceEntryIds: [one.id],
          }),
          409,
          'cooperation.errors.evidenceShort',
        );
        const three = await give(3);
        const full = await transitionCommitment(db, net.actors.repA, net.networkId, commitment.id, {
          action: 'deliver',
          evidenceEntryIds: [one.id, three.id],
        });
        expect(full).toMatchObject({ status: 'delivered', deliveredPartly: false });

        // The three hours are reversed: the delivery is open again, and the log says why.
        await correctEntry(db, net.actors.repA, net.networkId, three.id, { reason: 'Counted twice' });
        const reopened = (await listCommitments(db, net.actors.observer, net.networkId, { goalId: g.id }))
          .commitments[0];
        expect(reopened).toMatchObject({ status: 'committed', evidenceEntryIds: [], deliveredAt: null });
        const feed = await listFeed(db, net.actors.observer, net.networkId, { afterId: 0 });
        expect(feed.map((f) => f.kind)).toContain('commitment.reopened');

        // Delivered in part, said explicitly.
        const partly = await transitionCommitment(db, net.actors.repA, net.networkId, commitment.id, {
          action: 'deliver',
          evidenceEntryIds: [one.id],
          partial: true,
        });
        expect(partly).toMatchObject({ status: 'delivered', deliveredPartly: true });
      });

      it('a proposed commitment is committed later; withdrawing needs a reason', async () => {
        const g = await createGoal(db, n.actors.repB, n.networkId, { title: 'Withdrawable' });
        const c = await createCommitment(db, n.actors.repB, n.networkId, {
          organisationId: n.orgs.b,
          goalId: g.id,
          unit: 'space',
          amount: 2,
          dueOn: addDays(day, 3),
        });
        expect(c.status).toBe('proposed');
        await refused(
          transitionCommitment(db, n.actors.repB, n.networkId, c.id, { action: 'deliver', evidenceEntryIds: [c.id] }),
          409,
        );
        const committed = await transitionCommitment(db, n.actors.repB, n.networkId, c.id, { action: 'commit' });
        expect(committed.status).toBe('committed');
        await refused(transitionCommitment(db, n.actors.repB, n.networkId, c.id, { action: 'withdraw' } as never), 400);
        const w = await transitionCommitment(db, n.actors.repB, n.networkId, c.id, {
          action: 'withdraw',
          reason: 'Room no longer available',
        });
        expect(w).toMatchObject({ status: 'withdrawn', withdrawReason: 'Room no longer available' });
      });

      it("managers and other organisations cannot commit in an organisation's name", async () => {
        const g = await createGoal(db, n.actors.repA, n.networkId, { title: 'Guarded commitment' });
        const input = { organisationId: n.orgs.a, goalId: g.id, unit: 'hours', amount: 1, dueOn: addDays(day, 3) };
        await refused(createCommitment(db, n.actors.manager, n.networkId, input), 403);
        await refused(createCommitment(db, n.actors.repB, n.networkId, input), 403);
        await refused(createCommitment(db, n.actors.repA, n.networkId, { ...input, amount: -1 }), 400);
        await refused(createCommitment(db, n.actors.repA, n.networkId, { ...input, unit: 'goats' }), 400);
        await refused(createCommitment(db, n.actors.repA, n.networkId, { ...input, dueOn: '2026-13-01' }), 400);
      });

      it('commitments are listed as due soon and overdue by their date', async () => {
        const net = await seedNetwork(db);
        const g = await createGoal(db, net.actors.repA, net.networkId, { title: 'Dated' });
        const mk = (dueOn: string, commit = true) =>
          createCommitment(db, net.actors.repA, net.networkId, {
            organisationId: net.orgs.a,
            goalId: g.id,
            unit: 'hours',
            amount: 1,
            dueOn,
            commit,
          });
        const late = await mk(addDays(day, 1));
        // Time passes: it is overdue now (a due date in the past is refused when made).
        await db.run('UPDATE commitments SET due_on = ? WHERE id = ?', [addDays(day, -2), late.id]);
        const soon = await mk(addDays(day, 5));
        await mk(addDays(day, 90));
        // "Open" lists the overdue one first (soonest due leads), each once.
        const open = await listCommitments(db, net.actors.repB, net.networkId, { view: 'open' });
        expect(open.commitments[0].id).toBe(late.id);
        expect(new Set(open.commitments.map((c) => c.id)).size).toBe(open.commitments.length);
        const overdue = await listCommitments(db, net.actors.repB, net.networkId, { view: 'overdue' });
        expect(overdue.commitments.map((c) => c.id)).toEqual([late.id]);
        expect(overdue.commitments[0].isOverdue).toBe(true);
        expect(
          (await listCommitments(db, net.actors.repB, net.networkId, { view: 'due_soon' })).commitments.map(
            (c) => c.id,
          ),
        ).toEqual([soon.id]);
        expect(
          (await listCommitments(db, net.actors.repB, net.networkId, { view: 'open', organisationId: net.orgs.a }))
            .total,
        ).toBe(3);
      });

      it('a retried commitment with the same idempotency key lands once', async () => {
        const g = await createGoal(db, n.actors.repA, n.networkId, { title: 'Idempotent commitment' });
        const input = {
          organisationId: n.orgs.a,
          goalId: g.id,
          unit: 'hours',
          amount: 1,
          dueOn: addDays(day, 3),
          idempotencyKey: `c-${Math.random().toString(36).slice(2)}`,
        };
        const a = await createCommitment(db, n.actors.repA, n.networkId, input);
        const b = await createCommitment(db, n.actors.repA, n.networkId, input);
        expect(b.id).toBe(a.id);
        expect((await listCommitments(db, n.actors.repA, n.networkId, { goalId: g.id })).total).toBe(1);
      });
    });

    describe('the change feed and the organisation page', () => {
      it("streams rows after an id, and invitation rows only to managers and the invited organisation's representatives", async () => {
        const net = await seedNetwork(db);
        await db.tx((q) =>
          record(q, {
            networkId: net.networkId,
            actorId: net.users.manager.id,
            kind: 'invitation.created',
            subjectId: crypto.randomUUID(),
            data: { role: 'representative', organisationId: net.orgs.a, byEmail: false },
          }),
        );
        await createGoal(db, net.actors.repB, net.networkId, { title: 'Visible to all' });
        expect((await listFeed(db, net.actors.repA, net.networkId, { afterId: 0 })).map((f) => f.kind)).toEqual([
          'invitation.created',
          'goal.created',
        ]);
        expect((await listFeed(db, net.actors.repB, net.networkId, { afterId: 0 })).map((f) => f.kind)).toEqual([
          'goal.created',
        ]);
        expect((await listFeed(db, net.actors.manager, net.networkId, { afterId: 0 })).map((f) => f.kind)).toEqual([
          'invitation.created',
          'goal.created',
        ]);
        const first = (await listFeed(db, net.actors.repA, net.networkId, { afterId: 0 }))[0].id;
        expect((await listFeed(db, net.actors.repA, net.networkId, { afterId: first })).map((f) => f.kind)).toEqual([
          'goal.created',
        ]);
        expect(maySeeActivity(net.actors.outsider, net.networkId, { kind: 'goal.created', data: {} })).toBe(false);
        const invitation = { kind: 'invitation.created', data: { organisationId: net.orgs.b, role: 'representative' } };
        expect(maySeeActivity(net.actors.manager, net.networkId, invitation)).toBe(true);
        expect(maySeeActivity(net.actors.repB, net.networkId, invitation)).toBe(true);
        expect(maySeeActivity(net.actors.repA, net.networkId, invitation)).toBe(false);
        expect(maySeeActivity(net.actors.observer, net.networkId, invitation)).toBe(false);
        await refused(listFeed(db, net.actors.outsider, net.networkId), 404);
      });

      it("an organisation's page shows its ratings, partners, commitments and recent activity", async () => {
        const net = await seedNetwork(db);
        const g = await createGoal(db, net.actors.repA, net.networkId, { title: 'Overview goal' });
        await rateGoal(db, net.actors.repA, net.networkId, g.id, {
          organisationId: net.orgs.a,
          attractive: 5,
          concrete: 3,
          flexible: 4,
        });
        const e = await recordEntry(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          kind: 'give',
          partnerOrganisationId: net.orgs.b,
          unit: 'hours',
          amount: 6,
          date: day,
        });
        await respondEntry(db, net.actors.repB, net.networkId, e.id, { response: 'confirm' });
        // A due date in the past is refused, naming the field; time passing makes one overdue.
        const input = { organisationId: net.orgs.a, goalId: g.id, unit: 'hours', amount: 2, commit: true };
        await refused(
          createCommitment(db, net.actors.repA, net.networkId, { ...input, dueOn: addDays(day, -1) }),
          400,
          'errors.invalidInput',
        );
        const late = await createCommitment(db, net.actors.repA, net.networkId, { ...input, dueOn: day });
        await db.run('UPDATE commitments SET due_on = ? WHERE id = ?', [addDays(day, -1), late.id]);
        const o = await getOrganisationOverview(db, net.actors.observer, net.networkId, net.orgs.a);
        expect(o.ratings).toMatchObject([{ goalTitle: 'Overview goal', attractive: 5 }]);
        expect(o.partners).toMatchObject([
          { giverOrgId: net.orgs.a, receiverOrgId: net.orgs.b, amounts: { confirmed: 6 } },
        ]);
        expect(o.commitments.overdue.total).toBe(1);
        expect(o.commitments.open.total).toBe(1);
        expect(o.activity.map((a) => a.kind)).toContain('ledger.confirmed');
      });
    });

    describe('organisations that left', () => {
      it('keep their history readable, are not offered as partners, and their page asks nothing that fails', async () => {
        const net = await seedNetwork(db);
        const e = await recordEntry(db, net.actors.repA, net.networkId, {
          organisationId: net.orgs.a,
          kind: 'give',
          partnerOrganisationId: net.orgs.b,
          unit: 'hours',
          amount: 2,
          date: day,
        });
        await respondEntry(db, net.actors.repB, net.networkId, e.id, { response: 'confirm' });
        await setOrganisationStatus(db, net.actors.manager, net.networkId, net.orgs.b, { status: 'left' });
        const o = await getOrganisationOverview(db, net.actors.observer, net.networkId, net.orgs.b);
        expect(o.organisation.status).toBe('left');
        expect(o.partners).toMatchObject([
          { giverOrgId: net.orgs.a, receiverOrgId: net.orgs.b, amounts: { confirmed: 2 } },
        ]);
        await refused(
          recordEntry(db, net.actors.repA, net.networkId, {
            organisationId: net.orgs.a,
            kind: 'give',
            partnerOrganisationId: net.orgs.b,
            unit: 'hours',
            amount: 1,
            date: day,
          }),
          400,
          'cooperation.errors.unknownOrganisation',
        );
      });
    });
  });
}

cooperationContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  cooperationContract('PostgreSQL', freshPostgres);
});
