import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { available, freshPostgres, freshSqlite } from '@/tests/helpers/services';
import {
  ACCOUNT_MAX_WAIT_MS,
  accountWaitMs,
  ADDRESS_MAX_FAILURES_PER_DAY,
  checkThrottle,
  clearAccountThrottle,
  hitLimit,
  recordFailure,
  recordSuccess,
  reserveAttempt,
} from './throttle';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('the wait after consecutive failures', () => {
  it('is nothing for four failures, 30 s after the fifth, doubling after that, and never above 15 minutes', () => {
    expect([1, 2, 3, 4].map(accountWaitMs)).toEqual([0, 0, 0, 0]);
    expect(accountWaitMs(5)).toBe(30_000);
    expect(accountWaitMs(6)).toBe(60_000);
    expect(accountWaitMs(7)).toBe(120_000);
    expect(accountWaitMs(50)).toBe(ACCOUNT_MAX_WAIT_MS);
  });
});

const backends: [string, () => Promise<Db & { drop(): Promise<void> }>, boolean][] = [
  ['SQLite', freshSqlite, true],
  ['PostgreSQL', freshPostgres, await available('postgres')],
];

for (const [name, open, runs] of backends) {
  describe.skipIf(!runs)(`sign-in throttling on ${name}`, () => {
    let db: Db & { drop(): Promise<void> };
    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await db?.drop();
    });

    let n = 0;
    const subject = (address = '198.51.100.1') => ({ email: `person${n++}@example.org`, address });
    const fail = async (s: { email: string; address: string }, times: number, now: number) => {
      for (let i = 0; i < times; i++) await recordFailure(db, s, now);
    };

    it('allows four failures, then makes the sixth attempt wait', async () => {
      const s = subject();
      await fail(s, 4, T0);
      expect(await checkThrottle(db, s, T0)).toEqual({ allowed: true });
      await fail(s, 1, T0);
      expect(await checkThrottle(db, s, T0 + 1000)).toEqual({ allowed: false, retryAfterMs: 29_000 });
      expect((await checkThrottle(db, s, T0 + 30_000)).allowed).toBe(true);
    });

    it('makes the wait grow with every further failure, up to 15 minutes', async () => {
      const s = subject();
      let now = T0;
      const waits: number[] = [];
      for (let i = 1; i <= 12; i++) {
        await recordFailure(db, s, now);
        const v = await checkThrottle(db, s, now);
        waits.push(v.allowed ? 0 : v.retryAfterMs);
        if (!v.allowed) now += v.retryAfterMs; // the attacker waits exactly as long as told
      }
      expect(waits).toEqual([0, 0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
    });

    it('a success clears the account streak', async () => {
      const s = subject();
      await fail(s, 4, T0);
      await recordSuccess(db, s);
      await fail(s, 4, T0);
      expect((await checkThrottle(db, s, T0)).allowed).toBe(true);
    });

    it('the same account from another address is not affected', async () => {
      const s = subject('198.51.100.20');
      await fail(s, 5, T0);
      expect((await checkThrottle(db, s, T0)).allowed).toBe(false);
      expect((await checkThrottle(db, { ...s, address: '198.51.100.21' }, T0)).allowed).toBe(true);
    });

    it('the email is matched without regard to case', async () => {
      const s = subject('198.51.100.30');
      await fail(s, 5, T0);
      expect((await checkThrottle(db, { ...s, email: s.email.toUpperCase() }, T0)).allowed).toBe(false);
    });

    it('a streak whose first failure is a day old starts over', async () => {
      const s = subject('198.51.100.40');
      await fail(s, 4, T0);
      await fail(s, 1, T0 + DAY + 1);
      expect((await checkThrottle(db, s, T0 + DAY + 1)).allowed).toBe(true);
    });

    it('over 100 failures in a day from one address block that address for every account until the day is over', async () => {
      const address = '198.51.100.50';
      for (let i = 0; i < ADDRESS_MAX_FAILURES_PER_DAY; i++) await recordFailure(db, subject(address), T0 + i);
      const fresh = subject(address);
      expect((await checkThrottle(db, fresh, T0 + 200)).allowed).toBe(true);
      await recordFailure(db, subject(address), T0 + 200);
      const v = await checkThrottle(db, fresh, T0 + 300);
      expect(v).toEqual({ allowed: false, retryAfterMs: DAY - 300 });
      expect((await checkThrottle(db, fresh, T0 + DAY)).allowed).toBe(true);
      expect((await checkThrottle(db, subject('198.51.100.51'), T0 + 300)).allowed).toBe(true);
    });

    it('concurrent failures are all counted', async () => {
      const s = subject('198.51.100.60');
      await Promise.all(Array.from({ length: 5 }, () => recordFailure(db, s, T0)));
      expect((await checkThrottle(db, s, T0)).allowed).toBe(false);
    });

    it('30 parallel attempts for one account: exactly 5 are let through to the password check', async () => {
      const s = subject('198.51.100.80');
      const verdicts = await Promise.all(Array.from({ length: 30 }, () => reserveAttempt(db, s, T0)));
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
      expect(await checkThrottle(db, s, T0 + 1000)).toEqual({ allowed: false, retryAfterMs: 29_000 });
    });

    it('120 parallel attempts from one address (any accounts): at most 100 a day are checked', async () => {
      const address = '198.51.100.90';
      const verdicts = await Promise.all(Array.from({ length: 120 }, () => reserveAttempt(db, subject(address), T0)));
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(ADDRESS_MAX_FAILURES_PER_DAY);
      expect((await reserveAttempt(db, subject(address), T0 + 1)).allowed).toBe(false);
    });

    it('a reserved attempt that succeeds takes its failure back', async () => {
      const s = subject('198.51.100.100');
      for (let i = 0; i < 4; i++) expect((await reserveAttempt(db, s, T0)).allowed).toBe(true);
      expect((await reserveAttempt(db, s, T0)).allowed).toBe(true); // the fifth: the right password this time
      await recordSuccess(db, s);
      expect((await reserveAttempt(db, s, T0)).allowed).toBe(true);
    });

    it('clearing an email forgets its streaks from every address', async () => {
      const s = subject('198.51.100.70');
      await fail(s, 5, T0);
      await fail({ ...s, address: '198.51.100.71' }, 5, T0);
      await clearAccountThrottle(db, s.email);
      expect((await checkThrottle(db, s, T0)).allowed).toBe(true);
      expect((await checkThrottle(db, { ...s, address: '198.51.100.71' }, T0)).allowed).toBe(true);
    });

    it('a fixed-window limit counts every hit and opens again after the window', async () => {
      const key = `test-limit-${n++}`;
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await hitLimit(db, key, 3, 60 * MIN, T0));
      expect(results).toEqual([true, true, true, false]);
      expect(await hitLimit(db, key, 3, 60 * MIN, T0 + 60 * MIN + 1)).toBe(true);
    });
  });
}
