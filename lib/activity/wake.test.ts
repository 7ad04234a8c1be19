import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { available, freshPostgres, freshSqlite, TEST_REDIS_URL } from '@/tests/helpers/services';
import type { Db } from '../db/types';
import { record } from './record';
import { activityWake, ActivityWake, RedisWakeTransport, setActivityWake, type ActivitySignal } from './wake';

const backends: [string, () => Promise<Db & { drop(): Promise<void> }>, boolean][] = [
  ['SQLite', freshSqlite, true],
  ['PostgreSQL', freshPostgres, await available('postgres')],
];

for (const [label, makeDb, enabled] of backends) {
  describe.skipIf(!enabled)(`record() wakes listeners only after the commit (${label})`, () => {
    let db: Db & { drop(): Promise<void> };
    let previous: ActivityWake;
    let wake: ActivityWake;
    const got: ActivitySignal[] = [];

    beforeAll(async () => {
      db = await makeDb();
      previous = activityWake();
      wake = setActivityWake(new ActivityWake());
      wake.subscribe((s) => got.push(s));
    });
    afterEach(() => void got.splice(0));
    afterAll(async () => {
      setActivityWake(previous);
      await db?.drop();
    });

    const entry = (networkId: string) =>
      ({
        networkId,
        actorId: null,
        kind: 'network.created',
        subjectId: networkId,
        data: { name: 'Wake' },
      }) as const;

    it('a committed row wakes once, after the commit, with its id; the row is readable then', async () => {
      const networkId = crypto.randomUUID();
      const seenInside: number[] = [];
      const id = await db.tx(async (q) => {
        const id = await record(q, entry(networkId));
        seenInside.push(got.length);
        return id;
      });
      expect(seenInside).toEqual([0]);
      expect(got).toEqual([{ id, networkId, kind: 'network.created', subjectId: networkId, access: 'none' }]);
      const row = await db.get<{ kind: string }>('SELECT kind FROM activity WHERE id = ?', [id]);
      expect(row?.kind).toBe('network.created');
    });

    it('a rolled-back row wakes nobody', async () => {
      await expect(
        db.tx(async (q) => {
          await record(q, entry(crypto.randomUUID()));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(got).toEqual([]);
    });

    it('a payload that does not match its kind is refused before anything is written', async () => {
      const networkId = crypto.randomUUID();
      await expect(
        db.tx((q) => record(q, { ...entry(networkId), data: { name: 'x', secret: 'no' } as never })),
      ).rejects.toThrow(/does not match the catalog/);
      expect(await db.get('SELECT id FROM activity WHERE network_id = ?', [networkId])).toBeUndefined();
      expect(got).toEqual([]);
    });

    it('an access-changing kind says so in its signal', async () => {
      await db.tx((q) =>
        record(q, {
          networkId: null,
          actorId: 'u1',
          kind: 'account.signedOutEverywhere',
          subjectId: 'u1',
          data: { sessionVersion: 2 },
        }),
      );
      expect(got.map((s) => [s.kind, s.access, s.subjectId])).toEqual([
        ['account.signedOutEverywhere', 'sessions', 'u1'],
      ]);
    });
  });
}

describe.skipIf(!(await available('redis')))('the Redis transport (scale mode)', () => {
  it('delivers a signal to every other instance, not back to its sender', async () => {
    const channel = `nwr:test:activity:${crypto.randomUUID()}`;
    const transports = [0, 1, 2].map(() => new RedisWakeTransport(TEST_REDIS_URL, channel));
    const wakes = transports.map((t) => new ActivityWake(t));
    const got: ActivitySignal[][] = [[], [], []];
    wakes.forEach((w, i) => w.subscribe((s) => got[i].push(s)));
    await Promise.all(transports.map((t) => t.subscribed));
    const signal: ActivitySignal = { id: 7, networkId: 'n1', kind: 'goal.created', subjectId: 'g1', access: 'none' };
    wakes[0].publish(signal);
    const deadline = Date.now() + 10_000;
    while ((got[1].length === 0 || got[2].length === 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    // The sender's own listeners were woken in process, once; the others once each over Redis.
    expect(got).toEqual([[signal], [signal], [signal]]);
    for (const w of wakes) await w.close();
  });
});
