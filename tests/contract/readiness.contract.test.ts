import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFeed } from '@/lib/activity/list-feed';
import { addDays, today } from '@/lib/core/dates';
import type { Db } from '@/lib/db';
import { createCommitment } from '@/lib/commitments/create-commitment';
import { createGoal } from '@/lib/goals/create-goal';
import { getBalances } from '@/lib/ledger/get-balances';
import { createMandate } from '@/lib/mandates/set-mandate';
import { decideHomeApproval } from '@/lib/mandates/decide-home-approval';
import { recordEntry } from '@/lib/ledger/record-entry';
import { respondEntry } from '@/lib/ledger/respond-entry';
import { getManagementMandate } from '@/lib/management/get-management-mandate';
import { setManagementMandate } from '@/lib/management/set-management-mandate';
import { warnMandateExpiry } from '@/lib/management/warn-mandate-expiry';
import { JOB_KINDS } from '@/lib/jobs/kinds';
import { JobRunner } from '@/lib/jobs/runner';
import { SCHEDULE } from '@/lib/jobs/schedule';
import { answerReadinessCheck } from '@/lib/readiness/answer-check';
import { latestReadinessSummary, listReadinessChecks } from '@/lib/readiness/list-checks';
import { QUESTIONS } from '@/lib/readiness/questions';
import { shareReadinessCheck } from '@/lib/readiness/share-check';
import { reportDocument } from '@/lib/report/document';
import { getBoardReport } from '@/lib/report/get-board-report';
import { reportMarkdown } from '@/lib/report/markdown';
import { seedNetwork, type SeededNetwork } from '@/tests/helpers/seed-network';
import { available, freshPostgres, freshSqlite } from '../helpers/services';
import { refused } from './refused';

type Fresh = Db & { drop(): Promise<void> };

const answers = (scores: number[], note = '') =>
  QUESTIONS.map((question, i) => ({ question, score: scores[i], note: note ? `${note} ${i}` : '' }));

const mandate = (over: Record<string, unknown> = {}) => ({
  givenBy: 'Steuerungsgruppe, Beschluss vom 12. Jänner',
  resources: [
    { unit: 'hours', amount: 20, per: 'month' },
    { unit: 'money_eur', amount: 12000, per: 'year' },
  ],
  authority: 'Termine festlegen, Ausgaben bis 500 EUR',
  tasks: ['Treffen vorbereiten', 'Protokolle führen'],
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  ...over,
});

/**
 * The readiness check, the management mandate and the board report on real
 * records: home data reaches only the organisation's own people (not a
 * manager, not another organisation, not even as an activity row), bad input
 * writes nothing, the trend and the summary follow the answers, the expiry
 * warning is recorded once, and the report's figures are the ledger's.
 */
