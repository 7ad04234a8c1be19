import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { createCommitment } from '@/lib/commitments/create-commitment';
import { transitionCommitment } from '@/lib/commitments/transition-commitment';
import { decideCommitmentPilot } from '@/lib/commitments/decide-commitment-pilot';
import { addDays, today } from '@/lib/core/dates';
import { createGoal } from '@/lib/goals/create-goal';
import { listFeed } from '@/lib/activity/list-feed';
import { getForMe } from '@/lib/for-me/get-for-me';
import { rateGoal } from '@/lib/goals/rate-goal';
import { recordEntry } from '@/lib/ledger/record-entry';
import { respondEntry } from '@/lib/ledger/respond-entry';
import { getHomeView } from '@/lib/mandates/get-home-view';
import { checkMandate } from '@/lib/mandates/check-mandate';
import { decideHomeApproval } from '@/lib/mandates/decide-home-approval';
import { decisionTimes, networkDecisionTimes } from '@/lib/mandates/decision-times';
import { listMandates, listMandateVersions } from '@/lib/mandates/list-mandates';
import { periodOf } from '@/lib/mandates/periods';
import { setApprovalDays } from '@/lib/mandates/set-approval-days';
import { setCapacity } from '@/lib/mandates/set-capacity';
import { createMandate, updateMandate } from '@/lib/mandates/set-mandate';
import { mandateUsage } from '@/lib/mandates/usage';
import { seedNetwork, type SeededNetwork } from '@/tests/helpers/seed-network';
import { available, freshPostgres, freshSqlite } from '../helpers/services';
import { refused } from './refused';

type Fresh = Db & { drop(): Promise<void> };

