import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { createCommitment } from '@/lib/commitments/create-commitment';
import { createGoal } from '@/lib/goals/create-goal';
import type { DescNode } from '@/lib/goals/description-doc';
import { listFeed } from '@/lib/activity/list-feed';
import { getGoal } from '@/lib/goals/get-goal';
import { listGoalRevisions } from '@/lib/goals/list-goal-revisions';
import { listCommitments } from '@/lib/commitments/list-commitments';
import { listGoals } from '@/lib/goals/list-goals';
import { decideCommitmentPilot } from '@/lib/commitments/decide-commitment-pilot';
import { decideGoalPilot } from '@/lib/goals/decide-goal-pilot';
import { saveGoalText } from '@/lib/goals/save-goal-text';
import { restoreGoalVersion } from '@/lib/goals/restore-goal-version';
import { addDays, today } from '@/lib/core/dates';
import { updateGoal } from '@/lib/goals/update-goal';
import { seedNetwork, type SeededNetwork } from '@/tests/helpers/seed-network';
import { available, freshPostgres, freshSqlite } from '../helpers/services';
import { refused } from './refused';

type Fresh = Db & { drop(): Promise<void> };

const count = async (db: Db, sql: string, params: string[] = []) =>
  Number((await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM ${sql}`, params))?.c);

/**
 * Pilots (concept 6): a pilot goal or commitment with a review date; when it
 * has come, managers and representatives of the organisations taking part
 * decide deepen / repeat / stop with a reason. Every refusal writes nothing.
 */
function pilotContract(name: string, open: () => Promise<Fresh>) {
  describe(`pilot review on ${name}`, () => {
    let db: Fresh;
    let n: SeededNetwork;
    const day = today();
    const soon = addDays(day, 5);

    /** Goal rows, revisions and activity rows: a refusal must change none of them. */
    const written = async () => [
      await count(db, 'goals'),
      await count(db, 'goal_revisions'),
      await count(db, 'activity'),
      await count(db, 'commitments'),
    ];
    const pilot = (title: string, reviewOn: string) =>
      createGoal(db, n.actors.repA, n.networkId, { title, status: 'pilot', reviewOn, organisationIds: [n.orgs.b] });
    /** The review date has come: moved into the past as time would (the API refuses setting a past date). */
    const letTimePass = (goalId: string) =>
      db.run('UPDATE goals SET review_on = ? WHERE id = ?', [addDays(day, -3), goalId]);

    beforeAll(async () => {
      db = await open();
      n = await seedNetwork(db);
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('a pilot goal is proposed with a review date; a missing, malformed or past date is refused', async () => {
      const before = await written();
      const mk = (extra: Record<string, unknown>) =>
        createGoal(db, n.actors.repA, n.networkId, { title: 'Pilot without date', status: 'pilot', ...extra });
      await refused(mk({}), 400, 'cooperation.errors.reviewDateRequired');
      await refused(mk({ reviewOn: '' }), 400, 'cooperation.errors.reviewDateRequired');
      await refused(mk({ reviewOn: '2026-02-30' }), 400, 'cooperation.errors.reviewDateMalformed');
      await refused(mk({ reviewOn: 'next week' }), 400, 'cooperation.errors.reviewDateMalformed');
      await refused(mk({ reviewOn: addDays(day, -1) }), 400, 'cooperation.errors.reviewDatePast');
      await refused(
        createGoal(db, n.actors.repA, n.networkId, { title: 'Not a pilot', reviewOn: soon }),
        400,
        'cooperation.errors.reviewOnlyForPilot',
      );
      expect(await written()).toEqual(before);
      const g = await pilot('Shared cargo bike', soon);
      expect(g).toMatchObject({ status: 'pilot', reviewOn: soon, reviewDue: false });
      const revs = await listGoalRevisions(db, n.actors.observer, n.networkId, g.id);
      expect(revs[0].snapshot).toMatchObject({ status: 'pilot', reviewOn: soon });
    });

    it('a goal changed to pilot needs a review date and leaves pilot only through its review', async () => {
      const g = await createGoal(db, n.actors.repA, n.networkId, { title: 'Becomes a pilot' });
      const before = await written();
      await refused(
        updateGoal(db, n.actors.repA, n.networkId, g.id, { status: 'pilot' }),
        400,
        'cooperation.errors.reviewDateRequired',
      );
      await refused(
        updateGoal(db, n.actors.repA, n.networkId, g.id, { status: 'pilot', reviewOn: addDays(day, -2) }),
        400,
        'cooperation.errors.reviewDatePast',
      );
      expect(await written()).toEqual(before);
      const p = await updateGoal(db, n.actors.repA, n.networkId, g.id, { status: 'pilot', reviewOn: soon });
      expect(p).toMatchObject({ status: 'pilot', reviewOn: soon });
      // Other changes keep the date; a new date alone is a version of its own.
      expect(await updateGoal(db, n.actors.repA, n.networkId, g.id, { targetDate: '2027-03-01' })).toMatchObject({
        reviewOn: soon,
      });
      const moved = await updateGoal(db, n.actors.repA, n.networkId, g.id, { reviewOn: addDays(day, 9) });
      expect(moved.reviewOn).toBe(addDays(day, 9));
      // It leaves `pilot` only through its review: a bare status change is refused, even for a manager.
      const beforeBare = await written();
      for (const status of ['active', 'dropped', 'achieved'] as const)
        await refused(
          updateGoal(db, n.actors.manager, n.networkId, g.id, { status }),
          409,
          'cooperation.errors.pilotEndsByReview',
        );
      expect(await written()).toEqual(beforeBare);
      const revs = await listGoalRevisions(db, n.actors.observer, n.networkId, g.id);
      expect(revs[0].changed).toEqual(['reviewOn']);
    });

    it('a review due shows on the board filter and the goal; deciding early must be explicit', async () => {
      const due = await pilot('Pilot due today', day);
      expect(due.reviewDue).toBe(true);
      const later = await pilot('Pilot due later', soon);
      const board = await listGoals(db, n.actors.observer, n.networkId, { review: 'due' });
      expect(board.goals.map((g) => g.title)).toContain('Pilot due today');
      expect(board.goals.map((g) => g.title)).not.toContain('Pilot due later');
      expect(board.goals.every((g) => g.reviewDue)).toBe(true);
      const forB = await listGoals(db, n.actors.repB, n.networkId, { review: 'due', organisationId: n.orgs.b });
      expect(forB.goals.map((g) => g.id)).toContain(due.id);

      const before = await written();
      await refused(
        decideGoalPilot(db, n.actors.repA, n.networkId, later.id, { decision: 'deepen', reason: 'Works well' }),
        409,
        'cooperation.errors.reviewNotDue',
      );
      expect(await written()).toEqual(before);
      const early = await decideGoalPilot(db, n.actors.repA, n.networkId, later.id, {
        decision: 'deepen',
        reason: 'Clear success after two weeks',
        early: true,
      });
      expect(early.goal).toMatchObject({ status: 'active', reviewOn: null, reviewDue: false });
      expect(early.decision).toMatchObject({ decision: 'deepen', early: true });
    });

    it('deepen makes the goal active: a version with who, when, decision and reason, and an activity entry', async () => {
      const g = await pilot('Joint volunteer training', soon);
      await letTimePass(g.id);
      expect((await getGoal(db, n.actors.observer, n.networkId, g.id)).goal.reviewDue).toBe(true);
      const r = await decideGoalPilot(db, n.actors.repB, n.networkId, g.id, {
        decision: 'deepen',
        reason: 'Both trainings were full.',
      });
      expect(r.goal).toMatchObject({ status: 'active', reviewOn: null, version: 2 });
      const [rev] = await listGoalRevisions(db, n.actors.observer, n.networkId, g.id);
      expect(rev).toMatchObject({
        version: 2,
        actorId: n.users.repB.id,
        changed: ['pilotDecision', 'status', 'reviewOn'],
        decision: { decision: 'deepen', reason: 'Both trainings were full.', early: false, nextReviewOn: null },
      });
      expect(rev.snapshot.status).toBe('active');
      const feed = await listFeed(db, n.actors.observer, n.networkId, { limit: 5 });
      expect(feed[0]).toMatchObject({
        kind: 'goal.pilot_decided',
        subjectId: g.id,
        actorId: n.users.repB.id,
        data: { decision: 'deepen', reason: 'Both trainings were full.', status: 'active' },
      });
    });

    it('repeat keeps the pilot with a new review date (required, not in the past); stop drops the goal', async () => {
      const g = await pilot('Repair café pilot', soon);
      await letTimePass(g.id);
      const before = await written();
      await refused(
        decideGoalPilot(db, n.actors.manager, n.networkId, g.id, { decision: 'repeat', reason: 'Too early to say' }),
        400,
        'cooperation.errors.reviewDateRequired',
      );
      await refused(
        decideGoalPilot(db, n.actors.manager, n.networkId, g.id, {
          decision: 'repeat',
          reason: 'Too early to say',
          nextReviewOn: addDays(day, -1),
        }),
        400,
        'cooperation.errors.reviewDatePast',
      );
      await refused(
        decideGoalPilot(db, n.actors.manager, n.networkId, g.id, {
          decision: 'repeat',
          reason: 'Too early to say',
          nextReviewOn: '31.12.2027',
        }),
        400,
        'cooperation.errors.reviewDateMalformed',
      );
      await refused(
        decideGoalPilot(db, n.actors.manager, n.networkId, g.id, {
          decision: 'stop',
          reason: 'Nobody came',
          nextReviewOn: soon,
        }),
        400,
        'cooperation.errors.nextReviewOnlyForRepeat',
      );
      await refused(
        decideGoalPilot(db, n.actors.manager, n.networkId, g.id, { decision: 'stop', reason: ' ' }),
        400,
        'cooperation.errors.pilotReasonRequired',
      );
      await refused(
        decideGoalPilot(db, n.actors.manager, n.networkId, g.id, { decision: 'maybe', reason: 'hm hm' } as never),
        400,
      );
      expect(await written()).toEqual(before);

      const next = addDays(day, 30);
      const repeated = await decideGoalPilot(db, n.actors.manager, n.networkId, g.id, {
        decision: 'repeat',
        reason: 'One more season',
        nextReviewOn: next,
      });
      expect(repeated.goal).toMatchObject({ status: 'pilot', reviewOn: next, reviewDue: false });
      const stopped = await decideGoalPilot(db, n.actors.manager, n.networkId, g.id, {
        decision: 'stop',
        reason: 'The second season had no visitors.',
        early: true,
      });
      expect(stopped.goal).toMatchObject({ status: 'dropped', reviewOn: null });
      const revs = await listGoalRevisions(db, n.actors.observer, n.networkId, g.id);
      expect(revs.map((r) => r.decision?.decision ?? null)).toEqual(['stop', 'repeat', null]);
    });

    it('only managers and representatives of participating organisations decide; never on a non-pilot', async () => {
      const g = await pilot('Only for participants', day);
      const plain = await createGoal(db, n.actors.repA, n.networkId, { title: 'Ordinary goal' });
      const before = await written();
      const stop = { decision: 'stop' as const, reason: 'We want to stop.' };
      await refused(decideGoalPilot(db, n.actors.repC, n.networkId, g.id, stop), 403);
      await refused(decideGoalPilot(db, n.actors.homeA, n.networkId, g.id, stop), 403);
      await refused(decideGoalPilot(db, n.actors.observer, n.networkId, g.id, stop), 403);
      await refused(decideGoalPilot(db, n.actors.adviser, n.networkId, g.id, stop), 403);
      await refused(decideGoalPilot(db, n.actors.outsider, n.networkId, g.id, stop), 404);
      await refused(
        decideGoalPilot(db, n.actors.repA, n.networkId, g.id, { ...stop, expectedVersion: 7 }),
        409,
        'cooperation.errors.goalChanged',
      );
      await refused(
        decideGoalPilot(db, n.actors.repA, n.networkId, plain.id, { ...stop, early: true }),
        409,
        'cooperation.errors.notPilot',
      );
      await refused(
        decideGoalPilot(db, n.actors.repA, n.networkId, '00000000-0000-4000-8000-000000000000', stop),
        404,
        'cooperation.errors.goalNotFound',
      );
      expect(await written()).toEqual(before);
      expect((await getGoal(db, n.actors.repA, n.networkId, g.id)).goal.status).toBe('pilot');
    });

    it('a commitment marked as a pilot is reviewed: due list, deepen, repeat, stop withdraws it', async () => {
      const goal = await createGoal(db, n.actors.repA, n.networkId, { title: 'Commitments pilot goal' });
      const commit = (extra: Record<string, unknown>) =>
        createCommitment(db, n.actors.repA, n.networkId, {
          organisationId: n.orgs.a,
          goalId: goal.id,
          unit: 'hours',
          amount: 10,
          dueOn: addDays(day, 60),
          commit: true,
          ...extra,
        });
      const before = await written();
      await refused(commit({ pilotReviewOn: addDays(day, -1) }), 400, 'cooperation.errors.reviewDatePast');
      await refused(commit({ pilotReviewOn: '2026-13-01' }), 400, 'cooperation.errors.reviewDateMalformed');
      expect(await written()).toEqual(before);

      const due = await commit({ pilotReviewOn: day });
      expect(due).toMatchObject({ pilotReviewOn: day, reviewDue: true, status: 'committed' });
      const later = await commit({ pilotReviewOn: soon });
      const ordinary = await commit({});
      expect(ordinary).toMatchObject({ pilotReviewOn: null, reviewDue: false });
      const list = await listCommitments(db, n.actors.observer, n.networkId, {
        view: 'review_due',
        organisationId: n.orgs.a,
      });
      expect(list.commitments.map((c) => c.id)).toEqual([due.id]);

      const mid = await written();
      const reason = { decision: 'stop' as const, reason: 'Not needed after all.' };
      await refused(decideCommitmentPilot(db, n.actors.repB, n.networkId, due.id, reason), 403);
      await refused(decideCommitmentPilot(db, n.actors.observer, n.networkId, due.id, reason), 403);
      await refused(decideCommitmentPilot(db, n.actors.outsider, n.networkId, due.id, reason), 404);
      await refused(
        decideCommitmentPilot(db, n.actors.repA, n.networkId, ordinary.id, { ...reason, early: true }),
        409,
        'cooperation.errors.notPilot',
      );
      await refused(
        decideCommitmentPilot(db, n.actors.repA, n.networkId, later.id, reason),
        409,
        'cooperation.errors.reviewNotDue',
      );
      expect(await written()).toEqual(mid);

      const repeated = await decideCommitmentPilot(db, n.actors.manager, n.networkId, due.id, {
        decision: 'repeat',
        reason: 'Another month',
        nextReviewOn: addDays(day, 30),
      });
      expect(repeated.commitment).toMatchObject({ pilotReviewOn: addDays(day, 30), reviewDue: false });
      const deepened = await decideCommitmentPilot(db, n.actors.repA, n.networkId, later.id, {
        decision: 'deepen',
        reason: 'Keep it going',
        early: true,
      });
      expect(deepened.commitment).toMatchObject({ pilotReviewOn: null, status: 'committed' });
      const stopped = await decideCommitmentPilot(db, n.actors.repA, n.networkId, due.id, { ...reason, early: true });
      expect(stopped.commitment).toMatchObject({ status: 'withdrawn', withdrawReason: 'Not needed after all.' });
      const feed = await listFeed(db, n.actors.observer, n.networkId, { limit: 1 });
      expect(feed[0]).toMatchObject({
        kind: 'commitment.pilot_decided',
        subjectId: due.id,
        data: { decision: 'stop', early: true, from: 'committed', to: 'withdrawn' },
      });
      await refused(
        decideCommitmentPilot(db, n.actors.repA, n.networkId, due.id, { ...reason, early: true }),
        409,
        'cooperation.errors.notPilot',
      );
    });
  });

  describe(`formatted description versions on ${name}`, () => {
    let db: Fresh;
    let n: SeededNetwork;
    beforeAll(async () => {
      db = await open();
      n = await seedNetwork(db);
    });
    afterAll(async () => {
      await db?.drop();
    });

    const rich: DescNode[] = [
      { type: 'heading', attrs: { level: 2 }, content: [{ delta: [{ insert: 'Plan' }] }] },
      {
        type: 'paragraph',
        content: [
          {
            delta: [
              { insert: 'Rooms from ' },
              { insert: 'Alpha', attributes: { strong: {} } },
              { insert: ', see ' },
              { insert: 'the site', attributes: { link: { href: 'https://example.org/', title: null } } },
            ],
          },
        ],
      },
    ];

    it('each text version keeps its structure; later versions of other fields carry it; bad structure is refused', async () => {
      const g = await createGoal(db, n.actors.repA, n.networkId, { title: 'Formatted goal' });
      await saveGoalText(db, n.actors.repA, n.networkId, g.id, {
        description: 'Plan\nRooms from Alpha, see the site',
        descriptionDoc: rich,
      });
      await updateGoal(db, n.actors.repA, n.networkId, g.id, { targetDate: '2027-05-01' });
      await saveGoalText(db, n.actors.repA, n.networkId, g.id, { description: 'plain words only' });
      const revs = await listGoalRevisions(db, n.actors.observer, n.networkId, g.id);
      expect(revs.map((r) => r.version)).toEqual([4, 3, 2, 1]);
      expect(revs[2].snapshot.descriptionDoc).toEqual(rich);
      expect(revs[1].snapshot.descriptionDoc).toEqual(rich);
      expect(revs[0].snapshot.descriptionDoc).toBeNull();
      expect(revs[3].snapshot.descriptionDoc).toBeNull();

      // Restoring writes the structure again as a new version, saying which one it restores.
      await restoreGoalVersion(db, n.actors.repA, n.networkId, g.id, 2);
      const [restored] = await listGoalRevisions(db, n.actors.observer, n.networkId, g.id);
      expect(restored).toMatchObject({ version: 5, restoredFrom: 2 });
      expect(restored.snapshot.descriptionDoc).toEqual(rich);

      const before = await count(db, 'goal_revisions');
      const deep: DescNode[] = [{ type: 'paragraph' }];
      let cur = deep[0] as { type: string; content?: DescNode[] };
      for (let i = 0; i < 30; i++) {
        const child = { type: 'blockquote' };
        cur.content = [child];
        cur = child;
      }
      await refused(
        saveGoalText(db, n.actors.repA, n.networkId, g.id, { description: 'x', descriptionDoc: deep }),
        400,
      );
      await refused(
        saveGoalText(db, n.actors.repA, n.networkId, g.id, {
          description: 'x',
          descriptionDoc: [{ type: '<script>' }] as never,
        }),
        400,
      );
      expect(await count(db, 'goal_revisions')).toBe(before);
    });
  });
}

pilotContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  pilotContract('PostgreSQL', freshPostgres);
});