function readinessContract(name: string, open: () => Promise<Fresh>) {
  describe(`readiness, management mandate and report on ${name}`, () => {
    let db: Fresh;
    let n: SeededNetwork;
    const count = async (table: string) =>
      Number((await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM ${table}`))!.c);

    beforeAll(async () => {
      db = await open();
      n = await seedNetwork(db);
    });
    afterAll(async () => db?.drop());

    it('the organisation’s people answer twice; the summary and the trend follow; nobody else sees any of it', async () => {
      const first = await answerReadinessCheck(db, n.actors.repA, n.networkId, n.orgs.a, {
        answeredOn: addDays(today(), -90),
        answers: answers([2, 4, 1, 5, 4, 2, 3], 'Geheim'),
      });
      expect(first).toMatchObject({
        verdict: 'against',
        againstCount: 3,
        applies: ['occasional', 'longPaths', 'hierarchy'],
      });
      const second = await answerReadinessCheck(db, n.actors.homeA, n.networkId, n.orgs.a, {
        answers: answers([1, 2, 1, 4, 2, 1, 2]),
      });
      expect(second).toMatchObject({ verdict: 'caution', againstCount: 1, answeredOn: today() });

      const page = await listReadinessChecks(db, n.actors.homeA, n.networkId, n.orgs.a);
      expect(page.checks.map((c) => c.id)).toEqual([second.id, first.id]);
      expect(page.trend.points.map((p) => p.verdict)).toEqual(['against', 'caution']);
      expect(page.trend.questions.find((q) => q.question === 'longPaths')!.scores).toEqual([5, 4]);
      expect(page.latest).toMatchObject({ checkId: second.id, verdict: 'caution' });
      expect(page.checks[1].answers[0].note).toBe('Geheim 0');

      for (const who of ['repB', 'manager', 'observer', 'adviser'] as const) {
        await refused(listReadinessChecks(db, n.actors[who], n.networkId, n.orgs.a), 404);
        await refused(
          answerReadinessCheck(db, n.actors[who], n.networkId, n.orgs.a, { answers: answers([1, 1, 1, 1, 1, 1, 1]) }),
          404,
        );
        await refused(shareReadinessCheck(db, n.actors[who], n.networkId, n.orgs.a, second.id, { shared: true }), 404);
        expect(
          await latestReadinessSummary(db, { networkId: n.networkId, organisationId: n.orgs.a, viewer: n.actors[who] }),
        ).toBeNull();
        const feed = await listFeed(db, n.actors[who], n.networkId, { limit: 50 });
        expect(feed.some((f) => f.kind.startsWith('readiness.'))).toBe(false);
        expect(JSON.stringify(feed)).not.toContain('Geheim');
      }
      await refused(listReadinessChecks(db, n.actors.outsider, n.networkId, n.orgs.a), 404);
      const ownFeed = await listFeed(db, n.actors.repA, n.networkId, { limit: 50 });
      expect(ownFeed.filter((f) => f.kind === 'readiness.answered')).toHaveLength(2);
    });

    it('a shared summary reaches every member, without notes; stopping sharing takes it back', async () => {
      const { checks } = await listReadinessChecks(db, n.actors.repA, n.networkId, n.orgs.a);
      await shareReadinessCheck(db, n.actors.homeA, n.networkId, n.orgs.a, checks[1].id, { shared: true });
      const seen = await latestReadinessSummary(db, {
        networkId: n.networkId,
        organisationId: n.orgs.a,
        viewer: n.actors.repB,
      });
      // The older check is the one shared: others see that one, the organisation its newest.
      expect(seen).toMatchObject({ checkId: checks[1].id, verdict: 'against', shared: true });
      expect(JSON.stringify(seen)).not.toContain('Geheim');
      expect(seen).not.toHaveProperty('answers');
      const own = await latestReadinessSummary(db, {
        networkId: n.networkId,
        organisationId: n.orgs.a,
        viewer: n.actors.repA,
      });
      expect(own).toMatchObject({ checkId: checks[0].id });
      expect(
        (await listFeed(db, n.actors.repB, n.networkId, { limit: 50 })).some((f) => f.kind === 'readiness.shared'),
      ).toBe(true);
      await shareReadinessCheck(db, n.actors.repA, n.networkId, n.orgs.a, checks[1].id, { shared: false });
      expect(
        await latestReadinessSummary(db, { networkId: n.networkId, organisationId: n.orgs.a, viewer: n.actors.repB }),
      ).toBeNull();
    });

    it('absurd answers, a missing question, a date ahead: a message naming it, nothing written', async () => {
      const before = await count('readiness_checks');
      const activity = await count('activity');
      const bad = async (input: unknown, key: string) =>
        refused(answerReadinessCheck(db, n.actors.repA, n.networkId, n.orgs.a, input), 400, key);
      await bad({ answers: answers([1, 2, 3, 99, 1, 1, 1]) }, 'readiness.errors.score');
      await bad({ answers: answers([1, 2, 3, -1, 1, 1, 1]) }, 'readiness.errors.score');
      await bad({ answers: answers([1, 2, 3, 2.5, 1, 1, 1]) }, 'readiness.errors.score');
      await bad({ answers: answers([1, 2, 3, 4, 1, 1, 1]).slice(1) }, 'readiness.errors.missing');
      await bad(
        { answers: [...answers([1, 2, 3, 4, 1, 1, 1]), { question: 'alone', score: 1 }] },
        'readiness.errors.duplicate',
      );
      await bad({ answers: [{ question: 'weather', score: 3 }] }, 'readiness.errors.unknownQuestion');
      await bad({ answers: 'all fine' }, 'readiness.errors.answers');
      await bad(
        { answeredOn: addDays(today(), 3), answers: answers([1, 1, 1, 1, 1, 1, 1]) },
        'readiness.errors.dateInFuture',
      );
      await bad({ answeredOn: '2026-02-30', answers: answers([1, 1, 1, 1, 1, 1, 1]) }, 'readiness.errors.date');
      await bad(
        { answers: answers([1, 1, 1, 1, 1, 1, 1]).map((a) => ({ ...a, note: 'x'.repeat(1001) })) },
        'readiness.errors.noteTooLong',
      );
      expect(await count('readiness_checks')).toBe(before);
      expect(await count('activity')).toBe(activity);
    });

    it('the management mandate: recorded in versions, seen by every member, bad input refused, nothing written', async () => {
      expect((await getManagementMandate(db, n.actors.observer, n.networkId)).current).toBeNull();
      const v1 = await setManagementMandate(
        db,
        n.actors.manager,
        n.networkId,
        mandate(),
        Date.parse('2026-03-01T09:00:00Z'),
      );
      expect(v1).toMatchObject({ version: 1, tasks: ['Treffen vorbereiten', 'Protokolle führen'] });
      const v2 = await setManagementMandate(db, n.actors.repA, n.networkId, mandate({ validUntil: '2027-03-31' }));
      expect(v2.version).toBe(2);
      const read = await getManagementMandate(db, n.actors.observer, n.networkId);
      expect(read.current).toMatchObject({ version: 2, validUntil: '2027-03-31' });
      expect(read.history.map((h) => h.version)).toEqual([2, 1]);
      expect(read.abilities).toEqual({ read: true, set: false });
      const feed = await listFeed(db, n.actors.adviser, n.networkId, { limit: 50 });
      expect(feed.find((f) => f.kind === 'managementMandate.set')?.data).toMatchObject({
        version: 2,
        changed: ['validUntil'],
      });

      const rows = await count('management_mandates');
      await refused(setManagementMandate(db, n.actors.homeA, n.networkId, mandate()), 403);
      await refused(setManagementMandate(db, n.actors.observer, n.networkId, mandate()), 403);
      await refused(setManagementMandate(db, n.actors.outsider, n.networkId, mandate()), 404);
      await refused(getManagementMandate(db, n.actors.outsider, n.networkId), 404);
      const bad = (over: Record<string, unknown>, key: string) =>
        refused(setManagementMandate(db, n.actors.manager, n.networkId, mandate(over)), 400, key);
      await bad({ validFrom: '2026-06-01', validUntil: '2026-05-31' }, 'management.errors.untilBeforeFrom');
      await bad({ resources: [{ unit: 'hours', amount: -5, per: 'month' }] }, 'management.errors.amount');
      await bad({ resources: [{ unit: 'money_eur', amount: 1e12, per: 'year' }] }, 'management.errors.amount');
      await bad({ resources: [{ unit: 'parsecs', amount: 1, per: 'year' }] }, 'management.errors.resources');
      await bad({ validUntil: 'soon' }, 'management.errors.validUntil');
      await bad({ tasks: [' '] }, 'management.errors.tasks');
      await bad({ authority: '' }, 'management.errors.authority');
      await bad({ givenBy: '' }, 'management.errors.givenBy');
      expect(await count('management_mandates')).toBe(rows);
    });

    it('the expiry warning is recorded once, within 30 days of the end', async () => {
      const warned = async () =>
        (await listFeed(db, n.actors.observer, n.networkId, { limit: 100 })).filter(
          (f) => f.kind === 'managementMandate.expiring',
        );
      // In force until 2027-03-31: on 2027-01-15 it is too early, on 2027-03-10 it warns, once.
      expect(await db.tx((q) => warnMandateExpiry(q, n.networkId, '2027-01-15'))).toBe(false);
      expect(await db.tx((q) => warnMandateExpiry(q, n.networkId, '2027-03-10'))).toBe(true);
      expect(await db.tx((q) => warnMandateExpiry(q, n.networkId, '2027-03-11'))).toBe(false);
      const rows = await warned();
      expect(rows).toHaveLength(1);
      expect(rows[0].data).toMatchObject({ validUntil: '2027-03-31', days: 21 });
    });

    it('the daily job warns from the schedule, once per version, at 07:00 in the network’s time zone', async () => {
      const net = await seedNetwork(db);
      await setManagementMandate(db, net.actors.manager, net.networkId, mandate({ validUntil: '2026-12-10' }));
      const entry = SCHEDULE.filter((e) => e.name === 'management-mandate-expiry');
      expect(entry).toHaveLength(1);
      const at = (iso: string) =>
        new JobRunner(db, { kinds: JOB_KINDS, schedule: entry, log: () => {}, now: () => Date.parse(iso) });
      const rows = async () =>
        (await listFeed(db, net.actors.observer, net.networkId, { limit: 50 })).filter(
          (f) => f.kind === 'managementMandate.expiring',
        );
      // 05:30 UTC is 06:30 in Vienna: not yet due.
      const early = at('2026-11-30T05:30:00Z');
      await early.enqueueSchedule();
      await early.runUntilIdle();
      expect(await rows()).toHaveLength(0);
      for (const iso of ['2026-11-30T06:30:00Z', '2026-12-01T06:30:00Z']) {
        const r = at(iso);
        await r.enqueueSchedule();
        await r.runUntilIdle();
      }
      const warned = await rows();
      expect(warned).toHaveLength(1);
      expect(warned[0].data).toMatchObject({ validUntil: '2026-12-10', days: 10 });
    });

    it('the report: the ledger’s figures, commitments, goals; only the organisation’s people; bad periods refused', async () => {
      const goal = await createGoal(db, n.actors.repA, n.networkId, {
        title: 'Lesecafé',
        status: 'active',
        organisationIds: [n.orgs.a, n.orgs.b],
        indicators: [{ label: 'Familien', unit: '', target: 40, current: 10 }],
      });
      const day = today();
      const e1 = await recordEntry(db, n.actors.repA, n.networkId, {
        organisationId: n.orgs.a,
        kind: 'give',
        partnerOrganisationId: n.orgs.b,
        unit: 'hours',
        amount: 12.5,
        date: day,
        goalId: goal.id,
      });
      await respondEntry(db, n.actors.repB, n.networkId, e1.id, { response: 'confirm' });
      await recordEntry(db, n.actors.repB, n.networkId, {
        organisationId: n.orgs.b,
        kind: 'give',
        partnerOrganisationId: n.orgs.a,
        unit: 'money_eur',
        amount: 300,
        date: day,
      });
      // A's home side gives its representatives a mandate: 10 hours per commitment, 40 a month.
      await createMandate(db, n.actors.homeA, n.networkId, {
        organisationId: n.orgs.a,
        validFrom: addDays(day, -30),
        limits: [{ unit: 'hours', perCommitment: 10, perPeriod: 40, period: 'month' }],
      });
      await createCommitment(db, n.actors.repA, n.networkId, {
        organisationId: n.orgs.a,
        goalId: goal.id,
        unit: 'hours',
        amount: 8,
        dueOn: addDays(day, 30),
        commit: true,
      });
      // 12 hours are beyond the 10 per commitment: they wait for home, which approves.
      const beyond = await createCommitment(db, n.actors.repA, n.networkId, {
        organisationId: n.orgs.a,
        goalId: goal.id,
        unit: 'hours',
        amount: 12,
        dueOn: addDays(day, 40),
        commit: true,
      });
      expect(beyond.status).toBe('awaiting_home_approval');
      await decideHomeApproval(db, n.actors.homeA, n.networkId, beyond.id, { decision: 'approve' });
      const r = await getBoardReport(db, n.actors.homeA, n.networkId, n.orgs.a, { from: addDays(day, -30), to: day });
      const bal = await getBalances(db, n.actors.homeA, n.networkId, {
        organisationId: n.orgs.a,
        from: addDays(day, -30),
        to: day,
      });
      const mine = bal.organisations.filter((o) => o.organisationId === n.orgs.a);
      expect(r.ledger.perUnit).toEqual(
        mine
          .map((o) => ({ unit: o.unit, given: o.given, received: o.received }))
          .sort((a, b) => a.unit.localeCompare(b.unit)),
      );
      expect(r.ledger.perUnit.find((u) => u.unit === 'hours')?.given).toEqual({
        confirmed: 12.5,
        pending: 0,
        pendingReversals: 0,
      });
      expect(r.ledger.perUnit.find((u) => u.unit === 'money_eur')?.received).toEqual({
        confirmed: 0,
        pending: 300,
        pendingReversals: 0,
      });
      expect(r.ledger.byPartner).toContainEqual(
        expect.objectContaining({ partnerId: n.orgs.b, unit: 'hours', given: { confirmed: 12.5, pending: 0 } }),
      );
      expect(r.commitments.totals).toEqual([
        { unit: 'hours', made: 20, delivered: 0, madeCount: 2, deliveredCount: 0 },
      ]);
      expect(r.goals).toContainEqual(expect.objectContaining({ title: 'Lesecafé', entriesInPeriod: 1 }));
      expect(r.goals[0].indicators[0]).toMatchObject({ current: 10, target: 40, progress: 0.25 });
      expect(r.managementMandate?.version).toBe(2);
      expect(r.readiness?.verdict).toBe('caution');
      // The mandate's use and the home decision, from lib/mandates.
      expect(r.home.usage.units).toEqual([
        expect.objectContaining({ unit: 'hours', perCommitment: 10, used: 20, commitments: 2, overPerCommitment: 1 }),
      ]);
      expect(r.home.decisions).toMatchObject({ decided: 1, open: 0 });
      expect(r.home.decisions.requests[0]).toMatchObject({ status: 'approved', amount: 12 });

      const md = reportMarkdown(reportDocument(r, 'de'));
      expect(md).toContain('# Was wir gegeben und bekommen haben: Alpha Verein');
      expect(md).toContain('| Stunden | 12,5 | 0 | 0 | 0 |');
      const en = reportMarkdown(reportDocument(r, 'en'));
      expect(en).toContain('| EUR | 0 | 0 | 0 | 300 |');
      expect(en).toContain('| All representatives | hours | 10 hours |');
      expect(en).toContain('One request for home approval decided in this period');
      expect(md).toContain('| Alle Vertreter');

      for (const who of ['repB', 'manager', 'observer', 'adviser', 'outsider'] as const)
        await refused(getBoardReport(db, n.actors[who], n.networkId, n.orgs.a), 404);
      await refused(
        getBoardReport(db, n.actors.repA, n.networkId, n.orgs.a, { from: '2026-05-01', to: '2026-04-01' }),
        400,
        'report.errors.toBeforeFrom',
      );
      await refused(
        getBoardReport(db, n.actors.repA, n.networkId, n.orgs.a, { from: '2026-13-01' }),
        400,
        'report.errors.date',
      );
      await refused(
        getBoardReport(db, n.actors.repA, n.networkId, n.orgs.a, { from: '2015-01-01', to: '2026-01-01' }),
        400,
        'report.errors.periodTooLong',
      );
    });
  });
}

readinessContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  readinessContract('PostgreSQL', freshPostgres);
});