const count = async (db: Db, table: string) =>
  Number((await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM ${table}`))?.c);

const HOUR = 3_600_000;

/**
 * Mandates and home approvals (issue 10, 1–4): home members give a mandate;
 * commitments within it are committed at once, beyond it they wait for home;
 * the first home decision counts; decision paths and mandate use are
 * measured. Every refusal writes nothing.
 */
function mandateContract(name: string, open: () => Promise<Fresh>) {
  describe(`mandates on ${name}`, () => {
    let db: Fresh;
    let n: SeededNetwork;
    let goal: string;
    let otherGoal: string;
    const day = today();
    const due = addDays(day, 30);

    const written = async () => [
      await count(db, 'mandates'),
      await count(db, 'mandate_versions'),
      await count(db, 'home_approvals'),
      await count(db, 'home_capacity'),
      await count(db, 'activity'),
      await count(db, 'commitments'),
    ];
    const commit = (amount: number, extra: Record<string, unknown> = {}) =>
      createCommitment(db, n.actors.repA, n.networkId, {
        organisationId: n.orgs.a,
        goalId: goal,
        unit: 'hours',
        amount,
        dueOn: due,
        commit: true,
        ...extra,
      });
    const base = {
      organisationId: '',
      validFrom: day,
      validUntil: addDays(day, 90),
      limits: [
        { unit: 'hours', perCommitment: 10, perPeriod: 20, period: 'month' as const },
        { unit: 'money_eur', perCommitment: 500, perPeriod: null, period: 'quarter' as const },
      ],
      scopeNote: 'Workshops and the shared kitchen, nothing on staff.',
    };

    beforeAll(async () => {
      db = await open();
      n = await seedNetwork(db);
      base.organisationId = n.orgs.a;
      goal = (await createGoal(db, n.actors.repA, n.networkId, { title: 'Kitchen', organisationIds: [n.orgs.a] })).id;
      otherGoal = (await createGoal(db, n.actors.repB, n.networkId, { title: 'Garden', organisationIds: [n.orgs.b] }))
        .id;
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('without any mandate a representative commits at once, as before; one that begins later changes nothing yet', async () => {
      const c = await commit(5000);
      expect(c.status).toBe('committed');
      await transitionCommitment(db, n.actors.repA, n.networkId, c.id, { action: 'withdraw', reason: 'Only a test' });
      await createMandate(db, n.actors.homeA, n.networkId, {
        ...base,
        validFrom: addDays(day, 400),
        validUntil: addDays(day, 500),
      });
      const later = await commit(5000);
      expect(later.status).toBe('committed');
      await transitionCommitment(db, n.actors.repA, n.networkId, later.id, {
        action: 'withdraw',
        reason: 'Only a test',
      });
      expect(
        await checkMandate(db, n.actors.repA, n.networkId, {
          organisationId: n.orgs.a,
          goalId: goal,
          unit: 'hours',
          amount: 5000,
        }),
      ).toMatchObject({ governed: false, within: true });
    });

    it('only home members set a mandate; bad input is refused in words and writes nothing', async () => {
      const before = await written();
      await refused(createMandate(db, n.actors.repA, n.networkId, base), 403);
      await refused(createMandate(db, n.actors.repB, n.networkId, base), 403);
      await refused(createMandate(db, n.actors.manager, n.networkId, base), 403);
      await refused(createMandate(db, n.actors.outsider, n.networkId, base), 404);
      const mk = (extra: Record<string, unknown>) =>
        createMandate(db, n.actors.homeA, n.networkId, { ...base, ...extra });
      await refused(mk({ validUntil: addDays(day, -1) }), 400, 'mandates.errors.endsBeforeStart');
      await refused(mk({ validFrom: '2026-02-30' }), 400, 'errors.invalidInput');
      await refused(
        mk({ limits: [{ unit: 'hours', perCommitment: -5, period: 'month' }] }),
        400,
        'errors.invalidInput',
      );
      await refused(mk({ limits: [{ unit: 'hours', perCommitment: 1e9 }] }), 400, 'mandates.errors.limitAbsurd');
      await refused(mk({ limits: [{ unit: 'hours' }] }), 400, 'errors.invalidInput');
      await refused(mk({ limits: [] }), 400, 'errors.invalidInput');
      await refused(
        mk({ limits: [{ unit: 'hours', perCommitment: 30, perPeriod: 20 }] }),
        400,
        'mandates.errors.perCommitmentOverPeriod',
      );
      await refused(
        mk({
          limits: [
            { unit: 'hours', perCommitment: 3 },
            { unit: 'hours', perPeriod: 9 },
          ],
        }),
        400,
        'mandates.errors.unitTwice',
      );
      // A unit the network does not have is named as such (at the unit's field), not as an absurd maximum.
      await refused(mk({ limits: [{ unit: 'custom:nope', perCommitment: 3 }] }), 400, 'cooperation.errors.unknownUnit');
      await refused(mk({ goalIds: ['00000000-0000-4000-8000-000000000099'] }), 400, 'mandates.errors.unknownGoal');
      await refused(mk({ representativeId: n.users.repB.id }), 400, 'mandates.errors.notRepresentative');
      expect(await written()).toEqual(before);
    });

    it('a home member gives a mandate; overlapping validity for the same people is refused', async () => {
      const m = await createMandate(db, n.actors.homeA, n.networkId, base);
      expect(m).toMatchObject({ version: 1, valid_from: day, representative_id: null });
      const before = await written();
      await refused(
        createMandate(db, n.actors.homeA, n.networkId, { ...base, validFrom: addDays(day, 60), validUntil: null }),
        409,
        'mandates.errors.overlap',
      );
      expect(await written()).toEqual(before);
      // A later one for all, and a personal mandate for one representative beside the one for all.
      const later = await createMandate(db, n.actors.homeA, n.networkId, {
        ...base,
        validFrom: addDays(day, 200),
        validUntil: addDays(day, 300),
      });
      expect(later.version).toBe(1);
      const personal = await createMandate(db, n.actors.homeA, n.networkId, {
        ...base,
        representativeId: n.users.repA.id,
        validFrom: addDays(day, 100),
        validUntil: addDays(day, 150),
      });
      expect(personal.representative_id).toBe(n.users.repA.id);
    });

    it('within the mandate it is committed at once; beyond it, it waits for home and the rep sees what remains', async () => {
      const check = (amount: number, goalId = goal) =>
        checkMandate(db, n.actors.repA, n.networkId, { organisationId: n.orgs.a, goalId, unit: 'hours', amount });
      expect(await check(8)).toMatchObject({ governed: true, within: true, limit: { used: 0, left: 20 } });
      const ok = await commit(8);
      expect(ok.status).toBe('committed');
      expect(await check(8)).toMatchObject({ within: true, limit: { used: 8, left: 12 } });
      expect((await check(11)).reasons).toEqual(['perCommitment']);
      const big = await commit(15);
      expect(big.status).toBe('awaiting_home_approval');
      expect(await check(5)).toMatchObject({ within: true, limit: { used: 8, left: 12 } });
      await commit(10); // 18 of 20
      const over = await commit(4);
      expect(over.status).toBe('awaiting_home_approval');
      expect((await check(4)).reasons).toEqual(['perPeriod']);
      // A unit the mandate does not name.
      expect(
        (
          await createCommitment(db, n.actors.repA, n.networkId, {
            organisationId: n.orgs.a,
            goalId: goal,
            unit: 'space',
            amount: 1,
            dueOn: due,
            commit: true,
          })
        ).status,
      ).toBe('awaiting_home_approval');
      // The home data is the organisation's own: another organisation's rep may not ask.
      await refused(
        checkMandate(db, n.actors.repB, n.networkId, {
          organisationId: n.orgs.a,
          goalId: goal,
          unit: 'hours',
          amount: 1,
        }),
        404,
      );
      // The waiting is visible to everyone in the network.
      const feed = await listFeed(db, n.actors.repB, n.networkId, { limit: 50 });
      expect(feed.some((i: { kind: string }) => i.kind === 'commitment.approval_requested')).toBe(true);
      // What the home side set is not.
      expect(feed.some((i: { kind: string }) => i.kind === 'mandate.set')).toBe(false);
      const own = await listFeed(db, n.actors.repA, n.networkId, { limit: 50 });
      expect(own.some((i: { kind: string }) => i.kind === 'mandate.set')).toBe(true);
    });

    it('home approves or declines; the first decision counts, a second is a clear 409; reps cannot decide', async () => {
      const big = await commit(12);
      expect(big.status).toBe('awaiting_home_approval');
      const before = await written();
      await refused(decideHomeApproval(db, n.actors.repA, n.networkId, big.id, { decision: 'approve' }), 403);
      await refused(decideHomeApproval(db, n.actors.repB, n.networkId, big.id, { decision: 'approve' }), 403);
      await refused(decideHomeApproval(db, n.actors.outsider, n.networkId, big.id, { decision: 'approve' }), 404);
      await refused(
        decideHomeApproval(db, n.actors.homeA, n.networkId, big.id, { decision: 'decline', reason: '' }),
        400,
        'errors.invalidInput',
      );
      expect(await written()).toEqual(before);
      // It waits for A's home members in "for me" (one item per open request; for nobody else there).
      const waitingFor = async (who: typeof n.actors.homeA) =>
        (await getForMe(db, who, n.networkId)).needsMe.filter((i) => i.key === 'followUp.needs.homeApproval');
      const waiting = await waitingFor(n.actors.homeA);
      const open = await db.get<{ k: number | string }>(
        "SELECT COUNT(*) AS k FROM home_approvals WHERE organisation_id = ? AND status = 'open'",
        [n.orgs.a],
      );
      expect(waiting).toHaveLength(Number(open?.k));
      expect(waiting.length).toBeGreaterThan(0);
      for (const i of waiting)
        expect(i.href).toBe(`/networks/${n.networkId}/organisations/${n.orgs.a}/home#home-approvals`);
      for (const other of [n.actors.repA, n.actors.repB, n.actors.manager]) expect(await waitingFor(other)).toEqual([]);
      // Two home members at once (the same one twice here): exactly one wins.
      const both = await Promise.allSettled([
        decideHomeApproval(db, n.actors.homeA, n.networkId, big.id, { decision: 'approve', reason: 'Fits the budget' }),
        decideHomeApproval(db, n.actors.homeA, n.networkId, big.id, { decision: 'decline', reason: 'Too much' }),
      ]);
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const after = await db.get<{ status: string }>('SELECT status FROM commitments WHERE id = ?', [big.id]);
      const first = both.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{
        commitment: { status: string };
      }>;
      expect(after?.status).toBe(first.value.commitment.status);
      // Decided: one item fewer for them.
      expect(await waitingFor(n.actors.homeA)).toHaveLength(waiting.length - 1);
      await refused(
        decideHomeApproval(db, n.actors.homeA, n.networkId, big.id, { decision: 'approve' }),
        409,
        'mandates.errors.alreadyDecided',
      );
      // Through the commitment's own route as well.
      await refused(
        transitionCommitment(db, n.actors.homeA, n.networkId, big.id, { action: 'approve' }),
        409,
        'mandates.errors.alreadyDecided',
      );

      const declined = await commit(13);
      const d = await transitionCommitment(db, n.actors.homeA, n.networkId, declined.id, {
        action: 'decline',
        reason: 'Not this quarter',
      });
      expect(d).toMatchObject({ status: 'withdrawn', withdrawReason: 'Not this quarter' });

      const withdrawn = await commit(14);
      await transitionCommitment(db, n.actors.repA, n.networkId, withdrawn.id, {
        action: 'withdraw',
        reason: 'Found another way',
      });
      await refused(
        decideHomeApproval(db, n.actors.homeA, n.networkId, withdrawn.id, { decision: 'approve' }),
        409,
        'mandates.errors.requestWithdrawn',
      );
      const rows = await db.all<{ status: string }>(
        'SELECT status FROM home_approvals WHERE commitment_id IN (?, ?, ?) ORDER BY requested_at',
        [big.id, declined.id, withdrawn.id],
      );
      expect(rows.map((r) => r.status)).toEqual([
        first.value.commitment.status === 'committed' ? 'approved' : 'declined',
        'declined',
        'withdrawn',
      ]);
    });

    it('outside its goals or after it expired a commitment waits too; a mandate that begins later governs nobody yet', async () => {
      const m = (await listMandates(db, n.actors.homeA, n.networkId, { organisationId: n.orgs.a })).mandates.find(
        (x) => 'validFrom' in x && x.validFrom === day,
      )!;
      const updated = await updateMandate(db, n.actors.homeA, n.networkId, m.id, {
        expectedVersion: 1,
        goalIds: [otherGoal],
      });
      expect(updated.version).toBe(2);
      expect((await commit(1)).status).toBe('awaiting_home_approval');
      await refused(
        updateMandate(db, n.actors.homeA, n.networkId, m.id, { expectedVersion: 1, goalIds: [] }),
        409,
        'mandates.errors.staleVersion',
      );
      await refused(updateMandate(db, n.actors.repA, n.networkId, m.id, { expectedVersion: 2, goalIds: [] }), 403);
      await updateMandate(db, n.actors.homeA, n.networkId, m.id, { expectedVersion: 2, goalIds: [] });
      // Expired: moved into the past as time would.
      await db.run('UPDATE mandates SET valid_from = ?, valid_until = ? WHERE id = ?', [
        addDays(day, -60),
        addDays(day, -1),
        m.id,
      ]);
      const check = await checkMandate(db, n.actors.repA, n.networkId, {
        organisationId: n.orgs.a,
        goalId: goal,
        unit: 'hours',
        amount: 1,
      });
      expect(check).toMatchObject({ governed: true, within: false });
      expect(check.reasons).toContain('expired');
      expect((await commit(1)).status).toBe('awaiting_home_approval');
      await db.run('UPDATE mandates SET valid_from = ?, valid_until = ? WHERE id = ?', [day, addDays(day, 90), m.id]);
      const history = await listMandateVersions(db, n.actors.repA, n.networkId, m.id);
      expect(history.map((h) => h.version)).toEqual([3, 2, 1]);
      expect(history[1].changed).toEqual(['goalIds']);
      expect(history[0].changedBy).toBe(n.users.homeA.id);
      await refused(listMandateVersions(db, n.actors.repB, n.networkId, m.id), 404);
    });

    it('other organisations see only that a mandate exists and until when, unless the home side discloses more', async () => {
      const seen = await listMandates(db, n.actors.repB, n.networkId, { organisationId: n.orgs.a });
      expect(seen.mandates.length).toBeGreaterThan(0);
      const text = JSON.stringify(seen);
      expect(text).not.toContain('shared kitchen');
      expect(text).not.toContain('perCommitment');
      expect(seen.mandates[0]).toHaveProperty('validUntil');
      const mine = await listMandates(db, n.actors.repA, n.networkId, { organisationId: n.orgs.a });
      expect(JSON.stringify(mine)).toContain('shared kitchen');
      const m = mine.mandates.find((x) => 'validFrom' in x && x.validFrom === day)!;
      await updateMandate(db, n.actors.homeA, n.networkId, m.id, {
        expectedVersion: (m as { version: number }).version,
        disclosure: 'limits',
      });
      const disclosed = await listMandates(db, n.actors.repB, n.networkId, { organisationId: n.orgs.a });
      const text2 = JSON.stringify(disclosed);
      expect(text2).toContain('perCommitment');
      expect(text2).not.toContain('shared kitchen');
    });

    it('capacity: home members state it per unit and period; others cannot', async () => {
      const before = await written();
      const cap = { organisationId: n.orgs.a, unit: 'hours', period: 'month' as const, amount: 40 };
      await refused(setCapacity(db, n.actors.repA, n.networkId, cap), 403);
      await refused(setCapacity(db, n.actors.repB, n.networkId, cap), 403);
      await refused(setCapacity(db, n.actors.homeA, n.networkId, { ...cap, amount: -1 }), 400);
      await refused(setCapacity(db, n.actors.homeA, n.networkId, { ...cap, amount: 1e9 }), 400);
      expect(await written()).toEqual(before);
      await setCapacity(db, n.actors.homeA, n.networkId, cap);
      await setCapacity(db, n.actors.homeA, n.networkId, { ...cap, amount: 60, period: 'quarter' });
      const row = await db.get<{ amount_milli: number; period: string }>(
        'SELECT amount_milli, period FROM home_capacity WHERE organisation_id = ? AND unit = ?',
        [n.orgs.a, 'hours'],
      );
      expect(Number(row?.amount_milli)).toBe(60_000);
      expect(row?.period).toBe('quarter');
    });

    it('decision times: median, longest, open requests and their age, late ones flagged', async () => {
      const dt0 = await decisionTimes(db, { networkId: n.networkId, organisationId: n.orgs.a });
      const decided = dt0.requests.filter((r) => r.decidedAt !== null);
      expect(decided).toHaveLength(dt0.decided);
      expect(dt0.decided).toBe(2);
      expect(dt0.requests.filter((r) => r.status === 'withdrawn')).toHaveLength(1);
      // Make the figures known: one decided after 10 h, one after 30 h; an open one waiting 20 days.
      const [a, b] = decided;
      await db.run('UPDATE home_approvals SET requested_at = decided_at - ? WHERE id = ?', [10 * HOUR, a.id]);
      await db.run('UPDATE home_approvals SET requested_at = decided_at - ? WHERE id = ?', [30 * HOUR, b.id]);
      const openOne = dt0.requests.find((r) => r.status === 'open')!;
      const now = Date.now();
      await db.run('UPDATE home_approvals SET requested_at = ? WHERE id = ?', [now - 20 * 24 * HOUR, openOne.id]);
      const dt = await decisionTimes(db, { networkId: n.networkId, organisationId: n.orgs.a, now });
      expect(dt.medianMs).toBe(20 * HOUR);
      expect(dt.longestMs).toBe(30 * HOUR);
      expect(dt.open).toBe(dt0.open);
      expect(dt.oldestOpenMs).toBe(20 * 24 * HOUR);
      expect(dt.agreedDays).toBe(14);
      expect(dt.overdue).toBe(1);
      expect(dt.requests.find((r) => r.id === openOne.id)?.late).toBe(true);
      // The network's agreed time is a setting of its managers.
      await refused(setApprovalDays(db, n.actors.homeA, n.networkId, { approvalDays: 30 }), 403);
      await refused(
        setApprovalDays(db, n.actors.manager, n.networkId, { approvalDays: 0 }),
        400,
        'mandates.errors.approvalDays',
      );
      await refused(
        setApprovalDays(db, n.actors.manager, n.networkId, { approvalDays: 2.5 }),
        400,
        'errors.invalidInput',
      );
      await setApprovalDays(db, n.actors.manager, n.networkId, { approvalDays: 30 });
      expect((await decisionTimes(db, { networkId: n.networkId, organisationId: n.orgs.a, now })).overdue).toBe(0);
      // A period: only requests made in it.
      const none = await decisionTimes(db, {
        networkId: n.networkId,
        organisationId: n.orgs.a,
        from: '2001-01-01',
        to: '2001-12-31',
      });
      expect(none).toMatchObject({ decided: 0, medianMs: null, open: 0, requests: [] });
      const net = await networkDecisionTimes(db, n.networkId, now);
      expect(net.organisations.map((o) => o.organisationId)).toEqual([n.orgs.a]);
      expect(JSON.stringify(net)).not.toContain('perCommitment');
    });

    it('mandate usage per unit over a period: limits, used, left', async () => {
      const p = periodOf(day, 'month');
      const u = await mandateUsage(db, {
        networkId: n.networkId,
        organisationId: n.orgs.a,
        from: p.start,
        to: addDays(p.end, -1),
      });
      const hours = u.units.find((x) => x.unit === 'hours' && x.validFrom <= day)!;
      expect(hours).toMatchObject({ perCommitment: 10, perPeriod: 20, period: 'month', periods: 1, allowance: 20 });
      // 8 + 10 committed within, and whatever home approved (12 or nothing).
      const approved = await db.get<{ s: number }>(
        "SELECT SUM(c.amount_milli) AS s FROM commitments c JOIN home_approvals a ON a.commitment_id = c.id WHERE a.status = 'approved' AND c.unit = 'hours'",
      );
      const used = 18 + Number(approved?.s ?? 0) / 1000;
      expect(hours.used).toBe(used);
      expect(hours.left).toBe(Math.max(0, 20 - used));
      expect(hours.largest).toBe(Math.max(10, Number(approved?.s ?? 0) / 1000));
      expect(u.units.find((x) => x.unit === 'money_eur')).toMatchObject({ perPeriod: null, allowance: null, used: 0 });
      expect(u.mandates.length).toBeGreaterThan(0);
    });

    it('"Home and network": gave and got per partner, promised against capacity and mandate, ratings against the network; its own people only', async () => {
      const give = async (amount: number) => {
        const e = await recordEntry(db, n.actors.repA, n.networkId, {
          organisationId: n.orgs.a,
          kind: 'give',
          partnerOrganisationId: n.orgs.b,
          unit: 'hours',
          amount,
          date: day,
        });
        return e;
      };
      const confirmed = await give(6);
      await respondEntry(db, n.actors.repB, n.networkId, confirmed.id, { response: 'confirm' });
      await give(100); // pending: counts nowhere here
      const got = await recordEntry(db, n.actors.repB, n.networkId, {
        organisationId: n.orgs.b,
        kind: 'give',
        partnerOrganisationId: n.orgs.a,
        unit: 'space',
        amount: 2,
        date: day,
      });
      await respondEntry(db, n.actors.repA, n.networkId, got.id, { response: 'confirm' });
      await rateGoal(db, n.actors.repA, n.networkId, goal, {
        organisationId: n.orgs.a,
        attractive: 5,
        concrete: 5,
        flexible: 5,
      });
      await rateGoal(db, n.actors.repB, n.networkId, goal, {
        organisationId: n.orgs.b,
        attractive: 1,
        concrete: 3,
        flexible: 2,
      });
      await rateGoal(db, n.actors.repB, n.networkId, otherGoal, {
        organisationId: n.orgs.b,
        attractive: 4,
        concrete: 4,
        flexible: 4,
      });

      const view = await getHomeView(db, n.actors.homeA, n.networkId, n.orgs.a);
      expect(view.exchange.partners).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ partnerId: n.orgs.b, unit: 'hours', gave: 6, got: 0 }),
          expect.objectContaining({ partnerId: n.orgs.b, unit: 'space', gave: 0, got: 2 }),
        ]),
      );
      expect(view.ratings).toEqual([
        expect.objectContaining({
          goalId: goal,
          ours: { attractive: 5, concrete: 5, flexible: 5 },
          network: { attractive: 1, concrete: 3, flexible: 2, organisations: 1 },
          difference: 3,
        }),
      ]);
      const hours = view.promised.find((p) => p.unit === 'hours')!;
      // Capacity 60 a quarter (set above); what is due this quarter, open and delivered, against it.
      expect(hours).toMatchObject({ capacity: 60, period: 'quarter' });
      expect(hours.capacityLeft).toBe(Math.round((60 - hours.promised) * 1000) / 1000);
      expect(hours.mandates[0]).toMatchObject({ perCommitment: 10, perPeriod: 20, period: 'month' });
      expect(view.approvals.every((a) => a.reasons.length > 0 && a.ageMs >= 0)).toBe(true);
      expect(view.decisions.agreedDays).toBe(30);
      // Nobody else sees any of it, not even the network's manager.
      for (const who of ['repB', 'manager', 'observer', 'adviser'] as const)
        await refused(getHomeView(db, n.actors[who], n.networkId, n.orgs.a), 404);
      await refused(getHomeView(db, n.actors.outsider, n.networkId, n.orgs.a), 404);
      await refused(getHomeView(db, n.actors.homeA, n.networkId, n.orgs.a, { from: day, to: addDays(day, -1) }), 400);
    });

    it('a pilot stopped while it waits closes its request', async () => {
      const c = await commit(11, { pilotReviewOn: addDays(day, 10) });
      expect(c.status).toBe('awaiting_home_approval');
      await decideCommitmentPilot(db, n.actors.repA, n.networkId, c.id, {
        decision: 'stop',
        reason: 'Not needed',
        early: true,
      });
      const row = await db.get<{ status: string }>('SELECT status FROM home_approvals WHERE commitment_id = ?', [c.id]);
      expect(row?.status).toBe('withdrawn');
    });
  });
}

mandateContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  mandateContract('PostgreSQL', freshPostgres);
});
