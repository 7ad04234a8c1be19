import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { getHealth } from '@/lib/health/get-health';
import { setDormancyWeeks } from '@/lib/health/set-dormancy-weeks';
import { recordEntry } from '@/lib/ledger/record-entry';
import { respondEntry } from '@/lib/ledger/respond-entry';
import { dormancy } from '@/lib/for-me/sources/dormancy';
import { runMonthlyHealthSnapshots, takeHealthSnapshot } from '@/lib/health/snapshots';
import { seedNetwork, type PersonKey, type SeededNetwork } from '@/tests/helpers/seed-network';
import { available, freshPostgres, freshSqlite } from '../helpers/services';
import { refused } from './refused';

type Fresh = Db & { drop(): Promise<void> };

/** Wednesday 17 June 2026, noon UTC: the clock of every read below. */
const NOW = Date.parse('2026-06-17T12:00:00Z');
const ms = (d: string) => Date.parse(`${d}T10:00:00Z`);

/**
 * Network health on real records (lib/health): the map and its structure from
 * confirmed entries only (corrections netted), snapshots that give the same
 * figures as the live read and are really read, the empty-shell warning from
 * weekly investment, the horizon against a quarter ago, and who may read and
 * set what.
 */
function healthContract(name: string, open: () => Promise<Fresh>) {
  describe(`network health on ${name}`, () => {
    let db: Fresh;
    let n: SeededNetwork;

    const entry = async (
      giver: string,
      receiver: string,
      on: string,
      amount: number,
      unit = 'hours',
      status = 'confirmed',
      reverses: string | null = null,
    ) => {
      const id = randomUUID();
      await db.run(
        `INSERT INTO ledger_entries (id, network_id, kind, giver_org_id, receiver_org_id, recorder_org_id, counterparty_org_id, unit,
           amount_milli, occurred_on, status, reverses_id, recorded_by, created_at)
         VALUES (?, ?, 'give', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          n.networkId,
          giver,
          receiver,
          giver,
          receiver,
          unit,
          amount * 1000,
          on,
          status,
          reverses,
          n.users.repA.id,
          ms(on),
        ],
      );
      return id;
    };
    const commitment = async (
      org: string,
      goalId: string,
      created: string,
      due: string,
      status: string,
      delivered?: string,
    ) =>
      db.run(
        `INSERT INTO commitments (id, network_id, goal_id, organisation_id, unit, amount_milli, due_on, status, committed_by, created_at, updated_at, delivered_at)
         VALUES (?, ?, ?, ?, 'hours', 1000, ?, ?, ?, ?, ?, ?)`,
        [
          randomUUID(),
          n.networkId,
          goalId,
          org,
          due,
          status,
          n.users.repA.id,
          ms(created),
          ms(delivered ?? created),
          delivered ? ms(delivered) : null,
        ],
      );
    const read = (who: keyof SeededNetwork['actors'], q = {}, useSnapshots = true) =>
      getHealth(db, n.actors[who], n.networkId, q, { now: NOW, useSnapshots });

    beforeAll(async () => {
      db = await open();
      n = await seedNetwork(db);
      const { a, b, c } = n.orgs;
      // Alpha at the centre: it gives to Beta and Gamma, both give back to it.
      await entry(a, b, '2026-03-03', 3);
      await entry(a, b, '2026-03-20', 3);
      await entry(b, a, '2026-03-10', 2);
      await entry(a, c, '2026-04-14', 100, 'money_eur');
      await entry(c, a, '2026-05-06', 1);
      // Not counted: pending, disputed; a confirmed entry and its confirmed correction cancel out.
      await entry(b, c, '2026-04-01', 7, 'hours', 'pending');
      await entry(c, b, '2026-04-02', 7, 'hours', 'disputed');
      const wrong = await entry(a, c, '2026-04-20', 5);
      await entry(a, c, '2026-04-21', -5, 'hours', 'confirmed', wrong);
      // Alpha keeps giving one hour a week in the last four weeks (after the map's period below).
      for (const d of ['2026-05-18', '2026-05-25', '2026-06-01', '2026-06-08']) await entry(a, b, d, 1);

      const goalId = randomUUID();
      await db.run(
        `INSERT INTO goals (id, network_id, title, status, created_by, created_at, updated_at) VALUES (?, ?, 'Shared goal', 'active', ?, ?, ?)`,
        [goalId, n.networkId, n.users.manager.id, ms('2026-01-10'), ms('2026-01-10')],
      );
      await commitment(a, goalId, '2026-02-01', '2026-09-30', 'committed');
      await commitment(b, goalId, '2026-03-01', '2026-12-31', 'delivered', '2026-05-01');
      await commitment(c, goalId, '2026-04-20', '2026-07-01', 'committed');
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('the map counts confirmed exchanges between organisations; Alpha is the hub of a star', async () => {
      const h = await read('observer', { from: '2026-01-01', to: '2026-05-15' });
      const { a, b, c } = n.orgs;
      const edges = Object.fromEntries(h.map.edges.map((e) => [`${e.source}>${e.target}`, e.count]));
      expect(edges).toEqual({ [`${a}>${b}`]: 2, [`${b}>${a}`]: 1, [`${a}>${c}`]: 1, [`${c}>${a}`]: 1 });
      expect(h.map.edgesTotal).toBe(4);
      expect(h.map.edges[0]).toMatchObject({ source: a, target: b, weight: 2 }); // the largest first
      expect(h.structure).toMatchObject({
        organisations: 3,
        exchanges: 5,
        centralisation: { total: 1 },
        topPartner: { id: a, name: 'Alpha Verein', share: 1 },
        verdict: 'dominated',
      });
      // In hours: 6 from Alpha to Beta, 2 back, 1 from Gamma; the corrected 5 hours are gone.
      const hours = await read('repB', { unit: 'hours', from: '2026-01-01', to: '2026-05-15' });
      expect(Object.fromEntries(hours.map.edges.map((e) => [`${e.source}>${e.target}`, e.weight]))).toEqual({
        [`${a}>${b}`]: 6,
        [`${b}>${a}`]: 2,
        [`${c}>${a}`]: 1,
      });
      expect(hours.map.nodes.find((x) => x.id === a)).toMatchObject({ given: 6, received: 3 });
      // Only Beta and Gamma: nothing flowed between them that counts.
      const pair = await read('repA', { from: '2026-01-01', to: '2026-05-15', organisations: `${b},${c}` });
      expect(pair.map.edges).toEqual([]);
      expect(pair.structure.verdict).toBe('insufficient');
      expect(pair.investment.organisations.map((o) => o.id).sort()).toEqual([b, c].sort());
    });

    it('the trend by month and quarter; snapshots give the same figures as the live read, and are what is read', async () => {
      const q = { from: '2026-01-01', to: '2026-06-17' };
      const live = await read('repA', q, false);
      expect(live.trend.months.map((m) => [m.period, m.exchanges])).toEqual([
        ['2026-01', 0],
        ['2026-02', 0],
        ['2026-03', 3],
        ['2026-04', 1],
        ['2026-05', 3],
        ['2026-06', 2],
      ]);
      expect(live.trend.quarters.map((m) => [m.period, m.exchanges, m.verdict])).toEqual([
        ['2026-Q1', 3, 'insufficient'],
        ['2026-Q2', 6, 'dominated'],
      ]);

      expect(await runMonthlyHealthSnapshots(db, new Date(NOW))).toMatchObject({ taken: 3 }); // March, April, May
      expect(await runMonthlyHealthSnapshots(db, NOW)).toMatchObject({ taken: 0 }); // the job may pass ms
      const snap = await read('repA', q);
      expect(snap.trend.months.map((m) => m.source)).toEqual([
        'live',
        'live',
        'snapshot',
        'snapshot',
        'snapshot',
        'live',
      ]);
      const strip = <T extends { source: string }>(xs: T[]) => xs.map(({ source: _, ...rest }) => rest);
      expect(strip(snap.trend.months)).toEqual(strip(live.trend.months));
      expect(strip(snap.trend.quarters)).toEqual(strip(live.trend.quarters));
      expect(strip(snap.horizon.trend)).toEqual(strip(live.horizon.trend));

      // The snapshot is what is read: a kept figure shows even if the ledger said otherwise.
      const row = await db.get<{ data: string }>(
        'SELECT data FROM health_snapshots WHERE network_id = ? AND month = ?',
        [n.networkId, '2026-04'],
      );
      const data = JSON.parse(row!.data);
      data.month_structure.count.exchanges = 999;
      await db.run('UPDATE health_snapshots SET data = ? WHERE network_id = ? AND month = ?', [
        JSON.stringify(data),
        n.networkId,
        '2026-04',
      ]);
      // (Changed behind the app's back, in SQL and at the same clock: the read must not take its kept figures.)
      const uncached = () => getHealth(db, n.actors.repA, n.networkId, q, { now: NOW, cache: false });
      expect((await uncached()).trend.months[3]).toMatchObject({ period: '2026-04', exchanges: 999 });
      // Taking it again puts the true figure back; an organisation filter never reads snapshots.
      await takeHealthSnapshot(db, n.networkId, '2026-04', NOW);
      expect((await uncached()).trend.months[3]).toMatchObject({ exchanges: 1, source: 'snapshot' });
      const filtered = await read('repA', { ...q, organisations: `${n.orgs.a},${n.orgs.b}` });
      expect(filtered.trend.months.every((m) => m.source === 'live')).toBe(true);
    });

    it('investment per week: a silent organisation is dormant after N weeks; most dormant warns the network', async () => {
      const h = await read('repB');
      const { a, b, c } = n.orgs;
      expect(h.investment.weeks.at(-1)).toBe('2026-06-08');
      const org = (id: string) => h.investment.organisations.find((o) => o.id === id)!;
      expect(
        org(a)
          .weeks.slice(-4)
          .map((w) => w.given),
      ).toEqual([1, 1, 1, 1]);
      expect(org(a)).toMatchObject({ streak: 0, dormant: false });
      expect(org(b)).toMatchObject({ dormant: true });
      expect(org(c).streak).toBe(5); // gave in the week of 4 May, nothing since
      expect(org(c).dormant).toBe(true);
      expect(h.investment).toMatchObject({
        dormantOrganisations: 2,
        activeOrganisations: 3,
        networkDormant: true,
        mineDormant: true,
      });
      expect((await read('repA')).investment.mineDormant).toBe(false);

      // The same warning where people look ("for me", the bell, the digest): its own people and the managers see
      // a dormant organisation, every member the network's warning, nobody else anything.
      const warned = async (who: PersonKey) =>
        (await dormancy.list({ q: db, actor: n.actors[who], networkId: n.networkId, now: NOW, today: '2026-06-17' }))
          .map((i) => `${i.key}:${i.id}`)
          .sort();
      const network = 'followUp.needs.networkDormant:network';
      expect(await warned('repB')).toEqual([network, `followUp.needs.ownDormant:${b}`]);
      expect(await warned('repA')).toEqual([network]);
      expect(await warned('manager')).toEqual(
        [network, `followUp.needs.orgDormant:${b}`, `followUp.needs.orgDormant:${c}`].sort(),
      );
      expect(await warned('outsider')).toEqual([]);

      // Beta's people take part again this week: Beta is no longer dormant, nor is the network.
      await db.run(
        'INSERT INTO activity (network_id, actor_id, kind, subject_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [n.networkId, n.users.repB.id, 'goal.commented', randomUUID(), '{}', ms('2026-06-09')],
      );
      const after = await read('repB');
      expect(after.investment.organisations.find((o) => o.id === b)).toMatchObject({ streak: 0, dormant: false });
      expect(after.investment.organisations.find((o) => o.id === b)!.weeks.at(-1)!.participation).toBe(1);
      expect(after.investment).toMatchObject({ dormantOrganisations: 1, networkDormant: false, mineDormant: false });
      expect(await warned('repB')).toEqual([]);
      expect(await warned('manager')).toEqual([`followUp.needs.orgDormant:${c}`]);
      // A new network whose organisations never contributed: nothing fell, nobody is warned.
      const fresh = await seedNetwork(db);
      for (const who of ['manager', 'repA'] as const)
        expect(
          await dormancy.list({
            q: db,
            actor: fresh.actors[who],
            networkId: fresh.networkId,
            now: NOW,
            today: '2026-06-17',
          }),
        ).toEqual([]);
      // … and its health page says they have not started yet, instead of calling them dormant.
      const freshHealth = await getHealth(db, fresh.actors.repA, fresh.networkId, {}, { now: NOW });
      expect(freshHealth.investment.organisations.length).toBeGreaterThan(0);
      for (const o of freshHealth.investment.organisations)
        expect(o).toMatchObject({ status: 'active', notStarted: true, dormant: false });
      expect(freshHealth.investment).toMatchObject({ dormantOrganisations: 0, networkDormant: false });
      // Gamma gave once (4 May), then fell silent: it has started, so it is dormant, not "not started".
      expect(org(c).notStarted).toBe(false);
    });

    it('the horizon: open commitments ahead now against a quarter ago, shrinking', async () => {
      const h = await read('adviser');
      expect(h.horizon.now).toEqual({ planned: 2, medianDays: 59.5, furthestDays: 105, furthestDate: '2026-09-30' });
      expect(h.horizon.quarterAgo).toMatchObject({
        date: '2026-03-18',
        planned: 2,
        medianDays: 242,
        furthestDays: 288,
      });
      expect(h.horizon.change).toEqual({ ratio: 0.246, shrinking: true });
      expect(h.horizon.pairs).toMatchObject({ total: 2, repeated: 2 });
    });

    it('members read, others get 404; bad queries are refused with a message key', async () => {
      await refused(read('outsider'), 404);
      await expect(read('homeA')).resolves.toBeTruthy();
      await refused(read('repA', { unit: 'parsecs' }), 400, 'cooperation.errors.unknownUnit');
      await refused(read('repA', { from: '2026-05-01', to: '2026-04-01' }), 400, 'health.errors.fromAfterTo');
      await refused(read('repA', { from: '2019-01-01', to: '2026-04-01' }), 400, 'health.errors.periodTooLong');
      await refused(read('repA', { organisations: randomUUID() }), 400, 'health.errors.unknownOrganisation');
      await refused(read('repA', { organisations: 'not-an-id' }), 400, 'errors.invalidInput');
    });

    it('dormancy weeks: managers set them, everyone else is refused and nothing changes', async () => {
      await refused(
        setDormancyWeeks(db, n.actors.repA, n.networkId, { dormancyWeeks: 6 }),
        403,
        'health.errors.onlyManagers',
      );
      await refused(setDormancyWeeks(db, n.actors.outsider, n.networkId, { dormancyWeeks: 6 }), 404);
      await refused(
        setDormancyWeeks(db, n.actors.manager, n.networkId, { dormancyWeeks: 1 }),
        400,
        'errors.invalidInput',
      );
      expect((await read('repA')).dormancyWeeks).toBe(4);
      await setDormancyWeeks(db, n.actors.manager, n.networkId, { dormancyWeeks: 6 });
      const h = await read('repA');
      expect(h.dormancyWeeks).toBe(6);
      // Gamma has been silent five weeks: with six it is not dormant yet.
      expect(h.investment.organisations.find((o) => o.id === n.orgs.c)).toMatchObject({ streak: 5, dormant: false });
    });

    it('the figures are kept between reads; a write through a command, or a new snapshot, shows on the next read', async () => {
      const q = { from: '2026-01-01', to: '2026-06-17', unit: 'hours' };
      const first = await read('repA', q);
      const again = await read('repB', q);
      // The same read again is the kept one (the very same figures), with the reader's own parts.
      expect(again.map).toBe(first.map);
      expect(again.abilities).toEqual({ manage: false });
      expect((await read('manager', q)).abilities).toEqual({ manage: true });
      expect(again.map).toEqual((await getHealth(db, n.actors.repA, n.networkId, q, { now: NOW, cache: false })).map);
      // Beta gives Gamma four hours and Gamma confirms: both writes are commands; the next read counts the flow.
      const { b, c } = n.orgs;
      const edge = (h: typeof first) => h.map.edges.find((e) => e.source === b && e.target === c) ?? null;
      expect(edge(first)).toBeNull();
      const rec = await recordEntry(db, n.actors.repB, n.networkId, {
        organisationId: b,
        kind: 'give',
        partnerOrganisationId: c,
        unit: 'hours',
        amount: 4,
        date: '2026-06-10',
      });
      const pending = await read('repA', q);
      expect(pending.map).not.toBe(first.map);
      expect(edge(pending)).toBeNull(); // not confirmed yet
      await respondEntry(db, n.actors.repC, n.networkId, rec.id, { response: 'confirm' });
      const after = await read('repA', q);
      expect(edge(after)).toMatchObject({ weight: 4, count: 1 });
      expect(after.structure).toEqual(
        (await getHealth(db, n.actors.repA, n.networkId, q, { now: NOW, cache: false })).structure,
      );
      // Another day is another read: the kept figures are the day's.
      const nextDay = await getHealth(db, n.actors.repA, n.networkId, q, { now: NOW + 86_400_000 });
      expect(nextDay.map).not.toBe(after.map);
      // The monthly job (no activity row) also makes the next read compute afresh.
      const kept = await read('repA', q);
      expect(kept.map).toBe(after.map);
      await takeHealthSnapshot(db, n.networkId, '2026-05', NOW + 1);
      expect((await read('repA', q)).map).not.toBe(after.map);
    });
  });
}

healthContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  healthContract('PostgreSQL', freshPostgres);
});
